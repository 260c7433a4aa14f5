// Loi 09-08 end to end (docs/privacy.md): complaints filed through every road
// in — the portal (with a photo), Open311, the desk (with a scan), e-mail over
// IMAP (with an attachment, a reply and a message set aside), WhatsApp, the
// portal's chat widget (with a photo) and the admin API. Each carries unique
// personal strings, some written by the citizen inside their own text. The right of access gives one person everything and
// nobody else's; the portal erasure works only once closed; then the
// retention job, with every period at 0 days, must leave none of the strings
// of closed complaints in ANY table of the database (Directus's own
// included), keep those of an open complaint, and leave the monthly report
// unchanged.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseConnection } from '../../scripts/provision/demo-data';
import { adminToken, call, createComplaint, platform } from '../helpers/api';
import { connectMailbox, deliverMail } from '../helpers/mail';
import { locationMessage, say, textMessage, textOf } from '../helpers/whatsapp';

const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
const sharp = apiRequire('sharp') as any;

const PROP_CENTRAL_TEAM = '5e7a0000-0000-4000-8000-50524f503030';
const run = `${Date.now()}`.slice(-7);
const HAY_HASSANI = { latitude: 33.5463, longitude: -7.6787 };
/** a unique Moroccan mobile number per person: 06 + digit + 7 digits of the run */
const phone = (digit: number) => ({ typed: `06${digit}${run}`, planted: `6${digit}${run}` });
const person = (label: string, digit: number) => ({
	name: `Ahmed Plant${label}${run}`,
	nameMark: `Plant${label}${run}`,
	email: `plant.${label.toLowerCase()}.${run}@example.ma`,
	emailMark: `plant.${label.toLowerCase()}.${run}`,
	phone: phone(digit),
});
const PORTAL = person('Portail', 1);
const OPEN311 = person('Openapi', 2);
const DESK = person('Guichet', 3);
const ADMIN = person('Admin', 4);
const ERASED = person('Efface', 5);
const OTHER = person('Autre', 6);
const MAIL = person('Courriel', 8);
const WHATSAPP_NAME = `Ahmed PlantWhatsapp${run}`;
const WIDGET_PHOTO_MARK = `widgetplant${run}`;
const MAIL_ATTACHMENT_MARK = `attachplant${run}`;
const ADMIN_POSTAL = `Derb Plantpostal${run}`;
const CORRECTED_PHONE = phone(7);
const PHOTO_MARK = `photoplant${run}`;
const SCAN_MARK = `scanplant${run}`;
const MAIL_RAW_MARK = `rawplant${run}`;
const FAILED_MAIL = `failed.plant.${run}@example.ma`;
const WA = `21269${run}`.slice(0, 12);

const marks = (p: ReturnType<typeof person>) => [p.nameMark, p.emailMark, p.phone.planted];
const EXPIRING = [
	...marks(PORTAL),
	...marks(OPEN311),
	...marks(DESK),
	...marks(ADMIN),
	...marks(MAIL),
	ADMIN_POSTAL,
	CORRECTED_PHONE.planted,
	PHOTO_MARK,
	SCAN_MARK,
	MAIL_RAW_MARK,
	MAIL_ATTACHMENT_MARK,
	FAILED_MAIL,
	WA,
	WIDGET_PHOTO_MARK,
];

let knex: Knex;
const ids: Record<string, { id: string; reference: string; secret?: string }> = {};

async function jpeg(): Promise<Buffer> {
	return sharp({ create: { width: 320, height: 240, channels: 3, background: '#7a6' } })
		.jpeg()
		.toBuffer();
}

async function idOf(reference: string): Promise<string> {
	return String((await knex('complaints').select('id').where({ reference }).first()).id);
}

