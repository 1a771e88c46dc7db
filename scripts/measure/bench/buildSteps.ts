import { TIMED_STEP_LINE } from '../../../src/integrations/timedStep.ts';
import { ROUTES } from '../../../src/lib/urls.ts';

/** Wall time of one step of a build, in ms; `part` steps are shares of the step before them that is not a part. */
export interface BuildStep {
	step: string;
	ms: number;
	part?: boolean;
	/** How many pages a part adds up. */
	count?: number;
}

/** Astro's and Starlight's phases, each from the line that starts it to the line that ends it, in the order they run. */
const PHASES: Array<{ step: string; from: RegExp | 'start'; to: RegExp }> = [
	{ step: 'start-up and config', from: 'start', to: /\[content\] Syncing content/ },
	{ step: 'content sync and types', from: /\[content\] Syncing content/, to: /\[types\] Generated/ },
	{ step: 'Vite: server bundle', from: /Building static entrypoints/, to: /\[vite\] ✓ built in/ },
	{ step: 'Vite: client bundle', from: /\[vite\] ✓ built in/, to: /\[vite\] ✓ built in/ },
	{ step: 'static pages', from: /generating static routes/, to: /✓ Completed in/ },
	{ step: 'Pagefind', from: /Building search index with Pagefind/, to: /Finished building search index/ },
	{ step: 'links validator', from: /validating links/, to: /links are valid|invalid link/i },
];

/** Kinds of routes whose render time (Astro's "(+12ms)" after each) is told apart within the static pages. */
const ROUTE_KINDS: Array<[string, (route: string) => boolean]> = [
	['alert forward pages', (route) => route.startsWith(ROUTES.alerts) && route !== `${ROUTES.alerts}index.html`],
	['the single-file copy', (route) => route === ROUTES.playbookFile],
	['scenario pages', (route) => route.startsWith(`${ROUTES.scenarioIndex}`) && route !== `${ROUTES.scenarioIndex}index.html`],
	['other pages and files', () => true],
];
const ROUTE_LINE = /[├└]─ (\S+) \(\+([\d.]+)(m?s)\)/;

/**
 * Where a build's time went, from its timeline (scripts/lib/reportCpu.ts): Astro's phases, the
 * render time of each kind of page, each integration's own timed post-build step (timedStep.ts),
 * and what is left of the total.
 */
export function buildSteps(timeline: Array<[number, string]>, totalMs: number): BuildStep[] {
	const steps: BuildStep[] = [];
	const find = (pattern: RegExp, from: number) => {
		for (let i = from; i < timeline.length; i++) if (pattern.test(timeline[i]![1])) return i;
		return -1;
	};
	let cursor = 0;
	let counted = 0;
	for (const phase of PHASES) {
		const start = phase.from === 'start' ? 0 : find(phase.from, cursor);
		const end = start === -1 ? -1 : find(phase.to, phase.from === 'start' ? 0 : start + 1);
		if (end === -1) continue;
		const ms = timeline[end]![0] - (phase.from === 'start' ? 0 : timeline[start]![0]);
		steps.push({ step: phase.step, ms });
		counted += ms;
		cursor = end;
		if (phase.step === 'static pages') {
			const kinds = new Map<string, { ms: number; count: number }>();
			for (const [, line] of timeline.slice(start, end)) {
				const route = ROUTE_LINE.exec(line);
				if (!route) continue;
				const [kind] = ROUTE_KINDS.find(([, matches]) => matches(route[1]!))!;
				const entry = kinds.get(kind) ?? { ms: 0, count: 0 };
				entry.ms += Number(route[2]) * (route[3] === 's' ? 1000 : 1);
				entry.count++;
				kinds.set(kind, entry);
			}
			for (const [kind] of ROUTE_KINDS) {
				const entry = kinds.get(kind);
				if (entry) steps.push({ step: kind, ms: entry.ms, part: true, count: entry.count });
			}
		}
	}
	for (const [, line] of timeline) {
		const timed = TIMED_STEP_LINE.exec(line);
		if (!timed) continue;
		steps.push({ step: timed[1]!, ms: Number(timed[3]) });
		counted += Number(timed[3]);
	}
	steps.push({ step: 'the rest: writing files, hooks that time nothing', ms: Math.max(0, Math.round(totalMs - counted)) });
	return steps;
}
