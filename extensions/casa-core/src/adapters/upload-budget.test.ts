import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseMultipart } from './body';
import { UploadsBusyError, createUploadBudget } from './upload-budget';
import { unavailableService } from './service-unavailable';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('upload budget', () => {
	it('admits uploads while their bytes fit, the next one when bytes are given back, in order of arrival', async () => {
		const budget = createUploadBudget(100, 5_000);
		const order: string[] = [];
		const first = await budget.admit(60);
		const second = budget.admit(60).then((release) => (order.push('second'), release));
		const third = budget.admit(30).then((release) => (order.push('third'), release));
		await settle();
		// 40 bytes are free, but the third arrived after the second, which waits for 60
		expect(order).toEqual([]);
		expect(budget.free()).toBe(40);
		first();
		const releaseSecond = await second;
		const releaseThird = await third;
		expect(order).toEqual(['second', 'third']);
		expect(budget.free()).toBe(10);
		releaseSecond();
		releaseSecond(); // given back once only
		releaseThird();
		expect(budget.free()).toBe(100);
	});

	it('admits an upload larger than the whole budget alone, never blocking for ever', async () => {
		const budget = createUploadBudget(100, 1_000);
		const release = await budget.admit(500);
		expect(budget.free()).toBe(0);
		release();
		expect(budget.free()).toBe(100);
	});

	it('refuses an upload that waited past the bound with an error answered as 503 "try again"', async () => {
		const budget = createUploadBudget(100, 50);
		const held = await budget.admit(100);
		const waiting = budget.admit(1);
		await expect(waiting).rejects.toBeInstanceOf(UploadsBusyError);
		expect(unavailableService(await waiting.catch((error) => error))).toBe('uploads');
		held();
		// the refused one keeps nothing (its place in the queue is given back as soon as it comes up)
		await settle();
		expect(budget.free()).toBe(100);
	});
});

function multipartRequest(name: string, bytes: number) {
	const boundary = 'casa-boundary';
	const body = Buffer.concat([
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${name}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
		),
		Buffer.alloc(bytes, 7),
		Buffer.from(`\r\n--${boundary}--\r\n`),
	]);
	const stream = new PassThrough();
	const headers: Record<string, string> = {};
	const res = Object.assign(new EventEmitter(), {
		writableFinished: false,
		destroyed: false,
		setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
		headers,
	});
	const req = Object.assign(stream, {
		headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
		complete: true,
		res,
	});
	let read = false;
	stream.on('resume', () => (read = true));
	return { req, res, body, wasRead: () => read, send: () => stream.end(body) };
}

describe('parseMultipart under the upload budget', () => {
	const limits = {
		fileField: 'photos',
		maxFiles: 1,
		maxFileBytes: 10_000,
		maxFields: 5,
		maxFieldBytes: 100,
		maxTotalBytes: 20_000,
	};

	it('does not read a second upload until the first one’s response is done', async () => {
		const budget = createUploadBudget(6_000, 5_000);
		const first = multipartRequest('first', 5_000);
		const second = multipartRequest('second', 5_000);
		first.send();
		second.send();
		const parsedFirst = await parseMultipart(first.req as never, limits, budget);
		expect(parsedFirst.files[0].bytes.length).toBe(5_000);
		const parsingSecond = parseMultipart(second.req as never, limits, budget);
		await settle();
		expect(second.wasRead()).toBe(false);
		// the route answered: the photo bytes of the first are no longer held
		first.res.emit('close');
		const parsedSecond = await parsingSecond;
		expect(parsedSecond.files[0].bytes.length).toBe(5_000);
		second.res.emit('close');
		expect(budget.free()).toBe(6_000);
	});

	it('answers a sender slower than the bound and gives its share back: a slow upload cannot hold the memory', async () => {
		const budget = createUploadBudget(6_000, 5_000, 100);
		const slow = multipartRequest('slow', 5_000);
		// half the body, then nothing
		slow.req.write(slow.body.subarray(0, 2_000));
		await expect(parseMultipart(slow.req as never, limits, budget)).rejects.toMatchObject({ status: 400, key: 'slow' });
		expect(slow.res.headers.connection).toBe('close');
		expect(budget.free()).toBe(6_000 - slow.body.length);
		slow.res.emit('close');
		expect(budget.free()).toBe(6_000);
	});

	it('answers a body declared larger than the route allows at once (413), without waiting for memory', async () => {
		const budget = createUploadBudget(100, 5_000);
		const held = await budget.admit(100);
		const big = multipartRequest('big', 30_000);
		big.send();
		await expect(parseMultipart(big.req as never, limits, budget)).rejects.toMatchObject({ status: 413 });
		held();
	});
});
