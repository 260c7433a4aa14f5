// The retention job (loi 09-08) killed in the middle of a batch: a process
// running it on the platform's database is stopped with SIGKILL inside its
// second batch of complaints, after the batch's writes and before its commit.
// That batch must be all or nothing (no complaint half anonymised), no lock may
// be left behind, and the next run (the platform's own, POST /casa-privacy/run)
// finishes the work, each complaint erased once.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, createComplaint, platform } from '../helpers/api';
import { platformDatabase } from '../helpers/db';

const run = Date.now().toString(36);
const OURS = 12;
const BATCH = 4;
let knex: Knex;
const ids: string[] = [];

beforeAll(async () => {
	knex = platformDatabase();
	for (let i = 0; i < OURS; i++) {
		const created = await createComplaint({
			description: `Dépôt sauvage ${run} ${i}`,
			citizen_name: `Kill${run}${i} Bennani`,
			citizen_phone: `06610${String(100 + i).padStart(5, '0')}`,
			citizen_email: `kill${run}${i}@example.ma`,
		});
		ids.push(String(created.id));
	}
	// rejected three years ago: past the contact retention (730 days by default)
	const closedAt = new Date(Date.now() - 3 * 365 * 86_400_000);
	const client = (platform().config.database as { client: string }).client;
	await knex('complaints')
		.whereIn('id', ids)
		.update({ status: 'rejected', closed_at: client === 'sqlite3' ? closedAt.getTime() : closedAt });
}, 120_000);

afterAll(async () => {
	await knex?.destroy();
});

async function state() {
	const rows = await knex('complaints as c')
		.leftJoin('citizen_contacts as cc', 'cc.complaint', 'c.id')
		.select('c.id', 'c.personal_data_erased_at', 'c.description', 'cc.name')
		.whereIn('c.id', ids);
	return rows.map((row) => ({
		id: String(row.id),
		erasedAt: row.personal_data_erased_at === null ? null : String(row.personal_data_erased_at),
		contact: row.name as string | null,
	}));
}

function runChildUntilInsideBatch(): Promise<{ output: string; signal: NodeJS.Signals | null }> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', join(import.meta.dirname, '../helpers/retention-child.ts')],
			{
				env: {
					...process.env,
					CASA_CHILD_DATABASE: JSON.stringify(platform().config.database),
					CASA_CHILD_BATCH: String(BATCH),
				},
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let output = '';
		const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
		child.stdout.on('data', (chunk) => {
			output += chunk;
			if (output.includes('inside batch 2')) child.kill('SIGKILL');
		});
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('exit', (_code, signal) => {
			clearTimeout(timer);
			resolve({ output, signal });
		});
	});
}

describe('the retention job killed inside a batch', () => {
	it('leaves that batch untouched, holds no lock, and the next run erases every complaint once', async () => {
		const before = await state();
		expect(before.every((row) => row.erasedAt === null && row.contact !== null)).toBe(true);

		const child = await runChildUntilInsideBatch();
		expect(child.output, child.output).toContain('inside batch 2');
		expect(child.signal).toBe('SIGKILL');

		// all or nothing per complaint: erased with its contact gone, or untouched with its contact
		const afterKill = await state();
		for (const row of afterKill) expect(row.erasedAt === null, JSON.stringify(row)).toBe(row.contact !== null);
		// the first batch (at most BATCH complaints, ours or older ones) was committed, the second was not
		const erasedByKilled = afterKill.filter((row) => row.erasedAt !== null);
		expect(erasedByKilled.length).toBeLessThanOrEqual(BATCH);
		expect(afterKill.filter((row) => row.erasedAt === null).length).toBeGreaterThanOrEqual(OURS - BATCH);

		// the killed process's lock went with it: the platform's own run is not skipped (PostgreSQL ends the session at once)
		let result = await call('POST', '/casa-privacy/run', { token: adminToken() });
		for (let attempt = 0; attempt < 20 && (result.status !== 200 || result.body.data.skipped); attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			result = await call('POST', '/casa-privacy/run', { token: adminToken() });
		}
		expect(result.status, JSON.stringify(result.body)).toBe(200);
		expect(result.body.data.skipped).toBe(false);
		expect(result.body.data.complaints).toBeGreaterThanOrEqual(OURS - erasedByKilled.length);

		const final = await state();
		expect(final.filter((row) => row.erasedAt === null || row.contact !== null)).toEqual([]);
		// erased once: the first batch's stamps are those the killed process committed
		for (const row of erasedByKilled) expect(final.find((one) => one.id === row.id)!.erasedAt).toBe(row.erasedAt);
		const again = await call('POST', '/casa-privacy/run', { token: adminToken() });
		expect(again.body.data.complaints).toBe(0);
	}, 120_000);
});
