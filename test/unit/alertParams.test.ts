import { describe, expect, it } from 'vitest';
import { alertDeclaration, alertPrefill, alertQuery } from '../../src/lib/alertParams.ts';
import { MAX_IMPACT_LENGTH, MAX_TITLE_LENGTH } from '../../src/lib/limits.ts';

const levels = ['P0', 'P1', 'P2', 'P3'];
const read = (query: string) => alertPrefill(new URLSearchParams(query), levels);

describe('alert links', () => {
	it('reads a Prometheus-style link', () => {
		expect(read('alert=HighErrorRate&severity=P1&service=api')).toEqual({ alert: 'HighErrorRate', severity: 'P1', services: ['api'] });
	});
	it('writes the query it reads: an alert passed on comes back as it was, with nothing for what is not known', () => {
		const alert = { alert: '[Prod] High CPU (db-1)', services: ['payment api', 'db'], summary: 'CPU at 98% for 10 min' };
		expect(alertPrefill(new URLSearchParams(alertQuery(alert)), levels)).toEqual(alert);
		expect(alertQuery({ services: [] })).toEqual([]);
		expect(alertQuery({ alert: 'X', services: [], summary: '' })).toEqual([['alert', 'X']]);
	});
	it('accepts lower-case levels, several services and a summary', () => {
		expect(read('alert=DBDown&severity=p0&service=api,worker&service=db&summary=Primary%20down%0Asince%2003:10')).toEqual({
			alert: 'DBDown',
			severity: 'P0',
			services: ['api', 'worker', 'db'],
			summary: 'Primary down since 03:10',
		});
	});
	it('takes a summary as long as the Impact holds, and marks where a longer one was cut', () => {
		const fits = 'x'.repeat(MAX_IMPACT_LENGTH);
		expect(read(`alert=A&summary=${fits}`)?.summary).toBe(fits);
		const cut = read(`alert=A&summary=${fits}yz`)?.summary;
		expect([cut?.length, cut?.endsWith('x…')]).toEqual([MAX_IMPACT_LENGTH, true]);
	});
	it('never cuts a character in two: an emoji at the limit goes whole, before the …', () => {
		const summary = read(`alert=A&summary=${'a'.repeat(MAX_IMPACT_LENGTH - 2)}${encodeURIComponent('😀')}zzz`)!.summary!;
		expect(summary).toBe(`${'a'.repeat(MAX_IMPACT_LENGTH - 2)}…`);
		expect(summary.isWellFormed()).toBe(true);
	});
	it("makes a title from the alert and its services that fits the form's title, marked where cut, whole characters only", () => {
		const long = read(`alert=${encodeURIComponent('🔥'.repeat(99))}&service=api`)!;
		const { title } = alertDeclaration(long, []);
		expect([title!.length <= MAX_TITLE_LENGTH, title!.endsWith('🔥…'), title!.isWellFormed()]).toEqual([true, true, true]);
		expect(alertDeclaration(read('alert=DiskFull&service=db&service=api')!, []).title).toBe('DiskFull on db, api');
	});
	it('has nothing to prefill without alert parameters', () => {
		expect(read('')).toBeUndefined();
		expect(read('utm_source=x&foo=bar')).toBeUndefined();
	});
	it('takes names as Grafana and Datadog write them, with spaces, brackets and slashes', () => {
		expect(read('alert=High%20CPU%20(db-1)&service=payment%20api&service=eu/west')).toEqual({
			alert: 'High CPU (db-1)',
			services: ['payment api', 'eu/west'],
		});
		expect(read('alert=%5BProd%5D%20Disk%20%2F%20full%2095%25')?.alert).toBe('[Prod] Disk / full 95%');
	});
	it('drops names that carry markup, a mention, quotes or control characters, or are too long', () => {
		for (const name of ['<!here>', 'Disk @channel', 'a"b', 'a`b', 'a\\b', 'a\u0007b', 'a\u202eb', 'x'.repeat(101)])
			expect(read(new URLSearchParams({ alert: name, service: name }).toString()), JSON.stringify(name)).toBeUndefined();
		expect(read(new URLSearchParams({ alert: 'x'.repeat(100) }).toString())?.alert).toHaveLength(100);
	});
	it('drops unknown levels and hostile names, keeping the rest', () => {
		expect(read('alert=<script>alert(1)</script>&severity=SEV9&service=api&service=" onmouseover="x')).toEqual({ services: ['api'] });
		expect(read('alert=Up&severity=P1%3Cimg%3E')).toEqual({ alert: 'Up', services: [] });
	});
});
