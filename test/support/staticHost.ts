import { readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

/** One rule of a `_headers` file: a path pattern and the headers sent for it. */
interface HeaderRule {
	pattern: RegExp;
	headers: [string, string][];
}

/** Read a `_headers` file (Netlify / Cloudflare Pages format: a path line, then indented `Name: value` lines). */
export function readHeadersFile(dir: string): HeaderRule[] {
	const file = join(dir, '_headers');
	if (!existsSync(file)) return [];
	const rules: HeaderRule[] = [];
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const source = line
				.trim()
				.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
				.replaceAll('*', '.*');
			rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
			continue;
		}
		const colon = line.indexOf(':');
		rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
	}
	return rules;
}

/** A running host: its origin, a way to publish another build under the same origin, and a stop switch. */
export interface StaticHost {
	url: string;
	/** Serve another folder from now on, as a new deploy does. */
	deploy: (dir: string) => void;
	/** Stop answering at all, as when the network is gone. */
	close: () => Promise<void>;
}

/**
 * Serve a built site like a static host that reads `_headers` (Netlify, Cloudflare Pages): every
 * response carries the headers of the rules its path matches. With `base`, the site is served
 * under that path (`/playbook/`), as a GitHub Pages project site is; with `notFound`, a missing
 * file gets the site's 404.html with status 404, as GitHub Pages and Netlify answer.
 */
export async function staticHost(dir: string, { base = '/', notFound = false } = {}): Promise<StaticHost> {
	let root = dir;
	let rules = readHeadersFile(dir);
	let files = sirv(dir, { dev: true, etag: true, extensions: ['html'] });
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://host');
		const path = url.pathname;
		// As CDNs send it: the worker's cache must still answer requests for these files.
		res.setHeader('Vary', 'Accept-Encoding');
		for (const rule of rules) if (rule.pattern.test(path)) for (const [name, value] of rule.headers) res.setHeader(name, value);
		const missing = () => {
			res.statusCode = 404;
			if (notFound && existsSync(join(root, '404.html'))) {
				res.setHeader('Content-Type', 'text/html; charset=utf-8');
				res.end(readFileSync(join(root, '404.html')));
			} else res.end('Not found');
		};
		if (!path.startsWith(base)) return missing();
		req.url = `/${path.slice(base.length)}${url.search}`;
		files(req, res, missing);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		deploy: (next) => {
			root = next;
			rules = readHeadersFile(next);
			files = sirv(next, { dev: true, etag: true, extensions: ['html'] });
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
