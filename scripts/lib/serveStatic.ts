import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import sirv from 'sirv';

/**
 * A static file server for a built site on a free loopback port, as any static host would serve
 * it; `gzip` compresses responses as production hosts do (the benchmark measures with it).
 */
export async function serveStatic(dir: string, { gzip = false } = {}): Promise<{ url: string; close: () => Promise<void> }> {
	const handler = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
	const compress = gzip ? compression({ threshold: 0 }) : undefined;
	const server: Server = createServer((req, res) => {
		const serve = () =>
			handler(req, res, () => {
				res.statusCode = 404;
				res.end('Not found');
			});
		// compression is written for Express, whose request and response extend Node's.
		if (compress) compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], serve);
		else serve();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
