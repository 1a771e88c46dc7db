import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, exportIncident, MAX_IMPORT_BYTES, parseImport } from '../../src/lib/incidentJson';
import { tickItem } from '../../src/lib/incidents';
import { T0, withIncident } from '../support/incidents';

function incident() {
	const { state, id } = withIncident({ title: '<script>alert(1)</script>' });
	return tickItem(state, id, 'phase/x/y/z', { text: 'Z', list: 'L' }, true, T0 + 1).incidents[0]!;
}

describe('incident JSON', () => {
	it('round-trips an incident exactly', () => {
		const original = incident();
		expect(parseImport(exportIncident(original, T0))).toEqual({ ok: true, incident: original });
	});
	it.each([
		['not JSON', '{"format": "incident', /not JSON/],
		['someone else’s JSON', '{"name": "package", "version": "1.0.0"}', /not an incident exported from this playbook/],
		['a newer version', JSON.stringify({ format: EXPORT_FORMAT, version: 99, incident: {} }), /newer version of this site \(format 99/],
		['a damaged incident', JSON.stringify({ format: EXPORT_FORMAT, version: 1, incident: { id: 'x' } }), /incomplete or damaged \(at title/],
		['JSON that is not an object', '[1,2,3]', /not an incident exported/],
	])('refuses %s with the reason', (_, text, reason) => {
		const result = parseImport(text);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(reason);
	});
	it('refuses an oversized file before reading it', () => {
		const result = parseImport('{}', MAX_IMPORT_BYTES + 1);
		expect(!result.ok && result.reason).toMatch(/^The file is 2\.0 MB; an incident export is at most 2 MB\.$/);
	});
});
