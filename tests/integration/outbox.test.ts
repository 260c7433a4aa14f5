import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { adminToken, call, platform } from '../helpers/api';

const POINT = { latitude: 33.5463, longitude: -7.6787 };

async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
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

async function outboxRows(complaintReference: string) {
	const complaint = await call('GET', `/items/complaints?filter[reference][_eq]=${complaintReference}&fields=id`, {
		token: adminToken(),
	});
	const rows = await call(
		'GET',
		`/items/outbox?filter[complaint][_eq]=${complaint.body.data[0].id}&fields=channel,status,attempts,last_error,payload,sent_at&sort=channel`,
		{ token: adminToken() },
	);
	return rows.body.data as {
		channel: string;
		status: string;
		attempts: number;
		last_error: string | null;
		payload: Record<string, unknown>;
		sent_at: string | null;
	}[];
}

describe('outbox worker', () => {
	it('e-mails the acknowledgment in Arabic, right to left, through a real SMTP server, and forgets the secret link once sent', async () => {
		const email = `citoyen.${Date.now()}@example.ma`;
		const created = await call('POST', '/portal/api/complaints', {
			body: {
				category: 'PROP-01',
				description: 'نفايات لم تجمع منذ يومين',
				...POINT,
				citizen_email: email,
				consent: true,
				lang: 'ar',
			},
		});
		expect(created.status).toBe(201);
		const { reference, tracking_secret: secret } = created.body.data;
		const message = await waitFor(() => mailTo(email));
		expect(message.subject).toBe(`تم تسجيل شكايتكم ${reference}`);
		expect(message.html).toContain('dir="rtl"');
		expect(message.text).toContain(`/portal/suivi/${reference}#${secret}`);
		const [row] = await waitFor(async () => {
			const rows = await outboxRows(reference);
			return rows[0]?.status === 'sent' ? rows : null;
		});
		expect(row.attempts).toBe(1);
		expect(row.sent_at).not.toBeNull();
		expect(JSON.stringify(row.payload)).not.toContain(secret);
	});

	it('records why a channel failed and schedules a retry, without blocking the workflow', async () => {
		// the SMS gateway stand-in (tests/setup/services/sms-gateway.ts) is told to refuse this number once
		const local = `066${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
		const control = (platform().services.sms as { controlUrl: string }).controlUrl;
		await fetch(`${control}/fail`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ to: `+212${local.slice(1)}`, count: 1, status: 503 }),
		});
		const created = await call('POST', '/portal/api/complaints', {
			body: { category: 'PROP-01', description: 'Bac plein', ...POINT, citizen_phone: local, consent: true },
		});
		const { reference } = created.body.data;
		const [row] = await waitFor(async () => {
			const rows = await outboxRows(reference);
			return rows[0]?.status === 'retry' ? rows : null;
		});
		expect(row).toMatchObject({ channel: 'sms', attempts: 1 });
		expect(row.last_error).toMatch(/^SMS gateway answered 503: /);
		const complaint = await call('GET', `/items/complaints?filter[reference][_eq]=${reference}&fields=status`, {
			token: adminToken(),
		});
		expect(complaint.body.data[0].status).toBe('new');
	});
});
