// The citizens' web app (built by scripts/build-portal.mjs into dist/portal/),
// served by the portal endpoint next to its API:
//   GET /portal/, /portal/suivi, /portal/suivi/:reference   the page (no-cache)
//   GET /portal/app.js?v=<hash>                              immutable for a year when the hash is current
//   GET /portal/embed.js                                     the custom element for other sites (short cache: its URL never changes)
//   GET /portal/sw.js                                        the service worker (no-cache, Service-Worker-Allowed)
//   GET /portal/manifest.webmanifest, manifest.ar.webmanifest
//   GET /portal/icons/<name>.png|svg
// Files are read once and kept in memory until they change on disk; scripts
// are sent Brotli- or gzip-compressed when the build made those variants.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Router } from 'express';

interface CachedFile {
	mtimeMs: number;
	body: Buffer;
	etag: string;
	br: Buffer | null;
	gzip: Buffer | null;
}

interface BuildInfo {
	version: string;
	files: Record<string, string>;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const ICON_NAME = /^[a-z0-9][a-z0-9-]*\.(png|svg)$/;

function etagOf(body: Buffer | string): string {
	return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

function readOptional(path: string): Buffer | null {
	try {
		return readFileSync(path);
	} catch {
		return null;
	}
}

export function registerStaticRoutes(router: Router, distDir: string | URL): void {
	const dir = distDir instanceof URL || distDir.startsWith('file:') ? fileURLToPath(distDir) : distDir;
	const files = new Map<string, CachedFile>();

	function load(name: string): CachedFile | null {
		const path = join(dir, name);
		let mtimeMs: number;
		try {
			const stat = statSync(path);
			if (!stat.isFile()) return null;
			mtimeMs = stat.mtimeMs;
		} catch {
			files.delete(name);
			return null;
		}
		const cached = files.get(name);
		if (cached && cached.mtimeMs === mtimeMs) return cached;
		const body = readFileSync(path);
		const entry = {
			mtimeMs,
			body,
			etag: etagOf(body),
			br: readOptional(`${path}.br`),
			gzip: readOptional(`${path}.gz`),
		};
		files.set(name, entry);
		return entry;
	}

	function buildInfo(): BuildInfo | null {
		const file = load('build.json');
		if (!file) return null;
		try {
			return JSON.parse(file.body.toString('utf8')) as BuildInfo;
		} catch {
			return null;
		}
	}

	function notBuilt(res: Response) {
		res
			.status(503)
			.set('Cache-Control', 'no-store')
			.type('text/plain; charset=utf-8')
			.send('The citizens\u2019 web app is not built: run `node scripts/build-portal.mjs`.');
	}

	function send(
		req: Request,
		res: Response,
		body: Buffer,
		etag: string,
		type: string,
		cacheControl: string,
		variants: { br?: Buffer | null; gzip?: Buffer | null } = {},
		headers: Record<string, string> = {},
	) {
		res.set({
			'Content-Type': type,
			'Cache-Control': cacheControl,
			ETag: etag,
			'X-Content-Type-Options': 'nosniff',
			...headers,
		});
		if (variants.br || variants.gzip) res.vary('Accept-Encoding');
		if (req.fresh) {
			res.status(304).end();
			return;
		}
		let payload = body;
		const accepted = req.acceptsEncodings('br', 'gzip', 'identity');
		if (accepted === 'br' && variants.br) {
			payload = variants.br;
			res.set('Content-Encoding', 'br');
		} else if (accepted === 'gzip' && variants.gzip) {
			payload = variants.gzip;
			res.set('Content-Encoding', 'gzip');
		}
		res.set('Content-Length', String(payload.length));
		res.status(200).end(req.method === 'HEAD' ? undefined : payload);
	}

	const pages = new Map<string, { mtimeMs: number; html: Buffer; etag: string }>();

	/** the page, its asset paths relative to where it is served (works behind any path prefix) */
	function page(req: Request, res: Response) {
		const file = load('index.html');
		if (!file) return notBuilt(res);
		const depth = Math.max(0, (req.path.match(/\//g)?.length ?? 1) - 1);
		const base = depth === 0 ? './' : '../'.repeat(depth);
		let rendered = pages.get(base);
		if (!rendered || rendered.mtimeMs !== file.mtimeMs) {
			const html = Buffer.from(file.body.toString('utf8').replaceAll('__BASE__', base));
			rendered = { mtimeMs: file.mtimeMs, html, etag: etagOf(html) };
			pages.set(base, rendered);
		}
		send(
			req,
			res,
			rendered.html,
			rendered.etag,
			'text/html; charset=utf-8',
			REVALIDATE,
			{},
			{ 'Referrer-Policy': 'no-referrer' },
		);
	}

	function asset(
		name: string,
		type: string,
		cacheControl: (req: Request) => string,
		headers: (req: Request) => Record<string, string> = () => ({}),
	) {
		return (req: Request, res: Response) => {
			const file = load(name);
			if (!file) return notBuilt(res);
			send(req, res, file.body, file.etag, type, cacheControl(req), file, headers(req));
		};
	}

	router.get('/', (req, res) => {
		// /portal → /portal/, so relative asset paths resolve inside the portal
		const path = req.originalUrl.split('?')[0];
		if (!path.endsWith('/')) {
			const query = req.originalUrl.slice(path.length);
			res.redirect(301, `${path.slice(path.lastIndexOf('/') + 1)}/${query}`);
			return;
		}
		page(req, res);
	});
	router.get('/suivi', page);
	router.get('/suivi/:reference', page);

	router.get(
		'/app.js',
		asset('app.js', 'text/javascript; charset=utf-8', (req) =>
			req.query.v && req.query.v === buildInfo()?.files['app.js'] ? IMMUTABLE : REVALIDATE,
		),
	);
	// other sites load this URL as is: five minutes, then revalidated (ETag)
	router.get(
		'/embed.js',
		asset(
			'embed.js',
			'text/javascript; charset=utf-8',
			(req) =>
				req.query.v && req.query.v === buildInfo()?.files['embed.js']
					? IMMUTABLE
					: 'public, max-age=300, stale-while-revalidate=86400',
			() => ({
				'Cross-Origin-Resource-Policy': 'cross-origin',
			}),
		),
	);
	router.get(
		'/sw.js',
		asset(
			'sw.js',
			'text/javascript; charset=utf-8',
			() => REVALIDATE,
			(req) => ({ 'Service-Worker-Allowed': `${req.baseUrl}/` }),
		),
	);
	for (const name of ['manifest.webmanifest', 'manifest.ar.webmanifest'])
		router.get(
			`/${name}`,
			asset(name, 'application/manifest+json; charset=utf-8', () => 'public, max-age=3600'),
		);

	router.get('/icons/:name', (req, res, next) => {
		const name = String(req.params.name ?? '');
		if (!ICON_NAME.test(name)) return next();
		const file = load(`icons/${name}`);
		if (!file) return next();
		send(
			req,
			res,
			file.body,
			file.etag,
			name.endsWith('.svg') ? 'image/svg+xml' : 'image/png',
			'public, max-age=86400',
			{},
			{ 'Cross-Origin-Resource-Policy': 'cross-origin' },
		);
	});
}