/** Every table of the database, system tables included: which of these strings appear, and where. */
async function scan(strings: string[]): Promise<Record<string, string[]>> {
	const tables: string[] =
		platform().database === 'pg'
			? (
					await knex.raw(
						"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
					)
				).rows.map((r: { table_name: string }) => r.table_name)
			: (await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table'")).map((r: { name: string }) => r.name);
	expect(tables).toContain('directus_revisions');
	const found: Record<string, string[]> = {};
	for (const table of tables) {
		const rows = await knex(table).select('*');
		// raw e-mails are stored base64-encoded: read them as the bytes they are too
		const raw =
			table === 'mail_messages'
				? rows
						.map((row: { raw?: string | null }) => (row.raw ? Buffer.from(row.raw, 'base64').toString('latin1') : ''))
						.join('\n')
				: '';
		const text =
			raw.toLowerCase() +
			JSON.stringify(rows, (_key, value) =>
				Buffer.isBuffer(value) ? value.toString('latin1') : typeof value === 'bigint' ? String(value) : value,
			).toLowerCase();
		for (const value of strings) if (text.includes(value.toLowerCase())) (found[value] ??= []).push(table);
	}
	// and every stored file: its name on disk and its bytes (a scan, an attachment, a photo)
	const root = platform().config.uploads.root;
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		const text = `${path}\n${readFileSync(path).toString('latin1')}`.toLowerCase();
		for (const value of strings)
			if (text.includes(value.toLowerCase())) (found[value] ??= []).push(`file ${entry.name}`);
	}
	return found;
}

async function command(id: string, name: string, body: Record<string, unknown> = {}) {
	const response = await call('POST', `/workspace/complaints/${id}/commands/${name}`, { token: adminToken(), body });
	expect(response.status, `${name}: ${JSON.stringify(response.body)}`).toBe(200);
}

const monthly = async () => {
	const month = new Date().toISOString().slice(0, 7);
	const response = await call('GET', `/reports/monthly?month=${month}&format=json`, { token: adminToken() });
	expect(response.status).toBe(200);
	const { generatedAt: _generated, ...figures } = response.body.data;
	return figures;
};

