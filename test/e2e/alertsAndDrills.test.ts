import { describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { declareOnWorkspace, fillDeclareDialog } from '../support/declare.ts';
import { useChromium } from '../support/useChromium.ts';
import { readFrontmatter } from '../support/frontmatter.ts';

const baseURL = inject('baseURL');
const chromium = useChromium({ baseURL });
/** The levels the fixture's runbook `id` usually is. */
const usualLevels = (id: string) => readFrontmatter(join(inject('content'), 'docs/scenarios', `${id}.mdx`))['severities'] as string[];
const stored = (page: import('playwright-core').Page) => page.evaluate(() => JSON.parse(localStorage.getItem('playbook:state') ?? 'null'));

describe('links from alerts', () => {
	it('open a prefilled declare form on the runbook, and never declare by themselves', async () => {
		const page = await chromium.context.newPage();
		await page.goto('/scenarios/high-error-rate/?alert=HighErrorRate&severity=P1&service=api&summary=5xx%20above%2010%25');
		await page.getByRole('button', { name: 'Declare from this alert' }).click();
		const dialog = page.locator('.declare-dialog');
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).waitFor();
		expect(await page.locator('.alert-note').innerText()).toBe(
			'Opened from alert HighErrorRate at P1 for api. Check the details, then declare.',
		);
		expect(await dialog.getByLabel('Severity', { exact: true }).inputValue()).toBe('P1');
		expect(await dialog.getByLabel('Affected services (comma-separated)').inputValue()).toBe('api');
		expect(await dialog.getByLabel('Impact').inputValue()).toBe('5xx above 10%');
		expect(await dialog.getByRole('checkbox', { name: 'High Error Rate', exact: true }).isChecked()).toBe(true);
		expect(await stored(page)).toBeNull();
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).click();
		await expect.poll(() => dialog.locator('.declared').innerText()).toContain('Declared');
		await dialog.getByRole('button', { name: 'Close' }).click();
		await expect.poll(() => page.locator('.alert-declare').count()).toBe(0);
		const incident = (await stored(page)).state.incidents[0];
		expect([incident.alert, incident.severity, incident.title, incident.scenarios]).toEqual([
			'HighErrorRate',
			'P1',
			'HighErrorRate on api',
			['high-error-rate'],
		]);
		expect(new URL(page.url()).search).toBe('');
	});

	it('never declare a summary that notifies the whole channel on one press, nor on Enter held down', async () => {
		const context = await chromium.browser.newContext({ baseURL });
		const page = await context.newPage();
		await page.goto('/scenarios/high-error-rate/?alert=HighErrorRate&severity=P1&summary=%3C%21channel%3E%20checkout%20down');
		await page.getByRole('button', { name: 'Declare from this alert' }).click();
		const dialog = page.locator('.declare-dialog');
		// Open, once its styles are here: on a busy machine the field was focused while the dialog was still closed, and the
		// first press went to the page.
		await page.locator('.declare-dialog[open]').waitFor();
		await dialog.getByLabel('Title').focus();
		await expect.poll(() => dialog.getByLabel('Title').evaluate((el) => el === document.activeElement)).toBe(true);
		// Enter pressed and held for over a second: the browser repeats the key (repeat: true), each a submit unless refused.
		await page.keyboard.down('Enter');
		await expect.poll(() => dialog.locator('#declare-mentions').innerText()).toMatch(/<!channel>[\s\S]*again/);
		await page.waitForTimeout(1000);
		await page.keyboard.down('Enter');
		await page.keyboard.down('Enter');
		await page.keyboard.up('Enter');
		await page.waitForTimeout(300);
		expect(await stored(page)).toBeNull();
		// The warning beside the button, on screen with it.
		const warning = await dialog.locator('#declare-mentions').boundingBox();
		const button = await dialog.getByRole('button', { name: 'Declare and copy the message' }).boundingBox();
		expect(warning!.y + warning!.height).toBeLessThanOrEqual(button!.y + 1);
		expect(button!.y + button!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
		// A press of its own, later: declared with it, as asked.
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await stored(page))?.state.incidents.length ?? 0).toBe(1);
		await context.close();
	});

	it('put what the alert asks first on a phone, with one button to declare from it', async () => {
		const page = await chromium.context.newPage();
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto('/scenarios/high-error-rate/?alert=HighErrorRate&severity=P1&service=api');
		const note = page.locator('.alert-declare');
		// In the first screen, before the runbook's summary; the page's own Declare button waits while the note offers it.
		const declare = note.getByRole('button', { name: 'Declare from this alert' });
		const box = (await declare.boundingBox())!;
		expect(box.y + box.height).toBeLessThanOrEqual(740);
		expect(
			await note.evaluate(
				(el) => !!(el.compareDocumentPosition(document.querySelector('.runbook-meta')!) & Node.DOCUMENT_POSITION_FOLLOWING),
			),
		).toBe(true);
		expect(await page.getByRole('link', { name: 'Declare an incident' }).isVisible()).toBe(false);
		expect(await page.getByRole('link', { name: 'Declare from this alert' }).count()).toBe(0);
		await declare.click();
		const dialog = page.locator('.declare-dialog');
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).waitFor();
		expect(await dialog.getByLabel('Title').inputValue()).toBe('HighErrorRate on api');
		expect(await dialog.getByLabel('Severity', { exact: true }).inputValue()).toBe('P1');
		expect(await dialog.getByLabel('Affected services (comma-separated)').inputValue()).toBe('api');
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).click();
		await expect.poll(() => dialog.locator('.declared').count()).toBe(1);
		expect((await stored(page)).state.incidents[0].alert).toBe('HighErrorRate');
		// Declared from it, the alert is done with as the declaration is made: the note behind the dialog, a reload
		// (or Back from the workspace) do not offer to add it to the incident it has just opened.
		expect(new URL(page.url()).search).toBe('');
		expect(await note.count()).toBe(0);
		await page.reload();
		await page.locator('.incident-bar-title').waitFor();
		expect(await note.count()).toBe(0);
	});

	it('keep a press on the note made before its scripts have loaded, and do it once they have', async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await context.route(/\/_astro\/.*\.js$/, async (route) => {
			await held;
			await route.continue();
		});
		const page = await context.newPage();
		// Parsed, not loaded: the page's module scripts wait for the held files.
		await page.goto('/scenarios/high-error-rate/?alert=HighErrorRate&severity=P1&service=api', { waitUntil: 'commit' });
		// Drawn with the page, before any island: the press lands on the note's own button.
		await page.locator('.alert-declare').getByRole('button', { name: 'Declare from this alert' }).tap();
		expect(await page.locator('astro-island[ssr]').count()).toBeGreaterThan(0);
		expect(await page.locator('.declare-dialog').count()).toBe(0);
		// It says it was taken: its buttons look busy until it is done.
		const actions = page.locator('.alert-declare .actions');
		expect(await actions.evaluate((el) => getComputedStyle(el).cursor)).toBe('progress');
		release();
		const dialog = page.locator('.declare-dialog');
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).waitFor();
		expect(await dialog.getByLabel('Title').inputValue()).toBe('HighErrorRate on api');
		expect(await actions.evaluate((el) => getComputedStyle(el).cursor)).not.toBe('progress');
		await context.close();
	});

	it('name the incident already open, add the alert to it, and declare a second one only on purpose', async () => {
		const page = await chromium.context.newPage();
		await page.goto('/scenarios/high-error-rate/');
		await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
		await page.getByRole('link', { name: 'Declare an incident' }).click();
		await fillDeclareDialog(page, { title: 'Checkout errors', severity: 'P2' });
		const [open] = (await stored(page)).state.incidents;
		// Naming the open incident takes the cheap read every page has: the store and zod load only to add the alert.
		const storeFiles: string[] = [];
		page.on('request', (request) => {
			if (/\/_astro\/(store|vendor-zod)[.-]/.test(request.url())) storeFiles.push(request.url());
		});
		await page.goto('/alerts/higherrorrate/?severity=P1&service=checkout&summary=Half%20of%20payments%20fail');
		const note = page.locator('.alert-declare');
		await expect.poll(() => note.locator('.alert-open').count()).toBe(1);
		await page.waitForLoadState('networkidle');
		expect(storeFiles).toEqual([]);
		expect(await note.locator('.alert-open').innerText()).toContain(`Already open: P2 Checkout errors (${open.id})`);
		expect(await note.getByRole('button', { name: 'Declare from this alert' }).isVisible()).toBe(false);
		// Its first button adds the alert to the open incident, in a phone's first screen under the incident bar (which links to it).
		await page.setViewportSize({ width: 360, height: 740 });
		const add = (await note.getByRole('button', { name: `Add the alert to ${open.id}` }).boundingBox())!;
		expect(add.y + add.height).toBeLessThanOrEqual(740);
		await page.setViewportSize({ width: 1280, height: 720 });
		// The declare form says so too, with the alert added to the open one as its first choice.
		await note.getByRole('button', { name: 'Declare a new incident' }).click();
		const dialog = page.locator('.declare-dialog');
		expect(await dialog.getByRole('note').innerText()).toContain('Already open: P2 Checkout errors');
		// A new one was chosen: the focus is in its title, not on the offer to add the alert (which Enter would press).
		const title = dialog.getByLabel('Title');
		await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(await dialog.locator('button[type="submit"]').innerText()).toBe('Declare and copy the message (a new incident)');
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		// Pressed twice (a double tap, Enter twice) while the store loads: added once.
		await note.getByRole('button', { name: `Add the alert to ${open.id}` }).dblclick();
		await expect.poll(() => note.locator('.alert-note').innerText()).toContain(`It is on ${open.id}`);
		await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('alert-declare'))).toBe(true);
		// Busy no more: its buttons are as any other.
		expect(await note.locator('.actions').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
		const incidents = (await stored(page)).state.incidents;
		expect(incidents).toHaveLength(1);
		expect(incidents[0].services).toContain('checkout');
		expect(incidents[0].events.at(-1).text).toBe('Alert HighErrorRate (P1, checkout) added: Half of payments fail');
		expect(incidents[0].events.filter((e: { text?: string }) => e.text?.startsWith('Alert HighErrorRate')).length).toBe(1);
		expect(new URL(page.url()).search).toBe('');
		// From the form too: the alert is added to the open incident, and the note says so.
		await page.goto('/alerts/higherrorrate/?severity=P1&service=search');
		await note.getByRole('button', { name: 'Declare a new incident' }).click();
		await dialog.getByRole('button', { name: `Add the alert to ${open.id}` }).click();
		await expect
			.poll(async () => ((await dialog.locator('.declared h2').textContent()) ?? '').replace(/\s+/g, ' ').trim())
			.toBe(`Alert HighErrorRate added to ${open.id}`);
		await dialog.getByRole('button', { name: 'Close' }).click();
		await expect.poll(() => note.locator('.alert-note').innerText()).toContain(`It is on ${open.id}`);
		const after = (await stored(page)).state.incidents;
		expect(after).toHaveLength(1);
		expect(after[0].services).toEqual(expect.arrayContaining(['checkout', 'search']));
	});

	it('declared from in one tab, are not offered again in another: the note names the incident they are on', async () => {
		const context = await chromium.browser.newContext({ baseURL });
		const first = await context.newPage();
		const link = '/scenarios/high-error-rate/?alert=HighErrorRate&severity=P1&service=api';
		await first.goto(link);
		await first.getByRole('button', { name: 'Declare from this alert' }).click();
		const dialog = first.locator('.declare-dialog');
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).click();
		await dialog.locator('.declared').waitFor();
		const [incident] = (await stored(first)).state.incidents;
		// The same alert's link opened again (a second notification, another tab): its session keeps no record of it.
		const second = await context.newPage();
		await second.goto(link);
		const note = second.locator('.alert-declare');
		expect(await note.locator('.alert-note').innerText()).toContain(`It is on ${incident.id}`);
		const shown = async () => (await note.locator('button:visible, a:visible').allInnerTexts()).map((t) => t.trim());
		expect(await shown()).toEqual(['Open the incident workspace', 'Close']);
		// As the incident changes (a step ticked), the note stays as it is, and nothing is added to the incident.
		await second.locator('main .checklist input').first().check();
		await expect.poll(async () => (await stored(second)).state.incidents[0].ticks).not.toEqual({});
		expect(await shown()).toEqual(['Open the incident workspace', 'Close']);
		expect((await stored(second)).state.incidents[0].events.filter((e: { text?: string }) => e.text?.startsWith('Alert '))).toEqual([]);
		// Another alert's link still offers to add it.
		await second.goto('/scenarios/high-error-rate/?alert=HighLatency&service=api');
		expect(await shown()).toContain(`Add the alert to ${incident.id}`);
		await context.close();
	});

	it('no runbook lists keep their details through the classifier, into the declaration', async () => {
		const page = await chromium.context.newPage();
		// The classify link of an unlisted alert's landing carries the alert's parameters.
		await page.goto('/classify/?alert=DiskAlmostFull&service=api&summary=Disk%2095%25%20full&seen=P0:service-completely-down');
		await page.getByRole('link', { name: 'Declare a P0 incident' }).waitFor();
		await page.reload();
		// Opened in a new tab (a long press, a middle click), the link's form starts the same as the dialog.
		const href = await page.getByRole('link', { name: 'Declare a P0 incident' }).getAttribute('href');
		const tab = await chromium.context.newPage();
		await tab.goto(href!);
		const form = tab.locator('.declare-form');
		await form.getByRole('button', { name: /^Declare/ }).waitFor();
		expect(
			await Promise.all(['Title', 'Affected services (comma-separated)', 'Impact'].map((label) => form.getByLabel(label).inputValue())),
		).toEqual(['DiskAlmostFull on api', 'api', 'Disk 95% full']);
		expect(await form.getByLabel('Severity', { exact: true }).inputValue()).toBe('P0');
		await tab.close();
		await page.getByRole('link', { name: 'Declare a P0 incident' }).click();
		const dialog = page.locator('.declare-dialog');
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).waitFor();
		expect(await dialog.getByLabel('Title').inputValue()).toBe('DiskAlmostFull on api');
		// The classification decides the level; the alert gives what it knows.
		expect(await dialog.getByLabel('Severity', { exact: true }).inputValue()).toBe('P0');
		expect(await dialog.getByLabel('Affected services (comma-separated)').inputValue()).toBe('api');
		expect(await dialog.getByLabel('Impact').inputValue()).toBe('Disk 95% full');
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).click();
		await dialog.locator('.declared').waitFor();
		expect((await stored(page)).state.incidents[0].alert).toBe('DiskAlmostFull');
	});

	it("keep their details through the classifier when the responder, unsure of the level, leaves the runbook's form for it", async () => {
		const page = await chromium.context.newPage();
		await page.goto('/scenarios/high-error-rate/?alert=ErrorsUp&service=checkout&summary=5xx%20above%205%25');
		await page.getByRole('button', { name: 'Declare from this alert' }).click();
		const runbookForm = page.locator('.declare-dialog');
		await runbookForm.getByLabel('Impact').fill('5xx above 5% on checkout');
		await runbookForm.getByRole('link', { name: 'Not sure? Classify it' }).click();
		await page.waitForURL(/\/classify\//);
		await page.locator('form.classifier input[type="checkbox"]').first().check();
		await page.getByRole('link', { name: /^Declare a / }).click();
		const dialog = page.locator('.declare-dialog');
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).waitFor();
		// Nothing retyped: the alert's title and services, and the impact as the responder had changed it.
		expect(
			await Promise.all(['Title', 'Affected services (comma-separated)', 'Impact'].map((label) => dialog.getByLabel(label).inputValue())),
		).toEqual(['ErrorsUp on checkout', 'checkout', '5xx above 5% on checkout']);
		await dialog.getByRole('button', { name: 'Declare and copy the message' }).click();
		await dialog.locator('.declared').waitFor();
		const [incident] = (await stored(page)).state.incidents;
		expect([incident.alert, incident.scenarios]).toEqual(['ErrorsUp', ['high-error-rate']]);
		await page.close();
	});

	it('ignore unknown and hostile parameters, showing them only as text', async () => {
		const page = await chromium.context.newPage();
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		await page.goto('/scenarios/service-down/?alert=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&severity=P9&service=web&utm_source=pager');
		await page.getByRole('button', { name: 'Declare from this alert' }).click();
		await page.getByRole('button', { name: 'Declare and copy the message' }).waitFor();
		expect(await page.locator('.alert-note').innerText()).toBe(
			'Opened from alert without a name for web. Check the details, then declare.',
		);
		// A level the playbook does not have is not taken: the runbook's one usual level is chosen, as without one.
		expect(await page.getByLabel('Severity', { exact: true }).inputValue()).toBe(usualLevels('service-down')[0]);
		expect(await page.locator('.alert-declare img').count()).toBe(0);
		await page.goto('/scenarios/service-down/?summary=%3Cscript%3Ealert(1)%3C%2Fscript%3E&service=api');
		await page.getByRole('button', { name: 'Declare from this alert' }).click();
		await page.getByRole('button', { name: 'Declare and copy the message' }).waitFor();
		expect(await page.getByLabel('Impact').inputValue()).toBe('<script>alert(1)</script>');
		expect(dialogs).toBe(0);
	});

	it('leave a runbook without alert parameters as it is', async () => {
		const page = await chromium.context.newPage();
		await page.goto('/scenarios/service-down/');
		await page.locator('.checklist-progress').first().waitFor();
		expect(await page.locator('.alert-declare').count()).toBe(0);
	});

	it("listed on the alerts page, open their runbook as the alert's own link does, the alert in the declare form", async () => {
		const page = await chromium.context.newPage();
		await page.goto('/alerts/');
		const row = page.locator('main table tbody tr').first();
		const alert = (await row.locator('code').textContent())!.replace(/\s/g, '');
		await row.getByRole('link').click();
		await page.waitForURL((url) => url.pathname.startsWith('/scenarios/'));
		await expect.poll(() => page.locator('.alert-declare').textContent()).toContain(alert);
	});

	it('wrap their names between words on a phone, never inside one, and the page never scrolls sideways', async () => {
		const context = await chromium.browser.newContext({ baseURL, viewport: { width: 320, height: 740 } });
		const page = await context.newPage();
		for (const url of ['/alerts/', '/scenarios/service-down/']) {
			await page.goto(url);
			// Each line break inside a name, as the characters' positions show it: the letters on either side of it.
			const breaks = await page.locator('main table code, .runbook-alerts code').evaluateAll((codes) =>
				codes.flatMap((code) => {
					const text = code.textContent ?? '';
					const range = document.createRange();
					const tops: number[] = [];
					const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
					for (let node = walker.nextNode(); node; node = walker.nextNode())
						for (let i = 0; i < node.textContent!.length; i++) {
							range.setStart(node, i);
							range.setEnd(node, i + 1);
							tops.push(Math.round(range.getBoundingClientRect().top));
						}
					return tops.flatMap((top, i) => (i > 0 && top > tops[i - 1]! ? [`${text.slice(0, i)}|${text.slice(i)}`] : []));
				}),
			);
			if (url === '/alerts/') expect(breaks.length, 'some name is long enough to wrap at 320 px').toBeGreaterThan(0);
			// A break comes before a capital that follows a small letter or a digit, or after a separator.
			expect(
				breaks.filter((b) => !/([a-z0-9]\|[A-Z]|[-_.:/]\|)/.test(b)),
				url,
			).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
		}
		await context.close();
	});

	it('are named on the runbook they lead to, as the scenario lists them', async () => {
		const page = await chromium.context.newPage();
		for (const id of ['service-down', 'security-incident']) {
			const alerts = readFrontmatter(join(inject('content'), 'docs/scenarios', `${id}.mdx`))['alerts'] as string[];
			await page.goto(`/scenarios/${id}/`);
			expect(await page.locator('.runbook-alerts code').allTextContents()).toEqual(alerts);
		}
	});
});

