import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { composeMessage, drillLine, type GeneratorTemplate } from '../../src/lib/composeMessage.ts';
import { addNote, setSeverity, setStatus, updatePostMortem } from '../../src/lib/incidents.ts';
import { editedValues, incidentValues } from '../../src/lib/messageValues.ts';
import { DOCUMENT_ROWS } from '../../src/lib/postMortem.ts';
import { MESSAGE_FORMATS, type FieldValues, type MessageFormat } from '../../src/lib/renderMessage.ts';
import type { Incident } from '../../src/lib/state.ts';
import { min, T0, withIncident } from '../support/incidents.ts';
import { contentChecklists, contentPlaybook, contentTemplate, contentTemplateIds } from '../support/playbookContent.ts';
import { CONTENT } from '../support/playbookFromFiles.ts';

/**
 * The P0–P3 fixture playbook's templates (test/fixtures/p-playbook), filled from an incident, in
 * every format, compared with the text a responder pastes; the live templates are checked by the
 * invariants at the end, which hold whatever a team writes.
 */

const playbook = contentPlaybook();
const checklists = contentChecklists();
const ZW = '\u200B';
const NOW = T0 + min(12);
const HOSTILE = 'Errors *spike* on `login_v2` <script>alert(1)</script> & more\n# still the impact\n1. not a list';

/** An open incident: declared P1, raised to P0, a note, now mitigating. */
function incident(over: { impact?: string; note?: string; drill?: boolean } = {}): Incident {
	let { state, id } = withIncident({ severity: 'P1', impact: over.impact ?? 'All users cannot log in', drill: over.drill ?? false });
	state = setSeverity(state, id, 'P0', T0 + min(5));
	state = addNote(state, id, over.note ?? 'Rolled back deploy 42', T0 + min(7));
	state = setStatus(state, id, { id: 'mitigating', label: 'Mitigating', closes: false }, T0 + min(9));
	state = updatePostMortem(state, id, { rootCause: 'Expired certificate', resolution: 'Renewed it' }, T0 + min(10));
	return state.incidents[0]!;
}

function write(template: GeneratorTemplate, from: Incident | undefined, format: MessageFormat, edits: FieldValues = {}): string {
	const fromIncident = from
		? incidentValues(template.fields, { incident: from, playbook, checklists, kind: template.kind, now: NOW, rows: DOCUMENT_ROWS })
		: {};
	const values = editedValues(template.fields, fromIncident, edits);
	return composeMessage(template, values, format, { drill: from?.drill ?? false });
}

const lines = (...text: string[]) => text.join('\n');

describe('the declaration', () => {
	const template = contentTemplate('declaration');
	it.each<[MessageFormat, string]>([
		[
			'slack',
			lines(
				'*🚨 INCIDENT DECLARED*',
				'',
				'Incident: API returns 503',
				'Severity: P0 Critical',
				'Status: Mitigating',
				'Impact: All users cannot log in',
				'Affected Services: api',
				'Incident Channel: #incident-20261126-0314-0000',
				'On-Call: @alice',
			),
		],
		[
			'markdown',
			lines(
				'**🚨 INCIDENT DECLARED**',
				'',
				'Incident: API returns 503\\',
				'Severity: P0 Critical\\',
				'Status: Mitigating\\',
				'Impact: All users cannot log in\\',
				'Affected Services: api\\',
				'Incident Channel: \\#incident-20261126-0314-0000\\',
				'On-Call: @alice',
			),
		],
		[
			'plain',
			lines(
				'🚨 INCIDENT DECLARED',
				'',
				'Incident: API returns 503',
				'Severity: P0 Critical',
				'Status: Mitigating',
				'Impact: All users cannot log in',
				'Affected Services: api',
				'Incident Channel: #incident-20261126-0314-0000',
				'On-Call: @alice',
			),
		],
	])('in %s, filled from the incident', (format, expected) => {
		expect(write(template, incident(), format)).toBe(expected);
	});

	it.each<[MessageFormat, string]>([
		[
			'slack',
			`Impact: Errors ${ZW}*${ZW}spike${ZW}*${ZW} on \`login_v2\` <script>alert(1)</script> & more\n# still the impact\n1. not a list\n`,
		],
		[
			'markdown',
			'Impact: Errors \\*spike\\* on `login_v2` \\<script\\>alert(1)\\</script\\> \\& more\\\n\\# still the impact\\\n1\\. not a list\\\n',
		],
		['plain', `Impact: ${HOSTILE}\n`],
	])('in %s, keeps hostile text literal', (format, expected) => {
		expect(write(template, incident({ impact: HOSTILE }), format)).toContain(expected);
	});

	it('with no incident, pastes no placeholder: only the heading is left', () => {
		expect(write(template, undefined, 'plain')).toBe('🚨 INCIDENT DECLARED');
	});

	it('uses what the responder typed over the incident, and the incident for the rest', () => {
		expect(write(template, incident(), 'plain', { impact: 'Half of logins fail', onCall: '  ' })).toContain(
			'Impact: Half of logins fail\nAffected Services: api',
		);
		// A field cleared to spaces leaves its line out: never its placeholder "@engineer", which reads as a real mention.
		expect(write(template, incident(), 'plain', { onCall: '  ' })).not.toContain('On-Call');
	});
});

