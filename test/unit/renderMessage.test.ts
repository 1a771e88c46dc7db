import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { escapeText, keepLineBreaks, renderTemplate } from '../../src/lib/renderMessage.ts';
import { parseTemplate, templateNames } from '../../src/lib/templateSyntax.ts';

/** Markdown to HTML as GitHub would render it, with raw HTML let through so any leak shows. */
const html = (markdown: string) => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const ZW = '\u200B';
const HOSTILE = 'a *b* _c_ ~d~ `e` <script>alert(1)</script> & [x](javascript:y) | f\n# g\n- h\n1. i\n    j';

describe('escapeText', () => {
	it('keeps plain text as typed', () => {
		expect(escapeText(HOSTILE, 'plain')).toBe(HOSTILE);
	});
	it('fences Slack formatting marks and leaves &, <, > as typed (pasted into the message box, not sent through the API)', () => {
		expect(escapeText('a *b* _c_ ~d~ `e <x> & y', 'slack')).toBe(
			`a ${ZW}*${ZW}b${ZW}*${ZW} ${ZW}_${ZW}c${ZW}_${ZW} ${ZW}~${ZW}d${ZW}~${ZW} ${ZW}\`${ZW}e <x> & y`,
		);
	});
	it('leaves a mark inside a word as typed in Slack, where it cannot format: a name copied from the channel into a shell is the name', () => {
		for (const name of ['db_primary_replica', 'checkout*api', 'a~b', 'MAX_RETRIES_2', 'ünïcode_naмe'])
			expect(escapeText(name, 'slack')).toBe(name);
		expect(escapeText('_tmp and x_ or db_main', 'slack')).toBe(`${ZW}_${ZW}tmp and x${ZW}_${ZW} or db_main`);
		expect(escapeText('_a_b_', 'slack')).toBe(`${ZW}_${ZW}a_b${ZW}_${ZW}`);
	});
	it('keeps every Markdown character literal, with line breaks as hard breaks', () => {
		const out = html(escapeText(HOSTILE, 'markdown'));
		expect(out).toBe(
			'<p>a *b* _c_ ~d~ <code>e</code> &lt;script&gt;alert(1)&lt;/script&gt; &amp; [x](javascript:y) | f<br />\n# g<br />\n- h<br />\n1. i<br />\nj</p>',
		);
	});
	it('keeps a command typed between backticks a code span, exactly as typed, in Slack and in Markdown', () => {
		const typed = 'Ran `kubectl rollout undo deploy/api_v2 --to-revision=*3*` and `echo <b>|x` then *_done_*';
		const slack = escapeText(typed, 'slack');
		expect(slack).toContain('`kubectl rollout undo deploy/api_v2 --to-revision=*3*`');
		expect(slack).toContain('`echo <b>|x`');
		expect(slack).toContain(`${ZW}*${ZW}${ZW}_${ZW}done${ZW}_${ZW}${ZW}*${ZW}`);
		const out = html(escapeText(typed, 'markdown'));
		expect(out).toContain('<code>kubectl rollout undo deploy/api_v2 --to-revision=*3*</code>');
		expect(out).toContain('<code>echo &lt;b&gt;|x</code>');
		expect(out).toContain('then *_done_*');
		expect(out).not.toMatch(/<(em|strong|b)>/);
		// In a table cell, where a pipe in a span would end the cell (even escaped, next to a backslash), it is literal text.
		for (const command of ['a | b', "grep -E 'timeout\\|refused'", '\\|']) {
			const row = `| ${escapeText(`ran \`${command}\` now`, 'markdown', true)} | d |`;
			const cells = html(`| x | y |\n| --- | --- |\n${row}`).match(/<td>.*?<\/td>/g);
			expect(cells).toEqual([`<td>ran \`${command.replace(/'/g, "'")}\` now</td>`, '<td>d</td>']);
		}
		// Markdown's spans of longer runs, closed by a run as long, stay spans; in Slack, which has none, all is literal.
		const runs = '``double`` and ```tri`ple``` and `a``b` and `` ` `` then ``` alone';
		expect(html(escapeText(runs, 'markdown'))).toBe(
			'<p><code>double</code> and <code>tri`ple</code> and <code>a``b</code> and <code>`</code> then ``` alone</p>',
		);
		const slackRuns = escapeText('``double`` and `ok`', 'slack');
		expect(slackRuns.startsWith(`${ZW}\`${ZW}${ZW}\`${ZW}double${ZW}\`${ZW}${ZW}\`${ZW}`)).toBe(true);
		expect(slackRuns.endsWith(' and `ok`')).toBe(true);
		// Inside a word, where Slack opens no code span, the marks in it are fenced as anywhere else.
		expect(escapeText('x`*y*`z', 'slack')).toBe(`x${ZW}\`${ZW}${ZW}*${ZW}y${ZW}*${ZW}${ZW}\`${ZW}z`);
		// A backtick with no pair, or a pair across lines, is no code span: literal, as before.
		expect(html(escapeText('one ` two\nthree ` four', 'markdown'))).not.toContain('<code>');
	});
	it('keeps a table cell on one line with its pipes literal', () => {
		const row = `| ${escapeText('a | b\nc', 'markdown', true)} | d |`;
		expect(html(`| x | y |\n| --- | --- |\n${row}`)).toContain('<td>a | b c</td>');
	});
});

