// The officials' first screens (élu, mayor, director general) in a real
// browser (Debian's Chromium through playwright-core) against a real Directus
// with the demo data: each lands on its figures after login, on a 390-px phone
// and a 1440-px desktop, in French and in Arabic; nothing is clipped (no
// horizontal scroll, no panel content outside its panel, nothing under the
// app's side panel), no translation key nor English string shows, one digit
// system; the map at city scale shows the late complaints the data has. Then
// the public page of the city's figures. Screenshots for the README.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OPEN_STATUSES } from '../../extensions/casa-core/src/domain/workflow/transitions';
import { databaseConnection } from '../../scripts/provision/demo-data';
import { adminToken, adminUser, call, loginAs, platform } from '../helpers/api';
import { launchChromium, logInToAdmin } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const base = () => inject('casa').url;
let browser: Browser;
let lateOnMap = 0;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

beforeAll(async () => {
	browser = await launchChromium();
	// the demo data's open complaints past their deadline (the SLA sweep marks them; some for sure)
	const knex = databaseConnection(platform().config);
	try {
		const open = await knex('complaints')
			.whereIn('status', OPEN_STATUSES as string[])
			.whereNotNull('latitude')
			.select('id')
			.orderBy('id')
			.limit(12);
		await knex('complaints')
			.whereIn(
				'id',
				open.slice(0, 5).map((row) => row.id),
			)
			// really past their deadline, with nothing left for the SLA sweep (a flow every five minutes) to recompute:
			// marked breached alone, the sweep put one back on track in the middle of a run
			.update({
				sla_state: 'breached',
				resolve_due_at:
					platform().database === 'pg' ? new Date(Date.now() - 3 * 86_400_000) : Date.now() - 3 * 86_400_000,
				sla_next_check_at: null,
			});
		const row = await knex('complaints')
			.whereIn('status', OPEN_STATUSES as string[])
			.whereNotNull('latitude')
			.whereNotNull('longitude')
			.where('sla_state', 'breached')
			.count({ count: '*' })
			.first();
		lateOnMap = Number(row?.count ?? 0);
	} finally {
		await knex.destroy();
	}
});
afterAll(async () => {
	await browser?.close();
});

