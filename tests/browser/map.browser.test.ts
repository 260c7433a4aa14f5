// The Insights map in a real browser (Debian's Chromium through playwright-core)
// against a real Directus: the director general opens a dashboard holding the
// casa-map and casa-sla panels, zoomed in on central Casablanca with no map
// tiles (no network beyond localhost): the arrondissement boundaries and the
// clusters still draw; zooming asks the endpoint again; a single complaint
// opens its page. Screenshot for the README.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminToken, adminUser, call, loginAs } from '../helpers/api';

/** The screen's language is the user's: set it, other test files change it (tests/browser/officials.browser.test.ts). */
async function speak(email: string, language: 'fr-FR' | 'ar-SA') {
	const user = await adminUser(email);
	expect((await call('PATCH', `/users/${user.id}`, { token: adminToken(), body: { language } })).status).toBe(200);
}
import { launchChromium, logInToAdmin } from './chromium';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const base = () => inject('casa').url;
let browser: Browser;
let dashboard = '';
let mapPanel = '';

beforeAll(async () => {
	browser = await launchChromium();
	// the role dashboards come from provisioning when present; this test brings its own
	const created = await call('POST', '/dashboards', {
		token: adminToken(),
		body: { name: `Carte (test ${Date.now()})`, icon: 'map' },
	});
	expect(created.status).toBe(200);
	dashboard = created.body.data.id;
	const panels = [
		{
			type: 'casa-map',
			name: 'Carte des réclamations',
			icon: 'map',
			position_x: 1,
			position_y: 1,
			width: 46,
			height: 30,
			show_header: true,
			options: {
				colour: 'status',
				mode: 'clusters',
				center: '33.5930,-7.6150',
				zoom: 14,
				from: '',
				service: '{{service}}',
			},
		},
		{
			type: 'casa-sla',
			name: 'Délais',
			icon: 'timer',
			position_x: 1,
			position_y: 36,
			width: 46,
			height: 14,
			show_header: true,
			options: { target: 80 },
		},
	];
	for (const panel of panels) {
		const response = await call('POST', '/panels', { token: adminToken(), body: { ...panel, dashboard } });
		expect(response.status).toBe(200);
		if (panel.type === 'casa-map') mapPanel = response.body.data.id;
	}
});

afterAll(async () => {
	await browser?.close();
	if (dashboard) await call('DELETE', `/dashboards/${dashboard}`, { token: adminToken() });
});

/**
 * Staff see the dashboards of their role and those they created (hooks/dashboards):
 * the test's dashboard is handed to the user who opens it, as if they had made it.
 */
async function handOver(email: string) {
	const users = await call('GET', `/users?filter[email][_eq]=${encodeURIComponent(email)}&fields=id`, {
		token: adminToken(),
	});
	const user = users.body.data[0].id as string;
	expect(
		(await call('PATCH', `/dashboards/${dashboard}`, { token: adminToken(), body: { user_created: user } })).status,
	).toBe(200);
	const panels = await call('GET', `/panels?filter[dashboard][_eq]=${dashboard}&fields=id`, { token: adminToken() });
	for (const panel of panels.body.data as { id: string }[])
		expect(
			(await call('PATCH', `/panels/${panel.id}`, { token: adminToken(), body: { user_created: user } })).status,
		).toBe(200);
}

const visible = (locator: Locator, timeout = 20_000) => locator.first().waitFor({ state: 'visible', timeout });

