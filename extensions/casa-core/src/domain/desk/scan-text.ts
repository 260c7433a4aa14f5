// What the desk does with the text read from a scanned letter (OCR): plain rules,
// no OCR engine here (adapters/ocr reads the pixels). The text only pre-fills the
// description: the agent reads the letter and corrects it before saving.
import { TEXT_LIMITS } from '../complaint/vocabulary';

/** The description's limit (domain/complaint/vocabulary.ts). */
export const DESCRIPTION_LIMIT: number = TEXT_LIMITS.description;
/** Pages of a PDF that are read: a complaint letter is one or two pages; the rest stays in the attachment. */
export const SCAN_PAGES_READ = 2;

export type ScanLanguage = 'fr' | 'ar';

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

/** The language a letter is written in, by script: Arabic letters outnumbering Latin ones make it Arabic. */
export function scanLanguage(text: string): ScanLanguage | null {
	const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
	const latin = text.match(LATIN_LETTER)?.length ?? 0;
	if (arabic + latin < 3) return null;
	return arabic > latin ? 'ar' : 'fr';
}

/**
 * The OCR's raw text made into a description: a line the scanner broke inside a
 * sentence (the next one starts with a small letter or a digit, the previous one
 * ends without punctuation) joined again, blank lines and spaces collapsed, lines
 * of noise with no letter or digit dropped, one line break between lines and
 * pages, cut at the description's limit on a word boundary.
 */
export function descriptionFromScan(pages: string[], limit = DESCRIPTION_LIMIT): string {
	const lines: string[] = [];
	for (const page of pages) {
		let joinable = false;
		for (const raw of page.replace(/\r\n?/g, '\n').split('\n')) {
			const line = raw.replace(/[\t\u00A0 ]+/g, ' ').trim();
			if (!line) {
				joinable = false;
				continue;
			}
			if (!/[\p{L}\p{N}]/u.test(line)) continue;
			if (joinable && /^[\p{Ll}\p{N}]/u.test(line)) lines[lines.length - 1] += ` ${line}`;
			else lines.push(line);
			joinable = !/[.!?:;,؟،؛]$/u.test(line);
		}
	}
	const text = lines.join('\n').trim();
	if (text.length <= limit) return text;
	const cut = text.slice(0, limit);
	const space = cut.search(/\s\S*$/);
	return (space > limit * 0.8 ? cut.slice(0, space) : cut).trimEnd();
}

/** The type of a scanned letter from its first bytes (what the client declares is not trusted). */
export function scanType(bytes: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp' | null {
	const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
	if (ascii(0, 5) === '%PDF-') return 'application/pdf';
	if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
	if (ascii(1, 4) === 'PNG') return 'image/png';
	if (ascii(8, 12) === 'WEBP') return 'image/webp';
	return null;
}
