// Proof of closure (issue #13): an administrator asks for an after-photo on a
// category; an agent cannot resolve a complaint of it without one (the
// workspace command and any other client), can with one; the citizen then
// sees the after-photo beside their own on the tracking page, served only with
// the complaint's tracking secret and without any metadata.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, loginAs, platform } from '../helpers/api';

const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
const sharp = apiRequire('sharp') as any;

const PROP_CENTRAL_TEAM = '5e7a0000-0000-4000-8000-50524f503030';
const run = `${Date.now()}`.slice(-7);
// a seeded category no other test uses (adding one would change the counts the provisioning test checks)
const CATEGORY = 'PROP-07';

/** A phone photo with the citizen's name and GPS in its EXIF. */
function photoWithExif(colour: { r: number; g: number; b: number }): Promise<Buffer> {
	return sharp({ create: { width: 320, height: 240, channels: 3, background: colour } })
		.jpeg()
		.withExif({
			IFD0: { Artist: 'Fatima Zahra Alaoui' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '33/1 32/1 46/1', GPSLongitudeRef: 'W', GPSLongitude: '7/1 40/1 43/1' },
		})
		.toBuffer();
}

let agent: string;
let complaint: { id: string; reference: string; secret: string };
const command = (name: string, body: Record<string, unknown> = {}) =>
	call('POST', `/workspace/complaints/${complaint.id}/commands/${name}`, { token: agent, body });
const track = (secret: string | null = complaint.secret) =>
	call('GET', `/portal/api/complaints/${complaint.reference}?lang=fr`, {
		headers: secret ? { 'x-tracking-secret': secret } : {},
	});
const photo = (file: string, secret: string | null = complaint.secret) =>
	fetch(`${platform().url}/portal/api/complaints/${complaint.reference}/photos/${file}`, {
		headers: secret ? { 'x-tracking-secret': secret } : {},
	});

beforeAll(async () => {
	// the administrator's option, in the admin app's collection (a boolean on categories)
	const set = await call('PATCH', `/items/categories/${CATEGORY}`, {
		token: adminToken(),
		body: { proof_of_closure: true },
	});
	expect(set.status).toBe(200);
	expect(set.body.data.proof_of_closure).toBe(true);
	// a citizen files a complaint with a photo on the portal
	const form = new FormData();
	for (const [key, value] of Object.entries({
		category: CATEGORY,
		description: `Gravats déposés ${run} devant le n° 8`,
		latitude: '33.5463',
		longitude: '-7.6787',
		citizen_name: 'Fatima Zahra Alaoui',
		citizen_email: `fz.${run}@example.ma`,
		consent: 'true',
		lang: 'fr',
	}))
		form.append(key, value);
	form.append(
		'photos',
		new Blob([new Uint8Array(await photoWithExif({ r: 200, g: 80, b: 40 }))], { type: 'image/jpeg' }),
		'IMG_0042.jpg',
	);
	const response = await fetch(`${platform().url}/portal/api/complaints`, { method: 'POST', body: form });
	expect(response.status).toBe(201);
	const data = (await response.json()).data;
	const id = (
		await call('GET', `/items/complaints?filter[reference][_eq]=${data.reference}&fields=id`, { token: adminToken() })
	).body.data[0].id;
	complaint = { id, reference: data.reference, secret: data.tracking_secret };
	expect(
		(
			await call('POST', '/workspace/assignments', {
				token: adminToken(),
				body: { complaints: [id], team: PROP_CENTRAL_TEAM },
			})
		).status,
	).toBe(200);
	agent = await loginAs('agent');
});

afterAll(async () => {
	await call('PATCH', `/items/categories/${CATEGORY}`, { token: adminToken(), body: { proof_of_closure: false } });
});

