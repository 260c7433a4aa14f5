// The OCR pool's limits with the real tesseract.js (no Directus): a letter past
// its deadline is abandoned and its worker replaced; a letter beyond the queue
// is refused as busy; a file that is no image is unreadable. (The options'
// bounds, OCR_WORKERS and the rest, are config/settings.ts's.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ScanReadError, ScanReader } from './read-scan';

const FRENCH = readFileSync(
	fileURLToPath(new URL('../../../../../tests/fixtures/scans/letter-fr.jpg', import.meta.url)),
);
const readers: ScanReader[] = [];
const reader = (options: { workers?: number; queue?: number; timeoutMs?: number }) => {
	const created = new ScanReader({ workers: 1, queue: 4, timeoutMs: 120_000, ...options });
	readers.push(created);
	return created;
};
const reason = (promise: Promise<unknown>) =>
	promise.then(
		() => 'read',
		(error) => (error instanceof ScanReadError ? error.reason : `other: ${error}`),
	);

afterEach(async () => {
	await Promise.all(readers.splice(0).map((item) => item.close()));
});

describe('ScanReader', { timeout: 180_000 }, () => {
	it('gives up on a letter past its deadline (its worker is stopped)', async () => {
		// 50 ms cannot cover starting a worker and reading a page
		const hurried = reader({ timeoutMs: 50 });
		expect(await reason(hurried.read(FRENCH, 'image/jpeg'))).toBe('timeout');
	});

	it('refuses a letter when the worker is busy and nothing may wait', async () => {
		const single = reader({ workers: 1, queue: 0 });
		const [first, second] = await Promise.all([
			reason(single.read(FRENCH, 'image/jpeg')),
			reason(single.read(FRENCH, 'image/jpeg')),
		]);
		expect([first, second].sort()).toEqual(['busy', 'read']);
	});

	it('says a file that is no image is unreadable', async () => {
		expect(await reason(reader({}).read(Buffer.from('\x89PNG not really'), 'image/png'))).toBe('unreadable');
		expect(await reason(reader({}).read(Buffer.from('%PDF-1.4 nothing'), 'application/pdf'))).toBe('unreadable');
	});
});
