import { urls } from '../lib/urls.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DECLARE_STYLES } from './declare/declareStyles.ts';
import { pageShown } from '../lib/pageShown.ts';
import { loadStore } from '../lib/pageStoreLoader.ts';
import type { State } from '../lib/state.ts';
import {
	CLASSIFIED_QUERY,
	answerKeys,
	answersFromQuery,
	answersToQuery,
	classify,
	criterionKey,
	impactFromReasons,
	metrics,
	type Answers,
} from '../lib/classify.ts';
import { severityById, type ClientPlaybook } from '../lib/clientPlaybook.ts';
import { describePlannedRung, escalationPlan } from '../lib/escalationLadder.ts';
import { formatMinutes } from '../lib/format.ts';
import { formatResponseTarget } from '../lib/levelText.ts';
import { copyText } from './copyText.ts';
import { SCENARIO_LINK_LIMIT } from '../lib/scenarioLinks.ts';
import { SeverityBadge } from './SeverityBadge.tsx';
import { scenarioStatusText, useScenarios } from './useScenarios.ts';

interface Props {
	playbook: ClientPlaybook;
}

type DialogModule = typeof import('./DeclareDialog.onDemand.tsx');
/** The declare dialog's code, loaded once a level shows (the responder is about to declare). */
let dialogModule: Promise<DialogModule> | undefined;
const loadDialog = () => (dialogModule ??= import('./DeclareDialog.onDemand.tsx'));

const bounds = (m: {
	above?: number | undefined;
	atLeast?: number | undefined;
	below?: number | undefined;
	atMost?: number | undefined;
	unit: string;
}) =>
	[
		m.above !== undefined && `> ${m.above}${m.unit}`,
		m.atLeast !== undefined && `≥ ${m.atLeast}${m.unit}`,
		m.below !== undefined && `< ${m.below}${m.unit}`,
		m.atMost !== undefined && `≤ ${m.atMost}${m.unit}`,
	]
		.filter(Boolean)
		.join(' and ');

/**
 * The severity classifier: the criteria of every level, from content, to tick; numbers for the
 * measured ones; the result announced with its reasons, deadlines and the runbooks that fit.
 * The answers live in the URL, so a classification can be pasted to a colleague.
 */
