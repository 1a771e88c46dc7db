import { useLayoutEffect, useRef } from 'preact/hooks';
import type { IssueAction } from '../../lib/issueLinks';
import type { ActionItem } from '../../lib/state';
import { copyText } from '../copyText';

interface Props {
	/** DOM id prefix. */
	id: string;
	label: string;
	items: ActionItem[];
	onAdd: () => void;
	onChange: (itemId: string, patch: Partial<Pick<ActionItem, 'item' | 'owner' | 'due'>>) => void;
	onRemove: (itemId: string) => void;
	/** How to file an item as an issue in the team's tracker, when one is set. */
	issue?: ((item: ActionItem) => IssueAction | undefined) | undefined;
}

/** The post-mortem's action items, each with an owner and a due date, saved on the incident. */
export function ActionItemsField({ id, label, items, onAdd, onChange, onRemove, issue }: Props) {
	// Keyboard users land in the item they added, or back on the add button after removing one.
	// A layout effect moves focus in the same task as the render, so keys typed right after the
	// click land in the new field, not on the button.
	const focus = useRef<'added' | 'removed' | null>(null);
	useLayoutEffect(() => {
		const target = focus.current === 'added' ? `${id}-${items.at(-1)?.id ?? ''}-item` : focus.current === 'removed' ? `${id}-add-action` : '';
		if (target) document.getElementById(target)?.focus();
		focus.current = null;
	}, [items.length]);
	return (
		<fieldset class="field list-field">
			<legend>{label}</legend>
			{items.length === 0 && <p class="hint">No action items yet.</p>}
			<ol class="list-rows">
				{items.map((a, index) => (
					<li key={a.id} class="list-row action-item">
						<label class="list-cell list-cell-wide">
							<span class="list-key">Action</span>
							<input type="text" id={`${id}-${a.id}-item`} aria-label={`Action item ${index + 1}`} value={a.item} onInput={(e) => onChange(a.id, { item: e.currentTarget.value })} />
						</label>
						<label class="list-cell">
							<span class="list-key">Owner</span>
							<input type="text" aria-label={`Action item ${index + 1}: Owner`} value={a.owner} onInput={(e) => onChange(a.id, { owner: e.currentTarget.value })} />
						</label>
						<label class="list-cell">
							<span class="list-key">Due</span>
							<input type="date" aria-label={`Action item ${index + 1}: Due`} value={a.due} onInput={(e) => onChange(a.id, { due: e.currentTarget.value })} />
						</label>
						{issue && a.item.trim() && <IssueButton action={issue(a)} index={index + 1} />}
						<button type="button" aria-label={`Remove action item ${index + 1}`} onClick={() => {
								focus.current = 'removed';
								onRemove(a.id);
							}}
						>
							Remove
						</button>
					</li>
				))}
			</ol>
			<button
				type="button"
				id={`${id}-add-action`}
				onClick={() => {
					focus.current = 'added';
					onAdd();
				}}
			>
				Add an action item
			</button>
		</fieldset>
	);
}

/** File one item: a link to the tracker's prefilled form, or a copy when the link would be too long. */
function IssueButton({ action, index }: { action: IssueAction | undefined; index: number }) {
	if (!action) return null;
	if (action.kind === 'link') {
		return (
			<a class="button" href={action.url} target="_blank" rel="noopener" data-issue-link>
				File issue<span class="sr-only"> for action item {index} (opens the tracker in a new tab)</span>
			</a>
		);
	}
	return (
		<button type="button" onClick={() => void copyText(action.text)} title="Too long for a link: copies the issue to paste into the tracker">
			Copy issue<span class="sr-only"> for action item {index}</span>
		</button>
	);
}