beforeAll(async () => {
	knex = databaseConnection(platform().config);
	// portal, with a photo whose file name is personal
	const form = new FormData();
	for (const [key, value] of Object.entries({
		category: 'PROP-02',
		description: `Conteneur plein ${run}`,
		latitude: String(HAY_HASSANI.latitude),
		longitude: String(HAY_HASSANI.longitude),
		citizen_name: PORTAL.name,
		citizen_phone: PORTAL.phone.typed,
		citizen_email: PORTAL.email,
		consent: 'true',
		lang: 'fr',
	}))
		form.append(key, value);
	form.append('photos', new Blob([new Uint8Array(await jpeg())], { type: 'image/jpeg' }), `${PHOTO_MARK}.jpg`);
	const portal = await fetch(`${platform().url}/portal/api/complaints`, { method: 'POST', body: form });
	const portalBody = await portal.json();
	expect(portal.status, JSON.stringify(portalBody)).toBe(201);
	ids.portal = {
		id: await idOf(portalBody.data.reference),
		reference: portalBody.data.reference,
		secret: portalBody.data.tracking_secret,
	};

	// Open311
	const client = await call('POST', '/items/open311_clients', {
		token: adminToken(),
		body: { name: `Privacy ${run}`, api_key: `privacy-key-${run}-abcdefghijklmnop`, active: true },
	});
	expect(client.status).toBe(200);
	const open311 = await fetch(`${platform().url}/open311/v2/requests.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			api_key: `privacy-key-${run}-abcdefghijklmnop`,
			service_code: 'PROP-01',
			lat: '33.5463',
			long: '-7.6787',
			description: `Ordures ${run}`,
			first_name: 'Ahmed',
			last_name: OPEN311.nameMark,
			email: OPEN311.email,
			phone: OPEN311.phone.typed,
		}).toString(),
	});
	const open311Body = await open311.json();
	expect(open311.status, JSON.stringify(open311Body)).toBe(200);
	const open311Ref = open311Body[0].service_request_id;
	ids.open311 = { id: await idOf(open311Ref), reference: open311Ref };

	// desk, with a scan of the citizen's letter
	const scanForm = new FormData();
	scanForm.append(
		'file',
		new Blob([Buffer.from(`%PDF-1.4 lettre de ${DESK.name}`)], { type: 'application/pdf' }),
		`${SCAN_MARK}.pdf`,
	);
	const scanned = await fetch(`${platform().url}/desk/scans`, {
		method: 'POST',
		headers: { authorization: `Bearer ${adminToken()}` },
		body: scanForm,
	});
	const scanBody = await scanned.json();
	expect(scanned.status, JSON.stringify(scanBody)).toBe(201);
	const desk = await call('POST', '/desk/complaints', {
		token: adminToken(),
		body: {
			channel: 'courrier',
			category: 'PROP-02',
			description: `Lettre ${run}`,
			...HAY_HASSANI,
			citizen_name: DESK.name,
			citizen_phone: DESK.phone.typed,
			citizen_email: DESK.email,
			consent: true,
			scan: scanBody.data.id,
			registry_number: `BO-${run}`,
			received_at: new Date().toISOString().slice(0, 10),
		},
	});
	expect(desk.status, JSON.stringify(desk.body)).toBe(201);
	ids.desk = { id: desk.body.data.id, reference: desk.body.data.reference };

	// admin API, then a correction of the phone (the history keeps both values)
	const admin = await createComplaint({
		description: `Admin ${run}`,
		citizen_name: ADMIN.name,
		citizen_phone: ADMIN.phone.typed,
		citizen_email: ADMIN.email,
		citizen_postal_address: ADMIN_POSTAL,
	});
	ids.admin = { id: admin.id, reference: admin.reference };
	await command(admin.id, 'correct', {
		field: 'citizen_phone',
		value: CORRECTED_PHONE.typed,
		reason: `le citoyen ${ADMIN.nameMark} a rappelé`,
	});
	const contact = await call('GET', `/workspace/complaints/${admin.id}/contact?screen=complaint`, {
		token: adminToken(),
	});
	expect(contact.status).toBe(200);

	// e-mail, over IMAP: a new complaint signed with the sender's name and number, with an attachment; a reply
	// to the portal complaint; an empty message, set aside for the administrators
	const imap = await connectMailbox();
	try {
		await deliverMail(imap, {
			from: MAIL.email,
			fromName: MAIL.name,
			subject: `Dépôt sauvage ${run}`,
			text: `Bonjour,\nDes gravats sont déposés depuis une semaine au coin de la rue.\nMerci de me rappeler au ${MAIL.phone.typed}.\nCordialement,\n${MAIL.name}`,
			attachments: [
				{
					filename: `${MAIL_ATTACHMENT_MARK}.pdf`,
					type: 'application/pdf',
					bytes: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
				},
			],
		});
		await deliverMail(imap, {
			from: PORTAL.email,
			fromName: PORTAL.name,
			subject: `Re: ${ids.portal.reference}`,
			text: 'Toujours rien, le conteneur déborde.',
		});
		await deliverMail(imap, { from: FAILED_MAIL, subject: '', text: '' });
		// an automatic answer is ignored and kept raw for a while (a header only the raw message holds)
		await deliverMail(imap, {
			from: `auto.${run}@example.ma`,
			subject: 'Absence',
			text: 'Je suis absent.',
			headers: { 'Auto-Submitted': 'auto-replied', 'X-Mailer': MAIL_RAW_MARK },
		});
	} finally {
		await imap.logout().catch(() => undefined);
	}
	const polled = await call('POST', '/casa-mail/poll', { token: adminToken() });
	expect(polled.status, JSON.stringify(polled.body)).toBe(200);
	const mailed = await knex('citizen_contacts').select('complaint').where({ email: MAIL.email }).first();
	expect(mailed, 'the e-mail became a complaint').toBeTruthy();
	ids.mail = {
		id: String(mailed.complaint),
		reference: (await knex('complaints').select('reference').where({ id: mailed.complaint }).first()).reference,
	};
	expect(
		Number((await knex('mail_messages').where({ from_address: FAILED_MAIL, status: 'failed' }).count({ n: '*' }))[0].n),
	).toBe(1);

	// WhatsApp, the whole conversation: the profile name and the number are the citizen's
	await say(WA, WHATSAPP_NAME, textMessage('Bonjour, le lampadaire de ma rue est éteint'));
	await say(WA, WHATSAPP_NAME, textMessage('1'));
	await say(WA, WHATSAPP_NAME, textMessage(`Lampadaire éteint depuis une semaine ${run}`));
	await say(WA, WHATSAPP_NAME, locationMessage(HAY_HASSANI.latitude, HAY_HASSANI.longitude));
	await say(WA, WHATSAPP_NAME, textMessage('passer'));
	const done = await say(WA, WHATSAPP_NAME, textMessage('oui'));
	const waReference = /CAS-\d{4}-\d{6}/.exec(textOf(done.at(-1)!))?.[0];
	expect(waReference, 'the WhatsApp conversation gave a reference').toBeTruthy();
	ids.whatsapp = { id: await idOf(waReference!), reference: waReference! };

	// the portal's chat widget, with a photo whose file name is personal
	const widget = async (session: string, body: Record<string, unknown>) =>
		(await call('POST', '/chat/widget/messages', { body, headers: { 'x-chat-session': session } })).body.data;
	const started = await call('POST', '/chat/widget/sessions', { body: { lang: 'fr' } });
	const session = started.body.data.session as string;
	await widget(session, { choice: 'VOI' });
	await widget(session, { choice: 'VOI-01' });
	await widget(session, { text: `Un grand trou sur la chaussée ${run}` });
	await widget(session, { location: HAY_HASSANI });
	const widgetForm = new FormData();
	widgetForm.append(
		'photos',
		new Blob([new Uint8Array(await jpeg())], { type: 'image/jpeg' }),
		`${WIDGET_PHOTO_MARK}.jpg`,
	);
	expect(
		(
			await fetch(`${platform().url}/chat/widget/messages`, {
				method: 'POST',
				body: widgetForm,
				headers: { 'x-chat-session': session },
			})
		).status,
	).toBe(200);
	const filed = await widget(session, { choice: 'yes', id: `privacy-${run}` });
	expect(filed.reference).toMatch(/^CAS-/);
	ids.widget = { id: await idOf(filed.reference), reference: filed.reference };

	// another citizen, with a complaint that stays open
	const other = await createComplaint({
		description: `Autre ${run}`,
		citizen_name: OTHER.name,
		citizen_phone: OTHER.phone.typed,
		citizen_email: OTHER.email,
	});
	ids.other = { id: other.id, reference: other.reference };
}, 180_000);

afterAll(async () => {
	await knex?.destroy();
});

describe('the right of access', () => {
	it('is refused to roles without serve_data_requests, and needs a subject', async () => {
		expect((await call('POST', '/casa-privacy/requests', { body: { phone: PORTAL.phone.typed } })).status).toBe(403);
		const none = await call('POST', '/casa-privacy/requests', { token: adminToken(), body: {} });
		expect(none.status).toBe(400);
		expect(none.body.errors![0].message).toBe(
			'Indiquez une réclamation, un numéro de téléphone ou une adresse e-mail.',
		);
	});

	it('gives everything held about one person, found by phone, and nothing of another citizen, through a signed link, journalled', async () => {
		// the same person files a second complaint at the desk with the phone written another way
		const second = await call('POST', '/desk/complaints', {
			token: adminToken(),
			body: {
				channel: 'phone',
				category: 'PROP-02',
				description: `Deuxième ${run}`,
				...HAY_HASSANI,
				citizen_name: PORTAL.name,
				citizen_phone: `+212 ${PORTAL.phone.planted}`,
				consent: true,
			},
		});
		expect(second.status).toBe(201);
		ids.second = { id: second.body.data.id, reference: second.body.data.reference };
		const request = await call('POST', '/casa-privacy/requests', {
			token: adminToken(),
			body: { phone: PORTAL.phone.typed, lang: 'ar' },
		});
		expect(request.status, JSON.stringify(request.body)).toBe(201);
		expect(request.body.data.complaints.sort()).toEqual([ids.portal.reference, ids.second.reference].sort());
		expect(request.body.data.url).not.toContain(PORTAL.phone.planted);
		const json = await fetch(`${platform().url}${request.body.data.path}?format=json`);
		expect(json.status).toBe(200);
		const document = (await json.json()).data;
		const text = JSON.stringify(document);
		for (const value of [
			PORTAL.nameMark,
			PORTAL.emailMark,
			PORTAL.phone.planted,
			`${PHOTO_MARK}`,
			ids.portal.reference,
			ids.second.reference,
			`Conteneur plein ${run}`,
		])
			expect(text, value).toContain(value);
		const portalPart = document.complaints.find((c: { reference: string }) => c.reference === ids.portal.reference);
		expect(portalPart.messages_sent.map((m: { recipient: string }) => m.recipient)).toEqual(
			expect.arrayContaining([PORTAL.email, `+212${PORTAL.phone.planted}`]),
		);
		expect(portalPart.messages_received[0]).toMatchObject({ channel: 'email', from: PORTAL.email });
		expect(portalPart.attachments).toEqual([expect.objectContaining({ kind: 'photo', type: 'image/jpeg' })]);
		expect(portalPart.access_journal.map((j: { screen: string }) => j.screen)).toContain('data_request');
		for (const value of [...marks(OTHER), ...marks(ADMIN), ...marks(DESK), ids.other.reference, ids.admin.reference])
			expect(text, value).not.toContain(value);
		// the same in HTML, in Arabic, right to left
		const html = await fetch(`${platform().url}${request.body.data.path}`);
		expect(html.headers.get('content-type')).toContain('text/html');
		const page = await html.text();
		expect(page).toContain('dir="rtl"');
		expect(page).toContain('معطياتك الشخصية');
		expect(page).toContain(PORTAL.nameMark);
		// the journal names the request and the opening of the link
		const journal = await knex('access_journal').select('screen', 'user').where({ complaint: ids.portal.id });
		expect(journal.map((row) => row.screen)).toEqual(expect.arrayContaining(['data_request', 'data_request_link']));
		// a tampered link opens nothing
		const tampered = await fetch(`${platform().url}${request.body.data.path.slice(0, -3)}abc`);
		expect(tampered.status).toBe(403);
	});

	it('finds the person from a complaint, by e-mail as well', async () => {
		const request = await call('POST', '/casa-privacy/requests', {
			token: adminToken(),
			body: { complaint: ids.admin.reference },
		});
		expect(request.status).toBe(201);
		expect(request.body.data.complaints).toEqual([ids.admin.reference]);
		const document = await (await fetch(`${platform().url}${request.body.data.path}?format=json`)).json();
		const text = JSON.stringify(document);
		expect(text).toContain(ADMIN_POSTAL);
		expect(text).toContain(CORRECTED_PHONE.planted);
		// the correction event holds the original number
		expect(text).toContain(ADMIN.phone.planted);
		const byEmail = await call('POST', '/casa-privacy/requests', {
			token: adminToken(),
			body: { email: DESK.email.toUpperCase() },
		});
		expect(byEmail.body.data.complaints).toEqual([ids.desk.reference]);
	});
});

describe('the notices state the real retention period', () => {
	it('in the portal notice and on the desk receipt, in French and Arabic, following the settings', async () => {
		const config = (await call('GET', '/portal/api/config')).body.data;
		expect(config.retentionNotice.fr).toContain('puis 2 ans après sa clôture');
		expect(config.retentionNotice.ar).toContain('لمدة سنتين بعد إغلاقها');
		const receipt = async (lang: string) =>
			(
				await fetch(`${platform().url}/desk/receipts/${ids.desk.id}?lang=${lang}`, {
					headers: { authorization: `Bearer ${adminToken()}` },
				})
			).text();
		expect(await receipt('fr')).toContain('puis 2 ans après sa clôture');
		expect(
			(await call('PATCH', '/items/platform_settings', { token: adminToken(), body: { retention_contact_days: 45 } }))
				.status,
		).toBe(200);
		expect((await call('GET', '/portal/api/config')).body.data.retentionNotice.fr).toContain(
			'puis 45 jours après sa clôture',
		);
		expect(await receipt('ar')).toContain('45 يوماً');
		await call('PATCH', '/items/platform_settings', { token: adminToken(), body: { retention_contact_days: 730 } });
	});
});

describe('erasure at the citizen request', () => {
	it('the portal refuses it while the complaint is open, erases at once once closed, and only that complaint', async () => {
		const response = await call('POST', '/portal/api/complaints', {
			body: {
				category: 'ECL-01',
				description: `Lampadaire ${run}`,
				...HAY_HASSANI,
				citizen_name: ERASED.name,
				citizen_phone: ERASED.phone.typed,
				citizen_email: ERASED.email,
				consent: true,
				lang: 'fr',
			},
		});
		expect(response.status, JSON.stringify(response.body)).toBe(201);
		const { reference, tracking_secret: secret } = response.body.data;
		const id = await idOf(reference);
		const erase = (value: string) =>
			call('POST', `/portal/api/complaints/${reference}/erase`, { headers: { 'x-tracking-secret': value } });
		expect((await erase('wrong-secret-000000000000')).status).toBe(404);
		const open = await erase(secret);
		expect(open.status).toBe(400);
		expect(open.body.errors![0].message).toBe(
			"Les coordonnées ne peuvent être effacées qu'une fois la réclamation clôturée.",
		);
		expect(Object.keys(await scan(marks(ERASED)))).toHaveLength(3);
		const track = () =>
			call('GET', `/portal/api/complaints/${reference}`, { headers: { 'x-tracking-secret': secret } });
		expect((await track()).body.data).toMatchObject({ canErase: false, contactErased: false });
		await command(id, 'reject', { rejection_reason: 'Hors compétence' });
		// the tracking page offers the erasure once the complaint is finished
		expect((await track()).body.data).toMatchObject({ canErase: true, contactErased: false });
		const done = await erase(secret);
		expect(done.status, JSON.stringify(done.body)).toBe(200);
		expect(done.body.data).toMatchObject({ contactErased: true, canErase: false });
		expect(await scan(marks(ERASED))).toEqual({});
		expect((await erase(secret)).body.errors![0].message).toBe(
			'Les coordonnées de cette réclamation ont déjà été effacées.',
		);
		// the register keeps the complaint
		expect(await knex('complaints').select('reference', 'status', 'category').where({ id }).first()).toMatchObject({
			reference,
			status: 'rejected',
			category: 'ECL-01',
		});
		// the other citizens are untouched
		expect(Object.keys(await scan([PORTAL.nameMark, OTHER.nameMark]))).toHaveLength(2);
	});

	it('an authorised role erases a closed complaint of a person at their request, not an open one', async () => {
		const refused = await call('POST', '/casa-privacy/erase', { body: { complaint: ids.other.reference } });
		expect(refused.status).toBe(403);
		const open = await call('POST', '/casa-privacy/erase', {
			token: adminToken(),
			body: { complaint: ids.other.reference },
		});
		expect(open.status).toBe(200);
		expect(open.body.data).toMatchObject({ erased: [], not_finished: [ids.other.reference] });
		expect(Object.keys(await scan(marks(OTHER)))).toHaveLength(3);
	});
});

describe('the retention job', () => {
	it('with every period at 0 days, leaves no personal string of a finished complaint in any table, keeps the open one, and the monthly report unchanged', async () => {
		// closed through the whole workflow, or rejected
		await command(ids.admin.id, 'acknowledge');
		await command(ids.admin.id, 'assign', { team: PROP_CENTRAL_TEAM });
		await command(ids.admin.id, 'start');
		await command(ids.admin.id, 'resolve', { public_reply: `Réparé ${run}` });
		await command(ids.admin.id, 'close');
		for (const key of ['portal', 'open311', 'desk', 'second', 'mail', 'whatsapp', 'widget'])
			await command(ids[key].id, 'reject', { rejection_reason: `Motif ${run}` });
		// the outbox worker sends what was written (every 2 s in tests): wait until nothing of ours is pending
		const ours = [
			ids.portal.id,
			ids.open311.id,
			ids.desk.id,
			ids.admin.id,
			ids.second.id,
			ids.mail.id,
			ids.whatsapp.id,
			ids.widget.id,
		];
		for (
			let i = 0;
			i < 30 &&
			(
				await knex('outbox')
					.whereIn('complaint', ours)
					.whereIn('status', ['pending', 'retry', 'sending'])
					.count({ n: '*' })
			)[0].n != 0;
			i++
		)
			await new Promise((r) => setTimeout(r, 1000));

		const before = await scan(EXPIRING);
		expect(Object.keys(before).sort(), 'every planted string is somewhere before the job').toEqual(
			[...EXPIRING].sort(),
		);
		// collected only what is needed: the WhatsApp profile name was never stored
		expect(await scan([`PlantWhatsapp${run}`])).toEqual({});
		const reportBefore = await monthly();
		const registerBefore = await knex('complaints')
			.select(
				'reference',
				'status',
				'category',
				'arrondissement',
				'received_at',
				'closed_at',
				'public_reply',
				'resolve_due_at',
			)
			.whereIn('id', ours)
			.orderBy('reference');
		const eventsBefore = Number((await knex('complaint_events').whereIn('complaint', ours).count({ n: '*' }))[0].n);

		const settings = await call('PATCH', '/items/platform_settings', {
			token: adminToken(),
			body: {
				retention_contact_days: 0,
				retention_mail_days: 0,
				retention_chat_days: 0,
				retention_outbox_days: 0,
				retention_journal_days: 0,
				retention_export_days: 0,
			},
		});
		expect(settings.status, JSON.stringify(settings.body)).toBe(200);
		expect(
			(
				await call('POST', '/casa-privacy/run', {
					token:
						(await call('POST', '/auth/login', { body: { email: 'nobody@example.ma', password: 'x' } })).body.data
							?.access_token ?? null,
				})
			).status,
		).toBe(403);
		const first = await call('POST', '/casa-privacy/run', { token: adminToken() });
		expect(first.status, JSON.stringify(first.body)).toBe(200);
		expect(first.body.data.complaints).toBeGreaterThanOrEqual(8);
		// the e-mail's signature (name and number) went out of the description the register keeps
		expect(first.body.data.free_text).toBeGreaterThanOrEqual(1);
		const mailDescription = (await knex('complaints').select('description').where({ id: ids.mail.id }).first())
			.description as string;
		expect(mailDescription).toContain('Des gravats sont déposés depuis une semaine');
		expect(first.body.data.files_deleted).toBeGreaterThanOrEqual(1);

		const after = await scan([...EXPIRING, ...marks(OTHER)]);
		const leaks = Object.fromEntries(Object.entries(after).filter(([value]) => EXPIRING.includes(value)));
		expect(leaks).toEqual({});
		// the open complaint of another citizen keeps its contact
		expect(Object.keys(after).sort()).toEqual(marks(OTHER).sort());

		// the register and the figures are the same
		expect(await monthly()).toEqual(reportBefore);
		expect(
			await knex('complaints')
				.select(
					'reference',
					'status',
					'category',
					'arrondissement',
					'received_at',
					'closed_at',
					'public_reply',
					'resolve_due_at',
				)
				.whereIn('id', ours)
				.orderBy('reference'),
		).toEqual(registerBefore);
		expect(Number((await knex('complaint_events').whereIn('complaint', ours).count({ n: '*' }))[0].n)).toBe(
			eventsBefore,
		);
		expect(
			await knex('complaint_events').select('body').where({ complaint: ids.admin.id, type: 'correction' }).first(),
		).toEqual({
			body: JSON.stringify({ field: 'citizen_phone', from: null, to: null, reason: null, anonymised: true }),
		});

		// idempotent: a second run finds nothing more to do
		const second = await call('POST', '/casa-privacy/run', { token: adminToken() });
		expect(second.body.data).toMatchObject({ complaints: 0, contacts: 0, files_deleted: 0, mail: 0, conversations: 0 });
		await call('PATCH', '/items/platform_settings', {
			token: adminToken(),
			body: {
				retention_contact_days: 730,
				retention_mail_days: 90,
				retention_chat_days: 90,
				retention_outbox_days: 90,
				retention_journal_days: 1825,
				retention_export_days: 30,
			},
		});
	}, 120_000);
});
