// The public surface under fire: thousands of malformed, truncated, oversized
// and mis-encoded bodies sent to every public endpoint, seeded and repeatable
// (CASA_FUZZ_SEED, CASA_FUZZ_COUNT). After each one: the process answers (a
// /server/ping after requests the client itself cut off), the answer is a 4xx
// with a JSON body, and no row or file was left behind.
//
// Every generated body is invalid by construction (cut off, malformed, too
// large, not UTF-8, or well formed but naming an unknown category, a wrong key
// or a wrong session), so any stored row is a failure, never a lucky input.
import { createHmac, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import net from 'node:net';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, platform } from '../helpers/api';
import { platformDatabase, storedCounts } from '../helpers/db';

const SEED = Number(process.env.CASA_FUZZ_SEED ?? 20_261_206);
const COUNT = Number(process.env.CASA_FUZZ_COUNT ?? 2400);

/** mulberry32: small, seeded, the same sequence on every machine */
function prng(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
		bytes: (length: number) => Buffer.from(Array.from({ length }, () => Math.floor(next() * 256))),
		chance: (p: number) => next() < p,
	};
}
type Rng = ReturnType<typeof prng>;

interface Input {
	kind: string;
	method: string;
	path: string;
	headers: Record<string, string>;
	body: Buffer;
	/** Content-Length to announce (defaults to the body's length) */
	declaredLength?: number;
	/** the client closes its side before sending the announced length: no answer can reach it */
	cutSocket?: boolean;
}

interface Outcome {
	status: number | null;
	headers: Record<string, string>;
	body: string;
}

const port = () => Number(new URL(platform().url).port);

/** One raw HTTP/1.1 request on its own connection (fetch cannot send a lying Content-Length or half a body). */
function send(input: Input): Promise<Outcome> {
	return new Promise((resolve) => {
		const socket = net.connect(port(), '127.0.0.1');
		const chunks: Buffer[] = [];
		const length = input.declaredLength ?? input.body.length;
		const head = [
			`${input.method} ${input.path} HTTP/1.1`,
			'Host: 127.0.0.1',
			'Connection: close',
			...Object.entries(input.headers).map(([name, value]) => `${name}: ${value}`),
		];
		if (input.method !== 'GET' || input.body.length > 0) head.push(`Content-Length: ${length}`);
		let settled = false;
		const finish = () => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			const raw = Buffer.concat(chunks).toString('latin1');
			const match = /^HTTP\/1\.1 (\d{3})/.exec(raw);
			const split = raw.indexOf('\r\n\r\n');
			const headers: Record<string, string> = {};
			for (const line of raw.slice(0, split).split('\r\n').slice(1)) {
				const colon = line.indexOf(':');
				if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
			}
			let body = split >= 0 ? Buffer.from(raw.slice(split + 4), 'latin1').toString('utf8') : '';
			if (headers['transfer-encoding'] === 'chunked') body = dechunk(body);
			resolve({ status: match ? Number(match[1]) : null, headers, body });
		};
		const timer = setTimeout(() => {
			socket.destroy();
			finish();
		}, 15_000);
		socket.on('data', (chunk) => chunks.push(chunk));
		socket.on('error', finish);
		socket.on('close', finish);
		socket.write(`${head.join('\r\n')}\r\n\r\n`);
		socket.write(input.body);
		// a cut-off request ends here, before what it announced (a browser never half-closes a complete one:
		// Node's server drops the answer to a client that did, so complete requests keep the socket open)
		if (input.cutSocket) socket.end();
	});
}

function dechunk(body: string): string {
	let out = '';
	let rest = body;
	for (;;) {
		const line = rest.indexOf('\r\n');
		if (line < 0) break;
		const size = parseInt(rest.slice(0, line), 16);
		if (!size) break;
		out += rest.slice(line + 2, line + 2 + size);
		rest = rest.slice(line + 2 + size + 2);
	}
	return out;
}

