import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BarChart } from '../../src/islands/charts/BarChart.tsx';
import { CourseChart } from '../../src/islands/charts/CourseChart.onDemand.tsx';
import type { IncidentCourse } from '../../src/lib/incidentCourse.ts';
import type { ClientPlaybook } from '../../src/lib/clientPlaybook.ts';

const T0 = Date.UTC(2026, 10, 26, 3, 14);
const min = (n: number) => n * 60_000;
const course: IncidentCourse = {
	title: 'API down',
	start: T0,
	end: T0 + min(40),
	bands: [
		{ severity: 'P1', label: 'P1 High', tone: 'caution', from: T0, to: T0 + min(10) },
		{ severity: 'P0', label: 'P0 Critical', tone: 'danger', from: T0 + min(10), to: T0 + min(40) },
	],
	marks: [
		{ kind: 'declared', at: T0 + min(2), label: 'Declared P1' },
		{ kind: 'message', at: T0 + min(5), label: 'Declaration sent' },
		{ kind: 'status', at: T0 + min(40), label: 'Resolved' },
	],
	deadlines: [
		{ id: 'response', label: 'Response target', at: T0 + min(5), outcome: 'met' },
		{ id: 'escalate', label: 'Escalate', at: T0 + min(15), outcome: 'missed' },
	],
};

afterEach(cleanup);

describe('<CourseChart>', () => {
	it('is one image named by a sentence that says what it shows, with the table behind it', () => {
		render(<CourseChart id="c" course={course} />);
		const image = screen.getByRole('img');
		expect(image.getAttribute('aria-labelledby')).toBe('c-summary');
		expect(document.getElementById('c-summary')?.textContent).toBe(
			'From 03:14 UTC to 03:54 UTC: P1 High for 10 min, then P0 Critical for 30 min. 1 ' +
				'status change, 1 message, 0 escalations. Deadlines missed: Escalate.',
		);
		const rows = screen
			.getAllByRole('row')
			.slice(1)
			.map((r) => r.textContent);
		expect(rows).toEqual([
			'03:14 UTCSeverityP1 High until 03:24 UTC',
			'03:16 UTCStatusDeclared P1',
			'03:19 UTCMessagesDeclaration sent',
			'03:19 UTCDeadlineResponse target: met',
			'03:24 UTCSeverityP0 Critical until 03:54 UTC',
			'03:29 UTCDeadlineEscalate: missed',
			'03:54 UTCStatusResolved',
		]);
	});
	it('places each band and mark at its share of the incident, met and missed drawn differently', () => {
		const { container } = render(<CourseChart id="c" course={course} />);
		const bands = [...container.querySelectorAll('rect.course-band')].map((r) => [r.getAttribute('x'), r.getAttribute('width')]);
		expect(bands).toEqual([
			['0.00%', '25.00%'],
			['25.00%', '75.00%'],
		]);
		expect(container.querySelector('.course-message')?.getAttribute('cx')).toBe('12.50%');
		expect(container.querySelectorAll('circle.course-met')).toHaveLength(1);
		expect(container.querySelectorAll('rect.course-missed')).toHaveLength(1);
		// Colours come from the theme's custom properties, through the severity tone classes.
		expect(container.querySelector('g.sev-danger rect.course-band')).toBeTruthy();
	});
});

describe('<BarChart>', () => {
	it('names every bar and its figure in its text alternative, and scales bars to the largest', () => {
		const { container } = render(
			<BarChart
				title="Median time to resolve, by severity"
				tableNote="the table By severity"
				bars={[
					{ label: 'P0', value: 30, text: '30 min' },
					{ label: 'P1', value: 15, text: '15 min' },
					{ label: 'P2', value: undefined, text: '' },
				]}
			/>,
		);
		expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
			'Median time to resolve, by severity: P0 30 min; P1 15 min; P2 no figure.',
		);
		expect([...container.querySelectorAll('rect.bar')].map((r) => r.getAttribute('width'))).toEqual(['100.00%', '50.00%']);
		expect(container.querySelector('figcaption')?.textContent).toContain('the table By severity');
	});
});

describe('<IncidentCourseFigure>', () => {
	beforeEach(() => vi.resetModules());
	it('loads and draws the chart when the reader opens it', async () => {
		const { IncidentCourseFigure } = await import('../../src/islands/charts/IncidentCourseFigure.tsx');
		const { declareIncident } = await import('../../src/lib/incidents.ts');
		const { emptyState } = await import('../../src/lib/state.ts');
		const playbook: Pick<ClientPlaybook, 'severities' | 'escalation'> = {
			severities: [
				{
					id: 'P1',
					name: 'High',
					urgency: '',
					tone: 'caution',
					rank: 1,
					criteria: [],
					responseTime: 15,
					escalateAfter: 60,
					updateEvery: 30,
				},
			],
			escalation: [],
		};
		const { state } = declareIncident(
			emptyState(),
			{
				title: 'x',
				severity: 'P1',
				status: 'investigating',
				detectedAt: T0,
				impact: '',
				services: [],
				onCall: '',
				commander: '',
				scenarios: [],
				drill: false,
			},
			'inc-',
			T0 + min(1),
		);
		const { container } = render(<IncidentCourseFigure id="w" incident={state.incidents[0]!} playbook={playbook} now={T0 + min(20)} />);
		expect(screen.queryByRole('img')).toBeNull();
		const details = container.querySelector('details')!;
		details.open = true;
		fireEvent(details, new Event('toggle'));
		await waitFor(() => expect(screen.getByRole('img')).toBeTruthy());
		expect(document.getElementById('w-summary')?.textContent).toContain('P1 High for 20 min');
	});
});
