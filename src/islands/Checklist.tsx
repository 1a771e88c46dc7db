import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { earlyChanges, progress, removedTicks, type EarlyBox } from '../lib/checklistProgress.ts';
import { itemKey, type ChecklistSpec } from '../lib/clientPlaybook.ts';
import { holdsSteps } from '../lib/incidentChecklists.ts';
import { formatUtcTime } from '../lib/clocks.ts';
import { MAX_STEP_NOTE_LENGTH } from '../lib/stepNoteLimit.ts';
import { pageShown } from '../lib/pageShown.ts';
import type { Ticks } from '../lib/state.ts';
import type { ShownTicks } from '../lib/storageRead.ts';
import { LazyCopyFallback } from './LazyCopyFallback.tsx';
import { applyInOrder, changeStep, prepareChange, useShownState } from './useShown.ts';

/** The copy and download of a list, loaded when either is asked for: one import, so the build writes one loader. */
const exportCode = () => import('./checklistExport.onDemand.ts');

/**
 * When a change to a record (a step's tick or note) is made: now, or just after the record's last
 * change when this device's clock reads earlier (the record came from a device whose clock is ahead,
 * or this one's was set back). A change older than the record is taken for one made before it and
 * applied late, and dropped: unticking such a step did nothing, and said nothing.
 */
const changedAfter = (record: { changedAt: number } | undefined): number => Math.max(Date.now(), (record?.changedAt ?? 0) + 1);

/** When a step was ticked, and by whom: "03:14 UTC, Ana". */
const tickedWhen = (tick: { at: number; by: string }): string => `${formatUtcTime(tick.at)}${tick.by ? `, ${tick.by}` : ''}`;

interface Props {
	spec: ChecklistSpec;
	ordered: boolean;
}

/**
 * A list of playbook steps a responder ticks. Ticks go to the open incident (or a scratch session)
 * and show when and by whom. The step text sits outside the <label> (search indexes skip form
 * labels) and names the checkbox through aria-labelledby; CSS stretches the label over the row.
 * Ticks are shown by the cheap read; the first change loads the store, and a tick made before it
 * arrives shows at once and is kept, as is one made before the island came alive (a slow phone).
 */
