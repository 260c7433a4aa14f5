// WhatsApp and the portal's chat widget, end to end: webhooks signed and
// shaped exactly as Meta sends them, replies read back from the Graph API
// stand-in (tests/setup/services/meta-graph.ts), complaints read as admin.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { adminToken, call, loginAs, platform, CONTACT_FIELDS, withCitizen } from '../helpers/api';
import {
	buttonReply,
	imageMessage,
	listReply,
	locationMessage,
	meta,
	postWebhook,
	say,
	sentTo,
	textMessage,
	textOf,
	webhook,
} from '../helpers/whatsapp';

const HAY_HASSANI = { latitude: 33.5463, longitude: -7.6787 };

async function complaint(reference: string) {
	const response = await call(
		'GET',
		`/items/complaints?filter[reference][_eq]=${reference}&fields=*,files.kind,files.directus_files_id.type,${CONTACT_FIELDS}`,
		{ token: adminToken() },
	);
	return withCitizen(response.body.data[0]);
}

async function conversationOf(contactKey: string) {
	const response = await call(
		'GET',
		`/items/conversations?filter[contact_key][_eq]=${encodeURIComponent(contactKey)}`,
		{ token: adminToken() },
	);
	return response.body.data[0];
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

describe('WhatsApp webhook', () => {
	it('answers Meta’s verification with the challenge, and only with the right token', async () => {
		const ok = await fetch(
			`${platform().url}/chat/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${meta().verifyToken}&hub.challenge=1158201444`,
		);
		expect(ok.status).toBe(200);
		expect(await ok.text()).toBe('1158201444');
		const wrong = await fetch(
			`${platform().url}/chat/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`,
		);
		expect(wrong.status).toBe(403);
	});

	it('refuses unsigned and wrongly signed deliveries', async () => {
		const waId = '212661000009';
		expect((await postWebhook(webhook(waId, 'X', textMessage('Bonjour')), 'none')).status).toBe(401);
		expect((await postWebhook(webhook(waId, 'X', textMessage('Bonjour')), 'bad')).status).toBe(401);
		expect(await sentTo(waId)).toEqual([]);
		expect(await conversationOf(`whatsapp:${waId}`)).toBeUndefined();
	});

	it('takes a complaint in Arabic from the first message to the reference, with the location and a photo', async () => {
		const waId = '212661000001';
		const name = 'فاطمة';
		let replies = await say(waId, name, textMessage('السلام عليكم، بغيت نشكي'));
		expect(replies.length).toBeGreaterThanOrEqual(2);
		expect(textOf(replies[0])).toMatch(/[\u0600-\u06FF]/);
		const services = replies.at(-1)!;
		expect(services.phoneNumberId).toBe(meta().phoneNumberId);
		expect(services.body).toMatchObject({
			messaging_product: 'whatsapp',
			to: waId,
			type: 'interactive',
			interactive: { type: 'list' },
		});
		const rows = services.body.interactive.action.sections[0].rows as { id: string; title: string }[];
		expect(rows.map((row) => row.id)).toContain('PROP');
		expect(rows.every((row) => row.title.length <= 24)).toBe(true);

		replies = await say(waId, name, listReply('PROP', 'النظافة'));
		expect(replies.at(-1)!.body.interactive.action.sections[0].rows.map((row: { id: string }) => row.id)).toContain(
			'PROP-01',
		);
		replies = await say(waId, name, listReply('PROP-01', 'عدم جمع النفايات'));
		replies = await say(waId, name, textMessage('الأزبال ما تجمعاتش هادي ثلاثة أيام قدام الدار'));
		expect(replies.at(-1)!.body).toMatchObject({
			type: 'interactive',
			interactive: { type: 'location_request_message', action: { name: 'send_location' } },
		});
		replies = await say(
			waId,
			name,
			locationMessage(HAY_HASSANI.latitude, HAY_HASSANI.longitude, 'حي الحسني', 'شارع أفغانستان'),
		);
		replies = await say(waId, name, imageMessage('1003383421387256'));
		const confirm = replies.at(-1)!;
		expect(confirm.body).toMatchObject({ type: 'interactive', interactive: { type: 'button' } });
		expect(textOf(confirm)).toContain('حي الحسني');
		replies = await say(waId, name, buttonReply('yes', 'نعم'));
		const done = textOf(replies.at(-1)!);
		const reference = /CAS-\d{4}-\d{6}/.exec(done)?.[0];
		expect(reference).toBeTruthy();
		expect(done).toContain(`/portal/suivi/${reference}#`);

		const stored = await complaint(reference!);
		expect(stored).toMatchObject({
			channel: 'whatsapp',
			category: 'PROP-01',
			service: 'PROP',
			citizen_language: 'ar',
			citizen_phone: '+212661000001',
		});
		expect(Number(stored.latitude)).toBeCloseTo(HAY_HASSANI.latitude, 5);
		expect(Number(stored.longitude)).toBeCloseTo(HAY_HASSANI.longitude, 5);
		expect(stored.files).toEqual([{ kind: 'photo', directus_files_id: { type: 'image/jpeg' } }]);
		const conversation = await conversationOf(`whatsapp:${waId}`);
		expect(conversation).toMatchObject({
			channel: 'whatsapp',
			state: 'done',
			language: 'ar',
			complaint: stored.id,
			conversation: { state: 'done', language: 'ar', draft: {} },
		});
		// no acknowledgment by SMS: the conversation already gave the reference
		const outbox = await call('GET', `/items/outbox?filter[complaint][_eq]=${stored.id}`, { token: adminToken() });
		expect(outbox.body.data).toEqual([]);
	});

	it('takes a complaint in French, from a word of the first message, without a photo', async () => {
		const waId = '212700000002';
		const name = 'Karim';
		let replies = await say(waId, name, textMessage('Bonjour, le lampadaire de ma rue est éteint'));
		expect(textOf(replies[0])).toContain('Bonjour');
		const categories = replies.at(-1)!;
		expect(categories.body.interactive.type).toMatch(/list|button/);
		const first =
			categories.body.interactive.type === 'list'
				? categories.body.interactive.action.sections[0].rows[0].id
				: categories.body.interactive.action.buttons[0].reply.id;
		expect(first).toMatch(/^ECL-/);
		replies = await say(waId, name, textMessage('1'));
		replies = await say(waId, name, textMessage('Lampadaire éteint depuis une semaine devant le numéro 8'));
		replies = await say(waId, name, locationMessage(HAY_HASSANI.latitude, HAY_HASSANI.longitude));
		replies = await say(waId, name, textMessage('passer'));
		expect(textOf(replies.at(-1)!)).toContain('sans photo');
		replies = await say(waId, name, textMessage('oui'));
		const reference = /CAS-\d{4}-\d{6}/.exec(textOf(replies.at(-1)!))?.[0];
		expect(reference).toBeTruthy();
		const stored = await complaint(reference!);
		expect(stored).toMatchObject({ channel: 'whatsapp', category: first, service: 'ECL', citizen_language: 'fr' });
		expect(stored.files).toEqual([]);

		// the service takes it: the citizen hears it on WhatsApp (inside the 24-hour window: free text), not by SMS
		const assigned = await call('PATCH', `/items/complaints/${stored.id}`, {
			token: adminToken(),
			body: { status: 'assigned' },
		});
		expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
		const told = await waitFor(async () =>
			(await sentTo(waId)).find(
				(message) =>
					message.body.type === 'text' &&
					message.body.text.body.includes('transmise') &&
					message.body.text.body.includes(reference!),
			),
		);
		expect(told.body.text.body).toContain('Éclairage');
		const rows = await waitFor(async () => {
			const found = await call('GET', `/items/outbox?filter[complaint][_eq]=${stored.id}&fields=event,channel,status`, {
				token: adminToken(),
			});
			const data = found.body.data as { event: string; channel: string; status: string }[];
			return data.length > 0 && data.every((row) => row.status === 'sent') ? data : null;
		});
		expect(rows.map((row) => [row.event, row.channel])).toEqual([['assignment', 'whatsapp']]);
	});

	it('handles a delivery Meta repeats only once', async () => {
		const waId = '212661000003';
		const payload = webhook(waId, 'Said', textMessage('Bonjour'));
		expect((await postWebhook(payload)).status).toBe(200);
		const first = (await sentTo(waId)).length;
		expect(first).toBeGreaterThan(0);
		const again = await Promise.all([postWebhook(payload), postWebhook(payload)]);
		expect(again.map((response) => response.status)).toEqual([200, 200]);
		expect((await sentTo(waId)).length).toBe(first);
		expect((await conversationOf(`whatsapp:${waId}`)).state).toBe('service');
	});

	it('applies concurrent messages of one citizen one after the other', async () => {
		const waId = '212661000004';
		await say(waId, 'Nadia', textMessage('Bonjour'));
		const before = await conversationOf(`whatsapp:${waId}`);
		await Promise.all([
			postWebhook(webhook(waId, 'Nadia', listReply('VOI', 'Voirie'))),
			postWebhook(webhook(waId, 'Nadia', textMessage('xyz'))),
		]);
		const after = await conversationOf(`whatsapp:${waId}`);
		expect(after.version).toBe(before.version + 2);
		expect(after.recent_messages).toHaveLength(3);
	});

	it('cancels with « الغاء »: nothing is filed', async () => {
		const waId = '212661000005';
		await say(waId, 'Hassan', textMessage('عندي مشكل ديال الزبل'));
		const replies = await say(waId, 'Hassan', textMessage('الغاء'));
		expect(textOf(replies.at(-1)!)).toMatch(/[\u0600-\u06FF]/);
		const conversation = await conversationOf(`whatsapp:${waId}`);
		expect(conversation).toMatchObject({ state: 'cancelled', complaint: null });
	});

	it('drops the photo of a conversation cancelled before it was filed', async () => {
		const waId = '212661000007';
		const countFiles = async () =>
			Number((await call('GET', '/files?aggregate[count]=*', { token: adminToken() })).body.data[0].count);
		await say(waId, 'Omar', textMessage('Bonjour, nid de poule'));
		await say(waId, 'Omar', textMessage('Un trou profond au milieu de la rue'));
		await say(waId, 'Omar', locationMessage(HAY_HASSANI.latitude, HAY_HASSANI.longitude));
		const before = await countFiles();
		await say(waId, 'Omar', imageMessage('2003383421387257'));
		expect(await countFiles()).toBe(before + 1);
		await say(waId, 'Omar', textMessage('annuler'));
		expect(await countFiles()).toBe(before);
	});

	it('starts again, saying so, after an idle conversation expired', async () => {
		const waId = '212661000008';
		await say(waId, 'Laila', textMessage('Bonjour'));
		await say(waId, 'Laila', listReply('PROP', 'Propreté'));
		const conversation = await conversationOf(`whatsapp:${waId}`);
		await call('PATCH', `/items/conversations/${conversation.id}`, {
			token: adminToken(),
			body: { expires_at: new Date(Date.now() - 60_000).toISOString() },
		});
		const replies = await say(waId, 'Laila', textMessage('PROP-01'));
		expect(textOf(replies[0])).toContain('expiré');
		expect((await conversationOf(`whatsapp:${waId}`)).state).toBe('service');
	});

	it('keeps conversations from everyone but administrators', async () => {
		expect((await call('GET', '/items/conversations')).status).toBe(403);
		expect((await call('GET', '/items/conversations', { token: await loginAs('agent') })).status).toBe(403);
	});
});

describe('portal chat widget', () => {
	async function widget(session: string, body: Record<string, unknown>) {
		const response = await call('POST', '/chat/widget/messages', { body, headers: { 'x-chat-session': session } });
		expect(response.status).toBe(200);
		return response.body.data;
	}

	it('takes a complaint with channel chat', async () => {
		const started = await call('POST', '/chat/widget/sessions', { body: { lang: 'fr' } });
		expect(started.status).toBe(201);
		const { session, replies } = started.body.data;
		expect(session).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(replies.at(-1).choices.map((choice: { id: string }) => choice.id)).toContain('VOI');
		expect((await widget(session, { choice: 'VOI' })).state).toBe('category');
		expect((await widget(session, { choice: 'VOI-01' })).state).toBe('description');
		const located = await widget(session, { text: 'Un grand trou sur la chaussée devant l’école' });
		expect(located.replies.at(-1).location).toBe(true);
		expect((await widget(session, { location: HAY_HASSANI })).state).toBe('photo');
		// a photo from the phone, as multipart
		const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
		const sharp = apiRequire('sharp') as any;
		const png: Buffer = await sharp({
			create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 60 } },
		})
			.png()
			.toBuffer();
		const form = new FormData();
		form.append('photos', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'trou.png');
		const photo = await fetch(`${platform().url}/chat/widget/messages`, {
			method: 'POST',
			body: form,
			headers: { 'x-chat-session': session },
		});
		expect(photo.status).toBe(200);
		expect((await photo.json()).data.state).toBe('confirm');
		const done = await widget(session, { choice: 'yes', id: 'client-msg-1' });
		expect(done.state).toBe('done');
		expect(done.reference).toMatch(/^CAS-\d{4}-\d{6}$/);
		expect(done.tracking_url).toContain(`/portal/suivi/${done.reference}#`);
		// a retry of the same message changes nothing
		expect((await widget(session, { choice: 'yes', id: 'client-msg-1' })).duplicate).toBe(true);
		const stored = await complaint(done.reference);
		expect(stored).toMatchObject({ channel: 'chat', category: 'VOI-01', citizen_phone: null });
		expect(stored.files).toEqual([{ kind: 'photo', directus_files_id: { type: 'image/jpeg' } }]);
		// the session id is a bearer secret: only its hash is stored
		const conversations = await call('GET', `/items/conversations?filter[channel][_eq]=widget&fields=contact_key`, {
			token: adminToken(),
		});
		expect(JSON.stringify(conversations.body.data)).not.toContain(session);
		expect((await call('GET', '/chat/widget/session', { headers: { 'x-chat-session': 'x'.repeat(32) } })).status).toBe(
			403,
		);
	});
});

