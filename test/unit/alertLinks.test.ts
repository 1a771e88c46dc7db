import { describe, expect, it } from 'vitest';
import { alertFromPath, alertIndex, alertQuery, alertTarget } from '../../src/lib/alertLinks.ts';

const scenarios = [
	{ id: 'payments-down', alerts: ['PaymentsRejected', 'CheckoutErrors'] },
	{ id: 'search-slow', alerts: ['SearchLatencyHigh', 'checkoutErrors'] },
	{ id: 'stock-drift' },
];

describe('one runbook URL for every alert', () => {
	it('indexes every listed alert by its name in any case; the first scenario that lists a name wins', () => {
		const index = alertIndex(scenarios);
		expect(Object.keys(index).sort()).toEqual(['checkouterrors', 'paymentsrejected', 'searchlatencyhigh']);
		expect(index['checkouterrors']).toEqual({ alert: 'CheckoutErrors', scenario: 'payments-down' });
	});

	it('reads the alert from /alerts/<name>/ or from /alerts/?alert=<name>, and nothing else', () => {
		expect(alertFromPath('/alerts/SearchLatencyHigh/')).toBe('SearchLatencyHigh');
		expect(alertFromPath('/alerts/SearchLatencyHigh')).toBe('SearchLatencyHigh');
		expect(alertFromPath('/alerts/Disk%20Full/')).toBe('Disk Full');
		expect(alertFromPath('/alerts/%E0%A4%A/')).toBe('%E0%A4%A');
		expect(alertFromPath('/alerts/', '?alert=DiskFull')).toBe('DiskFull');
		expect(alertFromPath('/alerts/', '')).toBeUndefined();
		expect(alertFromPath('/alerts/a/b/')).toBeUndefined();
		expect(alertFromPath('/scenarios/search-slow/', '?alert=X')).toBeUndefined();
	});

	it("opens the runbook that lists it, passing on the link's query and adding the alert's name when the link has none", () => {
		const index = alertIndex(scenarios);
		const target = alertTarget('SEARCHLATENCYHIGH', '?severity=SEV-4&service=search&service=web', index)!;
		expect(target.path).toBe('/scenarios/search-slow/');
		expect([...target.query]).toEqual([
			['severity', 'SEV-4'],
			['service', 'search'],
			['service', 'web'],
			['alert', 'SearchLatencyHigh'],
		]);
		expect(alertTarget('searchlatencyhigh', '?alert=Custom', index)!.query.get('alert')).toBe('Custom');
		expect(alertTarget('DiskFull', '', index)).toBeUndefined();
	});

	it('keeps an empty alert parameter from hiding the name', () => {
		expect(alertQuery('?alert=%20', 'DiskFull').get('alert')).toBe('DiskFull');
	});
});