export default function Checklist({ spec, ordered }: Props) {
	const { shown, ready } = useShownState();
	const incident = shown.active;
	const target = incident?.id ?? null;
	// Ticks made here and not yet in the state (the store is loading), by item key.
	const [pending, setPending] = useState<Record<string, boolean>>({});
	const stored = incident?.ticks ?? shown.scratch;
	const ticks: ShownTicks = { ...stored };
	for (const [key, done] of Object.entries(pending))
		ticks[key] = { at: Date.now(), changedAt: Date.now(), by: '', text: '', list: spec.label, ...stored[key], done };
	const [editing, setEditing] = useState<string | null>(null);
	const [message, setMessage] = useState('');
	const [undo, setUndo] = useState<Ticks | null>(null);
	const [fallback, setFallback] = useState<string | null>(null);
	const { done, total } = progress(spec, ticks);
	// The step to take next; none among signs to recognise (symptoms, a phase's signs), which are not taken in turn.
	const next = spec.signs || !holdsSteps(spec) ? undefined : spec.steps.find((s) => !ticks[itemKey(spec.key, s.id)]?.done);
	const removed = removedTicks(spec, ticks);
	const List = ordered ? 'ol' : 'ul';
	const domId = (id: string) => `t_${itemKey(spec.key, id).replace(/[^a-zA-Z0-9-]/g, '_')}`;
	const root = useRef<HTMLDivElement>(null);
	// The buttons are in the server's HTML too, holding their place unseen until they work (playbook.css).
	const awaiting = ready ? {} : { 'data-awaits-script': '', 'aria-hidden': true as const };

	const toggle = async (stepId: string, text: string, checked: boolean, to: string | null = target) => {
		const key = itemKey(spec.key, stepId);
		setPending((p) => ({ ...p, [key]: checked }));
		try {
			await changeStep({ target: to, key, text, list: spec.label, at: changedAfter(stored[key]), change: { done: checked } });
		} finally {
			setPending(({ [key]: _done, ...rest }) => rest);
		}
	};
	// Boxes ticked before the island came alive are the responder's ticks: kept, shown as they are
	// (the first render with the stored ticks includes them), and saved as a press saves them, timed
	// as the island comes alive (before the page says it has).
	useLayoutEffect(() => {
		const boxes: EarlyBox[] = [...(root.current?.querySelectorAll<HTMLElement>('li[data-step]') ?? [])].flatMap((li) => {
			const box = li.querySelector<HTMLInputElement>('input[type="checkbox"]');
			return box ? [{ stepId: li.dataset['step'] ?? '', rendered: box.defaultChecked, checked: box.checked }] : [];
		});
		const now = pageShown().get();
		const changed = earlyChanges(spec, boxes, now.active?.ticks ?? now.scratch);
		for (const { stepId, checked } of changed) {
			const step = spec.steps.find((s) => s.id === stepId);
			if (step) void toggle(step.id, step.text, checked, now.active?.id ?? null);
		}
	}, []);
	// Focused by the page, not by autofocus, which browsers skip on an address with a fragment (a runbook opened at a heading).
	// Closed (saved, cancelled, Escape), the note gives the focus back to its step's Note button, not to the page.
	const edited = useRef<string | null>(null);
	useLayoutEffect(() => {
		const step = edited.current;
		edited.current = editing;
		(editing
			? root.current?.querySelector<HTMLElement>('.note-form input')
			: step
				? root.current?.querySelector<HTMLElement>(`li[data-step="${CSS.escape(step)}"] .note-button`)
				: null
		)?.focus();
	}, [editing]);
	const saveNote = async (stepId: string, text: string, note: string) => {
		setEditing(null);
		await changeStep({
			target,
			key: itemKey(spec.key, stepId),
			text,
			list: spec.label,
			at: changedAfter(ticks[itemKey(spec.key, stepId)]),
			change: { note },
		});
	};
	const reset = async () => {
		const taken = await applyInOrder((changes) => changes.reset(target, `${spec.key}/`, spec.label));
		const count = Object.keys(taken).length;
		setUndo(count > 0 ? taken : null);
		setMessage(count > 0 ? `Cleared ${count} tick${count === 1 ? '' : 's'}.` : 'Nothing to clear.');
	};
	const undoReset = async () => {
		if (undo) await applyInOrder((changes) => changes.restore(target, undo));
		setUndo(null);
		setMessage('Ticks restored.');
	};
	const copy = async () => {
		const refused = await (await exportCode()).copyChecklist(spec, ticks);
		if (refused === undefined) setMessage('Copied as Markdown.');
		else setFallback(refused);
	};
	const download = async () => (await exportCode()).downloadChecklist(spec, ticks);

	return (
		<div
			ref={root}
			class="checklist-island not-content"
			data-list={spec.key}
			onPointerDown={prepareChange}
			onKeyDown={prepareChange}
			onFocusIn={prepareChange}
		>
			<p class="checklist-progress" aria-live="polite" data-pagefind-ignore>
				<progress max={total} value={done} aria-label={`${spec.label} progress`} />{' '}
				{/* Symptoms are seen, not done: they are not steps, and the page's progress does not count them. */}
				<span class="checklist-count">
					{done} of {total} {holdsSteps(spec) ? 'done' : 'seen'}
				</span>
				{/* A line of its own, there before the island is ready: whatever it then names, nothing under it moves. */}
				<span class="checklist-for">
					{ready ? (
						<span class="checklist-target">
							{incident
								? `Ticks go to ${incident.drill ? 'drill ' : ''}${incident.id}${incident.resolvedAt === undefined ? '' : ' (resolved)'}: ${incident.title}`
								: 'Ticks kept in this browser: no incident open'}
						</span>
					) : (
						'\u00a0'
					)}
				</span>
			</p>
			<List class="checklist" aria-label={spec.label}>
				{spec.steps.map((step) => {
					const tick = ticks[itemKey(spec.key, step.id)];
					const isNext = ready && next?.id === step.id;
					return (
						<li
							key={step.id}
							data-step={step.id}
							class={`${tick?.done ? 'done' : ''} ${isNext ? 'next' : ''}`}
							{...(isNext ? { 'aria-current': 'step' as const } : {})}
						>
							<label class="tick">
								<input
									type="checkbox"
									// Not restored by the browser on going back: a restored box would read as the responder's tick.
									autocomplete="off"
									checked={tick?.done ?? false}
									aria-labelledby={domId(step.id)}
									onChange={(e) => toggle(step.id, step.text, e.currentTarget.checked)}
								/>
							</label>
							<span class="step-body">
								<span class="step-text" id={domId(step.id)}>
									{step.lead && <strong>{step.lead} </strong>}
									{step.text}
								</span>
								{isNext && <span class="next-badge"> Next</span>}
								{tick?.note && editing !== step.id && <span class="step-note">Note: {tick.note}</span>}
								{editing === step.id && (
									<form
										class="note-form"
										onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
										onSubmit={(e) => {
											e.preventDefault();
											void saveNote(step.id, step.text, new FormData(e.currentTarget).get('note')?.toString() ?? '');
										}}
									>
										{/* No maxLength: it would cut a paste without a word. The browser refuses a longer note on Save, says why, and keeps the text. */}
										<input
											name="note"
											pattern={`[\\s\\S]{0,${MAX_STEP_NOTE_LENGTH}}`}
											title={`At most ${MAX_STEP_NOTE_LENGTH} characters`}
											defaultValue={tick?.note ?? ''}
											aria-label={`Note on: ${step.text}`}
										/>
										<button type="submit">Save</button>
										<button type="button" onClick={() => setEditing(null)}>
											Cancel
										</button>
									</form>
								)}
								{/* Last: it takes the room the step keeps for it (playbook.css). */}
								{tick?.done && <span class="tick-meta"> {tickedWhen(tick)}</span>}
							</span>
							{editing !== step.id && (
								<button
									type="button"
									class="note-button print:hidden"
									data-pagefind-ignore=""
									{...awaiting}
									aria-label={`${tick?.note ? 'Edit note' : 'Add note'}: ${step.text}`}
									onClick={() => setEditing(step.id)}
								>
									Note
								</button>
							)}
						</li>
					);
				})}
			</List>
			{removed.length > 0 && (
				<div class="removed-steps">
					<p>Ticked earlier, no longer in the playbook:</p>
					<ul>
						{removed.map(([key, tick]) => (
							<li key={key}>
								<s>{tick.text}</s> {tickedWhen(tick)}
							</li>
						))}
					</ul>
				</div>
			)}
			<div class="checklist-tools print:hidden" data-pagefind-ignore="" {...awaiting}>
				<button type="button" onClick={copy}>
					Copy as Markdown
				</button>
				<button type="button" onClick={download}>
					Download .md
				</button>
				<button type="button" onClick={reset} disabled={done === 0 && removed.length === 0}>
					Reset list
				</button>
				<span role="status" class="tool-status">
					{message}
					{undo && (
						<button type="button" onClick={undoReset}>
							Undo
						</button>
					)}
				</span>
			</div>
			{fallback !== null && <LazyCopyFallback text={fallback} label={`${spec.label} as Markdown`} onClose={() => setFallback(null)} />}
		</div>
	);
}
