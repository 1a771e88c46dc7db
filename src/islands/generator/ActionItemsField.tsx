import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ActionItem } from '../../lib/state.ts';

interface Props {
	/** DOM id prefix. */
	id: string;
	label: string;
	items: ActionItem[];
	onAdd: () => void;
	onChange: (itemId: string, patch: Partial<Pick<ActionItem, 'item' | 'owner' | 'due'>>) => void;
	onRemove: (itemId: string) => void;
	/** File an item as an issue in the team's tracker, when one is set. */
	onIssue?: ((item: ActionItem) => void) | undefined;
}

/** The post-mortem's action items, each with an owner and a due date, saved on the incident. */
export function ActionItemsField({ id, label, items, onAdd, onChange, onRemove, onIssue }: Props) {
	// Keyboard users land in the item they added, or back on the add button after removing one.
	// A layout effect moves focus in the same task as the render, so keys typed right after the
	// click land in the new field, not on the button.
	const focus = useRef<'added' | 'removed' | null>(null);
	useLayoutEffect(() => {
		const target =
			focus.current === 'added' ? `${id}-${items.at(-1)?.id ?? ''}-item` : focus.current === 'removed' ? `${id}-add-action` : '';
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
							<input
								type="text"
								id={`${id}-${a.id}-item`}
								aria-label={`Action item ${index + 1}`}
								value={a.item}
								onInput={(e) => onChange(a.id, { item: e.currentTarget.value })}
							/>
						</label>
						<label class="list-cell">
							<span class="list-key">Owner</span>
							<input
								type="text"
								aria-label={`Action item ${index + 1}: Owner`}
								value={a.owner}
								onInput={(e) => onChange(a.id, { owner: e.currentTarget.value })}
							/>
						</label>
						<label class="list-cell">
							<span class="list-key">Due</span>
							<input
								type="date"
								aria-label={`Action item ${index + 1}: Due`}
								value={a.due}
								onInput={(e) => onChange(a.id, { due: e.currentTarget.value })}
							/>
						</label>
						{onIssue && a.item.trim() && (
							<button type="button" data-issue onClick={() => onIssue(a)}>
								File issue<span class="sr-only"> for action item {index + 1}</span>
							</button>
						)}
						<button
							type="button"
							aria-label={`Remove action item ${index + 1}`}
							onClick={() => {
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
