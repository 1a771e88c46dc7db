import { describe, expect, it } from 'vitest';
import { explainReading, formatOffset, fromLocalInput, toLocalInput, zoneOffset } from '../../src/lib/localTime.ts';

const iso = (at: number) => new Date(at).toISOString();

describe('local date-time conversion', () => {
	it('converts with the offset of the chosen instant in three time zones', () => {
		expect(toLocalInput(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01T08:00');
		expect(toLocalInput(Date.parse('2026-12-01T12:00:00Z'), 'America/New_York')).toBe('2026-12-01T07:00');
		expect(toLocalInput(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('2026-07-01T14:00');
		expect(toLocalInput(Date.parse('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-07-01T17:30');
		expect(toLocalInput(Date.parse('2026-07-01T12:00:00Z'), 'Australia/Lord_Howe')).toBe('2026-07-01T22:30');
		expect(toLocalInput(Date.parse('2026-12-01T12:00:00Z'), 'Australia/Lord_Howe')).toBe('2026-12-01T23:00');
		expect(fromLocalInput('2026-07-01T17:30', 'Asia/Kolkata')).toEqual({ kind: 'exact', at: Date.parse('2026-07-01T12:00:00Z') });
		expect(formatOffset(zoneOffset(Date.parse('2026-07-01T12:00:00Z'), 'Asia/Kolkata'))).toBe('UTC+5:30');
		expect(formatOffset(zoneOffset(Date.parse('2026-12-01T12:00:00Z'), 'America/New_York'))).toBe('UTC−5');
	});

	it('round-trips every quarter hour of a year, whatever the zone', () => {
		for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
			for (let at = Date.parse('2026-01-01T00:00:00Z'); at < Date.parse('2027-01-01T00:00:00Z'); at += 15 * 60_000 * 7) {
				const reading = fromLocalInput(toLocalInput(at, zone), zone, at);
				expect(reading.kind === 'exact' || reading.kind === 'repeated', `${zone} ${iso(at)}`).toBe(true);
				if (reading.kind !== 'invalid') expect(iso(reading.at), `${zone} ${iso(at)}`).toBe(iso(at));
			}
		}
	});

	it('reads the repeated hour as the occurrence nearer the reference, and says so', () => {
		// New York, 1 November 2026: 01:00–01:59 happens at UTC−4, then again at UTC−5.
		const secondTime = Date.parse('2026-11-01T06:30:00Z');
		const reading = fromLocalInput('2026-11-01T01:30', 'America/New_York', secondTime);
		expect(reading).toEqual({ kind: 'repeated', at: secondTime, earlier: Date.parse('2026-11-01T05:30:00Z'), later: secondTime });
		expect(explainReading(reading, '2026-11-01T01:30', 'America/New_York')).toMatch(/twice.*second.*UTC−5/);
		const first = fromLocalInput('2026-11-01T01:30', 'America/New_York', Date.parse('2026-11-01T05:40:00Z'));
		expect(first.kind === 'repeated' && iso(first.at)).toBe('2026-11-01T05:30:00.000Z');
		// Berlin, 25 October 2026: 02:00–02:59 twice. Lord Howe: half an hour repeated on 5 April 2026.
		const berlin = fromLocalInput('2026-10-25T02:15', 'Europe/Berlin', Date.parse('2026-10-25T01:20:00Z'));
		expect(berlin.kind === 'repeated' && iso(berlin.at)).toBe('2026-10-25T01:15:00.000Z');
		expect(fromLocalInput('2026-04-05T01:45', 'Australia/Lord_Howe').kind).toBe('repeated');
	});

	it('reads a skipped time as the same time past the change, and says so', () => {
		const reading = fromLocalInput('2026-03-08T02:30', 'America/New_York');
		expect(reading).toEqual({ kind: 'skipped', at: Date.parse('2026-03-08T07:30:00Z') });
		expect(toLocalInput(Date.parse('2026-03-08T07:30:00Z'), 'America/New_York')).toBe('2026-03-08T03:30');
		expect(explainReading(reading, '2026-03-08T02:30', 'America/New_York')).toMatch(/did not exist.*03:30.*UTC−4/);
		expect(fromLocalInput('2026-03-29T02:30', 'Europe/Berlin').kind).toBe('skipped');
		expect(fromLocalInput('2026-10-04T02:15', 'Australia/Lord_Howe').kind).toBe('skipped');
	});

	it('keeps seconds when the input has them, and refuses what is not a date-time', () => {
		expect(fromLocalInput('2026-07-01T14:41:37.250', 'Europe/Berlin')).toEqual({
			kind: 'exact',
			at: Date.parse('2026-07-01T12:41:37.250Z'),
		});
		for (const bad of ['', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01 10:00', '2026-01-01T24:00', 'yesterday']) {
			expect(fromLocalInput(bad, 'Europe/Berlin').kind, bad).toBe('invalid');
		}
	});
});