// ---------------------------------------------------------------- generators

const BOUNDARY = '----casafuzz';
const ALPHABET = ['a', 'é', 'ش', '😀', '\u0000', '\u202E', '"', '\\', '%', '&', '=', '[', ']', '{', '}', '\r\n', ' '];
const text = (rng: Rng, length: number) => Array.from({ length }, () => rng.pick(ALPHABET)).join('');
const INVALID_UTF8 = [
	Buffer.from([0xff]),
	Buffer.from([0xc3]),
	Buffer.from([0xed, 0xa0, 0x80]),
	Buffer.from([0xe9, 0x74, 0xe9]),
	Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
	Buffer.from([0xc0, 0xaf]),
];

function jpegLike(rng: Rng, size: number): Buffer {
	return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), rng.bytes(size)]);
}

function part(name: string, value: Buffer | string, filename?: string, extraHeaders: string[] = []): Buffer {
	const disposition = `Content-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}`;
	const type = filename ? ['Content-Type: image/jpeg'] : [];
	return Buffer.concat([
		Buffer.from(`--${BOUNDARY}\r\n${[disposition, ...type, ...extraHeaders].join('\r\n')}\r\n\r\n`),
		Buffer.isBuffer(value) ? value : Buffer.from(value),
		Buffer.from('\r\n'),
	]);
}

