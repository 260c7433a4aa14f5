// The SMS gateway cannot be reached from this machine: msw handlers, served
// over HTTP by @mswjs/http-middleware on a free port, stand in for a generic
// JSON gateway — the contract of adapters/outbox/senders.ts:
//   POST /v1/messages  {to, from, text}  Authorization: Bearer <token>  → 202 {id, status}
// It records what it receives, and can be told to fail. Tests drive it over
// HTTP (they run in another process than this setup) through the control routes:
//   GET  /__control/messages          → {data: [{to, from, text, authorization, status, at}]}  (every request, failed ones too)
//   POST /__control/fail {count, status?, to?} → the next `count` messages (to that number only, if `to`) get `status` (503 by default)
//   POST /__control/reset             → forget messages and failures
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from '@mswjs/http-middleware';
import { http, HttpResponse } from 'msw';
import type { TestService } from './index';

export const SMS_GATEWAY_TOKEN = 'test-sms-gateway-token';
export const SMS_GATEWAY_SENDER = 'CasaReclam';

interface Received {
	to: unknown;
	from: unknown;
	text: unknown;
	authorization: string | null;
	status: number;
	at: string;
}

export async function startSmsGateway(_dataDir: string): Promise<TestService> {
	const received: Received[] = [];
	// failures to come, per recipient ('*': any recipient)
	const failures = new Map<string, { remaining: number; status: number }>();
	let sequence = 0;

	const app = createServer(
		http.post('/v1/messages', async ({ request }) => {
			const authorization = request.headers.get('authorization');
			const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
			const record = (status: number) =>
				received.push({
					to: body?.to,
					from: body?.from,
					text: body?.text,
					authorization,
					status,
					at: new Date().toISOString(),
				});
			if (authorization !== `Bearer ${SMS_GATEWAY_TOKEN}`) {
				record(401);
				return HttpResponse.json({ error: 'invalid token' }, { status: 401 });
			}
			if (
				!body ||
				typeof body.to !== 'string' ||
				typeof body.text !== 'string' ||
				body.text === '' ||
				typeof body.from !== 'string'
			) {
				record(400);
				return HttpResponse.json({ error: 'to, from and text are required' }, { status: 400 });
			}
			const failure = [failures.get(body.to), failures.get('*')].find((entry) => entry && entry.remaining > 0);
			if (failure) {
				failure.remaining--;
				record(failure.status);
				return HttpResponse.json({ error: 'gateway unavailable' }, { status: failure.status });
			}
			record(202);
			return HttpResponse.json({ id: `sms-${++sequence}`, status: 'queued' }, { status: 202 });
		}),
		http.get('/__control/messages', () => HttpResponse.json({ data: received })),
		http.post('/__control/fail', async ({ request }) => {
			const body = (await request.json().catch(() => ({}))) as { count?: number; status?: number; to?: string };
			const failure = { remaining: Number(body.count ?? 1), status: Number(body.status ?? 503) };
			failures.set(body.to ?? '*', failure);
			return HttpResponse.json({ data: failure });
		}),
		http.post('/__control/reset', () => {
			received.length = 0;
			failures.clear();
			return HttpResponse.json({ data: 'reset' });
		}),
	);

	const server: Server = await new Promise((resolve, reject) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
		listening.once('error', reject);
	});
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		env: { SMS_GATEWAY_URL: `${base}/v1/messages`, SMS_GATEWAY_TOKEN, SMS_GATEWAY_SENDER },
		provide: { url: `${base}/v1/messages`, controlUrl: `${base}/__control`, sender: SMS_GATEWAY_SENDER },
		stop: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
