import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_VERSION, exportIncident, parseImport } from '../../src/lib/incidentJson.ts';
import { addNote, importIncident, tickItem } from '../../src/lib/incidents.ts';
import { MAX_EVENTS, MAX_IMPORT_BYTES, MAX_TITLE_LENGTH } from '../../src/lib/limits.ts';
import type { Incident } from '../../src/lib/state.ts';
import { T0, withIncident } from '../support/incidents.ts';

function incident() {
	const { state, id } = withIncident({ title: '<script>alert(1)</script>' });
	return tickItem(state, id, 'phase/x/y/z', { text: 'Z', list: 'L' }, true, T0 + 1).incidents[0]!;
}

describe('incident JSON', () => {
	it('round-trips an incident exactly', () => {
		const original = incident();
		expect(parseImport(exportIncident(original, T0), undefined, T0)).toEqual({ ok: true, incident: original });
	});
	it.each([
		['not JSON', '{"format": "incident', /not JSON/],
		['someone else’s JSON', '{"name": "package", "version": "1.0.0"}', /not an incident exported from this playbook/],
		['a newer version', JSON.stringify({ format: EXPORT_FORMAT, version: 99, incident: {} }), /newer version of this site \(format 99/],
		[
			'a damaged incident',
			JSON.stringify({ format: EXPORT_FORMAT, version: 1, incident: { id: 'x' } }),
			/incomplete or damaged \(at title/,
		],
		['JSON that is not an object', '[1,2,3]', /not an incident exported/],
	])('refuses %s with the reason', (_, text, reason) => {
		const result = parseImport(text, undefined, T0);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(reason);
	});
	it('refuses an oversized file before reading it', () => {
		const result = parseImport('{}', MAX_IMPORT_BYTES + 1);
		expect(!result.ok && result.reason).toMatch(
			new RegExp(`^The file is [\\d.]+ MB; an incident export is at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB\\.$`),
		);
	});

	const file = (incident: Incident) => JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, incident });
	it('takes back the export of an incident it accepted, however long its timeline', () => {
		const { state, id } = withIncident();
		let big = state;
		for (let n = 0; n < 13_000; n++) big = addNote(big, id, `Checked replica ${n}: lag ${n % 97} s, connections ${n % 400}`, T0 + n);
		const imported = parseImport(file(big.incidents[0]!), undefined, T0 + 20_000);
		expect(imported.ok).toBe(true);
		// Imported, then exported again (with the import's own event): the file reads back.
		const held = importIncident(big, big.incidents[0]!, T0 + 30_000).incidents[0]!;
		const again = exportIncident(held, T0 + 30_000);
		expect(new TextEncoder().encode(again).length).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
		expect(parseImport(again, undefined, T0 + 40_000)).toEqual({ ok: true, incident: held });
	});
	it('refuses a title or a timeline longer than the limits, saying which', () => {
		const base = incident();
		const long = parseImport(file({ ...base, title: 'x'.repeat(100_000) }), undefined, T0);
		expect(!long.ok && long.reason).toMatch(new RegExp(`title is 100,000 characters long; a title is at most ${MAX_TITLE_LENGTH}`));
		expect(parseImport(file({ ...base, title: 'x'.repeat(MAX_TITLE_LENGTH) }), undefined, T0).ok).toBe(true);
		const events = Array.from({ length: MAX_EVENTS + 1 }, (_, n) => ({ id: `e${n}`, at: T0, kind: 'note' as const, text: '' }));
		const many = parseImport(file({ ...base, events }), undefined, T0);
		expect(!many.ok && many.reason).toMatch(/timeline events; an incident holds at most/);
	});
	it("refuses an incident detected or declared in the future by this computer's clock, and allows a little skew", () => {
		const base = incident();
		const ahead = parseImport(file({ ...base, detectedAt: T0 + 86_400_000, declaredAt: T0 + 86_400_000 }), undefined, T0);
		expect(!ahead.ok && ahead.reason).toMatch(/detected 24 hours in the future by this computer's clock/);
		expect(parseImport(file(base), undefined, base.declaredAt - 30_000).ok).toBe(true);
		// Resolved, or written to, in the future: "Lasted 8760 h", and a clock warning on every message after.
		const resolved = parseImport(file({ ...base, resolvedAt: T0 + 365 * 86_400_000 }), undefined, T0);
		expect(!resolved.ok && resolved.reason).toMatch(/resolved 8760 hours in the future by this computer's clock/);
		const written = parseImport(
			file({ ...base, events: [...base.events, { id: 'late', at: T0 + 2 * 86_400_000, kind: 'note', text: 'x' }] }),
			undefined,
			T0,
		);
		expect(!written.ok && written.reason).toMatch(/was last written to 48 hours in the future by this computer's clock \(/);
		// A field changed, a step ticked ahead (a colleague's laptop clock): every copy after would wait on a clock warning.
		const changed = parseImport(file({ ...base, clock: { ...base.clock, impact: T0 + 30 * 86_400_000 } }), undefined, T0);
		expect(!changed.ok && changed.reason).toMatch(/was last written to 720 hours in the future/);
		const tick = Object.entries(base.ticks)[0]!;
		const ticked = parseImport(
			file({ ...base, ticks: { ...base.ticks, [tick[0]]: { ...tick[1], changedAt: T0 + 86_400_000 } } }),
			undefined,
			T0,
		);
		expect(!ticked.ok && ticked.reason).toMatch(/was last written to 24 hours in the future/);
		// A clock value no date can hold: refused, never imported to blank the workspace.
		const far = parseImport(file({ ...base, clock: { title: 1e300 } }), undefined, T0);
		expect(!far.ok && far.reason).toMatch(/at clock\.title: not a time a date can hold/);
	});

	it('refuses a time no date can hold, saying where, without throwing; takes one from a clock set to 1970', () => {
		const base = incident();
		const tick = Object.values(base.ticks)[0]!;
		for (const [times, field] of [
			[{ detectedAt: 1e300 }, 'detectedAt'],
			[{ declaredAt: -9e15 }, 'declaredAt'],
			[{ resolvedAt: 9e15 }, 'resolvedAt'],
			[{ events: [{ id: 'e', at: 1e16, kind: 'note', text: 'x' }] }, 'events.0.at'],
			[{ ticks: { 'phase/x/y/z': { ...tick, changedAt: 8.65e15 } } }, 'ticks.phase/x/y/z.changedAt'],
		] as const) {
			const result = parseImport(file({ ...base, ...times } as Incident), undefined, T0);
			expect(!result.ok && result.reason, field).toMatch(new RegExp(`at ${field}: not a time a date can hold`));
		}
		// A device whose clock was reset wrote it: read back, and the clock warnings say the rest.
		expect(parseImport(file({ ...base, detectedAt: 5_000, declaredAt: 60_000 }), undefined, T0).ok).toBe(true);
	});
});
