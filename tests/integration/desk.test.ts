// The registry-office desk (/desk): complaints recorded on a citizen's behalf
// by phone and paper mail go through the same complaint hooks as every road in;
// earlier complaints found by the caller's number; following one instead of a
// duplicate; field-by-field refusals in French and Arabic; the receipt.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, createComplaint, loginAs, platform, CONTACT_FIELDS, withCitizen } from '../helpers/api';

const HAY_HASSANI = '06.141.01.31';
const POINT = { latitude: 33.5463, longitude: -7.6787 };
// a number of this run only, so earlier runs' complaints do not interfere
const digits = String(Date.now()).slice(-8);
const PHONE_TYPED = `06 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)}`;
const PHONE = `+2126${digits}`;

let agent: string;
let agentId: string;

async function countComplaints(): Promise<number> {
	return Number(
		(await call('GET', '/items/complaints?aggregate[count]=*', { token: adminToken() })).body.data[0].count,
	);
}

async function stored(id: string) {
	return withCitizen(
		(
			await call(
				'GET',
				`/items/complaints/${id}?fields=*,history.type,history.body,history.actor,files.kind,files.directus_files_id,${CONTACT_FIELDS}`,
				{ token: adminToken() },
			)
		).body.data,
	);
}

async function uploadScan(token: string): Promise<string> {
	const form = new FormData();
	form.append('file', new Blob([Buffer.from('%PDF-1.4 lettre du citoyen')], { type: 'application/pdf' }), 'lettre.pdf');
	// the registry office holds no permission on directus_files: the desk stores the scan
	const response = await fetch(`${platform().url}/desk/scans`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}` },
		body: form,
	});
	expect(response.status).toBe(201);
	return (await response.json()).data.id;
}

const record = (body: Record<string, unknown>, token: string | null = agent, headers: Record<string, string> = {}) =>
	call('POST', '/desk/complaints', { token, body, headers });

beforeAll(async () => {
	agent = await loginAs('bureau-ordre');
	agentId = (await call('GET', '/users/me?fields=id', { token: agent })).body.data.id;
});

describe('recording at the desk', () => {
	let phoneComplaint: { id: string; reference: string; tracking_secret: string };

	it('records a phone complaint with the phone channel, routing, deadlines from now and a tracking code', async () => {
		const before = Date.now();
		const response = await record({
			channel: 'phone',
			category: 'PROP-02',
			description: 'Conteneur plein depuis trois jours devant l’école',
			...POINT,
			citizen_name: 'Fatima Zahra Alaoui',
			citizen_phone: PHONE_TYPED,
			consent: true,
		});
		expect(response.status).toBe(201);
		const data = response.body.data;
		phoneComplaint = data;
		expect(data).toMatchObject({ channel: 'phone', status: 'new', arrondissement: HAY_HASSANI, service: 'PROP' });
		expect(data.reference).toMatch(/^CAS-\d{4}-\d{6}$/);
		const received = Date.parse(data.received_at);
		expect(received).toBeGreaterThanOrEqual(before - 1000);
		expect(received).toBeLessThanOrEqual(Date.now() + 1000);
		expect(Date.parse(data.acknowledge_due_at)).toBeGreaterThan(received);
		expect(Date.parse(data.resolve_due_at)).toBeGreaterThanOrEqual(Date.parse(data.acknowledge_due_at));
		expect(Math.abs(Date.parse(data.legal_due_at) - received - 60 * 86_400_000)).toBeLessThanOrEqual(3_600_000);

		const complaint = await stored(data.id);
		expect(complaint).toMatchObject({
			channel: 'phone',
			citizen_phone: PHONE,
			citizen_language: 'fr',
			user_created: agentId,
			registry_number: null,
		});
		expect(complaint.team).not.toBeNull();
		// the history hook recorded the creation, attributed to the agent
		expect(complaint.history.map((event: { type: string; actor: string }) => [event.type, event.actor])).toEqual([
			['created', agentId],
		]);
		// the citizen follows it on the portal with the code printed on the receipt
		const tracked = await call('GET', `/portal/api/complaints/${data.reference}`, {
			headers: { 'x-tracking-secret': data.tracking_secret },
		});
		expect(tracked.status).toBe(200);
		expect(data.tracking_url).toContain(`/portal/suivi/${data.reference}#${data.tracking_secret}`);
		const outbox = await call('GET', `/items/outbox?filter[complaint][_eq]=${data.id}&fields=event,channel,recipient`, {
			token: adminToken(),
		});
		expect(outbox.body.data).toEqual([{ event: 'acknowledgment', channel: 'sms', recipient: PHONE }]);
	});

	it('records paper mail with its registry number, the scanned letter, and deadlines from the date received', async () => {
		const scan = await uploadScan(agent);
		const day = new Date(Date.now() - 10 * 86_400_000);
		const receivedDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(day);
		const response = await record({
			channel: 'courrier',
			category: 'VOI-01',
			description: 'Nid-de-poule dangereux signalé par lettre',
			...POINT,
			registry_number: `BO-${digits}`,
			received_at: receivedDay,
			scan,
			citizen_name: 'Ahmed Benali',
			citizen_phone: PHONE,
			consent: true,
			citizen_language: 'ar',
		});
		expect(response.status).toBe(201);
		const data = response.body.data;
		expect(data).toMatchObject({ channel: 'courrier', registry_number: `BO-${digits}` });
		const received = Date.parse(data.received_at);
		// the start of that day in Casablanca, ten days ago
		expect(
			new Intl.DateTimeFormat('en-CA', {
				timeZone: 'Africa/Casablanca',
				dateStyle: 'short',
				timeStyle: 'short',
				hourCycle: 'h23',
			}).format(new Date(received)),
		).toBe(`${receivedDay}, 00:00`);
		expect(Math.abs(Date.parse(data.legal_due_at) - received - 60 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
		expect(Date.parse(data.legal_due_at)).toBeLessThan(Date.now() + 51 * 86_400_000);
		// deadlines in working time from the date received, not from the typing date: already past or near
		expect(Date.parse(data.acknowledge_due_at)).toBeLessThan(Date.now());
		const complaint = await stored(data.id);
		expect(complaint.files).toEqual([{ kind: 'scan', directus_files_id: scan }]);
		expect(complaint.citizen_language).toBe('ar');
	});

	it('finds the caller’s earlier complaints by their number in another spelling, open first, within the agent’s scope', async () => {
		// the same caller in another arrondissement, recorded by someone else: out of this agent's scope
		const elsewhere = await createComplaint({
			latitude: undefined,
			longitude: undefined,
			arrondissement: '06.141.01.51',
			citizen_phone: PHONE,
			description: 'Autre arrondissement',
		});
		const response = await call('GET', `/desk/search?q=${encodeURIComponent(`+212 6${digits}`)}`, { token: agent });
		expect(response.status).toBe(200);
		expect(response.body.meta.query).toBe(PHONE);
		const references = response.body.data.map((row: { reference: string }) => row.reference);
		expect(references).toHaveLength(2);
		expect(references).toContain(phoneComplaint.reference);
		expect(references).not.toContain(elsewhere.reference);
		expect(response.body.data[0]).toMatchObject({ citizen_phone: PHONE, open: true });
		// the administrator sees all three
		const all = await call('GET', `/desk/search?q=${encodeURIComponent(PHONE_TYPED)}`, { token: adminToken() });
		expect(all.body.data.map((row: { reference: string }) => row.reference)).toContain(elsewhere.reference);
		expect(all.body.data).toHaveLength(3);
		// by name, accents and case aside
		const byName = await call('GET', `/desk/search?q=${encodeURIComponent('fatima alaoui')}`, { token: agent });
		expect(byName.body.data.map((row: { reference: string }) => row.reference)).toContain(phoneComplaint.reference);
	});

	it('follows an existing complaint instead of creating a duplicate', async () => {
		const before = await countComplaints();
		const response = await call('POST', `/desk/complaints/${phoneComplaint.id}/follow`, {
			token: agent,
			body: { note: 'Le conteneur déborde toujours.' },
		});
		expect(response.status).toBe(201);
		expect(response.body.data.reference).toBe(phoneComplaint.reference);
		const complaint = await stored(phoneComplaint.id);
		const notes = complaint.history.filter((event: { type: string }) => event.type === 'note');
		expect(notes).toHaveLength(1);
		expect(notes[0].body).toBe('Le citoyen a rappelé au sujet de cette réclamation.\nLe conteneur déborde toujours.');
		expect(notes[0].actor).toBe(agentId);
		expect(await countComplaints()).toBe(before);
	});

	it('gives the same complaint back on a retry with the same idempotency key', async () => {
		const before = await countComplaints();
		const key = randomUUID();
		const body = {
			channel: 'counter',
			category: 'ECL-01',
			description: 'Lampadaire éteint rue 12, signalé au guichet',
			address: 'Rue 12, Hay Hassani',
			arrondissement: HAY_HASSANI,
		};
		const first = await record(body, agent, { 'idempotency-key': key });
		const second = await record(body, agent, { 'idempotency-key': key });
		expect(first.status).toBe(201);
		expect(second.status).toBe(200);
		expect(second.body.data.reference).toBe(first.body.data.reference);
		expect(first.body.data).toMatchObject({ channel: 'counter', arrondissement: HAY_HASSANI });
		// the key is bound to what was sent, as on every road in: another complaint under it is refused, field by field
		const other = await record({ ...body, description: 'Un autre lampadaire, rue 14' }, agent, {
			'idempotency-key': key,
		});
		expect(other.status).toBe(422);
		expect(other.body.errors![0].message).toContain("Cette clé d'idempotence a déjà servi");
		expect(await countComplaints()).toBe(before + 1);
	});

	it('prints the acknowledgment receipt as an A4 page in Arabic, without the caller’s contact data', async () => {
		const response = await fetch(`${platform().url}/desk/receipts/${phoneComplaint.id}?lang=ar`, {
			headers: { authorization: `Bearer ${agent}` },
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/html');
		const html = await response.text();
		expect(html).toContain('<html lang="ar" dir="rtl">');
		expect(html).toContain('@page { size: A4');
		expect(html).toContain('وصل إيداع شكاية');
		expect(html).toContain(phoneComplaint.reference);
		expect(html).toContain('<svg');
		expect(html).toContain(phoneComplaint.tracking_secret.replace(/(.{4})(?=.)/g, '$1 '));
		expect(html).not.toContain(digits.slice(-6));
		const french = await (
			await fetch(`${platform().url}/desk/receipts/${phoneComplaint.id}`, {
				headers: { authorization: `Bearer ${agent}` },
			})
		).text();
		expect(french).toContain('Accusé de réception de réclamation');
	});
});

describe('refusals', () => {
	it('refuses bad input field by field in French and in Arabic, and stores nothing', async () => {
		const before = await countComplaints();
		const bad = { channel: 'fax', description: 'court', citizen_phone: '12345', latitude: 33.5, status: 'closed' };
		const french = await record({ ...bad, lang: 'fr' });
		expect(french.status).toBe(400);
		const fr = Object.fromEntries(french.body.errors!.map((error) => [error.extensions.field, error.message]));
		expect(Object.keys(fr).sort()).toEqual([
			'category',
			'channel',
			'citizen_phone',
			'consent',
			'description',
			'latitude',
			'status',
		]);
		expect(fr.channel).toBe("Canal non accepté au bureau d'ordre : « fax ».");
		expect(fr.description).toBe('La description doit faire au moins 10 caractères.');
		const arabic = await record({ ...bad, lang: 'ar' });
		expect(arabic.status).toBe(400);
		const ar = Object.fromEntries(arabic.body.errors!.map((error) => [error.extensions.field, error.message]));
		expect(Object.keys(ar).sort()).toEqual(Object.keys(fr).sort());
		expect(ar.category).toBe('اختر صنف الشكاية.');
		expect(ar.status).toBe('حقل غير مقبول: «status».');
		// paper mail without its number and date
		const courrier = await record({
			channel: 'courrier',
			category: 'PROP-01',
			description: 'Lettre sans numéro',
			...POINT,
			lang: 'ar',
		});
		expect(courrier.body.errors!.map((error) => error.extensions.field).sort()).toEqual([
			'received_at',
			'registry_number',
		]);
		// the complaint rules of the hooks: an unknown category, a point outside the commune
		const rules = await record({
			channel: 'phone',
			category: 'NOPE-01',
			description: 'Catégorie inexistante',
			latitude: 33.9,
			longitude: -7.3,
		});
		expect(rules.status).toBe(400);
		expect(rules.body.errors!.map((error) => error.extensions.field).sort()).toEqual(['category', 'latitude']);
		expect(await countComplaints()).toBe(before);
	});

	it('refuses a user out of role, and anonymous callers, on every route', async () => {
		const before = await countComplaints();
		const serviceAgent = await loginAs('agent');
		const body = { channel: 'phone', category: 'PROP-01', description: 'Tentative hors rôle', ...POINT };
		const refused = await record(body, serviceAgent);
		expect(refused.status).toBe(403);
		expect(refused.body.errors![0].message).toBe('مكتب الضبط مخصص لأعوان مكتب الضبط وللمسؤولين عن المنصة.');
		expect((await call('GET', `/desk/search?q=${encodeURIComponent(PHONE)}`, { token: serviceAgent })).status).toBe(
			403,
		);
		expect((await record(body, null)).status).toBe(403);
		expect((await call('GET', `/desk/search?q=${encodeURIComponent(PHONE)}`)).status).toBe(403);
		expect(await countComplaints()).toBe(before);
	});

	it('refuses a receipt or a follow-up on a complaint out of the agent’s scope', async () => {
		const elsewhere = await createComplaint({
			latitude: undefined,
			longitude: undefined,
			arrondissement: '06.141.01.51',
			description: 'Hors du périmètre du bureau',
		});
		expect((await call('GET', `/desk/receipts/${elsewhere.id}`, { token: agent })).status).toBe(403);
		expect((await call('POST', `/desk/complaints/${elsewhere.id}/follow`, { token: agent, body: {} })).status).toBe(
			403,
		);
		expect((await stored(elsewhere.id)).history).toHaveLength(1);
	});
});

describe("the category's questions at the desk", () => {
	const QUESTIONS = [
		{
			code: 'bins',
			datatype: 'number',
			required: true,
			order: 1,
			question_fr: 'Combien de bacs ?',
			question_ar: 'كم عدد الحاويات؟',
		},
		{
			code: 'smell',
			datatype: 'singlevaluelist',
			required: false,
			order: 2,
			question_fr: 'Odeur',
			question_ar: 'الرائحة',
			values: [
				{ key: 'none', name_fr: 'Aucune', name_ar: 'لا توجد' },
				{ key: 'strong', name_fr: 'Forte', name_ar: 'قوية' },
			],
		},
	];
	beforeAll(async () => {
		expect(
			(await call('PATCH', '/items/categories/PROP-04', { token: adminToken(), body: { attributes: QUESTIONS } }))
				.status,
		).toBe(200);
	});
	afterAll(async () => {
		await call('PATCH', '/items/categories/PROP-04', { token: adminToken(), body: { attributes: null } });
	});

	it('asks them, refuses a missing required answer field by field, and stores the answers that agents then read', async () => {
		const token = await loginAs('bureau-ordre');
		const base = { channel: 'phone', category: 'PROP-04', description: 'Bacs renversés devant la poste', ...POINT };
		const missing = await record(base, token);
		expect(missing.status).toBe(400);
		expect(missing.body.errors!.map((error) => error.extensions.field)).toEqual(['attributes.bins']);
		const created = await record({ ...base, attributes: { bins: '3', smell: 'strong' } }, token);
		expect(created.status, JSON.stringify(created.body.errors)).toBe(201);
		const view = await call('GET', `/workspace/complaints/${created.body.data.id}`, { token });
		expect(view.body.data.answers).toEqual([
			{ question: 'Combien de bacs ?', answer: '3' },
			{ question: 'Odeur', answer: 'Forte' },
		]);
	});
});
