// OCR of paper mail in a real browser: the registry-office agent chooses the
// paper-mail channel, attaches a scanned letter (the noised scans of
// tests/fixtures/scans, one in French and one in Arabic), and the letter's text
// fills the description to review; the French one is then saved with the scan
// as the complaint's attachment.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminToken, call, loginAs } from '../helpers/api';
import { launchChromium, logInToAdmin } from './chromium';

const SCANS = fileURLToPath(new URL('../fixtures/scans/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const base = () => inject('casa').url;
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const visible = (locator: Locator, timeout = 120_000) => locator.first().waitFor({ state: 'visible', timeout });

async function attach(page: Page, name: string) {
	await page.locator('input[name="desk-channel"][value="courrier"]').check();
	await visible(page.locator('#desk-scan'));
	const uploaded = page.waitForResponse(
		(response) => response.url().endsWith('/desk/scans') && response.request().method() === 'POST',
		{ timeout: 180_000 },
	);
	await page.locator('#desk-scan').setInputFiles(join(SCANS, name));
	const response = await uploaded;
	expect(response.status()).toBe(201);
	return (await response.json()).data;
}

// OCR is CPU-bound: on a shared 2-core machine a page can take tens of seconds
describe('OCR of paper mail at the desk', { timeout: 400_000 }, () => {
	it('fills the description from a scanned letter in French, then in Arabic', async () => {
		await loginAs('bureau-ordre');
		const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'fr-FR' });
		await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await logInToAdmin(page, 'bureau.ordre@casablanca.ma');
		await page.goto(`${base()}/admin/casa-desk`);
		await visible(page.locator('.casa-desk .leaflet-overlay-pane path'));

		// French: the text lands in the empty description, the agent is told to review it
		const french = await attach(page, 'letter-fr.jpg');
		expect(french.ocr).toBe('read');
		await visible(
			page.getByText(
				"Texte lu sur 1 page(s) (Français) et placé dans la description : relisez-le avant d'enregistrer.",
			),
		);
		const description = await page.locator('#desk-description').inputValue();
		expect(description).toContain("les ordures ménagères s'accumulent devant le numéro 14");
		expect(description).toContain('Karim Bennani');
		expect(await page.locator('#desk-language').inputValue()).toBe('fr');
		await page.locator('#desk-description').scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(SCREENSHOTS, 'desk-ocr-fr.png') });

		// the rest of the paper mail, then save: the scan is the complaint's attachment
		await page.locator('#desk-registry').fill(`BO-OCR-${Date.now().toString().slice(-6)}`);
		await page.locator('#desk-category').fill('conteneur plein');
		await visible(page.locator('#desk-category-list [role="option"]'));
		await page.locator('#desk-category').press('Enter');
		await page.locator('.casa-desk .map').focus();
		await page.keyboard.press('Enter');
		await visible(page.getByText(/Déduit du point/));
		const saved = page.waitForResponse(
			(response) => response.url().endsWith('/desk/complaints') && response.request().method() === 'POST',
		);
		await page.keyboard.press('Control+Enter');
		const response = await saved;
		expect(response.status()).toBe(201);
		const complaint = (await response.json()).data;
		const stored = (
			await call(
				'GET',
				`/items/complaints/${complaint.id}?fields=channel,description,files.kind,files.directus_files_id`,
				{ token: adminToken() },
			)
		).body.data;
		expect(stored.channel).toBe('courrier');
		expect(stored.description).toContain('Objet : dépôt sauvage de déchets rue Ibn Battouta');
		expect(stored.files).toEqual([{ kind: 'scan', directus_files_id: french.id }]);

		// Arabic, in a new entry: the Arabic letter's text, and the citizen's language follows the letter
		await page.getByRole('button', { name: 'Nouvelle saisie (Alt+N)' }).click();
		await visible(page.locator('#desk-search'));
		const arabic = await attach(page, 'letter-ar.jpg');
		expect(arabic).toMatchObject({ ocr: 'read', language: 'ar' });
		await visible(page.getByText('Texte lu sur 1 page(s) (Arabe)', { exact: false }));
		const arabicDescription = await page.locator('#desk-description').inputValue();
		expect(arabicDescription).toContain('تراكم الأزبال في شارع ابن بطوطة');
		expect(await page.locator('#desk-language').inputValue()).toBe('ar');

		// a description already typed is not overwritten: the agent may replace it with a button
		await page.locator('#desk-description').fill('Réclamation déjà saisie par l’agent');
		await attach(page, 'letter-ar-scan.pdf');
		await visible(page.getByText('La description est déjà remplie.', { exact: false }));
		expect(await page.locator('#desk-description').inputValue()).toBe('Réclamation déjà saisie par l’agent');
		await page.getByRole('button', { name: 'Remplacer la description par le texte lu' }).click();
		expect(await page.locator('#desk-description').inputValue()).toContain('تراكم الأزبال');
		expect(errors).toEqual([]);
		await context.close();
	});
});
