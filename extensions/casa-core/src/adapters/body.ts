// Request bodies the project reads itself (multipart forms with photos,
// urlencoded Open311 forms), read so that no body can stop the process or
// earn a 500: every stream error is handled for this request only, limits are
// checked before reading further (Content-Length first, then byte by byte),
// bytes that are not UTF-8 are refused, and a refused body is drained so the
// answer reaches the client. Problems come back as BodyProblem (status and
// message key), which the endpoints turn into a 4xx in the caller's language.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { type UploadBudget, uploadBudget } from './upload-budget';
import type { FieldError } from '../domain/complaint/complaint-plan';
import type { Language } from '../domain/i18n/messages';
import { REPLACEMENT_CHARACTER, type ShapeLimits, checkShape, cleanDeep, decodeUtf8 } from '../domain/text/sanitize';
import { surfaceError } from './errors';

export type BodyProblemKey = 'too_large' | 'truncated' | 'malformed' | 'encoding' | 'type' | 'shape' | 'slow';

export class BodyProblem extends Error {
	constructor(
		readonly status: 400 | 413 | 415,
		readonly key: BodyProblemKey,
		readonly values: Record<string, unknown> = {},
		readonly field = 'body',
	) {
		super(`body ${key}`);
	}
}

/** The problem as a Directus error in the caller's language. */
export function bodyError(problem: BodyProblem, language: Language) {
	return surfaceError(problem.status, problem.field, `surface.body.${problem.key}`, language, problem.values);
}

export type IncomingBody = Readable & { headers: IncomingHttpHeaders; complete?: boolean };

