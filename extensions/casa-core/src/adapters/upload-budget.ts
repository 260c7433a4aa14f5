// The bytes of uploads (citizens' photos, the desk's scans) one instance holds in
// memory at once. Each multipart body is admitted before a byte of it is read,
// for its declared length (or its route's maximum when it declares none), and
// keeps its share until its response is done: the raw photos waiting for one of
// the two decode slots no longer pile up without bound (a burst of 24 uploads of
// five 12 MP photos held 530 MB, issue #17). An upload waiting longer than the
// bound answers 503 with Retry-After; an upload is admitted whole or not at all,
// so admitted uploads always finish. async-mutex's weighted semaphore keeps the
// queue in order of arrival.
import { Semaphore, withTimeout } from 'async-mutex';

/** The upload waited too long for memory: the error handler answers 503 with Retry-After (adapters/service-unavailable). */
export class UploadsBusyError extends Error {
	override name = 'UploadsBusyError';
	constructor() {
		super('uploads busy');
	}
}

export interface UploadBudget {
	/** Waits until `bytes` (at most the whole budget) are free; resolves with the function that gives them back (once). */
	admit(bytes: number): Promise<() => void>;
	/** bytes free now */
	free(): number;
}

export const DEFAULT_UPLOAD_MEMORY_MB = 128;
export const DEFAULT_UPLOAD_WAIT_MS = 30_000;

export function createUploadBudget(totalBytes: number, waitMs: number): UploadBudget {
	const total = Math.max(1, Math.floor(totalBytes));
	const semaphore = new Semaphore(total);
	const bounded = withTimeout(semaphore, waitMs, new UploadsBusyError());
	return {
		async admit(bytes) {
			const weight = Math.min(total, Math.max(1, Math.ceil(bytes)));
			const [, release] = await bounded.acquire(weight);
			let released = false;
			return () => {
				if (released) return;
				released = true;
				release();
			};
		},
		free: () => semaphore.getValue(),
	};
}

const positive = (value: unknown, fallback: number) => {
	const parsed = Number(value);
	return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
};

let shared: UploadBudget | null = null;

/** The instance's budget: CASA_UPLOAD_MEMORY_MB (128) of uploads at once, waiting at most CASA_UPLOAD_WAIT_MS (30 s). */
export function uploadBudget(env: Record<string, unknown> = process.env): UploadBudget {
	shared ??= createUploadBudget(positive(env.CASA_UPLOAD_MEMORY_MB, DEFAULT_UPLOAD_MEMORY_MB) * 1024 * 1024, positive(env.CASA_UPLOAD_WAIT_MS, DEFAULT_UPLOAD_WAIT_MS));
	return shared;
}
