// Chat channels, mounted at /chat. One conversation engine
// (domain/chat/engine.ts) behind two doors:
//   GET  /chat/whatsapp/webhook     Meta's verification (hub.mode, hub.verify_token, hub.challenge)
//   POST /chat/whatsapp/webhook     messages from the WhatsApp Business Cloud API (X-Hub-Signature-256)
//   POST /chat/widget/sessions      the portal's chat widget: a new session → { session, replies }
//   GET  /chat/widget/session       the current question (header X-Chat-Session)
//   POST /chat/widget/messages      { text } | { choice } | { location: { latitude, longitude } } | multipart `photo` (header X-Chat-Session)
// Complaints are created through the shared intake (adapters/intake.ts) with
// channel `whatsapp` or `chat`. JSON bodies are parsed by the public-surface
// hook (limits, strict UTF-8, shape, raw bytes kept for the signature), the
// widget's multipart photo here (adapters/body.ts): no body can stop the process.
import { createHash, randomBytes } from 'node:crypto';
import { defineEndpoint } from '@directus/extensions-sdk';
import { ForbiddenError, InvalidPayloadError } from '@directus/errors';
import type { Response } from 'express';
import type { Inbound, Reply } from '../../domain/chat/engine';
import { prompt } from '../../domain/chat/engine';
import { inboundMessages, outboundMessage, signatureMatches, type WhatsAppInbound } from '../../domain/chat/whatsapp';
import { type Language, pickLanguage, translate } from '../../domain/i18n/messages';
import { normalisePhone } from '../../domain/intake/public-intake';
import {
	type ChatContext,
	currentConversation,
	loadCatalog,
	receive,
	startConversation,
} from '../../adapters/chat/conversations';
import { storeChatPhoto } from '../../adapters/chat/photo';
import { downloadMedia, sendWhatsApp, whatsappConfig } from '../../adapters/chat/whatsapp-client';
import { decodePhotosAtOnce } from '../../adapters/photos';
import { readSettings } from '../../config/settings';
import { BodyProblem, bodyError, discardRest, parseMultipart } from '../../adapters/body';
import { configureUploadBudget } from '../../adapters/upload-budget';
import { surfaceError } from '../../adapters/errors';
import { consume, createLimiter } from '../../adapters/rate-limit';
import { MAX_PHOTO_BYTES } from '../../domain/intake/image-type';
import { cleanText } from '../../domain/text/sanitize';

interface ChatRequest {
	body: Record<string, unknown> | undefined;
	rawBody?: Buffer;
	query: Record<string, unknown>;
	ip: string;
	headers: Record<string, string | undefined>;
	get(name: string): string | undefined;
}

type BodyAware = ChatRequest & { casaBodyProblem?: BodyProblem };
const languageOfRequest = (request: ChatRequest) =>
	pickLanguage(request.query.lang as string | undefined, request.get('accept-language'));

/** Forwards rejections; a body that could not be read is a 4xx in the caller's language (the webhook checks its signature first). */
function route(
	handler: (request: ChatRequest, res: Response) => Promise<void>,
	options: { bodyFirst?: boolean } = { bodyFirst: true },
) {
	return (req: unknown, res: Response, next: (error: unknown) => void) => {
		const request = req as BodyAware;
		if (options.bodyFirst && request.casaBodyProblem)
			return next(bodyError(request.casaBodyProblem, languageOfRequest(request)));
		handler(request, res).catch((error) => {
			// refused before its body was read (wrong session, limit): drained first, so the answer reaches the client
			void discardRest(request as never).then(() =>
				next(error instanceof BodyProblem ? bodyError(error, languageOfRequest(request)) : error),
			);
		});
	};
}

/** The widget's photo: one file in the `photos` field, a few text fields. */
const PHOTO_LIMITS = {
	fileField: 'photos',
	maxFiles: 1,
	maxFileBytes: MAX_PHOTO_BYTES,
	maxFields: 10,
	maxFieldBytes: 4096,
	maxTotalBytes: MAX_PHOTO_BYTES + 64 * 1024,
};

const SESSION = /^[A-Za-z0-9_-]{32,64}$/;
const sessionKey = (session: string) => `widget:${createHash('sha256').update(session).digest('hex')}`;