describe('proof of closure', () => {
	it("refuses to resolve without an after-photo, in the agent's language, and the workspace says so beforehand", async () => {
		expect((await command('claim')).status).toBe(200);
		const started = await command('start');
		expect(started.body.data.status).toBe('in_progress');
		expect(started.body.data.proof_of_closure).toEqual({ required: true, after_photos: 0 });

		const refused = await command('resolve', { public_reply: 'Les gravats ont été enlevés.' });
		expect(refused.status).toBe(400);
		// the demo agent works in Arabic
		expect(refused.body.errors![0].extensions).toMatchObject({
			field: 'photos',
			reason: 'transition.missing_requirement.after_photo',
		});
		expect(refused.body.errors![0].message).toBe(
			'هذا الصنف يشترط صورة بعد التدخل: أرفقها قبل معالجة الشكاية (سيراها المواطن في صفحة التتبع).',
		);

		// any other client meets the same rule in the complaint hook (here the generic API, as administrator)
		const generic = await call('PATCH', `/items/complaints/${complaint.id}`, {
			token: adminToken(),
			body: { status: 'resolved', public_reply: 'Les gravats ont été enlevés.' },
		});
		expect(generic.status).toBe(400);
		expect(generic.body.errors![0].extensions).toMatchObject({
			field: 'photos',
			reason: 'transition.missing_requirement.after_photo',
		});
		expect(generic.body.errors![0].message).toContain('photo après intervention');
		const stored = await call('GET', `/items/complaints/${complaint.id}?fields=status`, { token: adminToken() });
		expect(stored.body.data.status).toBe('in_progress');
	});

	it('resolves once the after-photo is attached', async () => {
		const form = new FormData();
		form.append(
			'photos',
			new Blob([new Uint8Array(await photoWithExif({ r: 40, g: 160, b: 90 }))], { type: 'image/jpeg' }),
			'apres.jpg',
		);
		const uploaded = await fetch(`${platform().url}/workspace/complaints/${complaint.id}/files`, {
			method: 'POST',
			headers: { authorization: `Bearer ${agent}` },
			body: form,
		});
		expect(uploaded.status).toBe(201);
		expect((await uploaded.json()).data.proof_of_closure).toEqual({ required: true, after_photos: 1 });
		const resolved = await command('resolve', { public_reply: 'Les gravats ont été enlevés.' });
		expect(resolved.status).toBe(200);
		expect(resolved.body.data.status).toBe('resolved');
	});

	it('shows the citizen their photo and the after-photo on the tracking page, with no personal data', async () => {
		const tracked = await track();
		expect(tracked.status).toBe(200);
		expect(tracked.body.data.status).toBe('resolved');
		const photos: { id: string; kind: string }[] = tracked.body.data.photos;
		expect(photos.map((item) => item.kind)).toEqual(['photo', 'after_photo']);
		expect(JSON.stringify(tracked.body.data)).not.toMatch(/Fatima|example\.ma/);

		for (const item of photos) {
			const response = await photo(item.id);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('image/jpeg');
			const bytes = Buffer.from(await response.arrayBuffer());
			const metadata = await sharp(bytes).metadata();
			expect(metadata.format).toBe('jpeg');
			expect(metadata.exif).toBeUndefined();
			expect(bytes.includes(Buffer.from('Fatima'))).toBe(false);
		}
		// the after-photo is the green one the agent took
		const after = Buffer.from(await (await photo(photos[1].id)).arrayBuffer());
		const { dominant } = await sharp(after).stats();
		expect(dominant.g).toBeGreaterThan(dominant.r);
	});

	it("serves a photo only with the complaint's tracking secret, and never a scan or another complaint's file", async () => {
		const photos: { id: string }[] = (await track()).body.data.photos;
		expect((await photo(photos[1].id, null)).status).toBe(404);
		expect((await photo(photos[1].id, 'A'.repeat(24))).status).toBe(404);
		expect((await photo('not-a-uuid')).status).toBe(404);
		// a scanned letter linked to the same complaint is not a photo the public may see
		const upload = new FormData();
		upload.append(
			'file',
			new Blob([new Uint8Array(await photoWithExif({ r: 250, g: 250, b: 250 }))], { type: 'image/jpeg' }),
			'courrier.jpg',
		);
		const file = await fetch(`${platform().url}/files`, {
			method: 'POST',
			headers: { authorization: `Bearer ${adminToken()}` },
			body: upload,
		});
		const fileId = (await file.json()).data.id;
		expect(
			(
				await call('POST', '/items/complaint_files', {
					token: adminToken(),
					body: { complaints_id: complaint.id, directus_files_id: fileId, kind: 'scan' },
				})
			).status,
		).toBe(200);
		expect((await track()).body.data.photos).toHaveLength(2);
		expect((await photo(fileId)).status).toBe(404);
	});
});
