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
	/** how long an admitted upload may take to arrive: a slow sender must not keep its share (slow-upload attack) */
	readMs: number;
}

export const DEFAULT_UPLOAD_MEMORY_MB = 64;
export const DEFAULT_UPLOAD_WAIT_MS = 30_000;
export const DEFAULT_UPLOAD_READ_MS = 120_000;

export function createUploadBudget(totalBytes: number, waitMs: number, readMs = DEFAULT_UPLOAD_READ_MS): UploadBudget {
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
		readMs,
	};
}

let shared: UploadBudget = createUploadBudget(DEFAULT_UPLOAD_MEMORY_MB * 1024 * 1024, DEFAULT_UPLOAD_WAIT_MS);
let configured = '';

/** The instance's budget (one for the whole process, whichever endpoint reads the upload). */
export function uploadBudget(): UploadBudget {
	return shared;
}

/** Sets the instance's budget from the settings' uploads section, once: the endpoints that read uploads call it at set-up. */
export function configureUploadBudget(uploads: { memoryMb: number; waitMs: number; readMs: number }): void {
	const key = `${uploads.memoryMb}:${uploads.waitMs}:${uploads.readMs}`;
	if (key === configured) return;
	configured = key;
	shared = createUploadBudget(uploads.memoryMb * 1024 * 1024, uploads.waitMs, uploads.readMs);
}