export default function Classifier({ playbook }: Props) {
	const levels = playbook.severities;
	const [answers, setAnswers] = useState<Answers>({ ticked: [], measures: {} });
	const [copied, setCopied] = useState('');
	const [dialog, setDialog] = useState<DialogModule | undefined>(undefined);
	const Dialog = dialog?.DeclareDialog;
	// When Declare was last pressed (the dialog shows again, as it was left, at each press); 0: not declaring.
	const [declaring, setDeclaring] = useState(0);
	// The runbook the classifier was opened from (`?scenario=`): kept in the URL and declared with.
	const [scenario, setScenario] = useState('');
	// What else the address says (an alert no runbook lists, from AlertLanding.astro): kept in it, and declared with.
	const [carried, setCarried] = useState<[string, string][]>([]);
	const form = useRef<HTMLFormElement>(null);
	// Whether the address has been read: until then it is the only copy of the classification, and is left alone.
	const [read, setRead] = useState(false);
	useEffect(() => {
		setRead(true);
		const query = new URLSearchParams(location.search);
		// What a quick responder ticked or typed before the page came alive counts too.
		if (form.current) {
			const early = new FormData(form.current);
			const seen = [...(query.get('seen') ?? '').split(','), ...early.getAll('seen').map(String)].filter(Boolean);
			if (seen.length > 0) query.set('seen', [...new Set(seen)].join(','));
			for (const { metric } of metrics(levels)) {
				const typed = early.get(metric);
				if (!query.get(metric) && typeof typed === 'string' && typed.trim() !== '') query.set(metric, typed);
			}
		}
		setAnswers(answersFromQuery(levels, query));
		// Only an id a scenario could have: anything else is not carried on.
		setScenario(/^[\w-]{1,100}$/.test(query.get('scenario') ?? '') ? query.get('scenario')! : '');
		const own = ['scenario', ...answerKeys(levels)];
		setCarried([...query].filter(([key]) => !own.includes(key)));
	}, []);
	const context = scenario ? { scenario } : {};
	/** The page's address: the classification, and what else it carries. */
	const address = (kept: [string, string][]) => {
		const query = new URLSearchParams([...Object.entries(context), ...kept, ...answersToQuery(answers)]).toString();
		history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
	};
	useEffect(() => {
		if (read) address(carried);
	}, [read, answers, scenario, carried]);

	const result = classify(levels, answers);
	const level = result.severityId === undefined ? undefined : severityById(levels, result.severityId);
	const toggle = (key: string, on: boolean) =>
		setAnswers((a) => ({ ...a, ticked: on ? [...a.ticked, key] : a.ticked.filter((k) => k !== key) }));
	const measure = (metric: string, raw: string) =>
		setAnswers((a) => {
			const value = raw.trim() === '' ? Number.NaN : Number(raw);
			const { [metric]: _old, ...rest } = a.measures;
			return { ...a, measures: Number.isFinite(value) ? { ...rest, [metric]: value } : rest };
		});
	// With what else the address carries (an alert's name, services, summary): opened in a new tab, or where the
	// dialog cannot open, the form starts as the dialog would. The level is the classification's, not the alert's.
	// The runbook the classifier came from, and those a condition ticked is (a security incident's): declared with.
	const calledFor = [...new Set([...(scenario ? [scenario] : []), ...result.matches.flatMap((m) => m.criterion.scenarios ?? [])])];
	const declareHref = urls.incident([
		...(level
			? ([
					['severity', level.id],
					[CLASSIFIED_QUERY, '1'],
				] as [string, string][])
			: []),
		...calledFor.map((id): [string, string] => ['scenario', id]),
		...carried.filter(([key]) => key !== 'severity' && key !== CLASSIFIED_QUERY),
		...(level ? answersToQuery(answers) : []),
	]);
	const reasons = result.matches.map(
		(m) => `${m.criterion.text}${m.value !== undefined ? ` (${m.value}${m.criterion.measure?.unit ?? ''})` : ''}`,
	);
	const prefill = level && {
		severity: level.id,
		classified: true,
		impact: impactFromReasons(reasons),
		scenarios: calledFor,
	};
	// The incidents as the dialog reads them: the store, loaded with the dialog's code once a level shows, and followed.
	const [state, setState] = useState<State | undefined>(undefined);
	useEffect(() => {
		if (!level) return;
		void loadStore().catch(() => undefined);
		const shown = pageShown();
		const take = () => setState(shown.store()?.get());
		take();
		return shown.subscribe(take);
	}, [level !== undefined]);
	// What the dialog offers first, "Raise P2 to P0" with the incident it would name open at a milder level; until both
	// are in, and whenever declaring is the offer, "Declare P0".
	const change = prefill && state && dialog?.declareLabel(playbook, state, prefill);
	useEffect(() => {
		if (level) void loadDialog().then(setDialog);
		// No level, nothing to declare: a dialog put away (Back, Escape) is done with, and opens only when asked again.
		else setDeclaring(0);
	}, [level !== undefined]);
	// Declare in place: the link works without scripts; with them, the form opens over this page.
	const declare = (event: Event) => {
		event.preventDefault();
		setDeclaring(Date.now());
		if (!Dialog) void loadDialog().then(setDialog);
	};
	const copyLink = async () => setCopied((await copyText(location.href)) ? 'Link copied.' : `Copy this link: ${location.href}`);

	return (
		<>
			{/* The bar's styles come with the classifier, so they are there at first paint and on no other page. */}
			<link rel="stylesheet" href={DECLARE_STYLES} />
			<form ref={form} class="classifier pb-ui not-content" onSubmit={(e) => e.preventDefault()} aria-label="Classify the incident">
				{/* First in the form, so Shift+Tab from a criterion reaches Declare; pinned to the bottom of the view. */}
				<div class={`result-bar ${level ? `tone-${level.tone}` : ''}`}>
					<p id="classification-summary" class="result-bar-text" role="status" aria-live="polite" aria-atomic="true">
						{level ? (
							<>
								<SeverityBadge severity={level} named /> <span class="result-bar-why">{reasons.join('; ')}</span>
							</>
						) : (
							<span class="result-bar-why">No level yet: tick what you see.</span>
						)}
					</p>
					{level && (
						<a class="button primary" href={declareHref} onClick={declare}>
							{change ?? `Declare ${level.id}`}
						</a>
					)}
				</div>
				{levels.map((l) => {
					const plain = l.criteria.filter((c) => !c.measure);
					return plain.length === 0 ? null : (
						<fieldset key={l.id} class={`sev-border-${l.tone}`}>
							<legend>
								<SeverityBadge severity={l} named /> <span class="muted">{l.urgency}</span>
							</legend>
							{plain.map((c) => {
								const key = criterionKey(l.id, c.id);
								return (
									<label key={key} class="criterion">
										<input
											type="checkbox"
											name="seen"
											value={key}
											checked={answers.ticked.includes(key)}
											onChange={(e) => toggle(key, e.currentTarget.checked)}
										/>{' '}
										{c.text}
									</label>
								);
							})}
						</fieldset>
					);
				})}
				{metrics(levels).map((m) => (
					<fieldset key={m.metric} class="metric">
						<legend>{m.label}, if you can measure it</legend>
						<label>
							<input
								type="number"
								inputMode="decimal"
								step="any"
								min="0"
								name={m.metric}
								value={answers.measures[m.metric] ?? ''}
								onInput={(e) => measure(m.metric, e.currentTarget.value)}
								aria-label={`${m.label}${m.unit.trim() ? ` (${m.unit.trim()})` : ''}`}
								aria-describedby={`${m.metric}-bounds`}
							/>{' '}
							{m.unit}
						</label>
						<ul id={`${m.metric}-bounds`} class="bounds">
							{levels.flatMap((l) =>
								l.criteria
									.filter((c) => c.measure?.metric === m.metric)
									.map((c) => (
										<li key={`${l.id}-${c.id}`}>
											<SeverityBadge severity={l} /> {bounds(c.measure!)}: {c.text}
										</li>
									)),
							)}
						</ul>
					</fieldset>
				))}
				<section class={`classification ${level ? `sev-border-${level.tone}` : ''}`} aria-labelledby="classification-title">
					{/* Announced by the result bar (one announcement, not two). */}
					<div id="classification-result">
						<h2 id="classification-title">
							{level ? (
								<>
									<SeverityBadge severity={level} named /> {level.urgency}
								</>
							) : (
								'No level yet'
							)}
						</h2>
						{level ? (
							<>
								<p>
									Because:{' '}
									{result.matches.map((m, i) => (
										<span key={`${m.severityId}-${m.criterion.id}`}>
											{i > 0 && '; '}
											{m.criterion.text}
											{m.value !== undefined && ` (${m.value}${m.criterion.measure?.unit ?? ''})`} ({m.severityId})
										</span>
									))}
								</p>
								<dl class="facts">
									<dt>Respond</dt>
									<dd>{formatResponseTarget(level)}</dd>
									<dt>Escalate</dt>
									<dd>if not resolved in {formatMinutes(level.escalateAfter)}</dd>
									<dt>Escalates to</dt>
									<dd>
										{escalationPlan(playbook.escalation, level)
											.map((planned) => `${planned.rung.role} (${describePlannedRung(planned)})`)
											.join('; ')}
									</dd>
									<dt>Status updates</dt>
									<dd>every {formatMinutes(level.updateEvery)}</dd>
								</dl>
							</>
						) : (
							<p>Tick what you see, or enter a number: the most severe level that matches is the incident's severity.</p>
						)}
					</div>
					{level && (
						<>
							<FittingRunbooks playbook={playbook} level={level.id} />
							<p class="actions">
								<a class="button primary" href={declareHref} onClick={declare}>
									{change ?? `Declare a ${level.id} incident`}
								</a>
								<button type="button" onClick={copyLink}>
									Copy link to this classification
								</button>
								<button type="button" onClick={() => setAnswers({ ticked: [], measures: {} })}>
									Clear
								</button>
								<span role="status">{copied}</span>
							</p>
						</>
					)}
				</section>
			</form>
			{declaring > 0 && Dialog && level && (
				<Dialog
					playbook={playbook}
					prefill={prefill!}
					alertFromUrl
					opened={declaring}
					// Declared from, the alert is done with: nothing offers it again (Declare, a reload, Back).
					onDeclared={() => {
						setCarried([]);
						address([]);
					}}
					onClose={() => setDeclaring(0)}
				/>
			)}
		</>
	);
}

/** The runbooks usually at this level: the first few, and a link to all of them. */
function FittingRunbooks({ playbook, level }: { playbook: ClientPlaybook; level: string }) {
	const { scenarios, status } = useScenarios(playbook);
	if (status !== 'ready') return <p class="fitting">{scenarioStatusText(status)}</p>;
	const fitting = scenarios.filter((s) => s.severities.includes(level));
	if (fitting.length === 0) return null;
	return (
		<div class="fitting">
			<p id="fitting-title">Runbooks for {level}:</p>
			<ul class="fitting-links" aria-labelledby="fitting-title">
				{fitting.slice(0, SCENARIO_LINK_LIMIT).map((s) => (
					<li key={s.id}>
						<a href={urls.scenario(s.id)}>{s.title}</a>
					</li>
				))}
				{fitting.length > SCENARIO_LINK_LIMIT && (
					<li>
						<a href={urls.scenarioIndex()}>and {fitting.length - SCENARIO_LINK_LIMIT} more</a>
					</li>
				)}
			</ul>
		</div>
	);
}
