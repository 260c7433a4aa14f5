// The holes found by trying the public surface as an attacker, one by one:
// bodies that used to stop the process, idempotency keys replayed with another
// body, ratings and supports counted more than once, the tracking secret in
// the address, control and bidi characters stored as sent, formulas in CSV
// exports, and an embed on a site that is not allowed.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, platform } from '../helpers/api';
import { platformDatabase, storedCounts } from '../helpers/db';
import type { Knex } from 'knex';

const POINT = { latitude: 33.5463, longitude: -7.6787 };
const submit = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
	call('POST', '/portal/api/complaints', { body, headers });
const adminComplaint = async (reference: string) =>
	(
		await call('GET', `/items/complaints?filter[reference][_eq]=${reference}&fields=*,history.type`, {
			token: adminToken(),
		})
	).body.data[0];

/** Raw bytes on a socket: fetch cannot send a body cut off in the middle of a photo. */
function raw(path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
	return new Promise((resolve) => {
		const socket = net.connect(Number(new URL(platform().url).port), '127.0.0.1');
		let out = '';
		socket.on('data', (chunk) => (out += chunk.toString('utf8')));
		socket.on('close', () =>
			resolve({
				status: Number(/^HTTP\/1\.1 (\d{3})/.exec(out)?.[1] ?? 0),
				body: out.slice(out.indexOf('\r\n\r\n') + 4),
			}),
		);
		socket.write(
			`POST ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${Object.entries(headers)
				.map(([name, value]) => `${name}: ${value}\r\n`)
				.join('')}Content-Length: ${body.length}\r\n\r\n`,
		);
		socket.write(body);
	});
}

let knex: Knex;
beforeAll(() => {
	knex = platformDatabase();
});
afterAll(async () => {
	await knex.destroy();
});

