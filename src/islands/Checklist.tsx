import type { Step } from '../schemas/step';

interface Props {
	listKey: string;
	label: string;
	steps: Step[];
	ordered: boolean;
}

/**
 * A list of playbook steps a responder can tick. The step text sits outside the <label> (search
 * indexes ignore form labels) and names the checkbox through aria-labelledby; the label is
 * stretched over the whole row by CSS, so the row is one large tap target.
 */
export default function Checklist({ listKey, label, steps, ordered }: Props) {
	const List = ordered ? 'ol' : 'ul';
	const domId = (step: Step) => `${listKey}/${step.id}`.replace(/[^a-zA-Z0-9-]/g, '_');
	return (
		<List class="checklist" data-list={listKey} aria-label={label}>
			{steps.map((step) => (
				<li key={step.id} data-step={step.id}>
					<label class="tick">
						<input type="checkbox" name={`${listKey}/${step.id}`} aria-labelledby={`t_${domId(step)}`} />
					</label>
					<span class="step-text" id={`t_${domId(step)}`}>
						{step.lead && <strong>{step.lead} </strong>}
						{step.text}
					</span>
				</li>
			))}
		</List>
	);
}
