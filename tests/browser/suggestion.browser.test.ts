// The category suggestion in the citizens' web app (Debian's Chromium through
// playwright-core, real Directus): as a citizen types Darija in Latin or Arabic
// script in the category search of a phone-sized page, household waste comes
// first, and it can be chosen to go on.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';

const PHONE = { width: 390, height: 800 };
const base = () => inject('casa').url;
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function open(lang: 'fr' | 'ar'): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
	const context = await browser.newContext({ viewport: PHONE, locale: lang === 'fr' ? 'fr-FR' : 'ar-MA' });
	await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${base()}/portal/?lang=${lang}`);
	await page.locator('.service-grid .choice').first().waitFor({ state: 'visible', timeout: 30_000 });
	return { page, errors, close: () => context.close() };
}

const firstResult = (page: Page) =>
	page.locator('.category-step fieldset.choices .choice-category .choice-title').first();

describe('category search with the suggestion', () => {
	const cases = [
		{ lang: 'fr', search: 'Rechercher une catégorie', typed: 'zbel', label: 'Ordures ménagères non collectées' },
		{ lang: 'ar', search: 'البحث عن صنف', typed: 'زبل', label: 'عدم جمع النفايات المنزلية' },
		{
			lang: 'fr',
			search: 'Rechercher une catégorie',
			typed: 'زبل ما تجمعش',
			label: 'Ordures ménagères non collectées',
		},
		{ lang: 'ar', search: 'البحث عن صنف', typed: 'zbel ma t3ayetch', label: 'عدم جمع النفايات المنزلية' },
	] as const;

	for (const { lang, search, typed, label } of cases) {
		it(`puts household waste first when a citizen types « ${typed} » (page in ${lang})`, async () => {
			const { page, errors, close } = await open(lang);
			const answered = page.waitForResponse(
				(response) => response.url().includes('/portal/api/categories/suggest') && response.status() === 200,
			);
			// typed key by key, as a citizen would
			await page.getByLabel(search).pressSequentially(typed, { delay: 40 });
			await answered;
			await expect
				.poll(async () => ((await firstResult(page).textContent()) ?? '').trim(), { timeout: 10_000 })
				.toBe(label);
			await page.getByLabel(label).first().check();
			expect(await page.getByLabel(label).first().isChecked()).toBe(true);
			expect(await page.evaluate(() => document.documentElement.dir || getComputedStyle(document.body).direction)).toBe(
				lang === 'ar' ? 'rtl' : 'ltr',
			);
			expect(errors).toEqual([]);
			await close();
		});
	}
});
