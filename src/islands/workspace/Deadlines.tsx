import type { Deadline } from '../../lib/clocks.ts';
import { deadlineWhen } from '../../lib/deadlineWhen.ts';
import { deadlineName, listedDeadlines } from '../../lib/listedDeadlines.ts';

interface Props {
	deadlines: Deadline[];
	now: number;
	/** Log the rung brought in; settles once the list shows it (the change's code may load first). */
	onEscalated: (deadline: Deadline) => Promise<unknown>;
}

const STATE_WORDS: Record<Deadline['state'], string> = {
	upcoming: 'upcoming',
	due: 'due now',
	overdue: 'overdue',
	done: 'done',
	missed: 'missed',
	unneeded: 'not needed',
	conditional: 'only if',
};

/** The incident's deadlines, each upcoming, due or overdue, with the escalation path as timed steps. */
export function Deadlines({ deadlines, now, onEscalated }: Props) {
	return (
		<ol class="deadlines" aria-label="Deadlines and escalation">
			{listedDeadlines(deadlines).map((d) => (
				<li key={d.id} class={`deadline deadline-${d.state}`} data-deadline={d.id}>
					<span class={`deadline-state state-${d.state}`}>{STATE_WORDS[d.state]}</span>
					<span class="deadline-what">
						<strong>{deadlineName(d)}</strong> <span class="muted">{d.detail}</span>
					</span>
					<span class="deadline-when">{deadlineWhen(d, now)}</span>
					{d.kind === 'rung' && (d.state === 'due' || d.state === 'overdue' || d.state === 'upcoming') && (
						<button
							type="button"
							onClick={(event) => {
								// The button goes once the change is applied: the focus it had stays on its row, not on <body>
								// (unless it has moved on meanwhile).
								const row = event.currentTarget.closest<HTMLElement>('li');
								void onEscalated(d).then(() =>
									setTimeout(() => {
										const lost = !document.activeElement || document.activeElement === document.body;
										if (!row?.isConnected || !lost) return;
										row.tabIndex = -1;
										row.focus();
									}),
								);
							}}
						>
							Mark {d.label} as brought in
						</button>
					)}
				</li>
			))}
		</ol>
	);
}
