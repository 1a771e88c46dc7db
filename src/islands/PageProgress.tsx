import { stepsProgress } from '../lib/checklistProgress.ts';
import type { ChecklistSpec } from '../lib/clientPlaybook.ts';
import { useShownState } from './useShown.ts';

interface Props {
	/** What the lists make up, e.g. "Phase 1: Detection & Triage". */
	label: string;
	lists: ChecklistSpec[];
}

/** Progress over all the checklists of a page: a phase or a scenario. */
export default function PageProgress({ label, lists }: Props) {
	const { shown, ready } = useShownState();
	const ticks = shown.active?.ticks ?? shown.scratch;
	const totals = stepsProgress(lists, ticks);
	return (
		<p class="page-progress-line not-content" aria-live="polite" data-pagefind-ignore>
			<span>{label}:</span> <progress max={totals.total} value={totals.done} aria-label={label} />{' '}
			<span data-page-progress>
				{ready ? `${totals.done} of ${totals.total} steps done` : `${totals.total} steps`}
				{totals.total > 0 && totals.done === totals.total && ' ✓'}
			</span>
		</p>
	);
}
