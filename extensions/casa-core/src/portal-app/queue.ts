// Complaints written without a network wait in IndexedDB (photos included, as
// Blobs) and are sent when the network returns (the `online` event, or the
// next time the app opens), with the Idempotency-Key of their draft: however
// many times a send is retried, one complaint is created.
import { type Api, ApiError, type FieldProblem, NetworkError, deviceId } from './api';

export interface QueuedComplaint {
	key: string;
	lang: string;
	fields: Record<string, string | string[]>;
	photos: { name: string; blob: Blob }[];
	queuedAt: string;
	/** 'mobile' when the app runs packaged in a store app (sent as X-Casa-Channel) */
	channel?: string | null;
	/** the server refused it (400): kept until the citizen reviews it */
	problems?: FieldProblem[];
}

export interface Receipt {
	reference: string;
	tracking_secret: string;
	tracking_url: string;
	expected_resolution_at: string | null;
	replayed?: boolean;
}

const DB_NAME = 'casa-portal';
const STORE = 'outbox';

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => {
			if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'key' });
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

async function withStore<T>(
	mode: IDBTransactionMode,
	work: (store: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
	const db = await openDb();
	try {
		return await new Promise<T | undefined>((resolve, reject) => {
			const transaction = db.transaction(STORE, mode);
			const request = work(transaction.objectStore(STORE));
			transaction.oncomplete = () => resolve(request ? request.result : undefined);
			transaction.onerror = () => reject(transaction.error);
			transaction.onabort = () => reject(transaction.error);
		});
	} finally {
		db.close();
	}
}

export const enqueue = (item: QueuedComplaint) =>
	withStore('readwrite', (store) => store.put(item)).then(() => undefined);
export const removeQueued = (key: string) => withStore('readwrite', (store) => store.delete(key)).then(() => undefined);
export async function listQueued(): Promise<QueuedComplaint[]> {
	try {
		const items = (await withStore<QueuedComplaint[]>('readonly', (store) => store.getAll())) ?? [];
		return items.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
	} catch {
		return [];
	}
}

/**
 * POST /portal/api/complaints as multipart/form-data with the draft's Idempotency-Key header.
 * From another site the header needs the platform's CORS to allow it; if that preflight is
 * refused while the API answers, the key goes in the `idempotency_key` field instead (a plain
 * multipart POST needs no preflight). Either way the server keeps one complaint per key.
 */
export async function sendComplaint(
	api: Api,
	key: string,
	fields: Record<string, string | string[]>,
	photos: { name: string; blob: Blob }[],
	channel: string | null = null,
): Promise<Receipt> {
	const form = (withKeyField: boolean) => {
		const body = new FormData();
		for (const [name, value] of Object.entries(fields))
			for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
		// without custom headers (no preflight), the key and the device travel as fields
		if (withKeyField) {
			body.append('idempotency_key', key);
			body.append('device_id', deviceId());
		}
		for (const photo of photos) body.append('photos', photo.blob, photo.name);
		return body;
	};
	try {
		return (
			await api.postForm<{ data: Receipt }>('complaints', form(false), {
				headers: { 'Idempotency-Key': key, ...(channel ? { 'X-Casa-Channel': channel } : {}) },
			})
		).body.data;
	} catch (error) {
		const crossOrigin = new URL(api.portalBase).origin !== location.origin;
		if (!(error instanceof NetworkError) || !crossOrigin || navigator.onLine === false) throw error;
		const reachable = await api.get('config').then(
			() => true,
			() => false,
		);
		if (!reachable) throw error;
		return (await api.postForm<{ data: Receipt }>('complaints', form(true))).body.data;
	}
}

export type FlushOutcome = { key: string; receipt: Receipt } | { key: string; problems: FieldProblem[] };

let flushing: Promise<FlushOutcome[]> | null = null;

/** Sends what waits, oldest first; stops at the first network failure. One flush at a time (per tab, and across tabs with Web Locks). */
export function flushQueue(api: Api): Promise<FlushOutcome[]> {
	if (flushing) return flushing;
	const run = async (): Promise<FlushOutcome[]> => {
		const outcomes: FlushOutcome[] = [];
		for (const item of await listQueued()) {
			if (item.problems) continue;
			try {
				const receipt = await sendComplaint(api, item.key, item.fields, item.photos, item.channel ?? null);
				await removeQueued(item.key);
				outcomes.push({ key: item.key, receipt });
			} catch (error) {
				if (error instanceof ApiError && error.status === 400) {
					await enqueue({ ...item, problems: error.problems });
					outcomes.push({ key: item.key, problems: error.problems });
					continue;
				}
				if (error instanceof NetworkError || error instanceof ApiError) break;
				throw error;
			}
		}
		return outcomes;
	};
	// Web Locks: two tabs coming back online do not send the same complaint together
	const locks = 'locks' in navigator ? navigator.locks : undefined;
	const running: Promise<FlushOutcome[]> = (
		locks ? (locks.request('casa-portal-outbox', run) as unknown as Promise<FlushOutcome[]>) : run()
	).finally(() => {
		flushing = null;
	});
	flushing = running;
	return running;
}
