// One sender per channel. E-mail goes through Directus's mail service (SMTP
// settings EMAIL_*); SMS through an HTTP gateway configured by SMS_GATEWAY_*.
import axios from 'axios';
import type { RenderedMessage } from '../../domain/notifications/delivery';
import { insideWindow, templateMessage, textMessage } from '../../domain/chat/whatsapp';
import { type WhatsAppConfig, sendWhatsApp } from '../chat/whatsapp-client';

/** What the message is about, for channels that need more than its text (WhatsApp templates). */
export interface SendContext {
	event: string;
	language: string;
	values: Record<string, unknown>;
	/** the same for every try of one message (casa-outbox-<id>), for channels that deduplicate on it */
	idempotencyKey?: string;
}

export interface Sender {
	send(recipient: string, message: RenderedMessage, context?: SendContext): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function emailSender(mailService: any, domain = 'casa-reclamations.local'): Sender {
	return {
		async send(recipient, message, context) {
			// a try sent again keeps its Message-ID: mail stores and clients show it once
			const messageId = context?.idempotencyKey ? `<${context.idempotencyKey}@${domain}>` : undefined;
			await mailService.send({
				to: recipient,
				subject: message.subject,
				text: message.text,
				html: message.html,
				...(messageId ? { messageId } : {}),
			});
		},
	};
}

/** The SMS settings (config/settings.ts): no URL, no gateway. */
export interface SmsGatewayConfig {
	url: string | null;
	token: string | null;
	sender: string;
}

/** A generic JSON gateway: POST {to, from, text} with a bearer token; any 2xx is accepted. */
export function smsSender(config: SmsGatewayConfig): Sender {
	return {
		async send(recipient, message, context) {
			if (!config.url) throw new Error('SMS gateway not configured (SMS_GATEWAY_URL)');
			const headers: Record<string, string> = config.token ? { authorization: `Bearer ${config.token}` } : {};
			// gateways that take one deduplicate a try sent again
			if (context?.idempotencyKey) headers['idempotency-key'] = context.idempotencyKey;
			try {
				await axios.post(
					config.url,
					{ to: recipient, from: config.sender, text: `${message.subject}\n${message.text}`.slice(0, 640) },
					{ headers, timeout: 10_000 },
				);
			} catch (error) {
				// the outbox keeps this as last_error: the gateway's status and its own words, never the token
				const response = (error as { response?: { status: number; data?: unknown } }).response;
				if (!response) throw new Error(`SMS gateway unreachable: ${(error as Error).message}`);
				const detail = typeof response.data === 'string' ? response.data : JSON.stringify(response.data ?? '');
				throw new Error(`SMS gateway answered ${response.status}: ${detail.slice(0, 300)}`);
			}
		},
	};
}

/**
 * WhatsApp (Cloud API): free text within 24 hours of the citizen's last
 * message, otherwise an approved template — WHATSAPP_TEMPLATE_<EVENT> or
 * WHATSAPP_TEMPLATE_STATUS — with the reference and the tracking link as
 * parameters, in the citizen's language (fr / ar).
 */
export function whatsappSender(
	config: WhatsAppConfig,
	lastInboundAt: (waId: string) => Promise<Date | null>,
	now: () => Date = () => new Date(),
): Sender {
	return {
		async send(recipient, message, context) {
			const to = recipient.replace(/\D/g, '');
			if (!to) throw new Error('no WhatsApp number');
			if (insideWindow(await lastInboundAt(to), now())) {
				await sendWhatsApp(config, textMessage(to, `${message.subject}\n${message.text}`));
				return;
			}
			const event = String(context?.event ?? '').toLowerCase();
			const name = config.templates[event] ?? config.templates.status;
			if (!name)
				throw new Error(
					`outside the 24-hour window and no WhatsApp template for "${event}" (WHATSAPP_TEMPLATE_STATUS)`,
				);
			const values = context?.values ?? {};
			await sendWhatsApp(
				config,
				templateMessage(to, name, context?.language === 'ar' ? 'ar' : 'fr', [
					String(values.reference ?? ''),
					String(values.trackingUrl ?? ''),
				]),
			);
		},
	};
}
