import { describe, expect, it } from 'vitest';
import { inboundMessages, insideWindow, outboundMessage, sign, signatureMatches, templateMessage } from './whatsapp';

const payload = (message: Record<string, unknown>) => ({
	object: 'whatsapp_business_account',
	entry: [
		{
			id: '1',
			changes: [
				{
					field: 'messages',
					value: {
						messaging_product: 'whatsapp',
						metadata: { display_phone_number: '212522000000', phone_number_id: '42' },
						contacts: [{ profile: { name: 'A' }, wa_id: '212661000001' }],
						messages: [{ from: '212661000001', id: 'wamid.1', timestamp: '1764374400', ...message }],
					},
				},
			],
		},
	],
});

describe('WhatsApp webhook signature', () => {
	it('accepts the HMAC-SHA256 of the raw body and nothing else', () => {
		const body = Buffer.from('{"object":"whatsapp_business_account"}');
		expect(signatureMatches(body, sign(body, 'secret'), 'secret')).toBe(true);
		expect(signatureMatches(body, sign(body, 'other'), 'secret')).toBe(false);
		expect(signatureMatches(Buffer.from(`${body} `), sign(body, 'secret'), 'secret')).toBe(false);
		expect(signatureMatches(body, undefined, 'secret')).toBe(false);
		expect(signatureMatches(body, 'sha256=zz', 'secret')).toBe(false);
		expect(signatureMatches(undefined, sign(body, 'secret'), 'secret')).toBe(false);
	});
});

describe('inbound messages', () => {
	it('reads text, interactive replies, locations and images; skips statuses', () => {
		expect(inboundMessages(payload({ type: 'text', text: { body: 'Salam' } }))[0]).toMatchObject({
			id: 'wamid.1',
			from: '212661000001',
			phoneNumberId: '42',
			content: { kind: 'text', text: 'Salam' },
		});
		expect(
			inboundMessages(
				payload({
					type: 'interactive',
					interactive: { type: 'list_reply', list_reply: { id: 'PROP', title: 'Propreté' } },
				}),
			)[0].content,
		).toEqual({ kind: 'choice', id: 'PROP' });
		expect(
			inboundMessages(
				payload({
					type: 'interactive',
					interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Oui' } },
				}),
			)[0].content,
		).toEqual({ kind: 'choice', id: 'yes' });
		expect(
			inboundMessages(
				payload({
					type: 'location',
					location: { latitude: 33.5, longitude: -7.6, name: 'Derb Sultan', address: 'Rue 1' },
				}),
			)[0].content,
		).toEqual({ kind: 'location', latitude: 33.5, longitude: -7.6, address: 'Derb Sultan, Rue 1' });
		expect(
			inboundMessages(payload({ type: 'image', image: { id: 'm1', mime_type: 'image/jpeg' } }))[0].content,
		).toEqual({ kind: 'image', mediaId: 'm1', mimeType: 'image/jpeg' });
		expect(inboundMessages(payload({ type: 'audio', audio: { id: 'a1' } }))[0].content).toEqual({
			kind: 'unsupported',
			type: 'audio',
		});
		expect(
			inboundMessages({
				object: 'whatsapp_business_account',
				entry: [{ changes: [{ field: 'messages', value: { statuses: [{ id: 'wamid.2', status: 'read' }] } }] }],
			}),
		).toEqual([]);
		expect(inboundMessages(null)).toEqual([]);
	});
});

describe('outbound messages', () => {
	it('uses buttons for up to three short choices, a list up to ten, numbered text beyond', () => {
		const buttons = outboundMessage(
			'212661000001',
			{
				text: 'OK ?',
				choices: [
					{ id: 'yes', title: 'Oui' },
					{ id: 'no', title: 'Non' },
				],
			},
			{ pick: 'Choisir' },
		);
		expect(buttons).toMatchObject({
			type: 'interactive',
			interactive: {
				type: 'button',
				action: {
					buttons: [
						{ type: 'reply', reply: { id: 'yes', title: 'Oui' } },
						{ type: 'reply', reply: { id: 'no', title: 'Non' } },
					],
				},
			},
		});
		const long = 'Ordures ménagères non collectées';
		const list = outboundMessage(
			'212661000001',
			{
				text: 'Quoi ?',
				choices: [
					{ id: 'A', title: long },
					{ id: 'B', title: 'B' },
					{ id: 'C', title: 'C' },
					{ id: 'D', title: 'D' },
				],
			},
			{ pick: 'Choisir' },
		);
		const rows = (list as any).interactive.action.sections[0].rows;
		expect(rows[0].title).toHaveLength(24);
		expect(rows[0].description).toBe(long);
		const many = outboundMessage(
			'1',
			{ text: 'Q', choices: Array.from({ length: 11 }, (_, index) => ({ id: String(index), title: `c${index}` })) },
			{ pick: 'P' },
		);
		expect((many as any).text.body).toContain('11. c10');
		expect(outboundMessage('1', { text: 'Où ?', location: true }, { pick: 'P' })).toMatchObject({
			interactive: { type: 'location_request_message', action: { name: 'send_location' } },
		});
	});

	it('builds templates in fr or ar and tells the 24-hour window', () => {
		expect(templateMessage('1', 'casa_status', 'ar', ['CAS-2026-000001', 'line\nbreak'])).toMatchObject({
			template: {
				name: 'casa_status',
				language: { code: 'ar' },
				components: [
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'CAS-2026-000001' },
							{ type: 'text', text: 'line break' },
						],
					},
				],
			},
		});
		const now = new Date('2026-11-29T12:00:00Z');
		expect(insideWindow(new Date('2026-11-28T12:00:01Z'), now)).toBe(true);
		expect(insideWindow(new Date('2026-11-28T11:59:59Z'), now)).toBe(false);
		expect(insideWindow(null, now)).toBe(false);
	});
});
