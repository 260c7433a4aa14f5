// Two Directus instances on one PostgreSQL and one Redis: what a city gets
// from running several (tests/cluster/cluster-setup.ts starts them).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SLA_FLOW_ID, SLA_SWEEP_CRON } from '../../scripts/provision/flows';
import { A, B, adminToken, call, cluster, eventually, loginAs, wait } from './helpers';

const POINT = { latitude: 33.5463, longitude: -7.6787 };

describe('cache in Redis, shared by both instances', () => {
	it('never serves one user the rows of another, whichever instance answers and whatever is cached', async () => {
		const proprete = await loginAs('agent');
		const voirie = await loginAs('agent-voirie');
		const path = '/items/complaints?fields=id,service&limit=-1&sort=id';
		// the administrator's answer is cached in Redis by A and served again by B
		const first = await call(A, 'GET', path, { token: adminToken() });
		const again = await call(B, 'GET', path, { token: adminToken() });
		expect(first.status).toBe(200);
		expect(again.headers.get('x-cache-status')).toBe('HIT');
		expect(again.body.data).toEqual(first.body.data);
		// an agent asking the same thing of either instance gets Directus's own refusal, never the cached rows
		for (const token of [proprete, voirie])
			for (const instance of [A, B]) expect((await call(instance, 'GET', path, { token })).status).toBe(403);
		// their queues, from either instance, hold their service's complaints only
		const seen: Record<string, string[]> = {};
		for (const [name, token] of [
			['proprete', proprete],
			['voirie', voirie],
		] as const) {
			const fromA = await call(A, 'GET', '/workspace/complaints?limit=100', { token });
			const fromB = await call(B, 'GET', '/workspace/complaints?limit=100', { token });
			expect(fromA.status).toBe(200);
			expect(fromB.body.data.map((row: { id: string }) => row.id)).toEqual(
				fromA.body.data.map((row: { id: string }) => row.id),
			);
			seen[name] = fromA.body.data.map((row: { id: string }) => row.id);
			expect(seen[name].length).toBeGreaterThan(0);
			const services = new Set(fromA.body.data.map((row: { service_label: string }) => row.service_label));
			expect(services.size).toBe(1);
		}
		expect(seen.proprete.filter((id) => seen.voirie.includes(id))).toEqual([]);
	});

	it('drops what is cached everywhere when one instance writes', async () => {
		const path = '/items/services/PROP?fields=code,color';
		const before = await call(B, 'GET', path, { token: adminToken() });
		expect((await call(B, 'GET', path, { token: adminToken() })).headers.get('x-cache-status')).toBe('HIT');
		const color = before.body.data.color === '#123456' ? '#654321' : '#123456';
		const patched = await call(A, 'PATCH', '/items/services/PROP', { token: adminToken(), body: { color } });
		expect(patched.status).toBe(200);
		const after = await call(B, 'GET', path, { token: adminToken() });
		expect(after.headers.get('x-cache-status')).toBe('MISS');
		expect(after.body.data.color).toBe(color);
	});
});

describe('rate limiter in Redis, behind a trusted proxy', () => {
	it('counts one client across both instances, by its forwarded address', async () => {
		const { points } = cluster().rateLimit;
		const client = '203.0.113.77';
		const statuses: number[] = [];
		for (let i = 0; i < points + 10; i++)
			statuses.push((await call(i % 2 === 0 ? A : B, 'GET', '/server/ping', { client })).status);
		// each instance saw fewer than `points` requests: only a shared counter refuses the last ten
		expect(statuses.filter((status) => status === 200)).toHaveLength(points);
		expect(statuses.slice(points).every((status) => status === 429)).toBe(true);
		// another client behind the same proxy is not affected
		expect((await call(B, 'GET', '/server/ping', { client: '203.0.113.78' })).status).toBe(200);
	});
});

describe('schedules in Redis', () => {
	it('runs a scheduled flow once per tick, not once per instance', async () => {
		// the SLA flow every 2 seconds for the test; both instances reload it
		const faster = await call(A, 'PATCH', `/flows/${SLA_FLOW_ID}`, {
			token: adminToken(),
			body: { options: { cron: '*/2 * * * * *' } },
		});
		expect(faster.status).toBe(200);
		await wait(3_000);
		const from = new Date();
		await wait(12_000);
		const to = new Date();
		await call(A, 'PATCH', `/flows/${SLA_FLOW_ID}`, {
			token: adminToken(),
			body: { options: { cron: SLA_SWEEP_CRON } },
		});
		const runs = await call(
			B,
			'GET',
			`/activity?filter[action][_eq]=run&filter[collection][_eq]=directus_flows&filter[item][_eq]=${SLA_FLOW_ID}&filter[timestamp][_between]=${from.toISOString()},${to.toISOString()}&fields=timestamp&sort=timestamp&limit=-1`,
			{ token: adminToken() },
		);
		expect(runs.status).toBe(200);
		const times = runs.body.data.map((row: { timestamp: string }) => new Date(row.timestamp).getTime());
		// 12 s of 2-second ticks: about 6 runs; two instances each running would log about 12
		expect(times.length).toBeGreaterThanOrEqual(4);
		expect(times.length).toBeLessThanOrEqual(7);
		const gaps = times.slice(1).map((time: number, index: number) => time - times[index]);
		expect(Math.min(...gaps)).toBeGreaterThan(1_000);
	});
});