describe('the status update', () => {
	const template = contentTemplate('update');
	const timeline = [
		'03:10 UTC - Incident detected',
		'03:14 UTC - Incident declared: P1, API returns 503',
		'03:19 UTC - Severity P1 → P0',
		'03:21 UTC - Rolled back deploy 42',
		'03:23 UTC - Status: Mitigating',
	];
	it.each<[MessageFormat, string]>([
		[
			'slack',
			lines(
				'*📊 INCIDENT UPDATE*',
				'',
				'Status: Mitigating',
				'Impact: All users cannot log in',
				'Timeline:',
				...timeline.map((t) => `- ${t}`),
				'',
				'Next Update: 03:41 UTC',
			),
		],
		[
			'markdown',
			lines(
				'**📊 INCIDENT UPDATE**',
				'',
				'Status: Mitigating\\',
				'Impact: All users cannot log in\\',
				'Timeline:',
				...timeline.map((t) => `- ${t}`),
				'',
				'Next Update: 03:41 UTC',
			),
		],
		[
			'plain',
			lines(
				'📊 INCIDENT UPDATE',
				'',
				'Status: Mitigating',
				'Impact: All users cannot log in',
				'Timeline:',
				...timeline.map((t) => `- ${t}`),
				'',
				'Next Update: 03:41 UTC',
			),
		],
	])('in %s, with the latest events and the next update one interval from now', (format, expected) => {
		expect(write(template, incident(), format)).toBe(expected);
	});

	it.each<[MessageFormat, string]>([
		['slack', `- 03:21 UTC - Paged ${ZW}*${ZW}db${ZW}*${ZW} <b>team</b> | ${ZW}_${ZW}x${ZW}_${ZW}\nline 2\n`],
		['markdown', '- 03:21 UTC - Paged \\*db\\* \\<b\\>team\\</b\\> \\| \\_x\\_\\\nline 2\n'],
		['plain', '- 03:21 UTC - Paged *db* <b>team</b> | _x_\nline 2\n'],
	])('in %s, keeps hostile timeline text literal', (format, expected) => {
		expect(write(template, incident({ note: 'Paged *db* <b>team</b> | _x_\nline 2' }), format)).toContain(expected);
	});

	it('with no incident, pastes no example row and no placeholder: only what was typed', () => {
		const text = write(template, undefined, 'plain', {
			timeline: [
				{ time: '10:00', event: 'Paged DBA' },
				{ time: '', event: ' ' },
			],
		});
		expect(text).toContain('Timeline:\n- 10:00 - Paged DBA');
		expect(text).not.toMatch(/\[Time\]|Next Update|Impact/);
	});
});

describe('the resolution', () => {
	const template = contentTemplate('resolution');
	it.each<[MessageFormat, string]>([
		[
			'slack',
			lines(
				'*✅ INCIDENT RESOLVED*',
				'',
				'Status: Resolved',
				'Duration: 16 min',
				'Root Cause: Expired certificate',
				'Resolution: Renewed it',
			),
		],
		[
			'markdown',
			lines(
				'**✅ INCIDENT RESOLVED**',
				'',
				'Status: Resolved\\',
				'Duration: 16 min\\',
				'Root Cause: Expired certificate\\',
				'Resolution: Renewed it',
			),
		],
		[
			'plain',
			lines(
				'✅ INCIDENT RESOLVED',
				'',
				'Status: Resolved',
				'Duration: 16 min',
				'Root Cause: Expired certificate',
				'Resolution: Renewed it',
			),
		],
	])('in %s, with the root cause and resolution of the post-mortem', (format, expected) => {
		expect(write(template, incident(), format)).toBe(expected);
	});

	it.each<[MessageFormat, string]>([
		['slack', 'Post-Mortem: https://wiki.example.com/pm?id=1&v=2'],
		['markdown', 'Post-Mortem: https://wiki.example.com/pm?id=1\\&v=2'],
		['plain', 'Post-Mortem: https://wiki.example.com/pm?id=1&v=2'],
	])('in %s, takes a typed-in link', (format, expected) => {
		expect(write(template, incident(), format, { postMortem: 'https://wiki.example.com/pm?id=1&v=2' })).toContain(expected);
	});
});