/** A complete multipart form: the category is unknown, so even a well-formed one is refused. */
function multipartForm(rng: Rng, fileField: string, withPhoto: boolean): Buffer {
	const parts = [
		part('category', 'XXX-99'),
		part('description', text(rng, rng.int(1, 40))),
		part('latitude', '33.5463'),
		part('longitude', '-7.6787'),
	];
	if (withPhoto) parts.push(part(fileField, jpegLike(rng, rng.int(200, 20_000)), 'photo.jpg'));
	return Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

const MULTIPART = { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` };
const JSON_TYPE = { 'Content-Type': 'application/json' };
const FORM_TYPE = { 'Content-Type': 'application/x-www-form-urlencoded' };

interface Targets {
	reference: string;
	session: string;
	open311Key: string;
	appSecret: string;
}

type Generator = (rng: Rng, targets: Targets) => Omit<Input, 'kind'>;

const portalComplaint = '/portal/api/complaints';
const widget = (targets: Targets) => ({
	path: '/chat/widget/messages',
	session: { 'X-Chat-Session': targets.session },
});
const multipartTarget = (rng: Rng, targets: Targets) =>
	rng.pick([
		{ path: portalComplaint, headers: {} as Record<string, string>, field: 'photos' },
		{ path: widget(targets).path, headers: widget(targets).session, field: 'photos' },
		{ path: '/open311/v2/requests.json', headers: {} as Record<string, string>, field: 'media' },
	]);
const jsonTarget = (rng: Rng, targets: Targets) =>
	rng.pick([
		{ path: portalComplaint, headers: {} as Record<string, string> },
		{
			path: `/portal/api/complaints/${targets.reference}/rating`,
			headers: { 'X-Tracking-Secret': 'wrong-secret-0000' },
		},
		{
			path: `/portal/api/complaints/${targets.reference}/reopen`,
			headers: { 'X-Tracking-Secret': 'wrong-secret-0000' },
		},
		{ path: `/portal/api/complaints/${targets.reference}/support`, headers: { 'X-Casa-Device': 'x' } },
		{ path: '/chat/widget/messages', headers: { 'X-Chat-Session': targets.session } },
		{ path: '/chat/whatsapp/webhook', headers: {} },
		{ path: '/open311/v2/requests.json', headers: {} },
	]);

const GENERATORS: Record<string, Generator> = {
	// a body cut off in the middle of a photo: HTTP-complete, multipart-incomplete
	'multipart-truncated-photo': (rng, targets) => {
		const target = multipartTarget(rng, targets);
		const full = multipartForm(rng, target.field, true);
		const photoStart = full.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
		return {
			method: 'POST',
			path: target.path,
			headers: { ...MULTIPART, ...target.headers },
			body: full.subarray(0, rng.int(photoStart + 1, full.length - 10)),
		};
	},
	// a truncated file under another field name
	'multipart-truncated-other-field': (rng, targets) => {
		const target = multipartTarget(rng, targets);
		const full = Buffer.concat([
			part('category', 'XXX-99'),
			part(rng.pick(['document', 'photo', 'file', 'photos[]', 'x']), jpegLike(rng, rng.int(100, 5000)), 'x.bin'),
		]);
		return {
			method: 'POST',
			path: target.path,
			headers: { ...MULTIPART, ...target.headers },
			body: full.subarray(0, rng.int(60, full.length - 1)),
		};
	},
	// the client hangs up before sending what it announced
	'multipart-socket-cut': (rng, targets) => {
		const target = multipartTarget(rng, targets);
		const full = multipartForm(rng, target.field, true);
		return {
			method: 'POST',
			path: target.path,
			headers: { ...MULTIPART, ...target.headers },
			body: full.subarray(0, rng.int(1, full.length - 1)),
			declaredLength: full.length,
			cutSocket: true,
		};
	},
	'multipart-no-boundary': (rng, targets) => {
		const target = multipartTarget(rng, targets);
		const type = rng.pick([
			'multipart/form-data',
			'multipart/form-data; boundary=',
			'multipart/form-data; boundary="',
			'multipart/form-data; charset=utf-8',
			'multipart/mixed; boundary=x',
		]);
		return {
			method: 'POST',
			path: target.path,
			headers: { 'Content-Type': type, ...target.headers },
			body: multipartForm(rng, target.field, rng.chance(0.5)),
		};
	},
	'multipart-broken-headers': (rng, targets) => {
		const target = multipartTarget(rng, targets);
		const broken = rng.pick([
			`--${BOUNDARY}\r\nContent-Disposition form-data name=description\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
			`--${BOUNDARY}\r\n${'X-Long: '.padEnd(90_000, 'a')}\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
			`--${BOUNDARY}\r\n\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
			`--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n`,
			`--${BOUNDARY}\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%%\r\n`,
			`--WRONG\r\nContent-Disposition: form-data; name="description"\r\n\r\nx\r\n--WRONG--\r\n`,
			`${Array.from({ length: 40 }, (_, index) => `--${BOUNDARY}\r\nH${index}: v\r\n`).join('')}\r\n`,
			`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${text(rng, 8)}"\r\n\r\n${text(rng, 20)}\r\n`,
		]);
		return {
			method: 'POST',
			path: target.path,
			headers: { ...MULTIPART, ...target.headers },
			body: Buffer.from(broken),
		};
	},
	'multipart-invalid-utf8': (rng, targets) => {
		const target = multipartTarget(rng, targets);
		const body = Buffer.concat([
			part('category', 'XXX-99'),
			part('description', Buffer.concat([Buffer.from('Bac '), rng.pick(INVALID_UTF8), Buffer.from(' plein')])),
			Buffer.from(`--${BOUNDARY}--\r\n`),
		]);
		return { method: 'POST', path: target.path, headers: { ...MULTIPART, ...target.headers }, body };
	},
	'multipart-too-many-fields': (rng, targets) => {
		const target = multipartTarget(rng, targets);
		const body = Buffer.concat([
			...Array.from({ length: rng.int(70, 200) }, (_, index) => part(`f${index}`, 'x')),
			Buffer.from(`--${BOUNDARY}--\r\n`),
		]);
		return { method: 'POST', path: target.path, headers: { ...MULTIPART, ...target.headers }, body };
	},
	'multipart-oversized-declared': (rng, targets) => {
		const target = multipartTarget(rng, targets);
		const full = multipartForm(rng, target.field, true);
		return {
			method: 'POST',
			path: target.path,
			headers: { ...MULTIPART, ...target.headers },
			body: full.subarray(0, Math.min(full.length, 2000)),
			declaredLength: rng.int(80, 900) * 1024 * 1024,
			cutSocket: true,
		};
	},
	'json-deep': (rng, targets) => {
		const target = jsonTarget(rng, targets);
		const depth = rng.pick([50, 1000, 20_000, 100_000]);
		const body = rng.chance(0.5)
			? '['.repeat(depth) + ']'.repeat(depth)
			: `{"description":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
		return { method: 'POST', path: target.path, headers: { ...JSON_TYPE, ...target.headers }, body: Buffer.from(body) };
	},
	'json-malformed': (rng, targets) => {
		const target = jsonTarget(rng, targets);
		const valid = JSON.stringify({ category: 'XXX-99', description: text(rng, 30), latitude: 33.5, longitude: -7.6 });
		const body = rng.pick([
			valid.slice(0, rng.int(0, valid.length - 1)),
			`${valid}}`,
			valid.replace(':', ''),
			`\uFEFF${valid}`,
			"{'a':1}",
			'undefined',
			'NaN',
			'{"a":1,}',
			text(rng, 50),
		]);
		return { method: 'POST', path: target.path, headers: { ...JSON_TYPE, ...target.headers }, body: Buffer.from(body) };
	},
	'json-invalid-utf8': (rng, targets) => {
		const target = jsonTarget(rng, targets);
		return {
			method: 'POST',
			path: target.path,
			headers: { ...JSON_TYPE, ...target.headers },
			body: Buffer.concat([
				Buffer.from('{"category":"XXX-99","description":"'),
				rng.pick(INVALID_UTF8),
				Buffer.from('"}'),
			]),
		};
	},
	'json-wrong-shape': (rng, targets) => {
		const target = jsonTarget(rng, targets);
		const value = rng.pick<unknown>([
			[],
			'text',
			42,
			null,
			true,
			{ category: ['PROP-01'], description: { $ne: '' } },
			{ category: 'XXX-99', description: [[['x']]], latitude: { a: 1 } },
			{ lang: ['ar', 'fr'], category: 'XXX-99' },
			{ attributes: 'x', category: 'XXX-99' },
			{ attributes: { a: { b: { c: 1 } } }, category: 'XXX-99' },
			{ location: { latitude: [[1]], longitude: {} } },
			{ choice: 123 },
			{ rating: '5; DROP TABLE complaints', comment: '\u0000' },
			{ __proto__: { admin: true }, category: 'XXX-99' },
			{ entry: [{ changes: [{ field: 'messages', value: { messages: [{ from: {}, id: [] }] } }] }] },
			Object.fromEntries(Array.from({ length: 3000 }, (_, index) => [`k${index}`, index])),
		]);
		return {
			method: 'POST',
			path: target.path,
			headers: { ...JSON_TYPE, ...target.headers },
			body: Buffer.from(JSON.stringify(value) ?? 'null'),
		};
	},
	'json-nul-and-bidi': (rng, targets) => {
		const target = jsonTarget(rng, targets);
		return {
			method: 'POST',
			path: target.path,
			headers: { ...JSON_TYPE, ...target.headers },
			body: Buffer.from(
				JSON.stringify({
					category: 'XXX-99\u0000',
					description: `\u202E${text(rng, 30)}\u0000`,
					latitude: 33.5463,
					longitude: -7.6787,
				}),
			),
		};
	},
	'json-oversized': (rng, targets) => {
		const target = jsonTarget(rng, targets);
		const size = rng.int(257, 1500) * 1024;
		return {
			method: 'POST',
			path: target.path,
			headers: { ...JSON_TYPE, ...target.headers },
			body: Buffer.from(JSON.stringify({ category: 'XXX-99', description: 'a'.repeat(size) })),
		};
	},
	'json-long-string': (rng, targets) => {
		const target = jsonTarget(rng, targets);
		return {
			method: 'POST',
			path: target.path,
			headers: { ...JSON_TYPE, ...target.headers },
			body: Buffer.from(JSON.stringify({ category: 'XXX-99', description: 'ش'.repeat(rng.int(20_001, 60_000)) })),
		};
	},
	'json-signed-webhook': (rng, targets) => {
		const payload = rng.pick([
			'{"entry":"x"}',
			'{"entry":[{"changes":[{"field":"messages","value":{"messages":[{"from":"212600000000"}]}}]}]}',
			'['.repeat(5000) + ']'.repeat(5000),
			'{"entry":[{"changes":[{"field":"statuses","value":{"messages":[{"id":"wamid.x","from":"212600000000","type":"text","text":{"body":{"x":1}}}]}}]}]}',
			'{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"id":[],"from":{},"type":"text"}]}}]}]}',
		]);
		const raw = Buffer.from(payload);
		// truncated after signing: the signature no longer matches what arrives
		const body = rng.chance(0.5) ? raw : raw.subarray(0, rng.int(1, raw.length - 1));
		return {
			method: 'POST',
			path: '/chat/whatsapp/webhook',
			headers: {
				...JSON_TYPE,
				'X-Hub-Signature-256': `sha256=${createHmac('sha256', targets.appSecret).update(raw).digest('hex')}`,
			},
			body,
		};
	},
	'form-oversized': (rng, targets) => {
		const size = rng.int(257, 2000) * 1024;
		return {
			method: 'POST',
			path: '/open311/v2/requests.json',
			headers: FORM_TYPE,
			body: Buffer.from(
				`api_key=${targets.open311Key}&service_code=PROP-01&lat=33.5&long=-7.6&description=${'a'.repeat(size)}`,
			),
		};
	},
	'form-invalid-encoding': (rng, targets) => {
		const bad = rng.pick(['%ff', '%c3', '%ed%a0%80', '%e9t%e9', '%zz', '%', '%c0%af', '%f8%88%80%80%80']);
		const body = Buffer.concat([
			Buffer.from(`api_key=${targets.open311Key}&service_code=PROP-01&lat=33.5463&long=-7.6787&description=Bac${bad}`),
			rng.chance(0.3) ? rng.pick(INVALID_UTF8) : Buffer.alloc(0),
		]);
		return { method: 'POST', path: '/open311/v2/requests.json', headers: FORM_TYPE, body };
	},
	'form-too-many-parameters': (rng, targets) => ({
		method: 'POST',
		path: '/open311/v2/requests.json',
		headers: FORM_TYPE,
		body: Buffer.from(
			`api_key=${targets.open311Key}&${Array.from({ length: rng.int(201, 3000) }, (_, index) => `p${index}=${index}`).join('&')}`,
		),
	}),
	'form-bad-fields': (rng, targets) => {
		// well-formed, but always refused: a wrong key, or the right key with an unknown service, an unknown answer or a too long description
		const variant = rng.int(0, 3);
		const key = variant === 0 ? `wrong-${rng.int(0, 1e6)}` : targets.open311Key;
		const extra = [
			`service_code=XXX-99&lat=33.5463&long=-7.6787`,
			`service_code=PROP-01&lat=33.5463&long=-7.6787&attribute[nope]=1`,
			`service_code=PROP-01&lat=33.5463&long=-7.6787&description=${'é'.repeat(4001)}`,
			`service_code=PROP-01`,
		][variant];
		return {
			method: 'POST',
			path: '/open311/v2/requests.json',
			headers: FORM_TYPE,
			body: Buffer.from(
				`api_key=${encodeURIComponent(key)}&${extra}&attribute[${text(rng, 3).replace(/[&=\s%]/g, '')}][]=x`,
			),
		};
	},
	'form-socket-cut': (rng, targets) => {
		const body = Buffer.from(
			`api_key=${targets.open311Key}&service_code=PROP-01&lat=33.5463&long=-7.6787&description=${'x'.repeat(rng.int(10, 5000))}`,
		);
		return {
			method: 'POST',
			path: '/open311/v2/requests.json',
			headers: FORM_TYPE,
			body: body.subarray(0, rng.int(1, body.length - 1)),
			declaredLength: body.length,
			cutSocket: true,
		};
	},
	'random-bytes': (rng, targets) => {
		const target = rng.pick([
			portalComplaint,
			'/chat/widget/messages',
			'/open311/v2/requests.json',
			'/chat/whatsapp/webhook',
			`/portal/api/complaints/${targets.reference}/support`,
		]);
		const type = rng.pick([
			'application/json',
			'multipart/form-data; boundary=x',
			'application/x-www-form-urlencoded',
			'text/plain',
			'application/xml',
			'application/octet-stream',
			'image/jpeg',
			'',
			'application/json; charset=utf-16',
			'application/vnd.api+json',
		]);
		return {
			method: 'POST',
			path: target,
			headers: { ...(type ? { 'Content-Type': type } : {}), 'X-Chat-Session': targets.session },
			body: rng.bytes(rng.int(1, 4000)),
		};
	},
	'query-hostile': (rng, targets) => {
		const path = rng.pick([
			`/portal/api/nearby?category=${encodeURIComponent(text(rng, 5))}&lat=${rng.pick(['x', '1e400', '[]', ''])}&lng=1`,
			`/portal/api/nearby?lat[]=1&lat[]=2&lng[a]=1&category[$ne]=x`,
			`/portal/api/complaints/${targets.reference}?secret=leaked-secret&lang[]=ar`,
			`/portal/api/complaints/${encodeURIComponent(text(rng, 10))}?lang=${encodeURIComponent(text(rng, 4))}`,
			`/open311/v2/requests.json?start_date=${encodeURIComponent(text(rng, 12))}&status[]=open&status[][x]=1`,
			`/open311/v2/requests.json?service_request_id=${'A,'.repeat(3000)}x&end_date=2026-13-45`,
			`/open311/v2/services/${encodeURIComponent(text(rng, 20))}.json`,
			`/open311/v2/requests/${encodeURIComponent(text(rng, 20))}.json?lang=${'a'.repeat(rng.int(1, 100))}`,
			`/open311/v2/media/${encodeURIComponent(text(rng, 12))}`,
			`/open311/v2/${encodeURIComponent(text(rng, 12))}.json`,
			`/chat/widget/session`,
		]);
		return {
			method: 'GET',
			path,
			headers: { 'X-Chat-Session': rng.pick([targets.session.slice(0, 10), '', 'A'.repeat(200)]) },
			body: Buffer.alloc(0),
		};
	},
	'unsupported-type': (rng, targets) => {
		const target = rng.pick([portalComplaint, '/chat/widget/messages']);
		return {
			method: 'POST',
			path: target,
			headers: {
				'Content-Type': rng.pick(['text/xml', 'application/x-www-form-urlencoded', 'image/png']),
				'X-Chat-Session': targets.session,
			},
			body: Buffer.from(`category=XXX-99&description=${text(rng, 10)}`),
		};
	},
};

const KINDS = Object.keys(GENERATORS);

// ---------------------------------------------------------------- the run

let knex: Knex;
let targets: Targets;
let uploadsRoot: string;
const countFiles = () => {
	try {
		return readdirSync(uploadsRoot).length;
	} catch {
		return 0;
	}
};

beforeAll(async () => {
	knex = platformDatabase();
	uploadsRoot = platform().config.uploads.root;
	const created = await call('POST', '/portal/api/complaints', {
		body: { category: 'PROP-01', description: 'Cible du test de fuzz', latitude: 33.5463, longitude: -7.6787 },
	});
	const session = await call('POST', '/chat/widget/sessions', { body: { lang: 'fr' } });
	const key = `fuzz-open311-${randomUUID()}`;
	const client = await call('POST', '/items/open311_clients', {
		token: adminToken(),
		body: { name: 'Fuzz', api_key: key, active: true, rate_limit_per_minute: 1_000_000, daily_quota: 10_000_000 },
	});
	expect(client.status).toBe(200);
	targets = {
		reference: created.body.data.reference,
		session: session.body.data.session,
		open311Key: key,
		appSecret: String((platform().services.meta as { appSecret: string }).appSecret),
	};
});

afterAll(async () => {
	await knex?.destroy();
});

describe('fuzzing the public surface', () => {
	it(
		`answers ${COUNT} malformed, truncated, oversized and mis-encoded bodies (seed ${SEED}) with a 4xx in JSON, and stores nothing`,
		{ timeout: 240_000 },
		async () => {
			const rng = prng(SEED);
			const before = await storedCounts(knex);
			const filesBefore = countFiles();
			const byKind: Record<string, Record<string, number>> = {};
			const failures: string[] = [];
			const started = Date.now();
			for (let index = 0; index < COUNT && failures.length < 5; index++) {
				// every kind in turn; the large bodies (up to 2 MB) one time in four, to keep the run short
				const turn = KINDS[index % KINDS.length];
				const kind =
					(turn === 'json-oversized' || turn === 'form-oversized') && !rng.chance(0.25) ? 'json-malformed' : turn;
				const input: Input = { kind, ...GENERATORS[kind](rng, targets) };
				const outcome = await send(input);
				const label = `#${index} ${kind} ${input.method} ${input.path.slice(0, 80)}`;
				(byKind[kind] ??= {})[String(outcome.status)] = ((byKind[kind] ??= {})[String(outcome.status)] ?? 0) + 1;
				if (input.cutSocket) {
					// the client hung up: what matters is that the process still answers
					const ping = await send({
						kind: 'ping',
						method: 'GET',
						path: '/server/ping',
						headers: {},
						body: Buffer.alloc(0),
					});
					if (ping.status !== 200)
						failures.push(`${label}: the process no longer answers after a cut-off request (ping ${ping.status})`);
					if (outcome.status !== null && (outcome.status < 400 || outcome.status >= 500))
						failures.push(`${label}: ${outcome.status} ${outcome.body.slice(0, 200)}`);
				} else if (outcome.status === null) {
					const ping = await send({
						kind: 'ping',
						method: 'GET',
						path: '/server/ping',
						headers: {},
						body: Buffer.alloc(0),
					});
					failures.push(
						`${label}: no answer (ping afterwards: ${ping.status ?? 'no answer either: the process is gone'})`,
					);
				} else {
					// a hostile query on a read may find nothing (200, empty list); a delivery signed with Meta's
					// secret that holds no message is acknowledged (200, or Meta retries it); any other body is refused
					const lowest =
						input.method === 'GET' || (kind === 'json-signed-webhook' && outcome.status === 200) ? 200 : 400;
					if (outcome.status < lowest || outcome.status >= 500)
						failures.push(`${label}: status ${outcome.status} ${outcome.body.slice(0, 300)}`);
					else if (!String(outcome.headers['content-type'] ?? '').startsWith('application/json'))
						failures.push(`${label}: ${outcome.status} with content-type ${outcome.headers['content-type']}`);
					else {
						try {
							JSON.parse(outcome.body);
						} catch {
							failures.push(`${label}: ${outcome.status} with a body that is not JSON: ${outcome.body.slice(0, 200)}`);
						}
					}
				}
				const after = await storedCounts(knex).catch((error) => ({ error: String(error) }) as never);
				if (JSON.stringify(after) !== JSON.stringify(before))
					failures.push(`${label}: rows left behind ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
				if (countFiles() !== filesBefore) failures.push(`${label}: files left behind in the uploads folder`);
			}
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			console.log(`[fuzz] seed ${SEED}: ${COUNT} inputs in ${seconds} s; answers by kind: ${JSON.stringify(byKind)}`);
			expect(failures).toEqual([]);
		},
	);
});
