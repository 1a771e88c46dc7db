/**
 * An incident shared by link, end-to-end encrypted: the JSON export (incidentJson.ts) compressed
 * with deflate-raw and sealed with AES-GCM (a random 256-bit key and 96-bit IV, WebCrypto). The
 * link's fragment carries both the sealed data and the key, base64url, after a versioned prefix;
 * browsers never send a fragment to a server. Opening checks the seal (a changed byte or a wrong
 * key fails), then validates the incident exactly as a JSON import does.
 */
import { exportIncident, MAX_IMPORT_BYTES, parseImport, type ImportResult } from './incidentJson.ts';
import { SHARED_FRAGMENT } from './sharedFragment.ts';
import type { Incident } from './state.ts';

/**
 * The longest link offered for pasting in chat: Slack truncates messages past 40,000 characters
 * and Teams refuses messages past about 28 KB; Chromium accepts URLs up to 2 MB. Longer incidents
 * are offered as an encrypted file.
 */
export const MAX_LINK_CHARS = 24_000;

/** Start of the fragment of a link that carries a shared incident, this version's (`#incident-v1.<key>.<data>`). */
export const SHARE_PREFIX = 'incident-v1.';

const IV_BYTES = 12;
const KEY_BYTES = 32;
// The seal also covers the format's prefix, so data cannot be passed off as another version's.
const ASSOCIATED = new TextEncoder().encode(SHARE_PREFIX);

/** An incident sealed for sharing: the data and its key, both base64url. */
export interface Sealed {
	key: string;
	data: string;
}

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** base64url (padding optional) as bytes, or undefined when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
	const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > limit) {
			await reader.cancel();
			throw new RangeError('too large');
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}

/** Compress and seal an incident with a new random key. */
export async function sealIncident(incident: Incident, now: number): Promise<Sealed> {
	const raw = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
	const packed = await transform(new TextEncoder().encode(exportIncident(incident, now)), new CompressionStream('deflate-raw'));
	const sealed = new Uint8Array(
		await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: ASSOCIATED }, key, packed as BufferSource),
	);
	const data = new Uint8Array(IV_BYTES + sealed.length);
	data.set(iv);
	data.set(sealed, IV_BYTES);
	return { key: toBase64Url(raw), data: toBase64Url(data) };
}

/** The fragment (without `#`) that carries a sealed incident and its key. */
export function shareFragment(sealed: Sealed): string {
	return `${SHARE_PREFIX}${sealed.key}.${sealed.data}`;
}

/** A link to `page` (an absolute URL; its own fragment is dropped) that carries the sealed incident. */
export function shareLink(page: string, sealed: Sealed): string {
	return `${page.replace(/#.*$/, '')}#${shareFragment(sealed)}`;
}

const refused = (reason: string): ImportResult => ({ ok: false, reason });

/** Check the seal with the key, then the incident inside, as a JSON import is checked. */
export async function openSealed(sealed: Sealed): Promise<ImportResult> {
	const raw = fromBase64Url(sealed.key.trim());
	if (!raw || raw.length !== KEY_BYTES)
		return refused('The key is not a key of a shared incident (it should be 43 letters, digits, - and _). Copy it again, whole.');
	const data = fromBase64Url(sealed.data.trim());
	if (!data || data.length < IV_BYTES + 16)
		return refused('The shared data is cut short or not in the expected form. Ask for the link again and copy it whole.');
	let packed: Uint8Array;
	try {
		const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
		const plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: data.subarray(0, IV_BYTES), additionalData: ASSOCIATED },
			key,
			data.subarray(IV_BYTES),
		);
		packed = new Uint8Array(plain);
	} catch {
		return refused(
			'The shared data does not match its key: the link was changed or cut after it was made, ' +
				'or the key is not the one it was made with. Nothing in it can be trusted; ask for the link again.',
		);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(
			await transform(packed, new DecompressionStream('deflate-raw'), MAX_IMPORT_BYTES),
		);
	} catch (error) {
		return refused(
			error instanceof RangeError
				? `The shared incident is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB once unpacked, more than an incident can be.`
				: 'The shared data is damaged: it does not unpack.',
		);
	}
	return parseImport(text);
}

/** Read a shared-incident fragment (with or without `#`): the incident, or why it is refused. */
export async function openFragment(hash: string): Promise<ImportResult> {
	const fragment = hash.replace(/^#/, '');
	if (!fragment.startsWith(SHARE_PREFIX)) {
		const version = SHARED_FRAGMENT.exec(fragment)?.[1];
		return refused(
			version
				? `The link was made by another version of this site (format ${version}); open it with that site.`
				: 'The link does not hold a shared incident.',
		);
	}
	const [key = '', data = '', ...rest] = fragment.slice(SHARE_PREFIX.length).split('.');
	if (rest.length > 0 || !key || !data) return refused('The link is incomplete: it needs both the key and the data. Copy it again, whole.');
	return openSealed({ key, data });
}
