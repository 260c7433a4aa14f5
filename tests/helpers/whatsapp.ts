// WhatsApp Cloud API deliveries as Meta posts them (signed with the app
// secret), and what the platform sent back, read from the Graph API mock
// (tests/setup/services).
import { createHmac, randomBytes } from 'node:crypto';
import { platform } from './api';

interface Meta {
	url: string;
	appSecret: string;
	verifyToken: string;
	phoneNumberId: string;
}
export const meta = () => platform().services.meta as unknown as Meta;

export interface SentMessage {
	phoneNumberId: string;
	body: Record<string, any>;
}

export async function sentTo(waId: string): Promise<SentMessage[]> {
	const response = await fetch(`${meta().url}/__mock/messages`);
	return ((await response.json()).data as SentMessage[]).filter((message) => message.body.to === waId);
}

/** The text a citizen reads in a sent message, whatever its type. */
export function textOf(message: SentMessage): string {
	const body = message.body;
	if (body.type === 'text') return body.text.body;
	if (body.type === 'interactive') return body.interactive.body.text;
	return JSON.stringify(body.template ?? body);
}

let counter = 0;
export const wamid = () =>
	`wamid.HBgMMjEyNjYxMDAwMDAxFQIAEhgg${randomBytes(10).toString('hex').toUpperCase()}${++counter}`;

/** A `messages` webhook as Meta posts it. */
export function webhook(waId: string, name: string, message: Record<string, unknown>) {
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: '102290129340398',
				changes: [
					{
						value: {
							messaging_product: 'whatsapp',
							metadata: { display_phone_number: '212522000000', phone_number_id: meta().phoneNumberId },
							contacts: [{ profile: { name }, wa_id: waId }],
							messages: [{ from: waId, id: wamid(), timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
						},
						field: 'messages',
					},
				],
			},
		],
	};
}

export const textMessage = (body: string) => ({ type: 'text', text: { body } });
export const listReply = (id: string, title: string) => ({
	type: 'interactive',
	interactive: { type: 'list_reply', list_reply: { id, title } },
});
export const buttonReply = (id: string, title: string) => ({
	type: 'interactive',
	interactive: { type: 'button_reply', button_reply: { id, title } },
});
export const locationMessage = (latitude: number, longitude: number, name?: string, address?: string) => ({
	type: 'location',
	location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
});
export const imageMessage = (id: string) => ({
	type: 'image',
	image: { caption: 'voilà', mime_type: 'image/jpeg', sha256: 'Vq1k6E7vLxmQ9x2yB0k9c1bq7Sg8rP2vYHcR8u0sXxY=', id },
});

export async function postWebhook(payload: unknown, signature: 'good' | 'bad' | 'none' = 'good') {
	const raw = JSON.stringify(payload);
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signature === 'good')
		headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', meta().appSecret).update(raw).digest('hex')}`;
	if (signature === 'bad')
		headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', 'not-the-secret').update(raw).digest('hex')}`;
	return fetch(`${platform().url}/chat/whatsapp/webhook`, { method: 'POST', headers, body: raw });
}

/** Sends one message and returns what the platform answered to that number. */
export async function say(waId: string, name: string, message: Record<string, unknown>): Promise<SentMessage[]> {
	const before = (await sentTo(waId)).length;
	const response = await postWebhook(webhook(waId, name, message));
	if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
	return (await sentTo(waId)).slice(before);
}