describe('WhatsApp status messages (outbox)', () => {
	async function queue(recipient: string, reference: string, language: 'fr' | 'ar') {
		const response = await call('POST', '/items/outbox', {
			token: adminToken(),
			body: {
				event: 'acknowledgment',
				channel: 'whatsapp',
				recipient,
				language,
				payload: { reference, tracking_url: `${platform().url}/portal/suivi/${reference}` },
				status: 'pending',
				attempts: 0,
			},
		});
		expect(response.status).toBe(200);
		return response.body.data.id;
	}

	it('sends free text within 24 hours of the citizen’s last message and a template after', async () => {
		const waId = '212661000006';
		await say(waId, 'Amina', textMessage('سلام'));
		const inside = await queue('+212661000006', 'CAS-2026-999001', 'ar');
		const text = await waitFor(async () =>
			(await sentTo(waId)).find(
				(message) => message.body.type === 'text' && message.body.text.body.includes('CAS-2026-999001'),
			),
		);
		expect(text.body).toMatchObject({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: waId,
			type: 'text',
		});
		await waitFor(
			async () => (await call('GET', `/items/outbox/${inside}`, { token: adminToken() })).body.data.status === 'sent',
		);

		const conversation = await conversationOf(`whatsapp:${waId}`);
		const patched = await call('PATCH', `/items/conversations/${conversation.id}`, {
			token: adminToken(),
			body: { last_inbound_at: new Date(Date.now() - 25 * 3600_000).toISOString() },
		});
		expect(patched.status).toBe(200);
		const outside = await queue('+212661000006', 'CAS-2026-999002', 'ar');
		const template = await waitFor(async () =>
			(await sentTo(waId)).find((message) => message.body.type === 'template'),
		);
		expect(template.body.template).toEqual({
			name: 'casa_suivi_reclamation',
			language: { code: 'ar' },
			components: [
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'CAS-2026-999002' },
						{ type: 'text', text: `${platform().url}/portal/suivi/CAS-2026-999002` },
					],
				},
			],
		});
		await waitFor(
			async () => (await call('GET', `/items/outbox/${outside}`, { token: adminToken() })).body.data.status === 'sent',
		);
	});
});
