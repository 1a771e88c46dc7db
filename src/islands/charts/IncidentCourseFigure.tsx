import { useState } from 'preact/hooks';
import type { ClientPlaybook } from '../../lib/clientPlaybook.ts';
import type { Incident } from '../../lib/state.ts';
import type { IncidentCourseChart } from './CourseChart.onDemand.tsx';

interface Props {
	incident: Incident;
	playbook: Pick<ClientPlaybook, 'severities' | 'escalation'>;
	now: number;
	/** Prefix of element ids, unique on the page. */
	id: string;
}

const chart = () => import('./CourseChart.onDemand.tsx');

/**
 * The incident's course as a chart, in the workspace and the post-mortem. Its code loads when the
 * reader opens it: the pages that carry it are at their script budget.
 */
export function IncidentCourseFigure({ id, ...props }: Props) {
	const [View, setView] = useState<typeof IncidentCourseChart>();
	return (
		<details class="incident-course" onToggle={() => void chart().then((m) => setView(() => m.IncidentCourseChart))}>
			<summary>Course of the incident, as a chart</summary>
			{View ? <View id={id} {...props} /> : <p role="status">Loading the chart…</p>}
		</details>
	);
}
