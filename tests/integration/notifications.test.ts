// The citizen is told what happens to their complaint: assignment to a
// service, a request for information, the resolution with the public reply,
// a reopening. E-mails arrive at the real SMTP catcher, SMS at the msw-backed
// gateway (tests/setup/services/sms-gateway.ts); the outbox rows are written
// in the transaction of the change, so a change that fails leaves none.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, createComplaint, platform } from '../helpers/api';

const POINT = { latitude: 33.5463, longitude: -7.6787 };

interface OutboxRow {
	id: number;
	event: string;
	channel: string;
	recipient: string;
	language: string;
	status: string;
	attempts: number;
	last_error: string | null;
	next_attempt_at: string | null;
	payload: Record<string, unknown>;
}
interface SmsReceived {
	to: string;
	from: string;
	text: string;
	authorization: string | null;
	status: number;
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < deadline) {
		try {
			const value = await probe();
			if (value) return value;
		} catch (error) {
			last = error;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`timed out${last ? `: ${(last as Error).message}` : ''}`);
}

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;
const phone = () => `06${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function mailsTo(address: string): Promise<ParsedMail[]> {
	const { mailDir } = platform();
	const found: ParsedMail[] = [];
	for (const file of readdirSync(mailDir).sort()) {
		const parsed = await simpleParser(readFileSync(join(mailDir, file)));
		const to = Array.isArray(parsed.to) ? parsed.to.map((entry) => entry.text).join(',') : (parsed.to?.text ?? '');
		if (to.includes(address)) found.push(parsed);
	}
	return found;
}

const sms = () => platform().services.sms as { url: string; controlUrl: string; sender: string };

async function smsTo(recipient: string): Promise<SmsReceived[]> {
	const response = await fetch(`${sms().controlUrl}/messages`);
	return ((await response.json()).data as SmsReceived[]).filter((message) => message.to === recipient);
}

async function failSms(to: string, count: number, status = 503) {
	await fetch(`${sms().controlUrl}/fail`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ to, count, status }),
	});
}

async function outbox(complaint: string): Promise<OutboxRow[]> {
	const rows = await call(
		'GET',
		`/items/outbox?filter[complaint][_eq]=${complaint}&fields=id,event,channel,recipient,language,status,attempts,last_error,next_attempt_at,payload&sort=id&limit=-1`,
		{ token: adminToken() },
	);
	return rows.body.data as OutboxRow[];
}

async function patch(id: string, body: Record<string, unknown>) {
	const response = await call('PATCH', `/items/complaints/${id}`, { token: adminToken(), body });
	expect(response.status, JSON.stringify(response.body)).toBe(200);
	return response.body.data;
}

/** Waits until every outbox row of the complaint is sent, and returns them. */
async function allSent(complaint: string, count: number): Promise<OutboxRow[]> {
	return waitFor(async () => {
		const rows = await outbox(complaint);
		return rows.length === count && rows.every((row) => row.status === 'sent') ? rows : null;
	});
}

describe('the citizen is told, in French, by e-mail and SMS', () => {
	const email = `citoyen.notif.${unique()}@example.ma`;
	let id: string;
	let reference: string;
	let secret: string;
	let smsRecipient: string;

	beforeAll(async () => {
		const created = await call('POST', '/portal/api/complaints', {
			body: {
				category: 'PROP-01',
				description: 'Bac débordant devant le n° 12',
				...POINT,
				citizen_email: email,
				citizen_phone: phone(),
				consent: true,
				lang: 'fr',
			},
		});
		expect(created.status).toBe(201);
		({ reference, tracking_secret: secret } = created.body.data);
		const found = await call('GET', `/items/complaints?filter[reference][_eq]=${reference}&fields=id,contact.phone`, {
			token: adminToken(),
		});
		id = found.body.data[0].id;
		smsRecipient = found.body.data[0].contact[0].phone;
		await allSent(id, 2); // the acknowledgment, e-mail and SMS
	});

	it('assignment to a service: e-mail and SMS naming the service', async () => {
		await patch(id, { status: 'assigned' });
		const rows = await allSent(id, 4);
		expect(rows.slice(2).map((row) => [row.event, row.channel, row.language])).toEqual([
			['assignment', 'email', 'fr'],
			['assignment', 'sms', 'fr'],
		]);
		const mail = (await waitFor(async () =>
			(await mailsTo(email)).find((message) => message.subject?.includes('transmise')),
		))!;
		expect(mail.subject).toBe(`Votre réclamation ${reference} est transmise au service compétent`);
		expect(mail.text).toContain('au service Propreté');
		expect(mail.text).toContain(`/portal/suivi/${reference}`);
		expect(mail.html).toContain('dir="ltr"');
		const texts = await waitFor(async () => {
			const received = await smsTo(smsRecipient);
			return received.length >= 2 ? received : null;
		});
		expect(texts[1]).toMatchObject({ from: sms().sender, status: 202, authorization: 'Bearer test-sms-gateway-token' });
		expect(texts[1].text).toContain(`Votre réclamation ${reference} est transmise au service compétent`);
		expect(texts[1].text).toContain('Propreté');
	});

	it('request for information: the question, by e-mail and SMS', async () => {
		await patch(id, { status: 'in_progress' });
		await patch(id, { status: 'waiting_citizen', public_reply: 'Pouvez-vous préciser le numéro de la rue ?' });
		const rows = await allSent(id, 6);
		expect(rows.slice(4).map((row) => [row.event, row.channel])).toEqual([
			['request_information', 'email'],
			['request_information', 'sms'],
		]);
		const mail = (await waitFor(async () =>
			(await mailsTo(email)).find((message) => message.subject?.includes('informations demandées')),
		))!;
		expect(mail.text).toContain('Pouvez-vous préciser le numéro de la rue ?');
		const texts = await waitFor(async () => ((await smsTo(smsRecipient)).length >= 3 ? smsTo(smsRecipient) : null));
		expect(texts[2].text).toContain('Pouvez-vous préciser le numéro de la rue ?');
	});

	it('resolution: the public reply as citizen-facing text, escaped in the HTML', async () => {
		await patch(id, { status: 'in_progress' });
		const reply = 'Bac vidé & lavé <le 28/11> — merci.';
		await patch(id, { status: 'resolved', public_reply: reply });
		const rows = await allSent(id, 8);
		expect(rows.slice(6).map((row) => [row.event, row.channel])).toEqual([
			['resolution', 'email'],
			['resolution', 'sms'],
		]);
		const mail = (await waitFor(async () =>
			(await mailsTo(email)).find((message) => message.subject === `Réponse à votre réclamation ${reference}`),
		))!;
		expect(mail.text).toContain(reply);
		expect(mail.html).toContain('Bac vidé &amp; lavé &lt;le 28/11&gt; — merci.');
		expect(mail.html).not.toContain('<le 28/11>');
		const texts = await waitFor(async () => ((await smsTo(smsRecipient)).length >= 4 ? smsTo(smsRecipient) : null));
		expect(texts[3].text).toContain(reply);
	});

	it('reopening by the citizen: told by e-mail and SMS; nothing kept of the tracking secret', async () => {
		const reopened = await call('POST', `/portal/api/complaints/${reference}/reopen`, {
			headers: { 'x-tracking-secret': secret },
			body: { reason: 'Les ordures sont revenues.' },
		});
		expect(reopened.status).toBe(200);
		const rows = await allSent(id, 10);
		expect(rows.slice(8).map((row) => [row.event, row.channel])).toEqual([
			['reopening', 'email'],
			['reopening', 'sms'],
		]);
		const mail = (await waitFor(async () =>
			(await mailsTo(email)).find((message) => message.subject === `Votre réclamation ${reference} est rouverte`),
		))!;
		expect(mail.text).toContain('de nouveau traitée');
		const texts = await waitFor(async () => ((await smsTo(smsRecipient)).length >= 5 ? smsTo(smsRecipient) : null));
		expect(texts[4].text).toContain(`Votre réclamation ${reference} est rouverte`);
		expect(JSON.stringify(rows)).not.toContain(secret);
		// internal moves (in progress) told nobody: 1 acknowledgment + 4 events, on 2 channels
		expect((await mailsTo(email)).length).toBe(5);
	});
});

describe('in Arabic, right to left', () => {
	const email = `mouwatin.${unique()}@example.ma`;
	const number = phone();
	let complaint: { id: string; reference: string; team: string };

	async function arabicMail(subject: string) {
		const mail = (await waitFor(async () => (await mailsTo(email)).find((message) => message.subject === subject)))!;
		expect(mail.html).toContain('<html lang="ar" dir="rtl">');
		expect(mail.html).toContain('text-align: right');
		return mail;
	}
	async function arabicSms(count: number) {
		return waitFor(async () => {
			const received = await smsTo(number);
			return received.length >= count ? received : null;
		});
	}

	beforeAll(async () => {
		complaint = await createComplaint({ citizen_email: email, citizen_phone: number, citizen_language: 'ar' });
	});

	it('assignment through the assignment endpoint: Arabic e-mail (RTL) and SMS', async () => {
		const assigned = await call('POST', '/workspace/assignments', {
			token: adminToken(),
			body: { complaints: [complaint.id], team: complaint.team },
		});
		expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
		const rows = await allSent(complaint.id, 2);
		expect(rows.map((row) => [row.event, row.channel, row.language])).toEqual([
			['assignment', 'email', 'ar'],
			['assignment', 'sms', 'ar'],
		]);
		const mail = await arabicMail(`أحيلت شكايتكم ${complaint.reference} على المصلحة المختصة`);
		expect(mail.text).toContain('مصلحة النظافة');
		expect((await arabicSms(1))[0].text).toContain(`أحيلت شكايتكم ${complaint.reference}`);
	});

	it('request for information, resolution and reopening, each in Arabic', async () => {
		await patch(complaint.id, { status: 'waiting_citizen', public_reply: 'المرجو تحديد رقم الزنقة.' });
		const question = await arabicMail(`شكايتكم ${complaint.reference}: معلومات مطلوبة`);
		expect(question.text).toContain('المرجو تحديد رقم الزنقة.');
		expect((await arabicSms(2))[1].text).toContain('المرجو تحديد رقم الزنقة.');

		await patch(complaint.id, { status: 'in_progress' });
		await patch(complaint.id, { status: 'resolved', public_reply: 'تم إفراغ الحاوية وتنظيفها.' });
		const answer = await arabicMail(`الجواب على شكايتكم ${complaint.reference}`);
		expect(answer.text).toContain('تم إفراغ الحاوية وتنظيفها.');
		expect((await arabicSms(3))[2].text).toContain('تم إفراغ الحاوية وتنظيفها.');

		// reopened by the service (the administrator here), not only by the citizen
		await patch(complaint.id, { status: 'reopened' });
		await arabicMail(`أعيد فتح شكايتكم ${complaint.reference}`);
		expect((await arabicSms(4))[3].text).toContain(`أعيد فتح شكايتكم ${complaint.reference}`);
		const rows = await allSent(complaint.id, 8);
		expect(rows.every((row) => row.language === 'ar')).toBe(true);
	});
});

describe('failures', () => {
	it('a failing SMS gateway: retries with backoff, the reason recorded, the transition done', async () => {
		const number = phone();
		const complaint = await createComplaint({ citizen_phone: number });
		await failSms(number, 2);
		const started = Date.now();
		const done = await patch(complaint.id, { status: 'assigned' });
		expect(done.status).toBe('assigned');

		const first = await waitFor(async () =>
			(await outbox(complaint.id))[0]?.status === 'retry' ? (await outbox(complaint.id))[0] : null,
		);
		expect(first).toMatchObject({ channel: 'sms', attempts: 1 });
		expect(first.last_error).toMatch(/^SMS gateway answered 503: .*gateway unavailable/);
		const firstDelay = Date.parse(first.next_attempt_at!) - started;
		expect(firstDelay).toBeGreaterThan(55_000);
		expect(firstDelay).toBeLessThan(90_000);

		// the minute has passed (as far as the outbox knows): second attempt, fails again, waits twice as long
		const retriedAt = Date.now();
		await call('PATCH', `/items/outbox/${first.id}`, {
			token: adminToken(),
			body: { next_attempt_at: new Date(Date.now() - 1000).toISOString() },
		});
		const second = await waitFor(async () => {
			const [row] = await outbox(complaint.id);
			return row.attempts === 2 && row.status === 'retry' ? row : null;
		});
		const secondDelay = Date.parse(second.next_attempt_at!) - retriedAt;
		expect(secondDelay).toBeGreaterThan(115_000);
		expect(secondDelay).toBeLessThan(150_000);

		await call('PATCH', `/items/outbox/${first.id}`, {
			token: adminToken(),
			body: { next_attempt_at: new Date(Date.now() - 1000).toISOString() },
		});
		const third = await waitFor(async () => {
			const [row] = await outbox(complaint.id);
			return row.status === 'sent' ? row : null;
		});
		expect(third).toMatchObject({ attempts: 3, last_error: null });
		expect((await smsTo(number)).map((message) => message.status)).toEqual([503, 503, 202]);
		const stored = await call('GET', `/items/complaints/${complaint.id}?fields=status`, { token: adminToken() });
		expect(stored.body.data.status).toBe('assigned');
	});

	it('an invalid transition stores no outbox row', async () => {
		const complaint = await createComplaint({ citizen_email: `refus.${unique()}@example.ma`, citizen_phone: phone() });
		const refused = await call('PATCH', `/items/complaints/${complaint.id}`, {
			token: adminToken(),
			body: { status: 'resolved', public_reply: 'Fait.' },
		});
		expect(refused.status).toBe(400);
		expect(await outbox(complaint.id)).toEqual([]);
	});

	it('a change rolled back after its outbox rows were written leaves none (one transaction)', async () => {
		const complaint = await createComplaint({
			citizen_email: `rollback.${unique()}@example.ma`,
			citizen_phone: phone(),
		});
		// all or nothing: the first complaint is assigned (its notifications written), the second does not exist
		const response = await call('POST', '/workspace/assignments', {
			token: adminToken(),
			body: { complaints: [complaint.id, '00000000-0000-4000-8000-000000000000'], team: complaint.team },
		});
		expect(response.status).toBeGreaterThanOrEqual(400);
		const stored = await call('GET', `/items/complaints/${complaint.id}?fields=status,history.type`, {
			token: adminToken(),
		});
		expect(stored.body.data.status).toBe('new');
		expect(stored.body.data.history.map((event: { type: string }) => event.type)).toEqual(['created']);
		expect(await outbox(complaint.id)).toEqual([]);
	});

	it('a channel without a sender fails with a clear reason; the worker goes on', async () => {
		const complaint = await createComplaint({ citizen_email: `canal.${unique()}@example.ma` });
		const inserted = await call('POST', '/items/outbox', {
			token: adminToken(),
			body: {
				complaint: complaint.id,
				event: 'assignment',
				channel: 'fax',
				recipient: '+212522000000',
				language: 'fr',
				payload: { reference: complaint.reference },
				status: 'pending',
				attempts: 0,
			},
		});
		expect(inserted.status, JSON.stringify(inserted.body)).toBe(200);
		await patch(complaint.id, { status: 'assigned' });
		const rows = await waitFor(async () => {
			const found = await outbox(complaint.id);
			return found.length === 2 && found.every((row) => row.status !== 'pending' && row.status !== 'sending')
				? found
				: null;
		});
		expect(rows[0]).toMatchObject({
			channel: 'fax',
			status: 'failed',
			attempts: 1,
			last_error: 'no sender for channel "fax" on this platform',
		});
		expect(rows[1]).toMatchObject({ channel: 'email', event: 'assignment', status: 'sent' });
	});
});
