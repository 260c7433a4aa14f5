// The registry-office desk in a real browser (Debian's Chromium through
// playwright-core) against a real Directus: the demo registry-office agent logs
// into the admin app, records a phone complaint with the keyboard only, opens
// the receipt, which prints as A4 in Arabic. Screenshots for the README.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminToken, call, loginAs, CONTACT_FIELDS, withCitizen } from '../helpers/api';
import { launchChromium, logInToAdmin } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const base = () => inject('casa').url;
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const visible = (locator: Locator, timeout = 20_000) => locator.first().waitFor({ state: 'visible', timeout });
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

function watchErrors(page: Page, errors: string[] = []): string[] {
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	return errors;
}

describe('the registry-office desk', () => {
	it('records a phone complaint with the keyboard only, then prints the receipt in Arabic on A4', async () => {
		// Core has 3 seats: make sure the demo agent is one of the active accounts
		await loginAs('bureau-ordre');
		const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'fr-FR' });
		// no network beyond localhost: map tiles fail, the arrondissement boundaries still draw
		await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
		const page = await context.newPage();
		const errors = watchErrors(page);

		await logInToAdmin(page, 'bureau.ordre@casablanca.ma');

		// the module is in the agent's module bar
		await visible(page.locator('a[href$="/admin/casa-desk"]'));
		await page.goto(`${base()}/admin/casa-desk`);
		await visible(page.locator('.casa-desk .leaflet-overlay-pane path'));
		expect(await page.locator('.casa-desk .leaflet-overlay-pane path').count()).toBeGreaterThanOrEqual(16);

		// 1. the search has focus: the caller's number shows their earlier complaints
		await expect.poll(() => activeId(page)).toBe('desk-search');
		const digits = String(Date.now()).slice(-8);
		await page.keyboard.type(`06${digits}`);
		await visible(page.getByText('Aucune réclamation précédente.'));

		// 2. channel: Alt+1 is the phone; then the category, found without its accents, picked with Enter
		await page.keyboard.press('Alt+1');
		expect(await page.locator('input[name="desk-channel"][value="phone"]').isChecked()).toBe(true);
		await page.locator('#desk-category').focus();
		await page.keyboard.type('conteneur plein');
		await visible(page.locator('#desk-category-list [role="option"]'));
		await page.keyboard.press('Enter');
		// Enter picked it and moved on to the description
		await expect.poll(() => activeId(page)).toBe('desk-description');
		await page.keyboard.type('Conteneur plein depuis trois jours devant l’école primaire');

		// 3. contact: the number typed in the search is already there
		await page.keyboard.press('Tab');
		await page.keyboard.type('Fatima Zahra Alaoui');
		await page.keyboard.press('Tab');
		expect(await page.locator('#desk-phone').inputValue()).toBe(`06${digits}`);
		await page.keyboard.press('Tab'); // e-mail
		await page.keyboard.press('Tab'); // receipt language
		await page.keyboard.press('Tab'); // consent
		await expect.poll(() => activeId(page)).toBe('desk-consent');
		await page.keyboard.press('Space');

		// 4. location: the address, then the map: Enter puts the pin at the centre, arrows move it
		await page.keyboard.press('Tab');
		await expect.poll(() => activeId(page)).toBe('desk-address');
		await page.keyboard.type('Boulevard Hassan II, devant l’école');
		await page.keyboard.press('Tab'); // arrondissement
		await page.keyboard.press('Tab'); // map
		expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('application');
		await page.keyboard.press('Enter');
		await visible(page.getByText(/Déduit du point/));
		expect(await page.locator('#desk-arrondissement').inputValue()).not.toBe('');
		await page.screenshot({ path: join(SCREENSHOTS, 'desk-fr.png'), fullPage: false });

		// 5. Ctrl+Enter saves
		const saved = page.waitForResponse(
			(response) => response.url().endsWith('/desk/complaints') && response.request().method() === 'POST',
		);
		await page.keyboard.press('Control+Enter');
		const response = await saved;
		expect(response.status()).toBe(201);
		const complaint = (await response.json()).data;
		await visible(page.getByRole('heading', { name: `Réclamation ${complaint.reference} enregistrée.` }));
		// focus moved to the confirmation, the receipt preview loads in the page
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
		const frame = page.frameLocator('iframe.receipt');
		await visible(frame.getByText(complaint.reference).first());

		const stored = withCitizen(
			(
				await call(
					'GET',
					`/items/complaints/${complaint.id}?fields=channel,arrondissement,user_created.email,history.type,${CONTACT_FIELDS}`,
					{ token: adminToken() },
				)
			).body.data,
		);
		expect(stored).toMatchObject({
			channel: 'phone',
			citizen_phone: `+2126${digits}`,
			citizen_name: 'Fatima Zahra Alaoui',
			user_created: { email: 'bureau.ordre@casablanca.ma' },
		});
		expect(stored.arrondissement).not.toBeNull();
		expect(stored.history.map((event: { type: string }) => event.type)).toEqual(['created']);

		// 6. the receipt in Arabic, on its own page (the session cookie authenticates it)
		const receipt = await context.newPage();
		watchErrors(receipt, errors);
		await receipt.goto(`${base()}/desk/receipts/${complaint.id}?lang=ar`);
		await expect
			.poll(() => receipt.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join()))
			.toBe('ar,rtl');
		await visible(receipt.getByRole('heading', { name: 'وصل إيداع شكاية' }));
		expect(await receipt.locator('.qr svg').count()).toBe(1);
		// Arabic is laid out right to left: the label column is on the right
		const [th, td] = await Promise.all([
			receipt.locator('th').first().boundingBox(),
			receipt.locator('td').first().boundingBox(),
		]);
		expect(th!.x).toBeGreaterThan(td!.x);
		await receipt.setViewportSize({ width: 900, height: 1300 });
		await receipt.screenshot({ path: join(SCREENSHOTS, 'desk-receipt-ar.png'), fullPage: true });
		const pdfDir = join(tmpdir(), 'casa-desk');
		mkdirSync(pdfDir, { recursive: true });
		const pdf = await receipt.pdf({
			path: join(pdfDir, 'receipt-ar.pdf'),
			format: 'A4',
			printBackground: true,
			preferCSSPageSize: true,
		});
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		// one A4 page (the page tree counts its pages)
		expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});
});