describe('bodies that used to stop the process', () => {
	const boundary = 'casa';
	const cutPhoto = (field: string) =>
		Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nBac\r\n--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
			),
			Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]),
		]);

	it('answers a multipart body cut off in a photo (any field name) with a 400 in the caller’s language, and keeps running', async () => {
		const session = (await call('POST', '/chat/widget/sessions', { body: { lang: 'ar' } })).body.data.session;
		const before = await storedCounts(knex);
		for (const [path, field, extra] of [
			['/portal/api/complaints', 'photos', {}],
			['/portal/api/complaints', 'document', {}],
			['/chat/widget/messages', 'photos', { 'X-Chat-Session': session }],
			['/chat/widget/messages', 'other', { 'X-Chat-Session': session }],
		] as const) {
			const response = await raw(
				`${path}?lang=ar`,
				{ 'Content-Type': `multipart/form-data; boundary=${boundary}`, ...extra },
				cutPhoto(field),
			);
			expect(response.status, `${path} ${field}`).toBe(400);
			expect(JSON.parse(response.body).errors[0].message).toBe('وصل الطلب ناقصاً: المرجو إرساله من جديد.');
		}
		expect((await fetch(`${platform().url}/server/ping`)).status).toBe(200);
		expect(await storedCounts(knex)).toEqual(before);
	});

	it('answers an urlencoded body over 256 kB with a 413, and keeps running', async () => {
		const response = await raw(
			'/open311/v2/requests.json',
			{ 'Content-Type': 'application/x-www-form-urlencoded' },
			Buffer.from(`description=${'a'.repeat(300_000)}`),
		);
		expect(response.status).toBe(413);
		expect(JSON.parse(response.body)).toEqual([
			{ code: 413, description: 'La requête est trop volumineuse (au plus 256 ko).' },
		]);
		expect((await fetch(`${platform().url}/server/ping`)).status).toBe(200);
	});

	it('answers a multipart body without boundary, broken part headers and JSON 100,000 deep with a 400, not a 500', async () => {
		expect(
			(await raw('/portal/api/complaints', { 'Content-Type': 'multipart/form-data' }, Buffer.from('x'))).status,
		).toBe(400);
		expect(
			(
				await raw(
					'/portal/api/complaints',
					{ 'Content-Type': `multipart/form-data; boundary=${boundary}` },
					Buffer.from(`--${boundary}\r\nnonsense\r\n\r\nx\r\n--${boundary}--\r\n`),
				)
			).status,
		).toBe(400);
		const deep = await raw(
			'/portal/api/complaints',
			{ 'Content-Type': 'application/json' },
			Buffer.from(`{"description":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
		);
		expect(deep.status).toBe(400);
		expect(JSON.parse(deep.body).errors[0].extensions.reason).toBe('surface.body.shape');
	});

	it('refuses bytes that are not UTF-8 instead of storing them', async () => {
		const before = await storedCounts(knex);
		const json = await raw(
			'/portal/api/complaints',
			{ 'Content-Type': 'application/json' },
			Buffer.concat([
				Buffer.from('{"category":"PROP-01","latitude":33.5463,"longitude":-7.6787,"description":"ét'),
				Buffer.from([0xe9]),
				Buffer.from('"}'),
			]),
		);
		expect(json.status).toBe(400);
		expect(JSON.parse(json.body).errors[0].message).toBe("Le texte envoyé n'est pas encodé en UTF-8.");
		const form = await raw(
			'/open311/v2/requests.json',
			{ 'Content-Type': 'application/x-www-form-urlencoded' },
			Buffer.from('api_key=x&description=%E9t%E9'),
		);
		expect(form.status).toBe(400);
		expect(await storedCounts(knex)).toEqual(before);
	});
});

describe('text hygiene', () => {
	it('removes NUL, control and bidi override characters from what citizens, partners and staff write', async () => {
		const created = await submit({
			category: 'PROP-01',
			description: 'Bac\u0000 plein \u202Efdp.exe\u2066 devant l’école',
			address: 'Rue\u0007 12',
			...POINT,
		});
		expect(created.status).toBe(201);
		const stored = await adminComplaint(created.body.data.reference);
		expect(stored.description).toBe('Bac plein fdp.exe devant l’école');
		expect(stored.address).toBe('Rue 12');
		const patched = await call('PATCH', `/items/complaints/${stored.id}`, {
			token: adminToken(),
			body: { public_reply: 'Réponse\u0000 \u202Ecorrigée' },
		});
		expect(patched.status).toBe(200);
		expect((await adminComplaint(created.body.data.reference)).public_reply).toBe('Réponse corrigée');
	});
});

describe('idempotency that cannot be abused', () => {
	const body = {
		category: 'PROP-02',
		description: 'Conteneur plein rue 7',
		...POINT,
		citizen_email: 'premier@example.ma',
		consent: true,
	};

	it('gives the same complaint for the same key and body; another body is a 422 in the caller’s language, without the first citizen’s reference or secret', async () => {
		const key = `key-${randomUUID()}`;
		const device = { 'idempotency-key': key, 'x-casa-device': `device-${randomUUID()}` };
		const first = await submit(body, device);
		expect(first.status).toBe(201);
		const replay = await submit(body, device);
		expect(replay.status).toBe(200);
		expect(replay.body.data).toMatchObject({
			reference: first.body.data.reference,
			tracking_secret: first.body.data.tracking_secret,
			replayed: true,
		});
		const before = await storedCounts(knex);
		for (const [lang, message] of [
			['fr', "Cette clé d'idempotence a déjà servi pour une autre demande"],
			['ar', 'سبق استعمال مفتاح عدم التكرار هذا لطلب آخر'],
		]) {
			const other = await submit(
				{ ...body, description: 'Une autre réclamation', citizen_email: 'second@example.ma', lang },
				device,
			);
			expect(other.status).toBe(422);
			expect(other.body.errors![0].message).toContain(message);
			expect(JSON.stringify(other.body)).not.toContain(first.body.data.reference);
			expect(JSON.stringify(other.body)).not.toContain(first.body.data.tracking_secret);
		}
		expect(await storedCounts(knex)).toEqual(before);
	});

	it('never replays one device’s key to another device', async () => {
		const key = `key-${randomUUID()}`;
		const first = await submit(body, { 'idempotency-key': key, 'x-casa-device': `device-${randomUUID()}` });
		const second = await submit(body, { 'idempotency-key': key, 'x-casa-device': `device-${randomUUID()}` });
		expect(second.status).toBe(201);
		expect(second.body.data.reference).not.toBe(first.body.data.reference);
		expect(second.body.data.tracking_secret).not.toBe(first.body.data.tracking_secret);
	});
});

describe('ratings, supports and the tracking secret', () => {
	async function resolvedComplaint() {
		const created = (await submit({ category: 'PROP-01', description: 'À noter', ...POINT })).body.data;
		const stored = await adminComplaint(created.reference);
		const id = stored.id;
		await call('POST', '/workspace/assignments', {
			token: adminToken(),
			body: { complaints: [id], team: stored.team },
		});
		await call('PATCH', `/items/complaints/${id}`, { token: adminToken(), body: { status: 'in_progress' } });
		const resolved = await call('PATCH', `/items/complaints/${id}`, {
			token: adminToken(),
			body: { status: 'resolved', public_reply: 'Ramassé.' },
		});
		expect(resolved.status).toBe(200);
		return { ...created, id };
	}

	it('accepts one rating out of six sent at once', async () => {
		const complaint = await resolvedComplaint();
		const responses = await Promise.all(
			[1, 2, 3, 4, 5, 5].map((rating) =>
				call('POST', `/portal/api/complaints/${complaint.reference}/rating`, {
					headers: { 'x-tracking-secret': complaint.tracking_secret },
					body: { rating },
				}),
			),
		);
		expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
		expect(responses.filter((response) => response.status === 403)).toHaveLength(5);
		const stored = await adminComplaint(complaint.reference);
		expect(stored.history.filter((event: { type: string }) => event.type === 'rated')).toHaveLength(1);
		expect(responses.find((response) => response.status === 403)!.body.errors![0].message).toBe(
			'Cette réclamation a déjà été notée.',
		);
	});

	it('counts a support once per device', async () => {
		const created = (await submit({ category: 'ESV-02', description: 'Arbre penché', ...POINT })).body.data;
		const support = (device?: string) =>
			call('POST', `/portal/api/complaints/${created.reference}/support`, {
				body: {},
				headers: device ? { 'x-casa-device': device } : {},
			});
		const device = `device-${randomUUID()}`;
		const results = await Promise.all([support(device), support(device), support(device)]);
		expect(results.map((response) => response.status)).toEqual([200, 200, 200]);
		expect((await support(device)).body.data).toEqual({ reference: created.reference, supporters: 1, already: true });
		expect((await support(`device-${randomUUID()}`)).body.data.supporters).toBe(2);
		const missing = await support();
		expect(missing.status).toBe(400);
		expect(missing.body.errors![0].extensions.field).toBe('device_id');
	});

	it('takes the tracking secret from the header only: ?secret= is refused', async () => {
		const created = (await submit({ category: 'PROP-01', description: 'Suivi', ...POINT })).body.data;
		const inQuery = await call('GET', `/portal/api/complaints/${created.reference}?secret=${created.tracking_secret}`);
		expect(inQuery.status).toBe(400);
		expect(inQuery.body.errors![0].message).toContain("Le code de suivi ne doit jamais figurer dans l'adresse");
		expect(
			(
				await call('GET', `/portal/api/complaints/${created.reference}`, {
					headers: { 'x-tracking-secret': created.tracking_secret },
				})
			).status,
		).toBe(200);
		// in a body it is not a header either
		expect(
			(
				await call('POST', `/portal/api/complaints/${created.reference}/reopen`, {
					body: { secret: created.tracking_secret, reason: 'x' },
				})
			).status,
		).toBe(404);
	});
});

describe('CSV exports and the embed', () => {
	it('neutralises a citizen text that a spreadsheet would run as a formula in Directus’s CSV export', async () => {
		const created = (
			await submit({ category: 'PROP-01', description: '=HYPERLINK("http://evil.example","Cliquez")', ...POINT })
		).body.data;
		const response = await fetch(
			`${platform().url}/items/complaints?export=csv&fields=reference,description&filter[reference][_eq]=${created.reference}`,
			{ headers: { authorization: `Bearer ${adminToken()}` } },
		);
		const csv = await response.text();
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Cliquez"")"`);
		expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
	});

	it('tells an embed on a site that is not allowed so, to any origin, and nothing more', async () => {
		const refused = await fetch(`${platform().url}/portal/api/embed-check`, {
			headers: { origin: 'https://blog.example' },
		});
		expect(refused.headers.get('access-control-allow-origin')).toBe('*');
		expect((await refused.json()).data).toEqual({ allowed: false, origin: 'https://blog.example' });
		const allowed = await fetch(`${platform().url}/portal/api/embed-check`, {
			headers: { origin: 'https://casablancacity.ma' },
		});
		expect((await allowed.json()).data.allowed).toBe(true);
	});
});
