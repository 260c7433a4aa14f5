// The WhatsApp Business Cloud API, as plain data: the webhook signature, the
// inbound messages of a webhook payload, and the engine's replies as Graph API
// message bodies (text, interactive buttons or list, location request).
// Shapes follow Meta's documentation of the webhook `messages` field and of
// POST /{phone-number-id}/messages. No I/O here.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Reply } from './engine';

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>` */
export function signatureMatches(rawBody: Buffer | undefined, header: string | undefined, appSecret: string): boolean {
	if (!rawBody || !header || !appSecret) return false;
	const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
	if (!match) return false;
	const expected = createHmac('sha256', appSecret).update(rawBody).digest();
	const presented = Buffer.from(match[1], 'hex');
	return presented.length === expected.length && timingSafeEqual(presented, expected);
}

export function sign(rawBody: Buffer | string, appSecret: string): string {
	return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export type WhatsAppContent =
	| { kind: 'text'; text: string }
	| { kind: 'choice'; id: string }
	| { kind: 'location'; latitude: number; longitude: number; address: string | null }
	| { kind: 'image'; mediaId: string; mimeType: string | null }
	| { kind: 'unsupported'; type: string };

export interface WhatsAppInbound {
	/** wamid: Meta retries a delivery with the same id */
	id: string;
	/** the sender's WhatsApp id (international number, digits only) */
	from: string;
	phoneNumberId: string | null;
	timestamp: Date;
	content: WhatsAppContent;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function contentOf(message: Json): WhatsAppContent {
	const type = String(message.type ?? '');
	switch (type) {
		case 'text':
			return { kind: 'text', text: String(obj(message.text).body ?? '') };
		case 'interactive': {
			const interactive = obj(message.interactive);
			const reply = obj(interactive.list_reply ?? interactive.button_reply);
			const id = str(reply.id);
			return id
				? { kind: 'choice', id }
				: { kind: 'unsupported', type: `interactive:${String(interactive.type ?? '')}` };
		}
		case 'button': {
			// a quick-reply button of a template message
			const button = obj(message.button);
			return { kind: 'text', text: String(button.payload ?? button.text ?? '') };
		}
		case 'location': {
			const location = obj(message.location);
			const address = [str(location.name), str(location.address)].filter(Boolean).join(', ');
			return {
				kind: 'location',
				latitude: Number(location.latitude),
				longitude: Number(location.longitude),
				address: address || null,
			};
		}
		case 'image': {
			const image = obj(message.image);
			const mediaId = str(image.id);
			return mediaId ? { kind: 'image', mediaId, mimeType: str(image.mime_type) } : { kind: 'unsupported', type };
		}
		default:
			return { kind: 'unsupported', type };
	}
}

/** Every message of a webhook payload (delivery statuses and other fields are skipped). */
export function inboundMessages(payload: unknown): WhatsAppInbound[] {
	const messages: WhatsAppInbound[] = [];
	for (const entry of arr(obj(payload).entry)) {
		for (const change of arr(obj(entry).changes)) {
			if (obj(change).field !== 'messages') continue;
			const value = obj(obj(change).value);
			const phoneNumberId = str(obj(value.metadata).phone_number_id);
			for (const raw of arr(value.messages)) {
				const message = obj(raw);
				const id = str(message.id);
				const from = str(message.from);
				if (!id || !from) continue;
				const seconds = Number(message.timestamp);
				messages.push({
					id,
					from: from.replace(/\D/g, ''),
					phoneNumberId,
					timestamp: Number.isFinite(seconds) ? new Date(seconds * 1000) : new Date(),
					content: contentOf(message),
				});
			}
		}
	}
	return messages;
}

const LIMITS = { body: 1024, text: 4096, buttonTitle: 20, rowTitle: 24, rowDescription: 72, listButton: 20, rows: 10 };

function cut(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** One engine reply as the body of POST /{phone-number-id}/messages. */
export function outboundMessage(to: string, reply: Reply, labels: { pick: string }): Json {
	const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
	const choices = reply.choices ?? [];
	if (
		choices.length > 0 &&
		choices.length <= 3 &&
		choices.every((choice) => choice.title.length <= LIMITS.buttonTitle)
	) {
		return {
			...base,
			type: 'interactive',
			interactive: {
				type: 'button',
				body: { text: cut(reply.text, LIMITS.body) },
				action: {
					buttons: choices.map((choice) => ({ type: 'reply', reply: { id: choice.id, title: choice.title } })),
				},
			},
		};
	}
	if (choices.length > 0 && choices.length <= LIMITS.rows) {
		return {
			...base,
			type: 'interactive',
			interactive: {
				type: 'list',
				body: { text: cut(reply.text, LIMITS.body) },
				action: {
					button: cut(labels.pick, LIMITS.listButton),
					sections: [
						{
							rows: choices.map((choice) => ({
								id: choice.id,
								title: cut(choice.title, LIMITS.rowTitle),
								...(choice.title.length > LIMITS.rowTitle || choice.description
									? { description: cut(choice.description ?? choice.title, LIMITS.rowDescription) }
									: {}),
							})),
						},
					],
				},
			},
		};
	}
	if (choices.length > LIMITS.rows) {
		// too many for a list: numbered in the text (the engine accepts the number)
		const lines = choices.map((choice, index) => `${index + 1}. ${choice.title}`);
		return {
			...base,
			type: 'text',
			text: { preview_url: false, body: cut(`${reply.text}\n${lines.join('\n')}`, LIMITS.text) },
		};
	}
	if (reply.location) {
		return {
			...base,
			type: 'interactive',
			interactive: {
				type: 'location_request_message',
				body: { text: cut(reply.text, LIMITS.body) },
				action: { name: 'send_location' },
			},
		};
	}
	return { ...base, type: 'text', text: { preview_url: true, body: cut(reply.text, LIMITS.text) } };
}

/** A text message (status updates inside the 24-hour window). */
export function textMessage(to: string, body: string): Json {
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to,
		type: 'text',
		text: { preview_url: true, body: cut(body, LIMITS.text) },
	};
}

/** A template message (outside the 24-hour window only approved templates may be sent). */
export function templateMessage(to: string, name: string, language: 'fr' | 'ar', parameters: string[]): Json {
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to,
		type: 'template',
		template: {
			name,
			language: { code: language },
			...(parameters.length > 0
				? {
						components: [
							{
								type: 'body',
								parameters: parameters.map((text) => ({
									type: 'text',
									text: cut(text.replace(/[\n\t]+/g, ' ').replace(/ {4,}/g, '   '), 1024),
								})),
							},
						],
					}
				: {}),
		},
	};
}

export const WINDOW_MS = 24 * 60 * 60 * 1000;

/** Free-form messages are allowed within 24 hours of the citizen's last message. */
export function insideWindow(lastInboundAt: Date | null, now: Date): boolean {
	return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < WINDOW_MS;
}