describe('schema changes', () => {
	it('a field created through A is usable through B at once', async () => {
		const field = `note_${Date.now()}`;
		const created = await call(A, 'POST', '/fields/holidays', {
			token: adminToken(),
			body: { field, type: 'string', meta: { note: 'cluster test' } },
		});
		expect(created.status).toBe(200);
		const written = await call(B, 'POST', '/items/holidays', {
			token: adminToken(),
			body: { date: '2031-01-02', name_fr: 'Jour de test', name_ar: 'يوم اختبار', [field]: 'vu par B' },
		});
		expect(written.status, JSON.stringify(written.body)).toBe(200);
		const read = await call(B, 'GET', `/items/holidays/${written.body.data.id}?fields=${field}`, {
			token: adminToken(),
		});
		expect(read.body.data[field]).toBe('vu par B');
		await call(A, 'DELETE', `/items/holidays/${written.body.data.id}`, { token: adminToken() });
		await call(A, 'DELETE', `/fields/holidays/${field}`, { token: adminToken() });
	});
});

describe('references', () => {
	it('stay unique and sequential when creations arrive at both instances at once', async () => {
		const creations = Array.from({ length: 24 }, (_, index) =>
			call(index % 2 === 0 ? A : B, 'POST', '/items/complaints', {
				token: adminToken(),
				body: { category: 'PROP-01', description: `Création concurrente ${index}`, ...POINT, channel: 'phone' },
			}),
		);
		const answers = await Promise.all(creations);
		expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
		const references: string[] = answers.map((answer) => answer.body.data.reference);
		expect(new Set(references).size).toBe(24);
		const numbers = references.map((reference) => Number(reference.split('-').pop())).sort((x, y) => x - y);
		expect(numbers[numbers.length - 1] - numbers[0]).toBe(23);
	});
});

describe('outbox with two workers', () => {
	it('sends each message once', async () => {
		const stamp = Date.now();
		const emails = Array.from({ length: 8 }, (_, index) => `cluster.${stamp}.${index}@example.ma`);
		const created = await Promise.all(
			emails.map((email, index) =>
				call(index % 2 === 0 ? A : B, 'POST', '/portal/api/complaints', {
					body: { category: 'PROP-01', description: 'Dépôt sauvage', ...POINT, citizen_email: email, consent: true },
				}),
			),
		);
		expect(created.map((answer) => answer.status)).toEqual(created.map(() => 201));
		const { mailDir } = cluster();
		const delivered = () => readdirSync(mailDir).map((name) => readFileSync(join(mailDir, name), 'utf8'));
		await eventually(
			async () => (emails.every((email) => delivered().some((message) => message.includes(email))) ? true : undefined),
			45_000,
		);
		// a few more ticks of both workers: nothing is sent twice
		await wait(5_000);
		const messages = delivered();
		for (const email of emails)
			expect(messages.filter((message) => message.includes(`To: ${email}`)).length, email).toBe(1);
		const rows = await call(
			B,
			'GET',
			`/items/outbox?filter[recipient][_in]=${emails.join(',')}&fields=status,attempts&limit=-1`,
			{ token: adminToken() },
		);
		expect(rows.body.data).toHaveLength(8);
		expect(
			rows.body.data.every((row: { status: string; attempts: number }) => row.status === 'sent' && row.attempts === 1),
		).toBe(true);
	});
});

/** a valid 1×1 PNG, built here rather than kept as a binary fixture */
function tinyPng(): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (buffer: Buffer) => {
		let c = 0xffffffff;
		for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type), data]);
		const sum = Buffer.alloc(4);
		sum.writeUInt32BE(crc(body));
		return Buffer.concat([length, body, sum]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(1, 0);
	header.writeUInt32BE(1, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // truecolour
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.from([0, 0x0e, 0x5a, 0x8a]))),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

describe('uploads on shared storage', () => {
	it('a file uploaded through A downloads through B, byte for byte', async () => {
		const png = tinyPng();
		const form = new FormData();
		form.append('title', 'cluster');
		form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'pixel.png');
		const uploaded = await call(A, 'POST', '/files', { token: adminToken(), raw: form });
		expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
		const response = await fetch(`${cluster().urls[B]}/assets/${uploaded.body.data.id}`, {
			headers: { authorization: `Bearer ${adminToken()}`, 'x-forwarded-for': '198.51.100.9' },
		});
		expect(response.status).toBe(200);
		expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
	});
});
