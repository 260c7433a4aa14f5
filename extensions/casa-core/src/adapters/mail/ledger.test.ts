// The ledger's exactly-once guarantees between two pollers (two instances, or a
// manual pass beside the schedule), on a real SQLite database in memory.
import knexFactory, { type Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_LEASE_MS } from '../../domain/mail/message-rules';
import { LostClaimError, claim, findByKey, finish, recordMessage, unfinished } from './ledger';

let knex: Knex;

beforeEach(async () => {
	knex = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
	await knex.schema.createTable('mail_messages', (table) => {
		table.increments('id');
		table.string('message_key').unique().notNullable();
		table.string('message_id');
		table.string('content_hash');
		table.string('mailbox');
		table.bigInteger('uid');
		table.string('uid_validity');
		table.string('from_address');
		table.string('subject', 998);
		table.string('status').defaultTo('received');
		table.string('outcome');
		table.uuid('complaint');
		table.text('reason');
		table.integer('attempts').defaultTo(0);
		table.timestamp('lease_until');
		table.text('raw');
		table.boolean('mailbox_done').defaultTo(false);
		table.timestamp('processed_at');
		table.timestamp('date_created');
	});
});

afterEach(async () => {
	await knex.destroy();
});

const message = (key: string) => ({
	message_key: key,
	message_id: key,
	content_hash: null,
	mailbox: 'INBOX',
	uid: 1,
	uid_validity: '7',
	from_address: 'a@example.ma',
	subject: 'Sujet',
	raw: 'cmF3',
	status: 'received' as const,
});

describe('mail ledger', () => {
	it('records a message once: a second poller gets the existing row', async () => {
		const first = await recordMessage(knex, message('mid:1'));
		const second = await recordMessage(knex, { ...message('mid:1'), uid: 2 });
		expect(first.created).toBe(true);
		expect(second).toEqual({ row: first.row, created: false });
		expect(await knex('mail_messages').count({ n: '*' })).toEqual([{ n: 1 }]);
	});

	it('lets only one of two pollers claim a message', async () => {
		const { row } = await recordMessage(knex, message('mid:2'));
		const now = new Date();
		const [a, b] = await Promise.all([claim(knex, row, now), claim(knex, row, now)]);
		expect([a, b].filter(Boolean)).toHaveLength(1);
		expect(await claim(knex, (await findByKey(knex, 'mid:2'))!, now)).toBeNull();
	});

	it('finishes only with the claim that still holds the message', async () => {
		const { row } = await recordMessage(knex, message('mid:3'));
		const now = new Date();
		const first = (await claim(knex, row, now))!;
		// the first poller stalls past its lease; another takes the message over
		const later = new Date(now.getTime() + IMPORT_LEASE_MS + 1000);
		expect((await unfinished(knex, later)).map((r) => r.message_key)).toEqual(['mid:3']);
		const second = (await claim(knex, (await findByKey(knex, 'mid:3'))!, later))!;
		expect(second.attempts).toBe(2);
		await expect(
			knex.transaction((trx) => finish(trx, first, { status: 'processed', outcome: 'complaint' })),
		).rejects.toBeInstanceOf(LostClaimError);
		await knex.transaction((trx) => finish(trx, second, { status: 'processed', outcome: 'complaint' }));
		const done = await knex('mail_messages').where({ message_key: 'mid:3' }).first();
		expect(done).toMatchObject({ status: 'processed', outcome: 'complaint', attempts: 2, raw: null });
		expect(await unfinished(knex, later)).toEqual([]);
	});

	it('does not hand out a message whose lease is still running', async () => {
		const { row } = await recordMessage(knex, message('mid:4'));
		const now = new Date();
		await claim(knex, row, now);
		expect(await unfinished(knex, new Date(now.getTime() + 1000))).toEqual([]);
	});
});
