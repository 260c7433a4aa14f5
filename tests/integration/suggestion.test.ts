// Category suggestion through the platform (domain/suggestion, adapters/suggestion):
// the portal's endpoint in both languages and scripts, the suggestions offered
// to a registry office requalifying a complaint, and the model learning from
// agents' requalifications at its next training, which records its held-out accuracy.
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, createComplaint, loginAs } from '../helpers/api';

const suggest = (text: string, lang: string, extra = '') =>
	call('GET', `/portal/api/categories/suggest?text=${encodeURIComponent(text)}&lang=${lang}${extra}`);

beforeAll(async () => {
	// the model is trained at start; a training now makes the test independent of when the server started
	const trained = await call('POST', '/workspace/suggestion/train', { token: adminToken() });
	expect(trained.status).toBe(200);
});

describe('GET /portal/api/categories/suggest', () => {
	it('puts household waste first for zbel in Latin and Arabic script, labelled in the asked language', async () => {
		const latin = await suggest('zbel', 'fr');
		expect(latin.status).toBe(200);
		expect(latin.body.data[0]).toMatchObject({
			code: 'PROP-01',
			label: 'Ordures ménagères non collectées',
			service: 'PROP',
		});
		expect(latin.body.data[0].score).toBeGreaterThan(0);
		expect(latin.body.data.length).toBeLessThanOrEqual(3);
		// "زبل" (rubbish) alone fits household waste and an overflowing container alike: which of the two comes first
		// moves with the complaints agents have filed (every earlier test file's), the cleanliness service does not
		const arabic = await suggest('زبل', 'ar');
		expect(arabic.body.data[0]).toMatchObject({ service: 'PROP' });
		expect(arabic.body.data.find((item: { code: string }) => item.code === 'PROP-01')).toMatchObject({
			label: 'عدم جمع النفايات المنزلية',
		});
		expect((await suggest('أزبال', 'ar')).body.data[0].service).toBe('PROP');
		expect((await suggest('الأزبال ما تجمعوش من الدار', 'ar')).body.data[0].code).toBe('PROP-01');
		expect((await suggest('7ofra kbira f triq', 'fr')).body.data[0].code).toBe('VOI-01');
		expect((await suggest('lampadaire éteint', 'fr')).body.data[0].code).toBe('ECL-01');
	});
	it('answers an empty list for no text, caps the list, and never fails on odd input', async () => {
		expect((await suggest('', 'fr')).body).toEqual({ data: [] });
		expect((await suggest('zbel', 'fr', '&limit=50')).body.data.length).toBeLessThanOrEqual(5);
		expect((await suggest('x'.repeat(5000), 'ar')).status).toBe(200);
		expect((await call('GET', '/portal/api/categories/suggest?text[a]=1')).status).toBe(200);
	});
});

describe('learning from agents', () => {
	const word = `chnouflaz${Date.now() % 1000}`;

	it('suggests the category agents requalified complaints with a new word into, after the next training, and records its accuracy', async () => {
		const before = (await suggest(word, 'fr')).body.data as { code: string }[];
		expect(before[0]?.code).not.toBe('HYG-07');

		const phrasings = [
			`Le ${word} recommence derrière l'usine`,
			`${word} f zan9a mn l3chiya`,
			`Encore du ${word} ce matin`,
			`ريحة ${word} فالحومة`,
			`Plainte: ${word} insupportable`,
		];
		const complaints = [];
		for (const description of phrasings) complaints.push(await createComplaint({ description, category: 'PROP-01' }));
		const token = await loginAs('bureau-ordre');
		for (const complaint of complaints) {
			const done = await call('POST', `/workspace/complaints/${complaint.id}/commands/requalify`, {
				token,
				body: { category: 'HYG-07' },
			});
			expect(done.status, JSON.stringify(done.body)).toBe(200);
		}

		const trained = await call('POST', '/workspace/suggestion/train', { token: adminToken() });
		expect(trained.status).toBe(200);
		expect(trained.body.data.history_examples).toBeGreaterThanOrEqual(phrasings.length);
		const after = (await suggest(word, 'fr')).body.data as { code: string }[];
		expect(after[0]?.code).toBe('HYG-07');

		const settings = await call('GET', '/items/platform_settings?fields=suggestion_model', { token: adminToken() });
		const record = settings.body.data.suggestion_model;
		expect(record.trained_at).toBe(trained.body.data.trained_at);
		expect(record.held_out.total).toBeGreaterThanOrEqual(300);
		for (const script of ['fr', 'ar', 'darija-latn', 'darija-arab'])
			expect(record.held_out.by_script[script].top3).toBeGreaterThanOrEqual(0.9);
	});

	it('offers the suggestions to the registry office in the requalification form', async () => {
		const complaint = await createComplaint({
			description: 'Le lampadaire devant le n° 4 ne s’allume plus depuis lundi',
			category: 'PROP-01',
		});
		const token = await loginAs('bureau-ordre');
		const view = await call('GET', `/workspace/complaints/${complaint.id}`, { token });
		expect(view.status).toBe(200);
		expect(view.body.data.category_suggestions[0]).toMatchObject({ value: 'ECL-01', label: expect.any(String) });
	});

	it('lets only an administrator retrain on demand', async () => {
		const token = await loginAs('bureau-ordre');
		expect((await call('POST', '/workspace/suggestion/train', { token })).status).toBe(403);
		expect((await call('POST', '/workspace/suggestion/train')).status).toBe(403);
	});
});

