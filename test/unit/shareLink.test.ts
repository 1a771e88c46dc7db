import { describe, expect, it } from 'vitest';
import { addNote, addActionItem, tickItem } from '../../src/lib/incidents.ts';
import { readSealedFile, sealedFile } from '../../src/lib/incidentJson.ts';
import {
	fromBase64Url,
	MAX_LINK_CHARS,
	openFragment,
	openSealed,
	sealIncident,
	SHARE_PREFIX,
	shareFragment,
	shareLink,
	toBase64Url,
} from '../../src/lib/shareLink.ts';
import type { Incident } from '../../src/lib/state.ts';
import { min, T0, withIncident } from '../support/incidents.ts';

function incident(): Incident {
	let { state, id } = withIncident({ title: 'Checkout fails for EU users' });
	state = addNote(state, id, 'Rolled back release 42', T0 + min(2));
	state = tickItem(state, id, 'phase/detection/triage/check', { text: 'Check dashboards', list: 'Detection' }, true, T0 + min(3));
	state = addActionItem(state, id, { item: 'Add a canary', owner: '@bob', due: '2026-12-10' }, T0 + min(4)).state;
	return state.incidents[0]!;
}

/** The fragment with one base64url character of the data changed. */
function flip(fragment: string, at: number): string {
	const chars = [...fragment];
	chars[at] = chars[at] === 'A' ? 'B' : 'A';
	return chars.join('');
}

describe('an incident shared by link', () => {
	it('opens to the same incident, and the fragment shows none of its text', async () => {
		const original = incident();
		const sealed = await sealIncident(original, T0);
		const fragment = shareFragment(sealed);
		expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
		expect(fragment).not.toMatch(/Checkout|Rolled|canary/i);
		expect(fromBase64Url(sealed.key)).toHaveLength(32);
		const opened = await openFragment(`#${fragment}`);
		expect(opened).toEqual({ ok: true, incident: original });
	});
	it('uses a new key and IV for every link', async () => {
		const a = await sealIncident(incident(), T0);
		const b = await sealIncident(incident(), T0);
		expect(a.key).not.toBe(b.key);
		expect(a.data.slice(0, 16)).not.toBe(b.data.slice(0, 16));
	});
	it('puts the link on the page it was made on, replacing any fragment', async () => {
		const sealed = { key: 'k', data: 'd' };
		expect(shareLink('https://x.example/playbook/incident/?a=1#old', sealed)).toBe(
			`https://x.example/playbook/incident/?a=1#${SHARE_PREFIX}k.d`,
		);
	});
	it('refuses any changed byte of the data, the IV or the key', async () => {
		const fragment = shareFragment(await sealIncident(incident(), T0));
		const dataStart = fragment.lastIndexOf('.') + 1;
		for (const at of [dataStart + 2, dataStart + 20, fragment.length - 3, SHARE_PREFIX.length + 3]) {
			const result = await openFragment(flip(fragment, at));
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.reason).toMatch(/does not match its key/);
		}
	});
	it('refuses a wrong key, a cut link and another version, each with a reason', async () => {
		const sealed = await sealIncident(incident(), T0);
		const other = await sealIncident(incident(), T0);
		const wrong = await openSealed({ key: other.key, data: sealed.data });
		expect(wrong).toMatchObject({ ok: false, reason: expect.stringMatching(/not the one it was made with/) });
		const cut = await openFragment(shareFragment(sealed).slice(0, 60));
		expect(cut).toMatchObject({ ok: false, reason: expect.stringMatching(/cut short/) });
		expect(await openFragment(`${SHARE_PREFIX}${sealed.key}`)).toMatchObject({ ok: false, reason: expect.stringMatching(/incomplete/) });
		expect(await openSealed({ key: 'abc', data: sealed.data })).toMatchObject({ ok: false, reason: expect.stringMatching(/not a key/) });
		expect(await openFragment('#incident-v9.a.b')).toMatchObject({ ok: false, reason: expect.stringMatching(/another version/) });
	});
	it('validates the incident inside as a JSON import does', async () => {
		const broken = { ...incident(), events: 'none' } as unknown as Incident;
		const result = await openFragment(shareFragment(await sealIncident(broken, T0)));
		expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/incomplete or damaged \(at events/) });
	});
	it('keeps a typical incident far below the link limit, and a long one fits a file', async () => {
		let { state, id } = withIncident();
		for (let n = 0; n < 200; n++) state = addNote(state, id, `Note ${n}: checked replica ${n % 7}, lag ${n * 13} ms`, T0 + n * 1000);
		const link = shareLink('https://playbook.example.com/incident/', await sealIncident(state.incidents[0]!, T0));
		expect(link.length).toBeLessThan(MAX_LINK_CHARS);
		const sealed = await sealIncident(state.incidents[0]!, T0);
		const file = readSealedFile(sealedFile(sealed, T0));
		expect(file).toEqual({ ok: true, data: sealed.data });
		expect(await openSealed({ key: sealed.key, data: file.ok ? file.data : '' })).toMatchObject({ ok: true });
		expect(readSealedFile('{"format":"x"}')).toMatchObject({ ok: false });
	});
	it('writes and reads base64url', () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
		expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
		expect(toBase64Url(bytes)).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(fromBase64Url('a+b/')).toBeUndefined();
	});
});
