// The SMS gateway cannot be reached from here: msw stands in for it, with the
// request checked as the gateway would receive it.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsSender, whatsappSender } from './senders';
import { whatsappConfig } from '../chat/whatsapp-client';
import { type Env, readSettings } from '../../config/settings';

// the senders take what config/settings.ts reads from these variables
const smsConfigFromEnv = (env: Env) => readSettings(env).sms;
const whatsappConfigFromEnv = (env: Env) => whatsappConfig(readSettings(env).whatsapp);

const received: { body: unknown; authorization: string | null }[] = [];
const whatsapp: unknown[] = [];
const gateway = setupServer(
	http.post('https://sms.gateway.example/v1/messages', async ({ request }) => {
		received.push({ body: await request.json(), authorization: request.headers.get('authorization') });
		return HttpResponse.json({ id: 'msg-1', status: 'queued' }, { status: 202 });
	}),
	http.post('https://sms.down.example/v1/messages', () => HttpResponse.json({ error: 'maintenance' }, { status: 503 })),
	http.post('https://graph.example/v21.0/42/messages', async ({ request }) => {
		whatsapp.push(await request.json());
		return HttpResponse.json({
			messaging_product: 'whatsapp',
			contacts: [{ input: '212661234567', wa_id: '212661234567' }],
			messages: [{ id: 'wamid.X' }],
		});
	}),
);

beforeAll(() => gateway.listen({ onUnhandledRequest: 'error' }));
afterAll(() => gateway.close());

describe('SMS sender', () => {
	it('posts the text to the configured gateway with its token', async () => {
		const sender = smsSender(
			smsConfigFromEnv({
				SMS_GATEWAY_URL: 'https://sms.gateway.example/v1/messages',
				SMS_GATEWAY_TOKEN: 'secret-token',
			}),
		);
		await sender.send('+212661234567', { subject: 'Réclamation CAS-2026-000001', text: 'Enregistrée.', html: '' });
		expect(received).toEqual([
			{
				body: { to: '+212661234567', from: 'CasaReclam', text: 'Réclamation CAS-2026-000001\nEnregistrée.' },
				authorization: 'Bearer secret-token',
			},
		]);
	});

	it('fails with the gateway’s status so the outbox records why', async () => {
		const sender = smsSender(smsConfigFromEnv({ SMS_GATEWAY_URL: 'https://sms.down.example/v1/messages' }));
		await expect(sender.send('+212661234567', { subject: 's', text: 't', html: '' })).rejects.toThrow('503');
	});

	it('fails clearly when no gateway is configured', async () => {
		await expect(
			smsSender(smsConfigFromEnv({})).send('+212600000000', { subject: 's', text: 't', html: '' }),
		).rejects.toThrow('SMS gateway not configured');
	});
});

describe('WhatsApp sender', () => {
	const config = whatsappConfigFromEnv({
		WHATSAPP_GRAPH_URL: 'https://graph.example/v21.0',
		WHATSAPP_PHONE_NUMBER_ID: '42',
		WHATSAPP_ACCESS_TOKEN: 't',
		WHATSAPP_TEMPLATE_STATUS: 'casa_status',
	});
	const now = new Date('2026-11-29T12:00:00Z');
	const message = { subject: 'Réclamation CAS-2026-000001', text: 'Affectée.', html: '' };
	const about = {
		event: 'assigned',
		language: 'ar',
		values: { reference: 'CAS-2026-000001', trackingUrl: 'https://x/portal/suivi/CAS-2026-000001' },
	};

	it('sends text within 24 hours of the last message, a template after, and refuses without a template', async () => {
		whatsapp.length = 0;
		await whatsappSender(
			config,
			async () => new Date('2026-11-29T01:00:00Z'),
			() => now,
		).send('+212661234567', message, about);
		await whatsappSender(
			config,
			async () => new Date('2026-11-27T01:00:00Z'),
			() => now,
		).send('+212661234567', message, about);
		expect(whatsapp).toMatchObject([
			{ to: '212661234567', type: 'text', text: { body: 'Réclamation CAS-2026-000001\nAffectée.' } },
			{ to: '212661234567', type: 'template', template: { name: 'casa_status', language: { code: 'ar' } } },
		]);
		const bare = whatsappConfigFromEnv({
			WHATSAPP_GRAPH_URL: 'https://graph.example/v21.0',
			WHATSAPP_PHONE_NUMBER_ID: '42',
			WHATSAPP_ACCESS_TOKEN: 't',
		});
		await expect(
			whatsappSender(
				bare,
				async () => null,
				() => now,
			).send('+212661234567', message, about),
		).rejects.toThrow('no WhatsApp template');
	});
});