describe('likely duplicates by meaning and place', () => {
	it('ranks the nearby complaint saying the same thing first, even farther, and offers one of another category only when alike', async () => {
		// a quiet corner of Hay Hassani, about 60 m between the two first complaints
		const at = { latitude: 33.5481, longitude: -7.6802 };
		const tag = `${Date.now() % 100000}`;
		const alike = await createComplaint({
			description: `الزبل ما تجمعش فالدرب ${tag}`,
			category: 'PROP-01',
			latitude: at.latitude + 0.0005,
			longitude: at.longitude,
		});
		const closer = await createComplaint({
			description: `Bac cassé au coin ${tag}`,
			category: 'PROP-01',
			latitude: at.latitude + 0.0001,
			longitude: at.longitude,
		});
		const otherCategoryAlike = await createComplaint({
			description: `zbel ma t3ayetch f derb ${tag}`,
			category: 'PROP-04',
			latitude: at.latitude,
			longitude: at.longitude + 0.0002,
		});
		const otherCategoryUnrelated = await createComplaint({
			description: `Conteneur à laver ${tag}`,
			category: 'PROP-09',
			latitude: at.latitude,
			longitude: at.longitude + 0.0001,
		});
		const query = (text: string) =>
			call(
				'GET',
				`/portal/api/nearby?category=PROP-01&lat=${at.latitude}&lng=${at.longitude}&text=${encodeURIComponent(text)}&lang=fr`,
			);

		const ranked = (await query(`zbel ma t3ayetch f derb ${tag}`)).body.data as { reference: string }[];
		const references = ranked.map((row) => row.reference);
		expect(references.indexOf(alike.reference)).toBeLessThan(references.indexOf(closer.reference));
		expect(references).toContain(otherCategoryAlike.reference);
		expect(references).not.toContain(otherCategoryUnrelated.reference);
		// nothing of the descriptions reaches the citizen
		expect(JSON.stringify(ranked)).not.toContain('الزبل');

		// with no text yet, the same category ranks by place: the closer one first
		const byPlace = ((await query('')).body.data as { reference: string }[]).map((row) => row.reference);
		expect(byPlace.indexOf(closer.reference)).toBeLessThan(byPlace.indexOf(alike.reference));
	});
});

describe('merging a duplicate into its original (workspace command)', () => {
	it('rejects the duplicate as "duplicate of", makes its citizen a supporter of the original, tells them, and keeps both in the register', async () => {
		const tag = `${Date.now() % 100000}`;
		const original = await createComplaint({ description: `Conteneur plein rue 7 ${tag}`, category: 'PROP-02' });
		const duplicate = await createComplaint({
			description: `La poubelle déborde rue 7 ${tag}`,
			category: 'PROP-02',
			citizen_email: `doublon.${tag}@example.ma`,
		});
		const token = await loginAs('bureau-ordre');
		const view = await call('GET', `/workspace/complaints/${duplicate.id}`, { token });
		expect(view.body.data.commands.map((offer: { command: string }) => offer.command)).toContain('merge');
		expect(view.body.data.commands.find((offer: { command: string }) => offer.command === 'merge').inputs).toEqual([
			'into',
		]);
		// the workspace shows the original among the likely duplicates, the one saying the same thing first
		expect(view.body.data.likely_duplicates.map((item: { reference: string }) => item.reference)).toContain(
			original.reference,
		);
		expect(view.body.data.likely_duplicates.map((item: { reference: string }) => item.reference)).not.toContain(
			duplicate.reference,
		);

		expect(
			(await call('POST', `/workspace/complaints/${duplicate.id}/commands/merge`, { token, body: { into: '' } }))
				.status,
		).toBe(400);
		expect(
			(
				await call('POST', `/workspace/complaints/${duplicate.id}/commands/merge`, {
					token,
					body: { into: duplicate.reference },
				})
			).status,
		).toBe(400);
		expect(
			(
				await call('POST', `/workspace/complaints/${duplicate.id}/commands/merge`, {
					token,
					body: { into: 'CAS-1999-000001' },
				})
			).status,
		).toBe(400);

		const merged = await call('POST', `/workspace/complaints/${duplicate.id}/commands/merge`, {
			token,
			body: { into: original.reference.toLowerCase() },
		});
		expect(merged.status, JSON.stringify(merged.body)).toBe(200);
		const admin = adminToken();
		const after = (
			await call('GET', `/items/complaints/${duplicate.id}?fields=status,duplicate_of,rejection_reason`, {
				token: admin,
			})
		).body.data;
		expect(after).toMatchObject({ status: 'rejected', duplicate_of: original.id });
		expect(after.rejection_reason).toContain(original.reference);
		expect(
			(await call('GET', `/items/complaints/${original.id}?fields=status,supporters_count`, { token: admin })).body
				.data,
		).toMatchObject({ status: 'new', supporters_count: 1 });
		const outbox = (
			await call(
				'GET',
				`/items/outbox?filter[complaint][_eq]=${duplicate.id}&filter[event][_eq]=merged&fields=channel,recipient,payload`,
				{ token: admin },
			)
		).body.data;
		expect(outbox).toEqual([expect.objectContaining({ channel: 'email', recipient: `doublon.${tag}@example.ma` })]);
		const notes = (
			await call(
				'GET',
				`/items/complaint_events?filter[complaint][_eq]=${original.id}&filter[type][_eq]=note&fields=body`,
				{ token: admin },
			)
		).body.data;
		expect(notes.some((note: { body: string }) => note.body.includes(duplicate.reference))).toBe(true);
		// the duplicate is rejected: no second merge, nothing counted twice
		expect(
			(
				await call('POST', `/workspace/complaints/${duplicate.id}/commands/merge`, {
					token,
					body: { into: original.reference },
				})
			).status,
		).toBe(403);
		expect(
			(await call('GET', `/items/complaints/${original.id}?fields=supporters_count`, { token: admin })).body.data
				.supporters_count,
		).toBe(1);
	});
});