export default defineEndpoint({
	id: 'chat',
	handler: (router, { services, database, getSchema, env, logger }) => {
		const config = readSettings(env);
		const whatsapp = whatsappConfig(config.whatsapp);
		const widgetLimiter = createLimiter(config.redis.url, config.rateLimits.chat);
		const idleMinutes = config.whatsapp.chatIdleMinutes;
		const { secret, publicUrl } = config.platform;
		decodePhotosAtOnce(config.uploads.photoDecodeConcurrency);
		configureUploadBudget(config.uploads);

		async function chatContext(): Promise<ChatContext> {
			return {
				ItemsService: services.ItemsService,
				FilesService: services.FilesService,
				schema: await getSchema(),
				database,
				secret,
				publicUrl,
				idleMinutes,
				logger,
			};
		}

		// ---------------------------------------------------------------- WhatsApp
		router.get('/whatsapp/webhook', (req, res) => {
			const query = req.query as Record<string, unknown>;
			if (
				query['hub.mode'] === 'subscribe' &&
				whatsapp.verifyToken &&
				query['hub.verify_token'] === whatsapp.verifyToken
			) {
				res
					.status(200)
					.type('text/plain')
					.send(String(query['hub.challenge'] ?? ''));
				return;
			}
			logger.warn(`[casa-core] WhatsApp webhook verification refused from ${req.ip}`);
			res.status(403).type('text/plain').send('Forbidden');
		});

		async function answerOnWhatsApp(message: WhatsAppInbound, replies: Reply[], language: Language) {
			for (const reply of replies) {
				await sendWhatsApp(
					whatsapp,
					outboundMessage(message.from, reply, { pick: translate(language, 'chat.choice.pick') }),
					whatsapp.phoneNumberId || message.phoneNumberId,
				);
			}
		}

		async function inputOf(message: WhatsAppInbound, context: ChatContext): Promise<Inbound> {
			const content = message.content;
			switch (content.kind) {
				case 'text':
					return { kind: 'text', text: cleanText(content.text).slice(0, 4096) };
				case 'choice':
					return { kind: 'choice', id: content.id };
				case 'location':
					return {
						kind: 'location',
						latitude: content.latitude,
						longitude: content.longitude,
						address: content.address,
					};
				case 'image':
					try {
						return {
							kind: 'photo',
							photo: await storeChatPhoto(
								context,
								await downloadMedia(whatsapp, content.mediaId),
								`whatsapp-${content.mediaId}`,
							),
						};
					} catch (error) {
						logger.warn(`[casa-core] WhatsApp media ${content.mediaId} could not be read: ${(error as Error).message}`);
						return { kind: 'photo', photo: null };
					}
				default:
					// audio, stickers, documents…: answered with the current question again
					return { kind: 'text', text: '' };
			}
		}

		router.post(
			'/whatsapp/webhook',
			route(
				async (request, res) => {
					if (
						!whatsapp.appSecret ||
						!signatureMatches(request.rawBody, request.get('x-hub-signature-256'), whatsapp.appSecret)
					) {
						logger.warn(
							`[casa-core] WhatsApp webhook refused: ${request.get('x-hub-signature-256') ? 'wrong' : 'missing'} signature from ${request.ip}`,
						);
						res
							.status(401)
							.json({ errors: [{ message: 'Invalid signature', extensions: { code: 'CASA_INVALID_SIGNATURE' } }] });
						return;
					}
					const problem = (request as BodyAware).casaBodyProblem;
					if (problem) throw problem;
					const context = await chatContext();
					// one message after the other: messages of one contact arrive in order within a delivery
					for (const message of inboundMessages(request.body)) {
						const phone = normalisePhone(`+${message.from}`);
						const outcome = await receive(context, {
							channel: 'whatsapp',
							contactKey: `whatsapp:${message.from}`,
							messageId: message.id,
							input: () => inputOf(message, context),
							fallbackLanguage: 'fr',
							complaintChannel: 'whatsapp',
							// the number the citizen writes from: status updates come back to it (WhatsApp or SMS)
							extraFields: phone ? { citizen_phone: phone, consent: true } : {},
							receivedAt: new Date(),
						});
						if (outcome.duplicate) continue;
						try {
							await answerOnWhatsApp(message, outcome.replies, outcome.conversation?.language ?? 'fr');
						} catch (error) {
							// the conversation has moved on; the citizen's next message repeats the question
							logger.error(`[casa-core] WhatsApp reply to ${message.id} failed: ${(error as Error).message}`);
						}
					}
					res.status(200).json({ data: { received: true } });
				},
				{ bodyFirst: false },
			),
		);

		// ---------------------------------------------------------------- portal widget
		const view = (outcome: {
			replies: Reply[];
			conversation: { state: string; language: string } | null;
			reference?: string;
			trackingUrl?: string;
		}) => ({
			replies: outcome.replies,
			state: outcome.conversation?.state ?? null,
			language: outcome.conversation?.language ?? null,
			...(outcome.reference ? { reference: outcome.reference, tracking_url: outcome.trackingUrl } : {}),
		});

		function sessionOf(request: ChatRequest): string {
			const session = request.get('x-chat-session') ?? '';
			if (!SESSION.test(session)) throw new ForbiddenError();
			return session;
		}

		router.post(
			'/widget/sessions',
			route(async (request, res) => {
				await consume(widgetLimiter, request.ip);
				if (
					request.body !== undefined &&
					(request.body === null || typeof request.body !== 'object' || Array.isArray(request.body))
				)
					throw new BodyProblem(400, 'shape');
				const language = pickLanguage(
					request.body?.lang as string | undefined,
					request.query.lang as string | undefined,
					request.get('accept-language'),
				);
				const session = randomBytes(24).toString('base64url');
				const outcome = await startConversation(await chatContext(), 'widget', sessionKey(session), language);
				res.status(201).json({ data: { session, ...view(outcome) } });
			}),
		);

		router.get(
			'/widget/session',
			route(async (request, res) => {
				await consume(widgetLimiter, request.ip);
				const conversation = await currentConversation(database, sessionKey(sessionOf(request)));
				if (!conversation) throw new ForbiddenError();
				res.json({ data: view({ replies: prompt(conversation, await loadCatalog(database)), conversation }) });
			}),
		);

		router.post(
			'/widget/messages',
			route(async (request, res) => {
				await consume(widgetLimiter, request.ip);
				const session = sessionOf(request);
				const contactKey = sessionKey(session);
				const existing = await currentConversation(database, contactKey);
				if (!existing) throw new ForbiddenError();
				const context = await chatContext();
				let input: () => Promise<Inbound>;
				let messageId: string | null = null;
				const type = String(request.get('content-type') ?? '').toLowerCase();
				if (type.startsWith('multipart/form-data')) {
					const parsed = await parseMultipart(request as never, PHOTO_LIMITS);
					if (parsed.errors.length > 0)
						throw surfaceError(
							400,
							parsed.errors[0].field,
							parsed.errors[0].key.startsWith('surface.') ? parsed.errors[0].key : `errors.${parsed.errors[0].key}`,
							existing.language === 'ar' ? 'ar' : 'fr',
							parsed.errors[0].values ?? {},
						);
					const [photo] = parsed.files;
					messageId = parsed.fields.id ? parsed.fields.id.slice(0, 128) : null;
					input = async () => ({
						kind: 'photo',
						photo: photo ? await storeChatPhoto(context, photo.bytes, photo.filename) : null,
					});
				} else {
					if (type && !type.startsWith('application/json') && Number(request.get('content-length') ?? 0) !== 0) {
						await discardRest(request as never);
						throw surfaceError(415, 'body', 'surface.body.type', languageOfRequest(request), {
							type: type.split(';')[0].slice(0, 100),
						});
					}
					const body = request.body ?? {};
					messageId = typeof body.id === 'string' ? body.id.slice(0, 128) : null;
					const location = body.location as { latitude?: unknown; longitude?: unknown; address?: unknown } | undefined;
					let inbound: Inbound;
					if (typeof body.choice === 'string') inbound = { kind: 'choice', id: body.choice };
					else if (location && typeof location === 'object') {
						if (
							typeof location.latitude !== 'number' ||
							typeof location.longitude !== 'number' ||
							!Number.isFinite(location.latitude) ||
							!Number.isFinite(location.longitude)
						)
							throw new InvalidPayloadError({ reason: 'location.latitude and location.longitude must be numbers' });
						inbound = {
							kind: 'location',
							latitude: location.latitude,
							longitude: location.longitude,
							address: typeof location.address === 'string' ? cleanText(location.address).slice(0, 255) : null,
						};
					} else if (typeof body.text === 'string')
						inbound = { kind: 'text', text: cleanText(body.text).slice(0, 4000) };
					else throw new InvalidPayloadError({ reason: 'text, choice, location or photo expected' });
					input = async () => inbound;
				}
				const outcome = await receive(context, {
					channel: 'widget',
					contactKey,
					messageId,
					input,
					fallbackLanguage: existing.language,
					complaintChannel: 'chat',
				});
				if (outcome.duplicate) {
					res.json({ data: { duplicate: true, replies: [], state: existing.state, language: existing.language } });
					return;
				}
				res.json({ data: view(outcome) });
			}),
		);
	},
});