describe('drills', () => {
	it('are marked everywhere, kept apart, and cleared in one step', async () => {
		const page = await chromium.context.newPage();
		await declareOnWorkspace(page, { title: 'Real outage', severity: 'P2' });
		await page.getByRole('button', { name: 'Start another incident' }).click();
		await fillDeclareDialog(page, { title: 'Game day: database failover', severity: 'P0', drill: true });
		await expect.poll(() => page.locator('#incident-title').innerText()).toMatch(/^DRILL/);
		expect(await page.locator('.incident-summary').innerText()).toMatch(/#incident-drill-\d{8}-\d{4}/);
		expect(await page.locator('.incident-list').innerText()).toMatch(/Open\s+P2\s+Real outage[\s\S]*Drills\s+DRILL\s+P0\s+Game day/);
		await page.goto('/tools/');
		expect(await page.locator('#incident-bar .incident-bar-heading').innerText()).toMatch(/^DRILL/);
		await page.goto('/incident/');
		await page.evaluate(() => {
			(window as unknown as { copied: string }).copied = '';
			navigator.clipboard.writeText = async (text: string) => {
				(window as unknown as { copied: string }).copied = text;
			};
		});
		await page.locator('.exports').getByRole('button', { name: 'Copy as Markdown' }).click();
		await expect.poll(() => page.evaluate(() => (window as unknown as { copied: string }).copied)).toMatch(/^# DRILL: Incident drill-/);
		await page.getByRole('button', { name: 'Clear 1 drill' }).click();
		await expect.poll(async () => (await stored(page)).state.incidents.map((i: { title: string }) => i.title)).toEqual(['Real outage']);
	});
});