export function humanSize(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} Mo` : `${Math.round(bytes / 1024)} ko`;
}

function declaredLength(req: IncomingBody): number | null {
	const raw = req.headers['content-length'];
	if (raw === undefined) return null;
	const length = Number(raw);
	return Number.isSafeInteger(length) && length >= 0 ? length : null;
}

const draining = new WeakMap<object, Promise<void>>();

/**
 * After a refusal: read and drop the rest of the body (up to a cap and a
 * time), and resolve once it is read. The answer goes out afterwards: a server
 * that answers and closes while the client is still sending makes the client's
 * system reset the connection, and the client never reads the answer.
 */
export function discardRest(req: IncomingBody, capBytes = 64 * 1024 * 1024, ms = 15_000): Promise<void> {
	if (req.readableEnded || req.destroyed) return Promise.resolve();
	const known = draining.get(req);
	if (known) return known;
	const done = new Promise<void>((resolve) => {
		req.removeAllListeners('data');
		req.unpipe();
		let dropped = 0;
		const finish = () => {
			clearTimeout(timer);
			resolve();
		};
		const timer = setTimeout(() => {
			req.destroy();
			finish();
		}, ms);
		timer.unref?.();
		req.on('data', (chunk: Buffer) => {
			dropped += chunk.length;
			if (dropped > capBytes) {
				req.destroy();
				finish();
			}
		});
		req.once('end', finish);
		req.once('close', finish);
		req.on('error', () => undefined);
		req.resume();
	});
	draining.set(req, done);
	return done;
}

/** The whole body as bytes, at most `limit` of them. */
export function readRawBody(req: IncomingBody, limit: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		let settled = false;
		const fail = (problem: BodyProblem) => {
			if (settled) return;
			settled = true;
			void discardRest(req).then(() => reject(problem));
		};
		const declared = declaredLength(req);
		if (declared !== null && declared > limit)
			return fail(new BodyProblem(413, 'too_large', { limit: humanSize(limit) }));
		if (req.readableEnded) return resolve(Buffer.alloc(0));
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer | string) => {
			if (settled) return;
			const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			size += buffer.length;
			if (size > limit) return fail(new BodyProblem(413, 'too_large', { limit: humanSize(limit) }));
			chunks.push(buffer);
		});
		req.on('aborted', () => fail(new BodyProblem(400, 'truncated')));
		req.on('error', () => fail(new BodyProblem(400, 'truncated')));
		req.on('end', () => {
			if (settled) return;
			if (req.complete === false) return fail(new BodyProblem(400, 'truncated'));
			settled = true;
			resolve(Buffer.concat(chunks));
		});
	});
}

/**
 * application/x-www-form-urlencoded, strictly: every name and value must
 * percent-decode to UTF-8 (URLSearchParams would silently put U+FFFD in
 * their place), at most `maxParameters` pairs.
 */
export function parseUrlencoded(bytes: Buffer, maxParameters = 200): [string, string][] {
	const text = decodeUtf8(bytes);
	if (text === null) throw new BodyProblem(400, 'encoding');
	const pairs: [string, string][] = [];
	if (text.trim() === '') return pairs;
	const parts = text.split('&');
	if (parts.length > maxParameters) throw new BodyProblem(413, 'too_large', { limit: `${maxParameters} paramètres` });
	for (const part of parts) {
		if (part === '') continue;
		const equals = part.indexOf('=');
		const [rawName, rawValue] = equals === -1 ? [part, ''] : [part.slice(0, equals), part.slice(equals + 1)];
		try {
			pairs.push([decodeURIComponent(rawName.replace(/\+/g, ' ')), decodeURIComponent(rawValue.replace(/\+/g, ' '))]);
		} catch {
			// a lone % or percent-encoded bytes that are not UTF-8
			throw new BodyProblem(400, 'encoding');
		}
	}
	return pairs;
}

export interface UploadedFile {
	filename: string;
	bytes: Buffer;
}

export interface MultipartLimits {
	/** the only field name that may carry files */
	fileField: string;
	maxFiles: number;
	maxFileBytes: number;
	maxFields: number;
	maxFieldBytes: number;
	/** the whole body */
	maxTotalBytes: number;
}

export interface MultipartResult {
	/** text fields in order (a name may repeat: attribute[code][]) */
	entries: [string, string][];
	/** the last value of each field */
	fields: Record<string, string>;
	files: UploadedFile[];
	/** problems the citizen can fix, reported with the form's other errors */
	errors: FieldError[];
}

/** Text that busboy decoded as Latin-1 (byte for byte), re-read strictly as UTF-8. */
function utf8Of(latin1: string): string | null {
	const text = decodeUtf8(Buffer.from(latin1, 'latin1'));
	return text === null || text.includes(REPLACEMENT_CHARACTER) ? null : text;
}

/**
 * multipart/form-data with files. Waits for its share of the instance's upload
 * memory (adapters/upload-budget: rejects with UploadsBusyError, a 503, after
 * the bound), held until the response is done. Resolves when the whole body is
 * read; rejects with a BodyProblem for a body that is cut off, malformed, too
 * large or not UTF-8. Never leaves an error event unhandled.
 */
export async function parseMultipart(
	req: IncomingBody,
	limits: MultipartLimits,
	budget: UploadBudget = uploadBudget(),
): Promise<MultipartResult> {
	const declared = declaredLength(req);
	// refused at once (413), before it waits for memory
	if (declared !== null && declared > limits.maxTotalBytes) return readMultipart(req, limits);
	let release: () => void;
	try {
		release = await budget.admit(declared ?? limits.maxTotalBytes);
	} catch (error) {
		await discardRest(req);
		throw error;
	}
	// the parsed files live until the route has answered (decoded, stored): the share is given back then
	const res = (
		req as {
			res?: {
				once(event: 'close', listener: () => void): unknown;
				setHeader(name: string, value: string): unknown;
				writableFinished?: boolean;
				destroyed?: boolean;
			};
		}
	).res;
	if (res && !res.writableFinished && !res.destroyed) res.once('close', release);
	// a sender slower than the bound is answered (400) and its connection closed after the answer
	let timer: NodeJS.Timeout | undefined;
	const tooSlow = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			req.unpipe();
			req.resume();
			res?.setHeader('Connection', 'close');
			reject(new BodyProblem(400, 'slow', { seconds: Math.round(budget.readMs / 1000) }));
		}, budget.readMs);
	});
	try {
		return await Promise.race([readMultipart(req, limits), tooSlow]);
	} finally {
		clearTimeout(timer);
		if (!res || res.writableFinished || res.destroyed) release();
	}
}

function readMultipart(req: IncomingBody, limits: MultipartLimits): Promise<MultipartResult> {
	return new Promise((resolve, reject) => {
		let settled = false;
		const fail = (problem: BodyProblem) => {
			if (settled) return;
			settled = true;
			void discardRest(req).then(() => reject(problem));
		};
		const declared = declaredLength(req);
		if (declared !== null && declared > limits.maxTotalBytes)
			return fail(new BodyProblem(413, 'too_large', { limit: humanSize(limits.maxTotalBytes) }));
		if (req.readableEnded) return fail(new BodyProblem(400, 'truncated'));

		let parser: busboy.Busboy;
		try {
			parser = busboy({
				headers: req.headers as never,
				// byte for byte: decoded strictly as UTF-8 below
				defCharset: 'latin1',
				defParamCharset: 'latin1',
				limits: {
					files: limits.maxFiles,
					fileSize: limits.maxFileBytes,
					fields: limits.maxFields,
					fieldSize: limits.maxFieldBytes,
					parts: limits.maxFiles + limits.maxFields + 5,
					headerPairs: 20,
				},
			});
		} catch {
			// no boundary, not multipart at all
			return fail(new BodyProblem(400, 'malformed', { type: 'multipart/form-data' }));
		}

		const entries: [string, string][] = [];
		const files: UploadedFile[] = [];
		const errors: FieldError[] = [];
		const problem = (error: FieldError) => {
			if (!errors.some((known) => known.field === error.field && known.key === error.key)) errors.push(error);
		};
		let total = 0;
		// a photo too large or one too many refuses the upload: what is held of the files is let go, the rest only read through
		let refused = false;
		const refuse = (error: FieldError) => {
			problem(error);
			refused = true;
			files.length = 0;
		};

		req.on('data', (chunk: Buffer) => {
			total += chunk.length;
			if (total > limits.maxTotalBytes)
				fail(new BodyProblem(413, 'too_large', { limit: humanSize(limits.maxTotalBytes) }));
		});
		req.on('aborted', () => fail(new BodyProblem(400, 'truncated')));
		req.on('error', () => fail(new BodyProblem(400, 'truncated')));

		parser.on('field', (rawName, rawValue, info) => {
			const name = utf8Of(rawName);
			const value = utf8Of(rawValue);
			if (name === null || value === null) return fail(new BodyProblem(400, 'encoding'));
			if (info.nameTruncated || info.valueTruncated)
				problem({ field: name, key: 'field.too_long', values: { field: name, limit: limits.maxFieldBytes } });
			else entries.push([name, value]);
		});
		parser.on('file', (rawName, stream, info) => {
			// the stream's own errors (a body cut off inside a file) belong to this request only
			stream.on('error', () => fail(new BodyProblem(400, 'truncated')));
			const name = utf8Of(rawName) ?? rawName;
			if (name !== limits.fileField) {
				problem({ field: name, key: 'field.unknown', values: { field: name } });
				stream.resume();
				return;
			}
			const filename = (info.filename ? utf8Of(info.filename) : null) || 'photo';
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => {
				if (!settled && !refused) chunks.push(chunk);
			});
			stream.on('limit', () =>
				refuse({
					field: limits.fileField,
					key: 'field.photo_too_large',
					values: { name: filename, limit: limits.maxFileBytes / 1024 / 1024 },
				}),
			);
			stream.on('end', () => {
				if (!refused && !(stream as { truncated?: boolean }).truncated)
					files.push({ filename, bytes: Buffer.concat(chunks) });
				chunks.length = 0;
			});
		});
		parser.on('filesLimit', () =>
			refuse({ field: limits.fileField, key: 'field.too_many_photos', values: { limit: limits.maxFiles } }),
		);
		parser.on('fieldsLimit', () => fail(new BodyProblem(413, 'too_large', { limit: `${limits.maxFields} champs` })));
		parser.on('partsLimit', () =>
			fail(new BodyProblem(413, 'too_large', { limit: `${limits.maxFiles + limits.maxFields + 5} parties` })),
		);
		parser.on('error', (error: Error) =>
			fail(
				new BodyProblem(400, /end of (form|file)/i.test(error.message) ? 'truncated' : 'malformed', {
					type: 'multipart/form-data',
				}),
			),
		);
		parser.on('close', () => {
			if (settled) return;
			if (req.complete === false) return fail(new BodyProblem(400, 'truncated'));
			settled = true;
			const fields: Record<string, string> = Object.create(null);
			for (const [name, value] of entries) fields[name] = value;
			resolve({ entries, fields, files, errors });
		});
		req.pipe(parser);
	});
}

export interface JsonLimits extends ShapeLimits {
	maxBytes: number;
}

/** A JSON body read with limits: bytes (kept for signatures), strict UTF-8, parse, shape. */
export async function readJsonBody(req: IncomingBody, limits: JsonLimits): Promise<{ value: unknown; bytes: Buffer }> {
	const bytes = await readRawBody(req, limits.maxBytes);
	const text = decodeUtf8(bytes);
	if (text === null) throw Object.assign(new BodyProblem(400, 'encoding'), { bytes });
	if (text.trim() === '') return { value: undefined, bytes };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw Object.assign(new BodyProblem(400, 'malformed', { type: 'application/json' }), { bytes });
	}
	if (checkShape(value, limits)) throw Object.assign(new BodyProblem(400, 'shape'), { bytes });
	return { value: cleanDeep(value), bytes };
}
