// OCR of paper mail at the desk: real scans (tests/fixtures/scans, made by
// make-scans.mjs from letters rendered with Debian's Noto fonts, rotated,
// blurred and grained) read by tesseract.js with the French and Arabic data
// from npm; the text comes back to pre-fill the description and the scan
// becomes the complaint's attachment, byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, loginAs, platform } from '../helpers/api';

const SCANS = join(import.meta.dirname, '../fixtures/scans');
let agent: string;

async function send(name: string, type: string, fields: Record<string, string> = {}, token: string | null = agent) {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) form.append(key, value);
	// a fixture's name, or the bytes of a file that is not one
	const fixture = name.startsWith('letter-');
	const bytes = fixture ? readFileSync(join(SCANS, name)) : Buffer.from(name);
	form.append('file', new Blob([bytes], { type }), fixture ? name : 'lettre.pdf');
	const response = await fetch(`${platform().url}/desk/scans`, {
		method: 'POST',
		headers: token ? { authorization: `Bearer ${token}` } : {},
		body: form,
	});
	return { status: response.status, body: await response.json(), bytes };
}

beforeAll(async () => {
	agent = await loginAs('bureau-ordre');
});

// OCR is CPU-bound: on a shared 2-core machine a page can take tens of seconds
describe('OCR of a scanned letter at the desk', { timeout: 180_000 }, () => {
	it('reads a French letter (JPEG) and gives a description to review', async () => {
		const { status, body } = await send('letter-fr.jpg', 'image/jpeg');
		expect(status).toBe(201);
		expect(body.data).toMatchObject({ ocr: 'read', language: 'fr', pages_read: 1, page_count: 1 });
		const text: string = body.data.text;
		for (const words of [
			'Objet : dépôt sauvage de déchets rue Ibn Battouta',
			"les ordures ménagères s'accumulent devant le numéro 14",
			'Hay Hassani',
			'Karim Bennani',
		])
			expect(text).toContain(words);
		// lines broken by the page are joined again: one sentence, one line
		expect(text.split('\n')).toContain('Je vous prie de bien vouloir faire enlever ces déchets rapidement.');
		expect(body.data.confidence).toBeGreaterThan(70);
		// the category is suggested from the letter's words: waste in the street is the cleanliness service's
		expect(body.data.suggested?.[0]?.code, JSON.stringify(body.data.suggested)).toMatch(/^PROP-/);
		expect(body.data.ms_per_page).toBeGreaterThan(0);
	});

	it('reads an Arabic letter (JPEG)', async () => {
		const { status, body } = await send('letter-ar.jpg', 'image/jpeg', { lang: 'ar' });
		expect(status).toBe(201);
		expect(body.data).toMatchObject({ ocr: 'read', language: 'ar', pages_read: 1 });
		for (const words of ['الموضوع: تراكم الأزبال في شارع ابن بطوطة', 'فاطمة الزهراء العلوي', 'الروائح لا تطاق'])
			expect(body.data.text).toContain(words);
		expect(body.data.suggested?.[0]?.code, JSON.stringify(body.data.suggested)).toMatch(/^PROP-/);
	});

	it("renders an image-only PDF (a scanner's PDF) and reads its page; the scan is stored as it came", async () => {
		const { status, body, bytes } = await send('letter-ar-scan.pdf', 'application/pdf');
		expect(status).toBe(201);
		expect(body.data).toMatchObject({ ocr: 'read', language: 'ar', pages_read: 1, page_count: 1 });
		expect(body.data.text).toContain('تراكم الأزبال في شارع ابن بطوطة');
		const file = await call('GET', `/files/${body.data.id}?fields=type,filesize,uploaded_by`, { token: adminToken() });
		expect(file.body.data.type).toBe('application/pdf');
		// PostgreSQL answers a bigint as a string
		expect(Number(file.body.data.filesize)).toBe(bytes.length);
		const stored = await fetch(`${platform().url}/assets/${body.data.id}?access_token=${adminToken()}`);
		expect(Buffer.from(await stored.arrayBuffer()).equals(bytes)).toBe(true);
	});

	it("keeps the scan and says so in the agent's language when the file cannot be read", async () => {
		const { status, body } = await send('%PDF-1.4 pas vraiment un PDF', 'application/pdf', { lang: 'ar' });
		expect(status).toBe(201);
		expect(body.data.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(body.data).toMatchObject({ ocr: 'unreadable', text: null });
		expect(body.data.message).toBe('تعذرت القراءة الآلية لهذا الملف: أُرفقت المراسلة، اكتب الوصف.');
	});

	it('stores without reading when asked (ocr=0)', async () => {
		const { status, body } = await send('letter-fr.jpg', 'image/jpeg', { ocr: '0' });
		expect(status).toBe(201);
		expect(body.data).toMatchObject({ ocr: 'skipped', text: null, pages_read: 0 });
	});

	it('refuses what is not a letter and callers who are not at the desk', async () => {
		const html = await send('<html>lettre</html>', 'application/pdf');
		expect(html.status).toBe(400);
		expect(html.body.errors[0].extensions).toMatchObject({ field: 'scan' });
		const anonymous = await send('letter-fr.jpg', 'image/jpeg', {}, null);
		expect(anonymous.status).toBe(403);
	});

	it('stays responsive while it reads: a request sent during an OCR is answered before the page is read', async () => {
		let read = false;
		const reading = send('letter-fr.jpg', 'image/jpeg').then((result) => {
			read = true;
			return result;
		});
		await new Promise((resolve) => setTimeout(resolve, 150));
		const ping = await call('GET', '/server/ping');
		expect(ping.status).toBe(200);
		// the OCR runs in a worker thread: the main thread answered while the page was still being read
		expect(read).toBe(false);
		expect((await reading).body.data.ocr).toBe('read');
	});
});
