import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminToken, call, loginAs } from '../helpers/api';

const HAY_HASSANI = { latitude: 33.5463, longitude: -7.6787 };
const CITIZEN = { citizen_name: 'Fatima Zahra Alaoui', citizen_phone: '06 61 23 45 67', citizen_email: 'fatima.alaoui@example.ma', consent: true };

function submit(body: Record<string, unknown>, headers: Record<string, string> = {}) {
	return call('POST', '/portal/api/complaints', { body, headers });
}

async function countComplaints(): Promise<number> {
	return (await call('GET', '/items/complaints?aggregate[count]=*', { token: adminToken() })).body.data[0].count;
}

async function adminComplaint(reference: string) {
	const response = await call('GET', `/items/complaints?filter[reference][_eq]=${reference}&fields=*,history.type`, { token: adminToken() });
	return response.body.data[0];
}

describe('public intake', () => {
	it('records a complaint in French with the same rules as every channel and answers with a reference and a tracking secret', async () => {
		const response = await submit({ category: 'PROP-02', description: 'Conteneur plein depuis trois jours', ...HAY_HASSANI, ...CITIZEN, lang: 'fr' });
		expect(response.status).toBe(201);
		const { reference, tracking_secret: secret, tracking_url: url } = response.body.data;
		expect(reference).toMatch(/^CAS-\d{4}-\d{6}$/);
		expect(secret).toMatch(/^[A-Za-z0-9_-]{24}$/);
		expect(url).toContain(`/portal/suivi/${reference}#${secret}`);
		const stored = await adminComplaint(reference);
		expect(stored).toMatchObject({ channel: 'web', status: 'new', service: 'PROP', arrondissement: '06.141.01.31', citizen_phone: '+212661234567', citizen_language: 'fr' });
		expect(stored.tracking_secret_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(stored.tracking_secret_hash).not.toContain(secret);
		const outbox = await call('GET', `/items/outbox?filter[complaint][_eq]=${stored.id}&fields=event,channel,recipient,status&sort=channel`, { token: adminToken() });
		expect(outbox.body.data).toEqual([
			{ event: 'acknowledgment', channel: 'email', recipient: 'fatima.alaoui@example.ma', status: 'pending' },
			{ event: 'acknowledgment', channel: 'sms', recipient: '+212661234567', status: 'pending' },
		]);
	});

	it('accepts an anonymous complaint in Arabic', async () => {
		const response = await submit({ category: 'ECL-01', description: 'عمود الإنارة معطل أمام المدرسة', ...HAY_HASSANI }, { 'accept-language': 'ar-MA,ar;q=0.9' });
		expect(response.status).toBe(201);
		const stored = await adminComplaint(response.body.data.reference);
		expect(stored).toMatchObject({ citizen_name: null, citizen_phone: null, citizen_language: 'ar', service: 'ECL' });
	});

	it('refuses bad input field by field, in Arabic, and stores nothing', async () => {
		const before = await countComplaints();
		const response = await submit({ category: 'PROP-99', description: '', latitude: 33.9, longitude: -7.2, citizen_phone: '12345', status: 'closed', lang: 'ar' });
		expect(response.status).toBe(400);
		const byField = Object.fromEntries(response.body.errors!.map((error) => [error.extensions.field, error.message]));
		expect(Object.keys(byField).sort()).toEqual(['citizen_phone', 'consent', 'status']);
		expect(byField.status).toBe('حقل غير مقبول: «status».');
		expect(byField.consent).toContain('09-08');
		const second = await submit({ category: 'PROP-99', description: '', latitude: 33.9, longitude: -7.2, lang: 'ar' });
		expect(second.status).toBe(400);
		expect(second.body.errors!.map((error) => error.extensions.field).sort()).toEqual(['category', 'description', 'latitude']);
		expect(second.body.errors!.find((error) => error.extensions.field === 'latitude')!.message).toContain('خارج جماعة الدار البيضاء');
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
		const [first, second] = await Promise.all([submit(body, { 'idempotency-key': key }), submit(body, { 'idempotency-key': key })]);
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
		const response = await submit({ category: 'PROP-01', description: 'spam', ...HAY_HASSANI, website: 'http://spam.example' });
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
		const created = (await submit({ category: 'PROP-01', description: 'Ordures non ramassées', ...HAY_HASSANI, ...CITIZEN })).body.data;
		const track = (reference: string, secret?: string, lang = 'fr') => call('GET', `/portal/api/complaints/${reference}?lang=${lang}`, { headers: secret ? { 'x-tracking-secret': secret } : {} });

		const ok = await track(created.reference, created.tracking_secret);
		expect(ok.status).toBe(200);
		expect(ok.body.data).toMatchObject({ reference: created.reference, status: 'new', status_label: 'Nouvelle', category: 'Ordures ménagères non collectées', open: true });
		expect(ok.body.data.timeline.map((event: { type: string }) => event.type)).toEqual(['created']);
		const text = JSON.stringify(ok.body);
		for (const secretValue of [CITIZEN.citizen_name, 'fatima.alaoui', '661234567', 'tracking_secret_hash']) expect(text).not.toContain(secretValue);

		const wrongSecret = await track(created.reference, 'not-the-secret');
		const unknown = await track('CAS-2026-999999', created.tracking_secret);
		const noSecret = await track(created.reference);
		for (const response of [wrongSecret, unknown, noSecret]) {
			expect(response.status).toBe(404);
			expect(response.body).toEqual(wrongSecret.body);
		}

		// staff work it: the public reply appears, internal notes and agent names never do
		const stored = await adminComplaint(created.reference);
		await call('POST', '/casa/assignments', { token: adminToken(), body: { complaints: [stored.id], team: stored.team } });
		const agent = await loginAs('agent');
		await call('POST', '/items/complaint_events', { token: agent, body: { complaint: stored.id, type: 'note', body: 'Note interne confidentielle' } });
		await call('PATCH', `/items/complaints/${stored.id}`, { token: agent, body: { status: 'in_progress' } });
		await call('PATCH', `/items/complaints/${stored.id}`, { token: agent, body: { status: 'resolved', public_reply: 'Les ordures ont été ramassées ce matin.' } });
		const resolved = await track(created.reference, created.tracking_secret, 'ar');
		expect(resolved.body.data).toMatchObject({ status: 'resolved', status_label: 'تمت المعالجة', public_reply: 'Les ordures ont été ramassées ce matin.', canRate: true, canReopen: true, expected_resolution_at: null });
		expect(resolved.body.data.timeline.map((event: { type: string }) => event.type)).toEqual(['created', 'status_changed', 'status_changed', 'status_changed', 'public_reply']);
		expect(JSON.stringify(resolved.body)).not.toContain('Note interne confidentielle');
		expect(JSON.stringify(resolved.body)).not.toContain('Youssef');

		// rating once, then reopening
		const badRating = await call('POST', `/portal/api/complaints/${created.reference}/rating`, { headers: { 'x-tracking-secret': created.tracking_secret }, body: { rating: 9 } });
		expect(badRating.status).toBe(400);
		const rated = await call('POST', `/portal/api/complaints/${created.reference}/rating`, { headers: { 'x-tracking-secret': created.tracking_secret }, body: { rating: 4, comment: 'Rapide, merci' } });
		expect(rated.status).toBe(200);
		expect(rated.body.data).toMatchObject({ rating: 4, canRate: false });
		const again = await call('POST', `/portal/api/complaints/${created.reference}/rating`, { headers: { 'x-tracking-secret': created.tracking_secret }, body: { rating: 1 } });
		expect(again.status).toBe(403);

		const reopened = await call('POST', `/portal/api/complaints/${created.reference}/reopen`, { headers: { 'x-tracking-secret': created.tracking_secret }, body: { reason: 'Les ordures sont revenues.' } });
		expect(reopened.status).toBe(200);
		expect(reopened.body.data).toMatchObject({ status: 'reopened', open: true, canReopen: false });
		const history = (await adminComplaint(created.reference)).history.map((event: { type: string }) => event.type);
		expect(history.slice(-3)).toEqual(['rated', 'status_changed', 'note']);
	});

	it('refuses reopening a complaint that is not resolved', async () => {
		const created = (await submit({ category: 'PROP-01', description: 'x', ...HAY_HASSANI })).body.data;
		const response = await call('POST', `/portal/api/complaints/${created.reference}/reopen`, { headers: { 'x-tracking-secret': created.tracking_secret }, body: { reason: 'encore' } });
		expect(response.status).toBe(400);
		expect((await adminComplaint(created.reference)).status).toBe('new');
	});
});