/** Markdown as GitHub renders it, with raw HTML let through so that any leak would show. */
const toHtml = (markdown: string) => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
/** Opening tag names of rendered HTML, in order: the structure, whatever the text. */
const tags = (markdown: string) => [...toHtml(markdown).matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]);
/** The first line as a reader sees it, formatting taken away. */
const firstLineRead = (text: string, format: MessageFormat) => {
	const line = text.split('\n')[0] ?? '';
	if (format === 'markdown') return toHtml(line).replace(/<[^>]+>/g, '');
	return format === 'slack' ? line.replaceAll('*', '') : line;
};

/** Invariants: they hold for every template of the live content/, whatever a team writes. */
describe('Markdown output read by a CommonMark + GFM parser', () => {
	// A lone backtick: a pair is a code span, kept as one (below).
	const hostile = 'a *b* _c_ `d <script>alert(1)</script> [e](javascript:f) | g\n# h\n- i';
	const benign = 'a b c d e f g\nh\ni';
	it.each(contentTemplateIds(CONTENT))('%s: hostile text adds no element and no HTML, and stays visible as typed', (id) => {
		const template = contentTemplate(id, CONTENT);
		// Every value but the sections a writer writes as Markdown (`markdown` fields), which are tried below.
		const typed = (text: string) =>
			Object.fromEntries(
				template.fields.map((f) => [f.name, f.items ? [Object.fromEntries(f.items.map((k) => [k, text]))] : f.markdown ? 'x' : text]),
			);
		const attack = write(template, undefined, 'markdown', typed(hostile));
		expect(tags(attack)).toEqual(tags(write(template, undefined, 'markdown', typed(benign))));
		const rendered = toHtml(attack);
		expect(rendered).not.toMatch(/<script|<\/script|href=/);
		if (template.fields.some((f) => !f.markdown && !f.items))
			expect(rendered).toContain('a *b* _c_ `d &lt;script&gt;alert(1)&lt;/script&gt; [e](javascript:f) | g');
	});
	it.each(contentTemplateIds(CONTENT))('%s: a command typed between backticks is a code span, and nothing more', (id) => {
		const template = contentTemplate(id, CONTENT);
		const typed = (text: string) =>
			Object.fromEntries(template.fields.map((f) => [f.name, f.items ? [Object.fromEntries(f.items.map((k) => [k, text]))] : text]));
		const rendered = toHtml(write(template, undefined, 'markdown', typed('ran `rm -rf /tmp/*_old <b>|x` now')));
		const spans = rendered.match(/<code>[^<]*<\/code>/g) ?? [];
		expect(spans.length).toBeGreaterThanOrEqual(template.fields.some((f) => !f.items) ? 1 : 0);
		for (const span of spans) expect(span).toBe('<code>rm -rf /tmp/*_old &lt;b&gt;|x</code>');
		expect(rendered).not.toMatch(/<b>|<em>|<strong>x/);
	});
	it.each(contentTemplateIds(CONTENT))('%s: Markdown written into its Markdown sections adds no HTML and no link to a script', (id) => {
		const template = contentTemplate(id, CONTENT);
		const sections = template.fields.filter((f) => f.markdown && !f.items);
		const attacks = [
			hostile,
			'<img src=x onerror=alert(1)>',
			'[e](<javascript:f>)',
			'[e]( JavaScript:f)',
			'<javascript:f>',
			'java&#115;cript',
		];
		for (const attack of attacks) {
			const rendered = toHtml(write(template, undefined, 'markdown', Object.fromEntries(sections.map((f) => [f.name, attack]))));
			// Shown as text (`&lt;img …`), never as an element; no link to a script, however its scheme is written.
			expect(rendered).not.toMatch(/<script|<img|href="\s*(?:javascript|data|vbscript):/i);
		}
	});
});

describe('drills', () => {
	it.each(contentTemplateIds(CONTENT).flatMap((id) => MESSAGE_FORMATS.map((format) => [id, format] as const)))(
		'%s in %s says DRILL on its first line',
		(id, format) => {
			const template = contentTemplate(id, CONTENT);
			const drill = incident({ drill: true });
			const withEdits = Object.fromEntries(template.fields.map((f) => [f.name, f.items ? [] : 'typed']));
			for (const text of [write(template, drill, format), write(template, drill, format, withEdits)]) {
				expect(text.split('\n')[0]).toBe(drillLine(format));
				expect(firstLineRead(text, format)).toBe('[DRILL] This is a drill, not a real incident.');
			}
			expect(write(template, incident(), format)).not.toContain('DRILL');
		},
	);
	it('marks the drill in bold where the format has bold', () => {
		expect(MESSAGE_FORMATS.map(drillLine)).toEqual([
			'*[DRILL]* This is a drill, not a real incident.',
			'**\\[DRILL\\]** This is a drill, not a real incident.',
			'[DRILL] This is a drill, not a real incident.',
		]);
	});
});