async function open(
	email: string,
	viewport: { width: number; height: number },
	mobile: boolean,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
	const context = await browser.newContext({
		viewport,
		locale: 'fr-FR',
		...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
	});
	await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	page.on('response', (response) => {
		if (/\/(officials|insights|workspace)\//.test(response.url()) && response.status() >= 400)
			errors.push(`${response.status()} ${response.url()}`);
	});
	await logInToAdmin(page, email).catch(() => logInToAdmin(page, email));
	return { context, page, errors };
}

/** Everything clipped: horizontal scroll, content outside its panel, panels outside the viewport or under the app's side panel. */
async function clipped(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		const width = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth > width + 1)
			out.push(`document ${document.documentElement.scrollWidth} > ${width}`);
		const root = document.querySelector<HTMLElement>('.casa-workspace.officials');
		if (!root) return ['no officials screen'];
		const rootBox = root.getBoundingClientRect();
		const sidebar = document.querySelector<HTMLElement>('#sidebar, aside.sidebar');
		if (sidebar) {
			const side = sidebar.getBoundingClientRect();
			const overlay = getComputedStyle(sidebar).position === 'fixed';
			if (side.width > 0 && !overlay && side.left < rootBox.right - 1 && side.right > rootBox.left + 1)
				out.push(`side panel ${Math.round(side.left)} over content ending ${Math.round(rootBox.right)}`);
		}
		const name = (element: Element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`;
		for (const panel of Array.from(root.querySelectorAll<HTMLElement>('.block, .kpi, .filters fieldset'))) {
			const box = panel.getBoundingClientRect();
			if (box.left < -1 || box.right > width + 1)
				out.push(`${name(panel)} outside the viewport ${Math.round(box.left)}…${Math.round(box.right)}`);
			for (const child of Array.from(panel.querySelectorAll<HTMLElement>('*'))) {
				if (child.closest('.leaflet-container') && !child.classList.contains('leaflet-container')) continue;
				if (child.closest('.sr-only')) continue;
				const inner = child.getBoundingClientRect();
				if (inner.width === 0 || inner.height === 0) continue;
				if (inner.left < box.left - 1 || inner.right > box.right + 1)
					out.push(
						`${name(child)} "${(child.textContent ?? '').trim().slice(0, 30)}" in ${name(child.parentElement!)} < ${name(child.parentElement!.parentElement!)} ${Math.round(inner.left)}…${Math.round(inner.right)} outside ${name(panel)} ${Math.round(box.left)}…${Math.round(box.right)}`,
					);
				// text cut by its own box (overflow hidden) counts as clipped too
				if (
					child.scrollWidth > child.clientWidth + 1 &&
					getComputedStyle(child).overflowX === 'hidden' &&
					child.children.length === 0
				)
					out.push(`${name(child)} text cut (${child.scrollWidth} > ${child.clientWidth})`);
			}
		}
		return [...new Set(out)].slice(0, 12);
	});
}

async function screenText(page: Page): Promise<string> {
	return page.evaluate(() =>
		Array.from(document.querySelectorAll<HTMLElement>('.casa-workspace, .casa-workspace-nav, header .title'))
			.map((element) => element.innerText)
			.join('\n'),
	);
}

const KEY_PATTERN = /\b[a-z_]+\.[a-z_]+\.[a-z_.]+\b/;
const ENGLISH =
	/\b(Loading|Search|Notifications|No items|Untitled|Unknown|Error|Forbidden|Unauthorized|Something went wrong|Save|Cancel|Back|Settings|Collection|Item|Page not found|You don't have|Filter|Sort|Previous|Next|Received|Open|Late|Median|days)\b/;

function textProblems(text: string, language: 'fr' | 'ar'): string[] {
	const problems: string[] = [];
	for (const line of text.split('\n')) {
		if (KEY_PATTERN.test(line)) problems.push(`key? ${line}`);
		if (ENGLISH.test(line)) problems.push(`English? ${line}`);
		// one digit system: Latin digits in both languages
		if (/[٠-٩]/.test(line)) problems.push(`Arabic-Indic digits? ${line}`);
	}
	if (language === 'ar') {
		// the month names of Morocco, never the Levantine or Egyptian ones side by side
		if (/كانون|تشرين|حزيران|آذار|أيار|تموز|آب|أيلول/.test(text)) problems.push('Levantine month names');
		if (/أغسطس|سبتمبر|نوفمبر|ديسمبر|مايو|يوليو(?!ز)/.test(text)) problems.push('Egyptian month names');
	}
	return problems;
}

const OFFICIALS = [
	{ key: 'elu', email: 'elu@casablanca.ma', first: { fr: 'Hay Hassani', ar: 'الحي الحسني' } },
	{ key: 'maire', email: 'maire@casablanca.ma', first: { fr: 'Ville de Casablanca', ar: 'مدينة الدار البيضاء' } },
	{ key: 'dgs', email: 'dgs@casablanca.ma', first: { fr: 'Ville de Casablanca', ar: 'مدينة الدار البيضاء' } },
] as const;

describe('the officials’ first screens', () => {
	for (const official of OFFICIALS)
		for (const language of ['fr', 'ar'] as const)
			it(`${official.key} in ${language}, on a phone and a desktop`, async () => {
				const user = await adminUser(official.email);
				await call('PATCH', `/users/${user.id}`, {
					token: adminToken(),
					body: { language: language === 'ar' ? 'ar-SA' : 'fr-FR' },
				});
				await loginAs(official.key);
				for (const [viewport, mobile] of [
					[PHONE, true],
					[DESKTOP, false],
				] as const) {
					const { context, page, errors } = await open(official.email, viewport, mobile);
					try {
						await page.waitForURL(/\/admin\/casa-workspace\/figures/, { timeout: 30_000 });
						const screen = page.locator('.casa-workspace.officials');
						await screen.locator('.kpis').first().waitFor({ state: 'visible', timeout: 60_000 });
						expect(await screen.getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
						// the first block is the élu's arrondissement, else the city
						await expect
							.poll(() => screen.locator('.block h2').first().innerText())
							.toContain(official.first[language]);
						// the map at city scale shows the late complaints the data has
						await expect.poll(() => page.locator('.officials-pie').count(), { timeout: 30_000 }).toBeGreaterThan(0);
						const late = await page
							.locator('.officials-pie')
							.evaluateAll((pies) =>
								pies.reduce((sum, pie) => sum + Number((pie as HTMLElement).dataset.late ?? 0), 0),
							);
						expect(late).toBe(lateOnMap);
						expect(lateOnMap).toBeGreaterThan(0);
						// a pie with late complaints is partly red whatever the majority
						const red = await page.locator('.officials-pie:not([data-late="0"])').first().getAttribute('style');
						expect(red).toMatch(/conic-gradient\(#b91c1c 0deg [1-9]\d*deg/);
						// all sections open for the check: categories too
						await page.evaluate(() =>
							document
								.querySelectorAll('.casa-workspace details')
								.forEach((element) => ((element as HTMLDetailsElement).open = true)),
						);
						expect(await clipped(page), `${official.key} ${language} ${viewport.width}`).toEqual([]);
						expect(
							textProblems(await screenText(page), language),
							`${official.key} ${language} ${viewport.width}`,
						).toEqual([]);
						if (official.key === 'dgs') await screen.locator('#legal-title').waitFor({ state: 'visible' });
						if (official.key === 'maire') await screen.locator('#prefectures-title').waitFor({ state: 'visible' });
						await page.evaluate(() =>
							document
								.querySelectorAll('.casa-workspace details')
								.forEach((element) => ((element as HTMLDetailsElement).open = false)),
						);
						if (official.key === 'maire' && language === 'ar' && mobile)
							await page.screenshot({ path: join(SCREENSHOTS, 'officials-mayor-phone-ar.png') });
						if (official.key === 'elu' && language === 'fr' && !mobile)
							await page.screenshot({ path: join(SCREENSHOTS, 'officials-elu-fr.png') });
						expect(errors).toEqual([]);
					} finally {
						await context.close();
					}
				}
			}, 300_000);
});

describe('the public page of the city’s figures', () => {
	it('reads on a phone and a desktop, in both languages, with the downloads and the licence', async () => {
		for (const [viewport, mobile] of [
			[PHONE, true],
			[DESKTOP, false],
		] as const)
			for (const language of ['fr', 'ar'] as const) {
				const context = await browser.newContext({
					viewport,
					...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
				});
				try {
					const page = await context.newPage();
					const response = await page.goto(`${base()}/portal/chiffres?lang=${language}`);
					expect(response?.status()).toBe(200);
					await page.locator('table#by-month').waitFor({ state: 'visible' });
					expect(
						await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
					).toBeLessThanOrEqual(0);
					const text = await page.locator('body').innerText();
					expect(text).toMatch(/Licence Ouverte/);
					expect(text).not.toMatch(/officials\.public|[٠-٩]/);
					await page.locator('a[href^="chiffres.csv"]').waitFor({ state: 'visible' });
					if (language === 'fr' && !mobile) await page.screenshot({ path: join(SCREENSHOTS, 'public-figures-fr.png') });
					if (language === 'ar' && mobile)
						await page.screenshot({ path: join(SCREENSHOTS, 'public-figures-phone-ar.png'), fullPage: false });
					// for an iframe on another site: no page header, the same tables
					await page.goto(`${base()}/portal/chiffres?lang=${language}&embed=1`);
					await page.locator('table#by-month').waitFor({ state: 'visible' });
					expect(await page.locator('header').count()).toBe(0);
				} finally {
					await context.close();
				}
			}
	}, 120_000);
});
