// The SMS gateway cannot be reached from here: msw stands in for it, with the
// request checked as the gateway would receive it.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsConfigFromEnv, smsSender } from './senders';

const received: { body: unknown; authorization: string | null }[] = [];
const gateway = setupServer(
	http.post('https://sms.gateway.example/v1/messages', async ({ request }) => {
		received.push({ body: await request.json(), authorization: request.headers.get('authorization') });
		return HttpResponse.json({ id: 'msg-1', status: 'queued' }, { status: 202 });
	}),
	http.post('https://sms.down.example/v1/messages', () => HttpResponse.json({ error: 'maintenance' }, { status: 503 })),
);

beforeAll(() => gateway.listen({ onUnhandledRequest: 'error' }));
afterAll(() => gateway.close());

describe('SMS sender', () => {
	it('posts the text to the configured gateway with its token', async () => {
		const sender = smsSender(smsConfigFromEnv({ SMS_GATEWAY_URL: 'https://sms.gateway.example/v1/messages', SMS_GATEWAY_TOKEN: 'secret-token' }));
		await sender.send('+212661234567', { subject: 'Réclamation CAS-2026-000001', text: 'Enregistrée.', html: '' });
		expect(received).toEqual([{ body: { to: '+212661234567', from: 'CasaReclam', text: 'Réclamation CAS-2026-000001\nEnregistrée.' }, authorization: 'Bearer secret-token' }]);
	});

	it('fails with the gateway’s status so the outbox records why', async () => {
		const sender = smsSender(smsConfigFromEnv({ SMS_GATEWAY_URL: 'https://sms.down.example/v1/messages' }));
		await expect(sender.send('+212661234567', { subject: 's', text: 't', html: '' })).rejects.toThrow('503');
	});

	it('fails clearly when no gateway is configured', async () => {
		await expect(smsSender(smsConfigFromEnv({})).send('+212600000000', { subject: 's', text: 't', html: '' })).rejects.toThrow('SMS gateway not configured');
	});
});
