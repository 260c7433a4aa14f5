// E-mail intake against a real IMAP server (Dovecot, tests/setup/services/imap.ts):
// messages are appended over IMAP, passes are asked for with POST /casa-mail/poll,
// acknowledgments arrive at the SMTP catcher.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, loginAs, platform, CONTACT_FIELDS, withCitizen } from '../helpers/api';
import { type MailSpec, connectMailbox, deliverMail } from '../helpers/mail';

const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
const sharp = apiRequire('sharp') as any;

const run = `${Date.now()}`;
let imap: ImapFlow;

beforeAll(async () => {
	imap = await connectMailbox();
});

afterAll(async () => {
	await imap?.logout().catch(() => undefined);
});

const deliver = (spec: MailSpec) => deliverMail(imap, spec);

async function poll() {
	return call('POST', '/casa-mail/poll', { token: adminToken() });
}

async function flagsOf(uid: number): Promise<Set<string>> {
	const lock = await imap.getMailboxLock('INBOX');
	try {
		const message = await imap.fetchOne(String(uid), { flags: true }, { uid: true });
		// \Recent depends on which session saw the message first: not ours to assert
		return new Set([...((message && message.flags) || [])].filter((flag) => flag !== '\\Recent'));
	} finally {
		lock.release();
	}
}

async function complaintsFrom(email: string) {
	const response = await call(
		'GET',
		`/items/complaints?filter[contact][email][_eq]=${encodeURIComponent(email)}&fields=id,reference,channel,status,category,service,team,description,citizen_language,legal_due_at,resolve_due_at,files.kind,files.directus_files_id.type,files.directus_files_id.filename_download,${CONTACT_FIELDS}&sort=reference`,
		{ token: adminToken() },
	);
	expect(response.status).toBe(200);
	return (response.body.data as Record<string, any>[]).map(withCitizen);
}

async function ledger(messageId: string) {
	const response = await call(
		'GET',
		`/items/mail_messages?filter[message_key][_eq]=${encodeURIComponent(`mid:${messageId}`)}&fields=id,status,outcome,complaint,reason,attempts,raw,mailbox_done`,
		{ token: adminToken() },
	);
	expect(response.status).toBe(200);
	return response.body.data as Record<string, any>[];
}

async function outboxOf(complaintId: string) {
	const response = await call(
		'GET',
		`/items/outbox?filter[complaint][_eq]=${complaintId}&fields=event,channel,recipient,language,status`,
		{ token: adminToken() },
	);
	return response.body.data as Record<string, any>[];
}

async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value) return value;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error('timed out');
}

