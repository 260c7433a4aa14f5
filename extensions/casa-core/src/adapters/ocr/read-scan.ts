// Reads a scanned letter (image or PDF) with tesseract.js, off the main thread:
// - tesseract.js runs its WebAssembly engine in worker_threads; the pool keeps
//   OCR_WORKERS of them (1 by default, 2 at most) alive, loaded with French and
//   Arabic, and lets at most OCR_QUEUE letters wait; more gets "busy".
// - the trained data comes from the npm packages @tesseract.js-data/fra and
//   @tesseract.js-data/ara (LSTM "best_int" models), read from node_modules:
//   no network, ever (langPath is a local folder, cacheMethod none).
// - a PDF's first pages are rendered in a worker thread of their own with
//   pdfjs-dist and @napi-rs/canvas; a page that has a text layer gives its text
//   directly, without OCR.
// - each letter has a deadline (OCR_TIMEOUT_MS, 60 s): a worker past it is
//   terminated (its CPU given back) and the next letter starts a fresh one.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SCAN_PAGES_READ } from '../../domain/desk/scan-text';

const require = createRequire(import.meta.url);
// sharp is Directus's own dependency (not hoisted): load it from there
const apiRequire = createRequire(require.resolve('@directus/api/package.json'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sharp = apiRequire('sharp') as any;

export type ScanFailure = 'busy' | 'timeout' | 'unreadable';
export class ScanReadError extends Error {
	constructor(
		readonly reason: ScanFailure,
		detail?: string,
	) {
		super(detail ?? reason);
	}
}

export interface ScanReading {
	/** the raw text of each page read, in order */
	pages: string[];
	/** pages in the document (a PDF may have more than were read) */
	pageCount: number;
	/** mean word confidence of the OCR (0–100); null when every page had a text layer */
	confidence: number | null;
	/** milliseconds spent per page read */
	msPerPage: number;
}

export interface OcrOptions {
	workers: number;
	queue: number;
	timeoutMs: number;
}

/**
 * A folder holding both trained data files (each npm package has its own folder; tesseract.js wants one):
 * symbolic links in the temporary folder, named after where the packages are, so a moved install gets its own.
 */
function languageFolder(): string {
	const targets = ['fra', 'ara'].map((code) => ({
		code,
		target: join(
			dirname(require.resolve(`@tesseract.js-data/${code}/package.json`)),
			'4.0.0_best_int',
			`${code}.traineddata.gz`,
		),
	}));
	const folder = join(
		tmpdir(),
		`casa-tessdata-${createHash('sha256')
			.update(targets.map((entry) => entry.target).join('\n'))
			.digest('hex')
			.slice(0, 12)}`,
	);
	mkdirSync(folder, { recursive: true });
	for (const { code, target } of targets) {
		const link = join(folder, `${code}.traineddata.gz`);
		if (!existsSync(link)) {
			try {
				symlinkSync(target, link);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
		}
	}
	return folder;
}

interface TesseractWorker {
	recognize(image: Buffer): Promise<{ data: { text: string; confidence: number } }>;
	terminate(): Promise<unknown>;
}

// the PDF renderer, run with eval in its own thread (the extension is one bundled file)
const PDF_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
	const pdfjs = await import(workerData.pdfjs);
	const document = await pdfjs.getDocument({ data: new Uint8Array(workerData.bytes), standardFontDataUrl: workerData.fonts, isEvalSupported: false, verbosity: 0 }).promise;
	const pages = [];
	for (let number = 1; number <= Math.min(document.numPages, workerData.maxPages); number += 1) {
		const page = await document.getPage(number);
		const content = await page.getTextContent();
		const text = content.items.map((item) => (item.str ?? '') + (item.hasEOL ? '\\n' : '')).join('');
		if (text.replace(/\\s/g, '').length >= 20) {
			pages.push({ text });
			continue;
		}
		// about 200 dpi, but never more than 25 million pixels, whatever size the page claims
		const size = page.getViewport({ scale: 1 });
		const viewport = page.getViewport({ scale: Math.min(workerData.scale, Math.sqrt(25e6 / Math.max(1, size.width * size.height))) });
		const target = document.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
		await page.render({ canvasContext: target.context, canvas: target.canvas, viewport }).promise;
		pages.push({ png: target.canvas.toBuffer('image/png') });
		page.cleanup();
	}
	parentPort.postMessage({ pages, pageCount: document.numPages });
	await document.destroy();
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

function renderPdf(
	bytes: Buffer,
	timeoutMs: number,
): Promise<{ pages: ({ text: string } | { png: Uint8Array })[]; pageCount: number }> {
	const pdfjs = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
	const fonts = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
	return new Promise((resolve, reject) => {
		const worker = new Worker(PDF_WORKER, {
			eval: true,
			workerData: { bytes, pdfjs, fonts, maxPages: SCAN_PAGES_READ, scale: 200 / 72 },
			resourceLimits: { maxOldGenerationSizeMb: 512 },
		});
		const timer = setTimeout(() => {
			void worker.terminate();
			reject(new ScanReadError('timeout'));
		}, timeoutMs);
		worker.once('message', (message: { error?: string; pages: never[]; pageCount: number }) => {
			clearTimeout(timer);
			void worker.terminate();
			if (message.error) reject(new ScanReadError('unreadable', message.error));
			else resolve(message);
		});
		worker.once('error', (error) => {
			clearTimeout(timer);
			reject(new ScanReadError('unreadable', error.message));
		});
	});
}

/** Greyscale, at most 2500 px wide, PNG: what tesseract reads best and fastest; refuses what is no image. */
async function prepare(image: Buffer | Uint8Array): Promise<Buffer> {
	try {
		return await sharp(image, { failOn: 'error', limitInputPixels: 60_000_000 })
			.rotate()
			.flatten({ background: '#ffffff' })
			.greyscale()
			.resize({ width: 2500, height: 3500, fit: 'inside', withoutEnlargement: true })
			.png({ compressionLevel: 1 })
			.toBuffer();
	} catch (error) {
		throw new ScanReadError('unreadable', (error as Error).message);
	}
}

export class ScanReader {
	private idle: TesseractWorker[] = [];
	private started = 0;
	private waiting: ((worker: TesseractWorker | null) => void)[] = [];
	private closed = false;

	constructor(private readonly options: OcrOptions) {}

	/** Reads a letter's pages; throws ScanReadError when it cannot. */
	async read(bytes: Buffer, type: string): Promise<ScanReading> {
		const started = Date.now();
		const deadline = started + this.options.timeoutMs;
		let images: Buffer[] = [];
		const texts: (string | null)[] = [];
		let pageCount = 1;
		if (type === 'application/pdf') {
			const rendered = await renderPdf(bytes, this.options.timeoutMs);
			pageCount = rendered.pageCount;
			for (const page of rendered.pages) {
				if ('text' in page) texts.push(page.text);
				else {
					texts.push(null);
					images.push(await prepare(page.png));
				}
			}
		} else {
			texts.push(null);
			images = [await prepare(bytes)];
		}
		const confidences: number[] = [];
		const read: string[] = [];
		for (const text of texts) {
			if (text !== null) {
				read.push(text);
				continue;
			}
			const result = await this.recognize(images.shift()!, deadline - Date.now());
			confidences.push(result.confidence);
			read.push(result.text);
		}
		return {
			pages: read,
			pageCount,
			confidence:
				confidences.length > 0
					? Math.round(confidences.reduce((sum, value) => sum + value, 0) / confidences.length)
					: null,
			msPerPage: Math.round((Date.now() - started) / Math.max(1, read.length)),
		};
	}

	private async recognize(image: Buffer, timeoutMs: number): Promise<{ text: string; confidence: number }> {
		if (timeoutMs <= 0) throw new ScanReadError('timeout');
		const worker = await this.acquire();
		let timer: ReturnType<typeof setTimeout> | undefined;
		let timedOut = false;
		try {
			const result = await Promise.race([
				worker.recognize(image),
				new Promise<never>((_, reject) => {
					timer = setTimeout(() => {
						timedOut = true;
						reject(new ScanReadError('timeout'));
					}, timeoutMs);
				}),
			]);
			return { text: result.data.text, confidence: result.data.confidence };
		} catch (error) {
			if (error instanceof ScanReadError) throw error;
			throw new ScanReadError('unreadable', (error as Error).message);
		} finally {
			clearTimeout(timer);
			// a worker that overran is stopped; one that failed may be in any state: both are replaced
			if (timedOut) this.discard(worker);
			else this.release(worker);
		}
	}

	private async acquire(): Promise<TesseractWorker> {
		if (this.closed) throw new ScanReadError('busy');
		const ready = this.idle.pop();
		if (ready) return ready;
		if (this.started < this.options.workers) {
			this.started += 1;
			try {
				return await this.spawn();
			} catch (error) {
				this.started -= 1;
				throw new ScanReadError('unreadable', (error as Error).message);
			}
		}
		if (this.waiting.length >= this.options.queue) throw new ScanReadError('busy');
		const worker = await new Promise<TesseractWorker | null>((resolve) => this.waiting.push(resolve));
		if (worker) return worker;
		// the worker that was handed over was discarded: start a new one in its place
		return this.acquire();
	}

	private async spawn(): Promise<TesseractWorker> {
		const tesseract = require('tesseract.js') as {
			createWorker(langs: string[], oem: number, options: Record<string, unknown>): Promise<TesseractWorker>;
		};
		// OEM 1: LSTM only (the best_int models hold no legacy engine)
		return tesseract.createWorker(['fra', 'ara'], 1, {
			langPath: languageFolder(),
			gzip: true,
			cacheMethod: 'none',
			errorHandler: () => undefined,
		});
	}

	private release(worker: TesseractWorker) {
		const next = this.waiting.shift();
		if (next) next(worker);
		else this.idle.push(worker);
	}

	private discard(worker: TesseractWorker) {
		this.started -= 1;
		void worker.terminate().catch(() => undefined);
		const next = this.waiting.shift();
		if (next) next(null);
	}

	/** Stops every worker (tests, shutdown). */
	async close(): Promise<void> {
		this.closed = true;
		for (const resolve of this.waiting.splice(0)) resolve(null);
		await Promise.all(this.idle.splice(0).map((worker) => worker.terminate().catch(() => undefined)));
		this.started = 0;
	}
}
