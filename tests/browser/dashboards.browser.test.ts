// The seeded Insights dashboards in a real browser (Debian's Chromium through
// playwright-core) against a real Directus with the demo data: the mayor, with
// the Arabic interface, opens the elected officials' dashboard (right to left,
// the monthly figures and league table in Arabic); the service head opens their
// service's dashboard in French. Screenshots for the README.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DASHBOARD_IDS } from '../../extensions/casa-core/src/domain/dashboards/dashboards';
import { adminToken, adminUser, call, loginAs } from '../helpers/api';
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

const visible = (locator: Locator, timeout = 30_000) => locator.first().waitFor({ state: 'visible', timeout });

async function openDashboard(
	email: string,
	dashboard: string,
	locale: string,
	ready: string,
): Promise<{ page: Page; errors: string[] }> {
	const context = await browser.newContext({ viewport: { width: 1600, height: 1500 }, locale });
	await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	// a panel whose query the API refuses shows an error dialog: fail on it
	page.on('response', async (response) => {
		if (/\/graphql|\/insights\/|\/reports\//.test(response.url()) && response.status() >= 400)
			errors.push(`${response.status()} ${response.url()} ${await response.text().catch(() => '')}`);
	});
	await logInToAdmin(page, email);
	await page.goto(`${base()}/admin/insights/${dashboard}`);
	await visible(page.locator(ready));
	// let the other panels load their data
	await page.waitForLoadState('networkidle').catch(() => {});
	await page.waitForTimeout(1500);
	return { page, errors };
}

describe('dashboards in the admin app', () => {
	it('the mayor reads the elected officials’ dashboard in Arabic, right to left', async () => {
		await loginAs('maire');
		const mayor = await adminUser('maire@casablanca.ma');
		await call('PATCH', `/users/${mayor.id}`, { token: adminToken(), body: { language: 'ar-SA' } });
		try {
			const { page, errors } = await openDashboard(
				'maire@casablanca.ma',
				DASHBOARD_IDS.elected,
				'ar-MA',
				'.casa-figures .card .value',
			);
			expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
			await visible(page.getByText('ترتيب المقاطعات'));
			await visible(page.locator('.leaflet-overlay-pane path'));
			expect(await page.locator('.casa-figures[dir="rtl"]').count()).toBeGreaterThan(0);
			expect(await page.locator('.casa-figures table tbody tr').count()).toBeGreaterThanOrEqual(16);
			const text = await page.locator('body').innerText();
			expect(text).not.toMatch(/\+2126|@gmail|@casablanca\.ma/);
			expect(await page.getByText('GRAPHQL_VALIDATION').count()).toBe(0);
			await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-mayor-ar.png'), fullPage: false });
			expect(errors).toEqual([]);
			await page.context().close();
		} finally {
			await call('PATCH', `/users/${mayor.id}`, { token: adminToken(), body: { language: 'fr-FR' } });
		}
	});

	it('the service head reads their service’s dashboard in French', async () => {
		await loginAs('chef-service');
		const { page, errors } = await openDashboard(
			'chef.proprete@casablanca.ma',
			DASHBOARD_IDS.service,
			'fr-FR',
			'.casa-indicator',
		);
		await visible(page.getByText('Stock par statut'));
		await visible(page.getByText('Stock par agent'));
		// the figure panels read /insights/indicator and show their figures with labels, never raw keys
		await visible(page.locator('.casa-indicator .count'));
		await visible(page.locator('.casa-indicator .breakdown li'));
		expect(await page.locator('.casa-indicator .breakdown').first().innerText()).not.toMatch(
			/\b(in_progress|waiting_citizen|assigned)\b/,
		);
		// the custom panels drew: the map's boundaries and the SLA bars
		await visible(page.locator('.leaflet-overlay-pane path'));
		await visible(page.locator('.casa-sla'));
		expect(await page.getByText('GRAPHQL_VALIDATION').count()).toBe(0);
		await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-service-head-fr.png'), fullPage: false });
		expect(errors).toEqual([]);
		await page.context().close();
	});
});