async function mailTo(address: string) {
	const { mailDir } = platform();
	for (const file of readdirSync(mailDir).sort()) {
		const parsed = await simpleParser(readFileSync(join(mailDir, file)));
		const to = Array.isArray(parsed.to) ? parsed.to.map((entry) => entry.text).join(',') : (parsed.to?.text ?? '');
		if (to.includes(address)) return parsed;
	}
	return null;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('mail intake', () => {
	let plainComplaint: Record<string, any>;
	const plainSender = `citoyen.${run}@example.ma`;

	it('turns a plain-text e-mail into a complaint, new and waiting for qualification when the category suggestion is not sure, and acknowledges it by e-mail', async () => {
		const messageId = `plain.${run}@example.ma`;
		const uid = await deliver({
			from: plainSender,
			fromName: 'Fatima Zahra',
			subject: 'Suite',
			messageId,
			text: 'Bonjour,\nvoir mon message ci-dessous.',
		});
		const response = await poll();
		expect(response.status).toBe(200);
		expect(response.body.data.complaint).toBeGreaterThanOrEqual(1);

		const [complaint, ...others] = await complaintsFrom(plainSender);
		expect(others).toEqual([]);
		plainComplaint = complaint;
		expect(complaint).toMatchObject({
			channel: 'email',
			status: 'new',
			category: null,
			service: null,
			team: null,
			citizen_name: 'Fatima Zahra',
			citizen_language: 'fr',
		});
		expect(complaint.reference).toMatch(/^CAS-\d{4}-\d{6}$/);
		expect(complaint.description).toBe('Suite\n\nBonjour,\nvoir mon message ci-dessous.');
		expect(complaint.legal_due_at).toBeTruthy();

		const [row] = await ledger(messageId);
		expect(row).toMatchObject({
			status: 'processed',
			outcome: 'complaint',
			complaint: complaint.id,
			raw: null,
			attempts: 1,
		});
		expect(await flagsOf(uid)).toEqual(new Set(['\\Seen', '$CasaImported']));

		const history = await call(
			'GET',
			`/items/complaint_events?filter[complaint][_eq]=${complaint.id}&fields=type,actor_kind`,
			{ token: adminToken() },
		);
		expect(history.body.data).toEqual([{ type: 'created', actor_kind: 'citizen' }]);

		const acknowledgment = await waitFor(() => mailTo(plainSender));
		expect(acknowledgment.subject).toBe(`Votre réclamation ${complaint.reference} est enregistrée`);
		expect(acknowledgment.text).toContain(`/portal/suivi/${complaint.reference}#`);
		expect(await outboxOf(complaint.id)).toEqual([
			expect.objectContaining({ event: 'acknowledgment', channel: 'email', recipient: plainSender, language: 'fr' }),
		]);
	});

	it('shows the e-mail complaint to a registry office, which qualifies it: routed and given its deadlines', async () => {
		const token = await loginAs('bureau-ordre');
		// in the registry office's queue (no place, no category yet), with the sender on request
		const queue = await call('GET', `/workspace/complaints?q=${plainComplaint.reference}`, { token });
		expect(queue.status).toBe(200);
		expect(queue.body.data.map((row: { reference: string }) => row.reference)).toEqual([plainComplaint.reference]);
		const contact = await call('GET', `/workspace/complaints/${plainComplaint.id}/contact`, { token });
		expect(contact.body.data.email).toBe(plainSender);
		const me = await call('GET', '/workspace/me', { token });
		const qualified = await call('POST', `/workspace/complaints/${plainComplaint.id}/commands/requalify`, {
			token,
			body: { category: 'PROP-01' },
		});
		expect(qualified.status).toBe(200);
		const after = await call(
			'GET',
			`/items/complaints/${plainComplaint.id}?fields=category,service,arrondissement,acknowledge_due_at,resolve_due_at,status`,
			{ token: adminToken() },
		);
		expect(after.body.data).toMatchObject({ category: 'PROP-01', service: 'PROP' });
		expect(me.body.data.landing).toBe('desk');
		expect(after.body.data.acknowledge_due_at).toBeTruthy();
		expect(after.body.data.resolve_due_at).toBeTruthy();
	});

	it('reads an HTML-only Arabic e-mail as text, files it in the category the suggestion is sure of, keeps its PDF as a document, refuses what is not allowed, and answers in Arabic', async () => {
		const sender = `mouwatin.${run}@example.ma`;
		const messageId = `html.${run}@example.ma`;
		await deliver({
			from: sender,
			subject: 'انقطاع الإنارة العمومية',
			messageId,
			html: '<html><body><p>السلام عليكم،</p><p>الإنارة العمومية <b>معطلة</b> في شارع الحسن الثاني منذ أسبوع.</p><img src="cid:logo"></body></html>',
			attachments: [
				{ filename: 'constat.pdf', type: 'application/pdf', bytes: PDF },
				{ filename: 'programme.exe', type: 'application/pdf', bytes: Buffer.from('MZ\x90\x00 not a pdf') },
			],
		});
		expect((await poll()).status).toBe(200);
		const [complaint, ...others] = await complaintsFrom(sender);
		expect(others).toEqual([]);
		// "public lighting out in the whole street": the suggestion is sure, the complaint is filed and routed without an agent
		expect(complaint).toMatchObject({ channel: 'email', citizen_language: 'ar', category: 'ECL-02', service: 'ECL' });
		expect(complaint.description).toContain('الإنارة العمومية معطلة في شارع الحسن الثاني منذ أسبوع.');
		expect(complaint.description).not.toMatch(/<[a-z]/i);
		expect(complaint.files).toEqual([
			{ kind: 'document', directus_files_id: { type: 'application/pdf', filename_download: 'constat.pdf' } },
		]);

		const notes = await call(
			'GET',
			`/items/complaint_events?filter[complaint][_eq]=${complaint.id}&filter[type][_eq]=note&fields=body,actor_kind,visibility`,
			{ token: adminToken() },
		);
		expect(notes.body.data).toHaveLength(2);
		for (const note of notes.body.data) expect(note).toMatchObject({ actor_kind: 'system', visibility: 'internal' });
		expect(notes.body.data.filter((note: { body: string }) => note.body.includes('programme.exe'))).toHaveLength(1);
		// the history says the category was the suggestion's, for the agent who checks it
		expect(
			notes.body.data.filter(
				(note: { body: string }) => note.body.includes('ECL-02') && note.body.includes('Requalifiez'),
			),
		).toHaveLength(1);

		const acknowledgment = await waitFor(() => mailTo(sender));
		expect(acknowledgment.subject).toBe(`تم تسجيل شكايتكم ${complaint.reference}`);
		expect(acknowledgment.html).toContain('dir="rtl"');
		expect((await ledger(messageId))[0]).toMatchObject({ status: 'processed', outcome: 'complaint' });
	});

	it("threads the citizen's reply into the complaint's history with its attachment; the same reference from someone else is a new complaint", async () => {
		const photo: Buffer = await sharp({
			create: { width: 32, height: 24, channels: 3, background: { r: 10, g: 120, b: 40 } },
		})
			.jpeg()
			.toBuffer();
		const replyId = `reply.${run}@example.ma`;
		await deliver({
			from: plainSender.toUpperCase(),
			subject: `Re: Votre réclamation ${plainComplaint.reference} est enregistrée`,
			messageId: replyId,
			text: `Le bac est toujours plein ce matin, photo jointe.\n\nLe 28 nov. 2026 à 10:05, Casa Réclamations a écrit :\n> Votre réclamation ${plainComplaint.reference} est enregistrée`,
			attachments: [{ filename: 'bac.jpg', type: 'image/jpeg', bytes: photo }],
		});
		const strangerId = `stranger.${run}@example.ma`;
		const stranger = `voisin.${run}@example.ma`;
		await deliver({
			from: stranger,
			subject: `Au sujet de ${plainComplaint.reference}`,
			messageId: strangerId,
			text: 'Je confirme, le bac déborde aussi devant chez moi.',
		});
		const response = await poll();
		expect(response.status).toBe(200);

		expect(await complaintsFrom(plainSender)).toHaveLength(1);
		const [complaint] = await complaintsFrom(plainSender);
		expect(complaint.files).toEqual([
			{ kind: 'document', directus_files_id: { type: 'image/jpeg', filename_download: 'bac.jpg' } },
		]);
		const events = await call(
			'GET',
			`/items/complaint_events?filter[complaint][_eq]=${complaint.id}&filter[type][_eq]=note&fields=body,actor_kind,visibility`,
			{ token: adminToken() },
		);
		expect(events.body.data).toEqual([
			{ body: 'Le bac est toujours plein ce matin, photo jointe.', actor_kind: 'citizen', visibility: 'internal' },
		]);
		expect((await ledger(replyId))[0]).toMatchObject({
			status: 'processed',
			outcome: 'reply',
			complaint: complaint.id,
		});
		// a reply gets no second acknowledgment
		expect(await outboxOf(complaint.id)).toHaveLength(1);

		const [other] = await complaintsFrom(stranger);
		expect(other.reference).not.toBe(plainComplaint.reference);
		expect((await ledger(strangerId))[0]).toMatchObject({ outcome: 'complaint', complaint: other.id });
	});

	it('imports a message delivered twice (same Message-ID) once, and marks both copies', async () => {
		const sender = `double.${run}@example.ma`;
		const messageId = `twice.${run}@example.ma`;
		const spec = {
			from: sender,
			subject: 'Nid-de-poule avenue des FAR',
			messageId,
			text: 'Un trou dangereux au milieu de la chaussée.',
		};
		const first = await deliver(spec);
		const second = await deliver({ ...spec, headers: { Received: 'from relay2.example.ma by mx.casablanca.ma' } });
		expect((await poll()).status).toBe(200);
		expect((await poll()).status).toBe(200);
		const complaints = await complaintsFrom(sender);
		expect(complaints).toHaveLength(1);
		expect(await ledger(messageId)).toHaveLength(1);
		expect(await outboxOf(complaints[0].id)).toHaveLength(1);
		expect((await flagsOf(first)).has('$CasaImported')).toBe(true);
		expect((await flagsOf(second)).has('$CasaImported')).toBe(true);
	});

	it('a crash after the message is recorded: the next pass imports it exactly once', async () => {
		const sender = `crash1.${run}@example.ma`;
		const messageId = `crash-ledger.${run}@example.ma`;
		const uid = await deliver({
			from: sender,
			subject: 'Fuite d’eau',
			messageId,
			text: 'Une fuite sur le trottoir depuis hier.',
			headers: { 'X-Casa-Test-Fault': 'after-ledger' },
		});
		const crashed = await poll();
		expect(crashed.status).toBe(500);
		expect(crashed.body.errors?.[0]?.extensions.code).toBe('SIMULATED_CRASH');
		expect(await complaintsFrom(sender)).toEqual([]);
		const [recorded] = await ledger(messageId);
		expect(recorded).toMatchObject({ status: 'received', attempts: 0 });
		expect(recorded.raw).toBeTruthy();
		expect((await flagsOf(uid)).has('$CasaImported')).toBe(false);

		expect((await poll()).status).toBe(200);
		expect((await poll()).status).toBe(200);
		const complaints = await complaintsFrom(sender);
		expect(complaints).toHaveLength(1);
		expect(await outboxOf(complaints[0].id)).toHaveLength(1);
		expect((await ledger(messageId))[0]).toMatchObject({ status: 'processed', attempts: 1 });
		expect((await flagsOf(uid)).has('$CasaImported')).toBe(true);
	});

	it('a crash after the commit, before the mailbox is marked: the next pass only marks it', async () => {
		const sender = `crash2.${run}@example.ma`;
		const messageId = `crash-commit.${run}@example.ma`;
		const uid = await deliver({
			from: sender,
			subject: 'Arbre tombé',
			messageId,
			text: 'Un arbre bloque la rue depuis la tempête.',
			headers: { 'X-Casa-Test-Fault': 'after-commit' },
		});
		expect((await poll()).status).toBe(500);
		expect(await complaintsFrom(sender)).toHaveLength(1);
		expect((await flagsOf(uid)).has('$CasaImported')).toBe(false);

		expect((await poll()).status).toBe(200);
		const complaints = await complaintsFrom(sender);
		expect(complaints).toHaveLength(1);
		expect(await outboxOf(complaints[0].id)).toHaveLength(1);
		expect((await ledger(messageId))[0]).toMatchObject({ status: 'processed', attempts: 1, mailbox_done: true });
		expect((await flagsOf(uid)).has('$CasaImported')).toBe(true);
	});

	it('keeps a message it cannot import (no sender) in the mailbox and the ledger, and tells the administrators', async () => {
		const messageId = `nosender.${run}@example.ma`;
		const uid = await deliver({ from: null, subject: 'Sans expéditeur', messageId, text: 'Qui suis-je ?' });
		expect((await poll()).status).toBe(200);
		const [row] = await ledger(messageId);
		expect(row).toMatchObject({ status: 'failed', reason: "adresse de l'expéditeur absente ou invalide" });
		expect(row.raw).toBeTruthy();
		expect(await flagsOf(uid)).toEqual(new Set(['\\Seen', '$CasaImported', '$CasaFailed']));
		const notifications = await call(
			'GET',
			`/notifications?filter[collection][_eq]=mail_messages&filter[item][_eq]=${row.id}&fields=subject,message,status`,
			{ token: adminToken() },
		);
		expect(notifications.status).toBe(200);
		expect(notifications.body.data.length).toBeGreaterThanOrEqual(1);
		expect(notifications.body.data[0].subject).toMatch(/Sans expéditeur/);
		// a later pass neither retries nor reports it again
		expect((await poll()).status).toBe(200);
		const again = await call(
			'GET',
			`/notifications?filter[collection][_eq]=mail_messages&filter[item][_eq]=${row.id}&fields=id`,
			{ token: adminToken() },
		);
		expect(again.body.data).toHaveLength(notifications.body.data.length);
	});

	it('keeps the ledger and the poll route for administrators', async () => {
		expect((await call('POST', '/casa-mail/poll')).status).toBe(403);
		expect((await call('GET', '/items/mail_messages')).status).toBe(403);
	});
});
