import { describe, expect, it } from 'vitest';
import { alertPrefill } from '../../src/lib/alertParams.ts';

const levels = ['P0', 'P1', 'P2', 'P3'];
const read = (query: string) => alertPrefill(new URLSearchParams(query), levels);

describe('alert links', () => {
	it('reads a Prometheus-style link', () => {
		expect(read('alert=HighErrorRate&severity=P1&service=api')).toEqual({ alert: 'HighErrorRate', severity: 'P1', services: ['api'] });
	});
	it('accepts lower-case levels, several services and a summary', () => {
		expect(read('alert=DBDown&severity=p0&service=api,worker&service=db&summary=Primary%20down%0Asince%2003:10')).toEqual({
			alert: 'DBDown',
			severity: 'P0',
			services: ['api', 'worker', 'db'],
			summary: 'Primary down since 03:10',
		});
	});
	it('has nothing to prefill without alert parameters', () => {
		expect(read('')).toBeUndefined();
		expect(read('utm_source=x&foo=bar')).toBeUndefined();
	});
	it('drops unknown levels and hostile names, keeping the rest', () => {
		expect(read('alert=<script>alert(1)</script>&severity=SEV9&service=api&service=" onmouseover="x')).toEqual({ services: ['api'] });
		expect(read('alert=Up&severity=P1%3Cimg%3E')).toEqual({ alert: 'Up', services: [] });
	});
});
