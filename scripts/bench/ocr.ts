// OCR of paper mail (the desk's POST /desk/scans): time per page read by the
// same ScanReader the endpoint uses (tesseract.js in a worker thread, French +
// Arabic), on the committed noised scans. Baseline, in the same run: decoding
// the same file to greyscale pixels with sharp (what any image handling costs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ScanReader } from '../../extensions/casa-core/src/adapters/ocr/read-scan';
import { projectRoot } from '../../directus.config';

const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sharp = apiRequire('sharp') as any;

export interface OcrFigure {
	scan: string;
	pages: number;
	/** median over the runs, after one warm-up run */
	msPerPage: number;
	baselineMs: number;
	confidence: number | null;
}

const SCANS = [
	{ file: 'letter-fr.jpg', type: 'image/jpeg' },
	{ file: 'letter-ar.jpg', type: 'image/jpeg' },
	{ file: 'letter-ar-scan.pdf', type: 'application/pdf' },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureOcr(runs = 3): Promise<OcrFigure[]> {
	const reader = new ScanReader({ workers: 1, queue: 4, timeoutMs: 120_000 });
	const figures: OcrFigure[] = [];
	try {
		for (const scan of SCANS) {
			const bytes = readFileSync(join(projectRoot, 'tests/fixtures/scans', scan.file));
			const first = await reader.read(bytes, scan.type);
			const times: number[] = [];
			const baselines: number[] = [];
			for (let run = 0; run < runs; run += 1) {
				let started = performance.now();
				const reading = await reader.read(bytes, scan.type);
				times.push((performance.now() - started) / Math.max(1, reading.pages.length));
				started = performance.now();
				// a PDF's baseline is its rendered page: the OCR figure includes rendering, the baseline decodes an image of the same size
				await sharp(
					scan.type === 'application/pdf'
						? readFileSync(join(projectRoot, 'tests/fixtures/scans/letter-ar.jpg'))
						: bytes,
				)
					.greyscale()
					.raw()
					.toBuffer();
				baselines.push(performance.now() - started);
			}
			figures.push({
				scan: scan.file,
				pages: first.pages.length,
				msPerPage: Math.round(median(times)),
				baselineMs: Math.round(median(baselines) * 10) / 10,
				confidence: first.confidence,
			});
		}
	} finally {
		await reader.close();
	}
	return figures;
}
