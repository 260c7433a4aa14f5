// The WhatsApp Business Cloud (Graph) API cannot be reached from this machine:
// msw handlers served over HTTP (@mswjs/http-middleware) stand in for it,
// answering as Meta documents: POST /{phone-number-id}/messages records the
// message and answers with its wamid; GET /{media-id} gives the media's URL,
// which serves a real JPEG to a caller with the bearer token.
// The tests read what was sent at GET /__mock/messages.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from '@mswjs/http-middleware';
import { http, HttpResponse } from 'msw';
import type { TestService } from './index';

const VERSION = 'v21.0';

async function samplePhoto(): Promise<Buffer> {
	const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
	const sharp = apiRequire('sharp') as any;
	return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
		.jpeg()
		.toBuffer();
}

export async function startMetaGraphMock(_dataDir: string): Promise<TestService> {
	const accessToken = `EAAG${randomBytes(16).toString('hex')}`;
	const appSecret = randomBytes(16).toString('hex');
	const verifyToken = `verify-${randomBytes(8).toString('hex')}`;
	const phoneNumberId = '106540352242922';
	const photo = await samplePhoto();
	const sent: { phoneNumberId: string; body: Record<string, unknown>; at: string }[] = [];
	let base = '';
	const authorised = (request: Request) => request.headers.get('authorization') === `Bearer ${accessToken}`;
	const oauthError = () =>
		HttpResponse.json(
			{
				error: {
					message: 'Invalid OAuth access token - Cannot parse access token',
					type: 'OAuthException',
					code: 190,
					fbtrace_id: 'AbCdEf',
				},
			},
			{ status: 401 },
		);

	const app = createServer(
		http.get('*/__mock/messages', () => HttpResponse.json({ data: sent })),
		http.post(`*/${VERSION}/:phoneNumberId/messages`, async ({ request, params }) => {
			if (!authorised(request)) return oauthError();
			const body = (await request.json()) as Record<string, unknown>;
			if (body.messaging_product !== 'whatsapp' || typeof body.to !== 'string' || typeof body.type !== 'string') {
				return HttpResponse.json(
					{ error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100, fbtrace_id: 'AbCdEf' } },
					{ status: 400 },
				);
			}
			const id = `wamid.${Buffer.from(randomBytes(12)).toString('base64')}`;
			sent.push({ phoneNumberId: String(params.phoneNumberId), body, at: new Date().toISOString() });
			return HttpResponse.json({
				messaging_product: 'whatsapp',
				contacts: [{ input: body.to, wa_id: String(body.to).replace(/\D/g, '') }],
				messages: [{ id }],
			});
		}),
		http.get('*/media-files/:mediaId', ({ request }) => {
			if (!authorised(request)) return new HttpResponse(null, { status: 401 });
			return new HttpResponse(photo, {
				headers: { 'content-type': 'image/jpeg', 'content-length': String(photo.length) },
			});
		}),
		http.get(`*/${VERSION}/:mediaId`, ({ request, params }) => {
			if (!authorised(request)) return oauthError();
			const id = String(params.mediaId);
			return HttpResponse.json({
				messaging_product: 'whatsapp',
				url: `${base}/media-files/${id}?ext=1`,
				mime_type: 'image/jpeg',
				sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
				file_size: String(photo.length),
				id,
			});
		}),
	);
	const server: Server = await new Promise((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	const address = server.address();
	base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	return {
		env: {
			WHATSAPP_GRAPH_URL: `${base}/${VERSION}`,
			WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
			WHATSAPP_ACCESS_TOKEN: accessToken,
			WHATSAPP_APP_SECRET: appSecret,
			WHATSAPP_VERIFY_TOKEN: verifyToken,
			WHATSAPP_TEMPLATE_STATUS: 'casa_suivi_reclamation',
		},
		provide: { url: base, appSecret, verifyToken, phoneNumberId },
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
