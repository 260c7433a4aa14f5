import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { adminToken, call, loginAs, platform, CONTACT_FIELDS, withCitizen } from '../helpers/api';

const HAY_HASSANI = { latitude: 33.5463, longitude: -7.6787 };
const CITIZEN = {
	citizen_name: 'Fatima Zahra Alaoui',
	citizen_phone: '06 61 23 45 67',
	citizen_email: 'fatima.alaoui@example.ma',
	consent: true,
};

function submit(body: Record<string, unknown>, headers: Record<string, string> = {}) {
	return call('POST', '/portal/api/complaints', { body, headers });
}

async function countComplaints(): Promise<number> {
	// PostgreSQL returns counts as strings (bigint)
	return Number(
		(await call('GET', '/items/complaints?aggregate[count]=*', { token: adminToken() })).body.data[0].count,
	);
}

async function adminComplaint(reference: string) {
	const response = await call(
		'GET',
		`/items/complaints?filter[reference][_eq]=${reference}&fields=*,history.type,${CONTACT_FIELDS}`,
		{ token: adminToken() },
	);
	return withCitizen(response.body.data[0]);
}

describe('public intake', () => {
	it('records a complaint in French with the same rules as every channel and answers with a reference and a tracking secret', async () => {
		const response = await submit({
			category: 'PROP-02',
			description: 'Conteneur plein depuis trois jours',
			...HAY_HASSANI,
			...CITIZEN,
			lang: 'fr',
		});
		expect(response.status).toBe(201);
		const { reference, tracking_secret: secret, tracking_url: url } = response.body.data;
		expect(reference).toMatch(/^CAS-\d{4}-\d{6}$/);
		expect(secret).toMatch(/^[A-Za-z0-9_-]{24}$/);
		expect(url).toContain(`/portal/suivi/${reference}#${secret}`);
		const stored = await adminComplaint(reference);
		expect(stored).toMatchObject({
			channel: 'web',
			status: 'new',
			service: 'PROP',
			arrondissement: '06.141.01.31',
			citizen_phone: '+212661234567',
			citizen_language: 'fr',
		});
		expect(stored.tracking_secret_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(stored.tracking_secret_hash).not.toContain(secret);
		// written with the complaint; the outbox worker (tests/integration/outbox.test.ts) may already be sending them
		const outbox = await call(
			'GET',
			`/items/outbox?filter[complaint][_eq]=${stored.id}&fields=event,channel,recipient&sort=channel`,
			{ token: adminToken() },
		);
		expect(outbox.body.data).toEqual([
			{ event: 'acknowledgment', channel: 'email', recipient: 'fatima.alaoui@example.ma' },
			{ event: 'acknowledgment', channel: 'sms', recipient: '+212661234567' },
		]);
	});

	it('accepts an anonymous complaint in Arabic', async () => {
		const response = await submit(
			{ category: 'ECL-01', description: 'عمود الإنارة معطل أمام المدرسة', ...HAY_HASSANI },
			{ 'accept-language': 'ar-MA,ar;q=0.9' },
		);
		expect(response.status).toBe(201);
		const stored = await adminComplaint(response.body.data.reference);
		expect(stored).toMatchObject({ citizen_name: null, citizen_phone: null, citizen_language: 'ar', service: 'ECL' });
	});

	it('refuses bad input field by field, in Arabic, and stores nothing', async () => {
		const before = await countComplaints();
		const response = await submit({
			category: 'PROP-99',
			description: '',
			latitude: 33.9,
			longitude: -7.2,
			citizen_phone: '12345',
			status: 'closed',
			lang: 'ar',
		});
		expect(response.status).toBe(400);
		const byField = Object.fromEntries(response.body.errors!.map((error) => [error.extensions.field, error.message]));
		expect(Object.keys(byField).sort()).toEqual(['citizen_phone', 'consent', 'status']);
		expect(byField.status).toBe('حقل غير مقبول: «status».');
		expect(byField.consent).toContain('09-08');
		const second = await submit({ category: 'PROP-99', description: '', latitude: 33.9, longitude: -7.2, lang: 'ar' });
		expect(second.status).toBe(400);
		expect(second.body.errors!.map((error) => error.extensions.field).sort()).toEqual([
			'category',
			'description',
			'latitude',
		]);
		expect(second.body.errors!.find((error) => error.extensions.field === 'latitude')!.message).toContain(
			'خارج جماعة الدار البيضاء',
		);
		expect(await countComplaints()).toBe(before);
	});

	it('never lets a citizen set what staff decide', async () => {
		for (const field of ['team', 'assignee', 'received_at', 'arrondissement', 'channel', 'priority', 'reference']) {
			const response = await submit({ category: 'PROP-01', description: 'x', ...HAY_HASSANI, [field]: 'x' });
			expect(response.status, field).toBe(400);
			expect(response.body.errors![0].extensions.field).toBe(field);
		}
	});

	it('is idempotent: a retry with the same key returns the same complaint and secret, even when concurrent', async () => {
		const key = randomUUID();
		const body = { category: 'VOI-01', description: 'Nid-de-poule profond', ...HAY_HASSANI };
		const before = await countComplaints();
		const [first, second] = await Promise.all([
			submit(body, { 'idempotency-key': key }),
			submit(body, { 'idempotency-key': key }),
		]);
		const third = await submit(body, { 'idempotency-key': key });
		const statuses = [first.status, second.status].sort();
		expect(statuses[0]).toBe(200);
		expect(statuses[1]).toBe(201);
		expect(third.status).toBe(200);
		expect(new Set([first, second, third].map((response) => response.body.data.reference)).size).toBe(1);
		expect(new Set([first, second, third].map((response) => response.body.data.tracking_secret)).size).toBe(1);
		expect(await countComplaints()).toBe(before + 1);
	});

	it('drops what a bot fills in the hidden field', async () => {
		const before = await countComplaints();
		const response = await submit({
			category: 'PROP-01',
			description: 'spam',
			...HAY_HASSANI,
			website: 'http://spam.example',
		});
		expect(response.status).toBe(400);
		expect(await countComplaints()).toBe(before);
	});

	it('lists active services and categories in both languages without any complaint data', async () => {
		const response = await call('GET', '/portal/api/categories');
		expect(response.status).toBe(200);
		expect(response.body.data).toHaveLength(9);
		const propreté = response.body.data.find((service: { code: string }) => service.code === 'PROP');
		expect(propreté).toMatchObject({ name_fr: 'Propreté', name_ar: 'النظافة' });
		expect(propreté.categories).toHaveLength(9);
	});
});

describe('tracking by reference', () => {
	it('shows status, timeline and public replies with the right secret; the same 404 otherwise', async () => {
		const created = (
			await submit({ category: 'PROP-01', description: 'Ordures non ramassées', ...HAY_HASSANI, ...CITIZEN })
		).body.data;
		const track = (reference: string, secret?: string, lang = 'fr') =>
			call('GET', `/portal/api/complaints/${reference}?lang=${lang}`, {
				headers: secret ? { 'x-tracking-secret': secret } : {},
			});

		const ok = await track(created.reference, created.tracking_secret);
		expect(ok.status).toBe(200);
		expect(ok.body.data).toMatchObject({
			reference: created.reference,
			status: 'new',
			status_label: 'Nouvelle',
			category: 'Ordures ménagères non collectées',
			open: true,
		});
		expect(ok.body.data.timeline.map((event: { type: string }) => event.type)).toEqual(['created']);
		const text = JSON.stringify(ok.body);
		for (const secretValue of [CITIZEN.citizen_name, 'fatima.alaoui', '661234567', 'tracking_secret_hash'])
			expect(text).not.toContain(secretValue);

		const wrongSecret = await track(created.reference, 'not-the-secret');
		const unknown = await track('CAS-2026-999999', created.tracking_secret);
		const noSecret = await track(created.reference);
		for (const response of [wrongSecret, unknown, noSecret]) {
			expect(response.status).toBe(404);
			expect(response.body).toEqual(wrongSecret.body);
		}

		// staff work it: the public reply appears, internal notes and agent names never do
		const stored = await adminComplaint(created.reference);
		await call('POST', '/workspace/assignments', {
			token: adminToken(),
			body: { complaints: [stored.id], team: stored.team },
		});
		const agent = await loginAs('agent');
		const command = (name: string, body: Record<string, unknown> = {}) =>
			call('POST', `/workspace/complaints/${stored.id}/commands/${name}`, { token: agent, body });
		expect((await command('note', { body: 'Note interne confidentielle' })).status).toBe(200);
		expect((await command('claim')).status).toBe(200);
		expect((await command('start')).status).toBe(200);
		expect((await command('resolve', { public_reply: 'Les ordures ont été ramassées ce matin.' })).status).toBe(200);
		const resolved = await track(created.reference, created.tracking_secret, 'ar');
		expect(resolved.body.data).toMatchObject({
			status: 'resolved',
			status_label: 'تمت المعالجة',
			public_reply: 'Les ordures ont été ramassées ce matin.',
			canRate: true,
			canReopen: true,
			expected_resolution_at: null,
		});
		expect(resolved.body.data.timeline.map((event: { type: string }) => event.type)).toEqual([
			'created',
			'status_changed',
			'status_changed',
			'status_changed',
			'public_reply',
		]);
		expect(JSON.stringify(resolved.body)).not.toContain('Note interne confidentielle');
		expect(JSON.stringify(resolved.body)).not.toContain('Youssef');

		// rating once, then reopening
		const badRating = await call('POST', `/portal/api/complaints/${created.reference}/rating`, {
			headers: { 'x-tracking-secret': created.tracking_secret },
			body: { rating: 9 },
		});
		expect(badRating.status).toBe(400);
		const rated = await call('POST', `/portal/api/complaints/${created.reference}/rating`, {
			headers: { 'x-tracking-secret': created.tracking_secret },
			body: { rating: 4, comment: 'Rapide, merci' },
		});
		expect(rated.status).toBe(200);
		expect(rated.body.data).toMatchObject({ rating: 4, canRate: false });
		const again = await call('POST', `/portal/api/complaints/${created.reference}/rating`, {
			headers: { 'x-tracking-secret': created.tracking_secret },
			body: { rating: 1 },
		});
		expect(again.status).toBe(403);

		const reopened = await call('POST', `/portal/api/complaints/${created.reference}/reopen`, {
			headers: { 'x-tracking-secret': created.tracking_secret },
			body: { reason: 'Les ordures sont revenues.' },
		});
		expect(reopened.status).toBe(200);
		expect(reopened.body.data).toMatchObject({ status: 'reopened', open: true, canReopen: false });
		const history = (await adminComplaint(created.reference)).history.map((event: { type: string }) => event.type);
		expect(history.slice(-3)).toEqual(['rated', 'status_changed', 'note']);
	});

	it('refuses reopening a complaint that is not resolved', async () => {
		const created = (await submit({ category: 'PROP-01', description: 'x', ...HAY_HASSANI })).body.data;
		const response = await call('POST', `/portal/api/complaints/${created.reference}/reopen`, {
			headers: { 'x-tracking-secret': created.tracking_secret },
			body: { reason: 'encore' },
		});
		expect(response.status).toBe(400);
		expect((await adminComplaint(created.reference)).status).toBe('new');
	});
});

describe('photos, nearby complaints and support', () => {
	const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
	const sharp = apiRequire('sharp') as any;

	async function photoWithGps(): Promise<Buffer> {
		return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
			.jpeg()
			.withExif({
				IFD0: { Artist: 'Fatima Zahra Alaoui', Copyright: 'private' },
				IFD3: {
					GPSLatitudeRef: 'N',
					GPSLatitude: '33/1 32/1 46/1',
					GPSLongitudeRef: 'W',
					GPSLongitude: '7/1 40/1 43/1',
				},
			})
			.toBuffer();
	}

	function multipart(fields: Record<string, string>, files: { name: string; bytes: Buffer; type: string }[]) {
		const form = new FormData();
		for (const [key, value] of Object.entries(fields)) form.append(key, value);
		for (const file of files)
			form.append('photos', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
		return fetch(`${platform().url}/portal/api/complaints`, { method: 'POST', body: form });
	}

	it('stores photos re-encoded, without EXIF or GPS, linked to the complaint', async () => {
		const original = await photoWithGps();
		expect((await sharp(original).metadata()).exif).toBeDefined();
		const response = await multipart(
			{ category: 'PROP-04', description: 'Dépôt sauvage', latitude: '33.5463', longitude: '-7.6787', lang: 'fr' },
			[{ name: 'IMG_0042.jpg', bytes: original, type: 'image/jpeg' }],
		);
		expect(response.status).toBe(201);
		const { reference } = (await response.json()).data;
		const stored = await call(
			'GET',
			`/items/complaints?filter[reference][_eq]=${reference}&fields=files.directus_files_id.id,files.kind`,
			{ token: adminToken() },
		);
		const files = stored.body.data[0].files;
		expect(files).toHaveLength(1);
		expect(files[0].kind).toBe('photo');
		const asset = await fetch(`${platform().url}/assets/${files[0].directus_files_id.id}`, {
			headers: { authorization: `Bearer ${adminToken()}` },
		});
		const bytes = Buffer.from(await asset.arrayBuffer());
		const metadata = await sharp(bytes).metadata();
		expect(metadata.format).toBe('jpeg');
		expect(metadata.exif).toBeUndefined();
		expect(bytes.includes(Buffer.from('Fatima'))).toBe(false);
	});

	it('refuses a file that only claims to be an image, and stores nothing (no complaint, no file)', async () => {
		const complaintsBefore = await countComplaints();
		const filesBefore = (await call('GET', '/files?aggregate[count]=*', { token: adminToken() })).body.data[0].count;
		const response = await multipart(
			{ category: 'PROP-04', description: 'x', latitude: '33.5463', longitude: '-7.6787', lang: 'fr' },
			[
				{ name: 'good.jpg', bytes: await photoWithGps(), type: 'image/jpeg' },
				{ name: 'virus.jpg', bytes: Buffer.from('MZ this is not a picture'), type: 'image/jpeg' },
			],
		);
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body.errors[0].extensions.field).toBe('photos');
		expect(body.errors[0].message).toContain('virus.jpg');
		expect(await countComplaints()).toBe(complaintsBefore);
		expect((await call('GET', '/files?aggregate[count]=*', { token: adminToken() })).body.data[0].count).toBe(
			filesBefore,
		);
	});

	it('refuses a sixth photo', async () => {
		const photo = await photoWithGps();
		const response = await multipart(
			{ category: 'PROP-04', description: 'x', latitude: '33.5463', longitude: '-7.6787' },
			Array.from({ length: 6 }, (_, index) => ({ name: `p${index}.jpg`, bytes: photo, type: 'image/jpeg' })),
		);
		expect(response.status).toBe(400);
		expect(
			(await response.json()).errors.map((error: { extensions: { reason: string } }) => error.extensions.reason),
		).toContain('field.too_many_photos');
	});

	it('suggests open complaints of the same category nearby, without personal data, and counts supporters', async () => {
		const point = { latitude: 33.5301, longitude: -7.6549 };
		const first = (
			await submit({ category: 'ESV-01', description: 'Arbre tombé sur le trottoir', ...point, ...CITIZEN })
		).body.data;
		const near = await call(
			'GET',
			`/portal/api/nearby?category=ESV-01&lat=${point.latitude + 0.0005}&lng=${point.longitude}&lang=fr`,
		);
		expect(near.status).toBe(200);
		const match = near.body.data.find((row: { reference: string }) => row.reference === first.reference);
		expect(match).toMatchObject({ status_label: 'Nouvelle', category: 'Arbre dangereux ou tombé', supporters: 0 });
		expect(match.distance_m).toBeGreaterThan(40);
		expect(match.distance_m).toBeLessThan(70);
		expect(JSON.stringify(near.body)).not.toContain('Fatima');
		const far = await call(
			'GET',
			`/portal/api/nearby?category=ESV-01&lat=${point.latitude + 0.01}&lng=${point.longitude}`,
		);
		expect(far.body.data.map((row: { reference: string }) => row.reference)).not.toContain(first.reference);
		const other = await call('GET', `/portal/api/nearby?category=ESV-02&lat=${point.latitude}&lng=${point.longitude}`);
		expect(other.body.data.map((row: { reference: string }) => row.reference)).not.toContain(first.reference);

		const device = { 'x-casa-device': `device-${randomUUID()}` };
		const supported = await call('POST', `/portal/api/complaints/${first.reference}/support`, {
			body: {},
			headers: device,
		});
		expect(supported.body.data).toEqual({ reference: first.reference, supporters: 1, already: false });
		expect(
			(await call('POST', '/portal/api/complaints/CAS-2026-999999/support', { body: {}, headers: device })).status,
		).toBe(404);
	});

	it('publishes the map configuration and the arrondissement boundaries', async () => {
		const config = await call('GET', '/portal/api/config');
		expect(config.body.data).toMatchObject({ maxPhotos: 5, tileUrl: expect.stringContaining('{z}') });
		const areas = await call('GET', '/portal/api/arrondissements');
		expect(areas.body.data).toHaveLength(16);
		expect(areas.body.data[0].boundary.type).toMatch(/Polygon/);
	});
});
