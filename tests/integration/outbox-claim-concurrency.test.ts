// Two senders, one message: on PostgreSQL several instances run the outbox
// worker at once, and `FOR UPDATE SKIP LOCKED` (adapters/outbox/outbox-store.ts)
// must hand each message to exactly one of them. The real claim function runs
// from two separate knex pools (two "instances"), several claimers each, over
// many rows, in a private temporary database on the machine's PostgreSQL
// (127.0.0.1:5432, user postgres; PGHOST/PGPORT/PGUSER/PGPASSWORD override).
// It needs no Directus: it runs in the integration project because that is
// where the suites with a database live, whatever CASA_TEST_DB says.
import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	claimBatch,
	releaseClaims,
	renewClaim,
	settle,
} from '../../extensions/casa-core/src/adapters/outbox/outbox-store';

const connection = (database: string) => ({
	host: process.env.PGHOST ?? '127.0.0.1',
	port: Number(process.env.PGPORT ?? 5432),
	user: process.env.PGUSER ?? 'postgres',
	password: process.env.PGPASSWORD ?? '',
	database,
});

const ROWS = 600;
const CLAIMERS_PER_INSTANCE = 4;
const database = `casa_outbox_claim_${randomBytes(4).toString('hex')}`;
let admin: Knex;
let instances: Knex[] = [];

beforeAll(async () => {
	admin = knexFactory({ client: 'pg', connection: connection('postgres'), pool: { min: 0, max: 1 } });
	await admin.raw(`CREATE DATABASE ${database}`);
	instances = [0, 1].map(() =>
		knexFactory({ client: 'pg', connection: connection(database), pool: { min: 0, max: CLAIMERS_PER_INSTANCE } }),
	);
	// the columns the outbox store reads and writes, as schema/collections.ts declares them
	await instances[0].schema.createTable('outbox', (table) => {
		table.increments('id');
		table.uuid('complaint').nullable();
		table.string('event', 64);
		table.string('channel', 32);
		table.string('recipient');
		table.string('language').defaultTo('fr');
		table.json('payload');
		table.string('status', 16).defaultTo('pending').index();
		table.integer('attempts').defaultTo(0);
		table.text('last_error');
		table.timestamp('next_attempt_at', { useTz: true });
		table.timestamp('sent_at', { useTz: true });
		table.timestamp('date_created', { useTz: true });
	});
	const rows = Array.from({ length: ROWS }, (_, index) => ({
		event: 'assignment',
		channel: index % 2 ? 'sms' : 'email',
		recipient: `citizen${index}@example.ma`,
		language: 'fr',
		payload: JSON.stringify({ reference: `CAS-2026-${String(index).padStart(6, '0')}` }),
		// a few already waiting for their retry, due now
		status: index % 7 === 0 ? 'retry' : 'pending',
		next_attempt_at: index % 7 === 0 ? new Date(Date.now() - 60_000) : null,
		date_created: new Date(),
	}));
	for (let start = 0; start < rows.length; start += 200)
		await instances[0]('outbox').insert(rows.slice(start, start + 200));
}, 60_000);

afterAll(async () => {
	await Promise.allSettled(instances.map((instance) => instance.destroy()));
	if (admin) {
		await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
		await admin.destroy();
	}
});

/** One sender: claims batches until nothing is due, "sends" each message (settles it), keeps what it got. */
async function sender(knex: Knex, claimed: number[]): Promise<void> {
	for (;;) {
		const batch = await claimBatch(knex, new Date(), 7);
		if (batch.length === 0) return;
		for (const message of batch) claimed.push(message.id);
		// give the other senders a chance to interleave with this one
		await new Promise((resolve) => setImmediate(resolve));
		for (const message of batch) await settle(knex, message, { status: 'sent' }, new Date());
	}
}

describe('outbox claims on PostgreSQL', () => {
	it('two instances with several senders each never claim the same message, and together claim them all', async () => {
		const claimedBy = instances.map(() => Array.from({ length: CLAIMERS_PER_INSTANCE }, () => [] as number[]));
		await Promise.all(instances.flatMap((instance, i) => claimedBy[i].map((claimed) => sender(instance, claimed))));

		const all = claimedBy.flat(2);
		const seen = new Map<number, number>();
		for (const id of all) seen.set(id, (seen.get(id) ?? 0) + 1);
		const duplicates = [...seen].filter(([, count]) => count > 1);
		expect(duplicates).toEqual([]);
		expect(all.length).toBe(ROWS);
		// both instances did part of the work (the lock, not luck, kept them apart)
		for (const perInstance of claimedBy) expect(perInstance.flat().length).toBeGreaterThan(0);

		const stored = (await instances[0]('outbox')
			.select('status', 'attempts')
			.count({ n: '*' })
			.groupBy('status', 'attempts')) as unknown as { status: string; attempts: number; n: string }[];
		expect(stored.map((row) => ({ status: row.status, attempts: Number(row.attempts), n: Number(row.n) }))).toEqual([
			{ status: 'sent', attempts: 1, n: ROWS },
		]);
	});

	it('a message claimed by one instance is not due for the other until its lease ends', async () => {
		const [id] = await instances[0]('outbox')
			.insert({
				event: 'reopening',
				channel: 'sms',
				recipient: '+212661000000',
				payload: '{}',
				status: 'pending',
				date_created: new Date(),
			})
			.returning('id');
		const key = typeof id === 'object' ? id.id : id;
		const now = new Date();
		const first = await claimBatch(instances[0], now);
		expect(first.map((message) => message.id)).toEqual([key]);
		expect(await claimBatch(instances[1], now)).toEqual([]);
		// the first sender died: once the lease is over the message is picked up again, counted as a second attempt
		const later = new Date(now.getTime() + 6 * 60_000);
		const again = await claimBatch(instances[1], later);
		expect(again.map((message) => [message.id, message.attempts])).toEqual([[key, 2]]);
	});

	it('fences a claim: the first sender, back after its lease, may no longer send; a graceful stop gives its claims back at once', async () => {
		const [id] = await instances[0]('outbox')
			.insert({
				event: 'reopening',
				channel: 'sms',
				recipient: '+212661000001',
				payload: '{}',
				status: 'pending',
				date_created: new Date(),
			})
			.returning('id');
		const key = typeof id === 'object' ? id.id : id;
		const now = new Date();
		const [first] = (await claimBatch(instances[0], now)).filter((message) => message.id === key);
		const later = new Date(now.getTime() + 2 * 60_000);
		const [second] = (await claimBatch(instances[1], later)).filter((message) => message.id === key);
		expect(second.attempts).toBe(first.attempts + 1);
		expect(await renewClaim(instances[0], first, later)).toBe(false);
		expect(await renewClaim(instances[1], second, later)).toBe(true);
		// the second sender stops before sending: released under its own claim only
		expect(await releaseClaims(instances[0], [first])).toBe(0);
		expect(await releaseClaims(instances[1], [second])).toBe(1);
		const row = await instances[0]('outbox').select('status', 'attempts', 'next_attempt_at').where({ id: key }).first();
		expect(row).toMatchObject({ status: 'pending', attempts: first.attempts, next_attempt_at: null });
		// due again at once for anybody
		expect((await claimBatch(instances[0], new Date())).map((message) => message.id)).toContain(key);
	});
});