describe('keepLineBreaks', () => {
	it('ends each line of a paragraph with a hard break, and leaves block lines alone', () => {
		const markdown = ['# Title', 'Status: open', 'Impact: none', '', '- one', '- two', '| a |', '| --- |', 'Already\\', 'broken'].join(
			'\n',
		);
		expect(keepLineBreaks(markdown)).toBe(
			['# Title', 'Status: open\\', 'Impact: none', '', '- one', '- two', '| a |', '| --- |', 'Already\\', 'broken'].join('\n'),
		);
	});
	it('does not add a break before a setext underline or after an escaped backslash it would cancel', () => {
		expect(keepLineBreaks('Title\n---')).toBe('Title\n---');
		expect(keepLineBreaks('C:\\\\\nnext')).toBe('C:\\\\\\\nnext');
	});
});

describe('inverted sections', () => {
	const text = 'Done:\n{{#steps}}\n- {{step}}\n{{/steps}}\n{{^steps}}\nNothing, {{who}}.\n{{/steps}}\n';
	it('writes the inverted body only when the list is empty', () => {
		expect(renderTemplate(text, { steps: [{ step: 'x' }], who: 'ops' }, 'plain')).toBe('Done:\n- x\n');
		expect(renderTemplate(text, { steps: [], who: 'ops' }, 'plain')).toBe('Done:\nNothing, ops.\n');
		expect(renderTemplate(text, { who: 'ops' }, 'plain')).toBe('Done:\nNothing, ops.\n');
	});
	it('counts blanks inside an inverted section as top-level fields', () => {
		expect(templateNames(parseTemplate(text))).toEqual({ fields: ['who'], sections: new Map([['steps', ['step']]]) });
	});
	it('names the open tag when a section is closed wrongly or never', () => {
		expect(() => parseTemplate('{{^a}}x{{/b}}')).toThrow('{{/b}} closes {{^a}}');
		expect(() => parseTemplate('{{^a}}x')).toThrow('{{^a}} is never closed');
	});
});

describe('long lists', () => {
	const template = '## Timeline\n\n| Time | Event |\n| --- | --- |\n{{#timeline}}\n| {{time}} | {{event}} |\n{{/timeline}}\n';
	const rows = (n: number) =>
		Array.from({ length: n }, (_, i) => ({
			time: `03:${String(i % 60).padStart(2, '0')}`,
			event: `Checked replica ${i}: lag *${i % 97}* s`,
		}));
	/** The fastest of a few runs, in milliseconds: the least disturbed by other work on the machine. */
	const fastest = (n: number) => {
		const values = { timeline: rows(n) };
		let best = Number.POSITIVE_INFINITY;
		for (let run = 0; run < 3; run++) {
			const start = performance.now();
			renderTemplate(template, values, 'markdown');
			best = Math.min(best, performance.now() - start);
		}
		return best;
	};

	it('renders every row of a long table, each still read as a table row', () => {
		const out = renderTemplate(template, { timeline: rows(3) }, 'markdown');
		expect(out.split('\n').filter((line) => line.startsWith('| 03:'))).toEqual([
			'| 03:00 | Checked replica 0: lag \\*0\\* s |',
			'| 03:01 | Checked replica 1: lag \\*1\\* s |',
			'| 03:02 | Checked replica 2: lag \\*2\\* s |',
		]);
	});

	it('grows linearly with the rows: eight times the rows takes nowhere near 64 times as long', () => {
		fastest(2_000);
		const small = Math.max(fastest(2_000), 1);
		const large = fastest(16_000);
		// Linear is about 8×; the quadratic renderer this replaced took 60× and more.
		expect(large / small).toBeLessThan(25);
	});
});

describe('labelled blanks in a list row', () => {
	const template = '## Action Items\n{{#items}}\n- [ ] {{item}} - Owner: {{owner}} - Due: {{due}}\n{{/items}}\n';
	const rows = [
		{ item: 'Canary deploys', owner: '', due: '' },
		{ item: 'Alert on memory', owner: '@ann', due: '' },
		{ item: 'Load-test failover', owner: '', due: '2026-12-10' },
		{ item: 'Runbook for Redis', owner: '@bob', due: '2026-12-11' },
	];
	it.each(['slack', 'markdown', 'plain'] as const)('leaves out an empty owner or due date with its label (%s)', (format) => {
		const lines = renderTemplate(template, { items: rows }, format).split('\n').slice(1, -1);
		expect(lines.map((line) => line.replaceAll(ZW, '').replace(/\\(.)/g, '$1'))).toEqual([
			'- [ ] Canary deploys',
			'- [ ] Alert on memory - Owner: @ann',
			'- [ ] Load-test failover - Due: 2026-12-10',
			'- [ ] Runbook for Redis - Owner: @bob - Due: 2026-12-11',
		]);
	});
	it('keeps a label in bold with its value, and drops it whole without one', () => {
		const bold = '{{#items}}\n- {{item}}, **Owner:** {{owner}}\n{{/items}}\n';
		expect(
			renderTemplate(
				bold,
				{
					items: [
						{ item: 'a', owner: '' },
						{ item: 'b', owner: 'c' },
					],
				},
				'slack',
			),
		).toBe('- a\n- b, *Owner:* c\n');
	});
	it('keeps the cells of a table row and a value after a colon that is no label', () => {
		const table = '{{#rows}}\n| {{time}} | {{event}} |\n{{/rows}}\n';
		expect(renderTemplate(table, { rows: [{ time: '03:10', event: '' }] }, 'plain')).toBe('| 03:10 |  |\n');
		const steps = '{{#steps}}\n- {{list}}: {{step}}\n{{/steps}}\n';
		expect(renderTemplate(steps, { steps: [{ list: 'Triage', step: '' }] }, 'plain')).toBe('- Triage: \n');
	});
});
