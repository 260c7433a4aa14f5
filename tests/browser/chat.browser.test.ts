// The portal's chat widget in Chromium: a complaint in Arabic (right to left)
// from the first question to the reference, the place picked on the map.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminToken, call } from '../helpers/api';
import { launchChromium } from './chromium';

const base = () => inject('casa').url;
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
let browser: Browser;

/** axe-core: no WCAG 2.0/2.1/2.2 A or AA violation */
async function expectAccessible(page: Page, label: string) {
	await page.evaluate(`${AXE_SOURCE}\n;void 0`);
	const violations = (await page.evaluate(
		`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) })))`,
	)) as unknown[];
	expect(violations, `axe violations on ${label}`).toEqual([]);
}

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe('chat widget', () => {
	it('takes a complaint in Arabic, right to left, with the place picked on the map', async () => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar-MA' });
		await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(`${base()}/portal/?lang=ar`);
		await page.getByRole('button', { name: 'الدردشة' }).click();
		await expect.poll(() => page.locator('.chat-line.bot').count(), { timeout: 20_000 }).toBeGreaterThan(1);
		expect(await page.locator('.casa-root').getAttribute('dir')).toBe('rtl');
		await expectAccessible(page, 'the first question');
		await page.getByRole('button', { name: 'النظافة', exact: true }).click();
		await page.getByRole('button', { name: 'حاوية ممتلئة أو فائضة' }).click();
		await page.getByLabel('رسالتكم').fill('الأزبال ما تجمعاتش هادي ثلاثة أيام');
		await page.getByRole('button', { name: 'إرسال', exact: true }).click();
		await page.locator('.chat-map').waitFor({ state: 'visible', timeout: 20_000 });
		const box = (await page.locator('.chat-map').boundingBox())!;
		// the default view is centred on the city centre, inside the commune
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		await page.screenshot({ path: `${SCREENSHOTS}chat-widget-ar.png` });
		await expectAccessible(page, 'the map question');
		await page.getByRole('button', { name: 'إرسال هذا الموقع' }).click();
		await page.getByRole('button', { name: 'تخطي' }).click();
		await page.getByRole('button', { name: 'نعم، سجل' }).click();
		const banner = page.locator('.chat .banner.ok');
		await banner.waitFor({ state: 'visible', timeout: 20_000 });
		const reference = /CAS-\d{4}-\d{6}/.exec((await banner.textContent()) ?? '')?.[0];
		expect(reference).toBeTruthy();
		const stored = await call(
			'GET',
			`/items/complaints?filter[reference][_eq]=${reference}&fields=channel,category,citizen_language`,
			{ token: adminToken() },
		);
		expect(stored.body.data[0]).toEqual({ channel: 'chat', category: 'PROP-02', citizen_language: 'ar' });
		await expectAccessible(page, 'the reference');
		expect(errors).toEqual([]);
		await context.close();
	});
});