describe('the map of complaints on an Insights dashboard', () => {
	it('shows clusters and boundaries zoomed in on central Casablanca without tiles, refreshes on zoom, opens a complaint', async () => {
		await speak('dgs@casablanca.ma', 'fr-FR');
		await loginAs('dgs');
		await handOver('dgs@casablanca.ma');
		const context = await browser.newContext({ viewport: { width: 1500, height: 900 }, locale: 'fr-FR' });
		await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		const consoleLines: string[] = [];
		page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
		page.on('response', (response) => {
			if (response.status() >= 400 || /insights|portal\/api|extensions/.test(response.url()))
				consoleLines.push(`${response.status()} ${response.url()}`);
		});

		await logInToAdmin(page, 'dgs@casablanca.ma');

		const firstAnswer = page.waitForResponse(
			(response) => response.url().includes('/insights/clusters') && response.url().includes('zoom=14'),
			{ timeout: 60_000 },
		);
		await page.goto(`${base()}/admin/insights/${dashboard}`);
		const answer = await firstAnswer.catch(async (error) => {
			await page.screenshot({ path: '/tmp/map-debug.png' });
			consoleLines.push(
				await page.evaluate(() => {
					const element = document.querySelector('.casa-map');
					return element
						? `casa-map ${JSON.stringify(element.getBoundingClientRect())} ${element.innerHTML.length} parent ${JSON.stringify(element.parentElement?.getBoundingClientRect())}`
						: 'no .casa-map';
				}),
			);
			throw new Error(`${error}\n${errors.join('\n')}\n${consoleLines.join('\n')}`);
		});
		expect(answer.status()).toBe(200);
		const body = await answer.json();
		expect(body.data.total, answer.url()).toBeGreaterThan(0);
		// the bbox is the visible part of central Casablanca, not the whole city
		const bbox = new URL(answer.url()).searchParams.get('bbox')!.split(',').map(Number);
		expect(bbox[2] - bbox[0]).toBeLessThan(0.2);
		expect(bbox[0]).toBeLessThan(-7.615);
		expect(bbox[2]).toBeGreaterThan(-7.615);

		const map = page.locator('.casa-map');
		await visible(map.locator('.leaflet-overlay-pane path'));
		await visible(map.locator('.casa-map-marker'));
		await visible(page.locator('.casa-sla .row, .casa-sla .none'));
		await expect.poll(() => map.locator('.legend .total').textContent()).toMatch(/réclamations dans la zone/);
		await page.waitForTimeout(500);
		mkdirSync(SCREENSHOTS, { recursive: true });
		await page.screenshot({ path: `${SCREENSHOTS}map-zoomed.png` });
		await page.locator('.casa-sla').scrollIntoViewIfNeeded();
		await page.screenshot({ path: '/tmp/map-sla.png' });

		// zooming in asks for the new view (debounced), and single complaints become links to their page
		let zoom = 14;
		while (zoom < 18 && (await map.locator('.casa-map-marker.link').count()) === 0) {
			const next = page.waitForResponse(
				(response) => response.url().includes('/insights/clusters') && response.url().includes(`zoom=${zoom + 1}`),
				{ timeout: 20_000 },
			);
			await map.locator('.leaflet-control-zoom-in').click();
			expect((await next).status()).toBe(200);
			zoom += 1;
			await page.waitForTimeout(400);
		}
		const link = map.locator('.casa-map-marker.link').first();
		await visible(link);
		await link.click();
		await page.waitForURL(/\/admin\/casa-workspace\/complaints\/[0-9a-f-]{36}/, { timeout: 20_000 });

		expect(errors).toEqual([]);
		await context.close();
	});

	it('draws the heat map in Arabic, right to left, for an elected official', async () => {
		const updated = await call('PATCH', `/panels/${mapPanel}`, {
			token: adminToken(),
			body: { options: { mode: 'heatmap', colour: 'sla_state', center: '33.5930,-7.6150', zoom: 13 } },
		});
		expect(updated.status).toBe(200);
		await speak('elu@casablanca.ma', 'ar-SA');
		await loginAs('elu');
		await handOver('elu@casablanca.ma');
		const context = await browser.newContext({ viewport: { width: 1500, height: 900 }, locale: 'ar-MA' });
		await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await logInToAdmin(page, 'elu@casablanca.ma');

		// the heat map asks for finer cells than the clusters at the same zoom
		const answer = page.waitForResponse(
			(response) => response.url().includes('/insights/clusters') && response.url().includes('zoom=14'),
			{ timeout: 60_000 },
		);
		await page.goto(`${base()}/admin/insights/${dashboard}`);
		const body = await (await answer).json();
		const cells = body.data.clusters.length;
		expect(cells).toBeGreaterThan(0);
		// aggregates only: no complaint ids for elected officials
		expect(JSON.stringify(body)).not.toMatch(/"id"|"reference"/);

		const map = page.locator('.casa-map');
		expect(await map.getAttribute('dir')).toBe('rtl');
		await visible(map.locator('.legend .ramp'));
		await expect.poll(() => map.locator('.leaflet-overlay-pane path').count()).toBeGreaterThanOrEqual(cells);
		expect(await map.locator('.casa-map-marker').count()).toBe(0);
		await expect.poll(() => map.locator('.legend .total').textContent()).toMatch(/شكاية في المنطقة/);
		await page.waitForTimeout(400);
		await page.screenshot({ path: `${SCREENSHOTS}map-heatmap-ar.png` });
		expect(errors).toEqual([]);
		await context.close();
	});
});
