// The citizens' web app in a real browser (Debian's Chromium through
// playwright-core) against a real Directus: a complaint in Arabic on a phone
// with a photo and a pin placed by keyboard, then tracked; the custom element
// in French on another site; the offline queue; axe-core on every step in both
// languages; the README screenshots. Map tiles never load here (no network):
// the map must work without them.
import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminToken, call, loginAs, CONTACT_FIELDS, withCitizen } from '../helpers/api';
import { launchChromium } from './chromium';

declare module 'vitest' {
	export interface ProvidedContext {
		embedPort: number;
	}
}

const require = createRequire(import.meta.url);
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

const base = () => inject('casa').url;
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: PHONE, ...options });
	// no network beyond localhost: tile requests fail fast, as they would offline
	await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
	return context;
}

function watchErrors(page: Page, errors: string[] = []): string[] {
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		if (
			message.type() === 'error' &&
			!/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::ERR/.test(message.text())
		)
			errors.push(`console: ${message.text()}`);
	});
	return errors;
}

/** a small PNG made here (sharp is Directus's own dependency) */
async function pngPhoto(): Promise<Buffer> {
	const apiRequire = createRequire(require.resolve('@directus/api/package.json'));
	const sharp = apiRequire('sharp');
	return sharp({ create: { width: 320, height: 240, channels: 4, background: { r: 30, g: 120, b: 200, alpha: 1 } } })
		.composite([
			{
				input: Buffer.from(
					'<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><circle cx="160" cy="120" r="70" fill="#d33"/></svg>',
				),
			},
		])
		.png()
		.toBuffer();
}

/** axe-core on the page or one element of it (open shadow roots included): no WCAG 2.0/2.1/2.2 A or AA violation */
async function expectAccessible(page: Page, label: string, selector?: string) {
	await page.evaluate(`${AXE_SOURCE}\n;void 0`);
	const context = selector ? JSON.stringify({ include: [[selector]] }) : 'document';
	const violations = (await page.evaluate(
		`axe.run(${context}, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) })))`,
	)) as unknown[];
	expect(violations, `axe violations on ${label}`).toEqual([]);
}

async function adminComplaint(reference: string) {
	const response = await call(
		'GET',
		`/items/complaints?filter[reference][_eq]=${reference}&fields=*,files.directus_files_id.id,files.directus_files_id.type,files.kind,${CONTACT_FIELDS}`,
		{ token: adminToken() },
	);
	return withCitizen(response.body.data[0]);
}

async function countWith(description: string): Promise<number> {
	const response = await call(
		'GET',
		`/items/complaints?filter[description][_eq]=${encodeURIComponent(description)}&aggregate[count]=*`,
		{ token: adminToken() },
	);
	return Number(response.body.data[0].count);
}

const isIntake = (request: Request) =>
	request.method() === 'POST' && new URL(request.url()).pathname === '/portal/api/complaints';

/** a button by its name (Playwright's locators pierce the custom element's open shadow root) */
const next = (page: Page, text: RegExp) => page.getByRole('button', { name: text }).click();

// playwright-core has no web-first assertions: these wait the same way
const visible = (locator: Locator, timeout = 15_000) => locator.first().waitFor({ state: 'visible', timeout });
const attached = (locator: Locator) => locator.first().waitFor({ state: 'attached', timeout: 15_000 });
const textOf = async (locator: Locator) => ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
const hasText = (locator: Locator, expected: string | RegExp) =>
	typeof expected === 'string'
		? expect.poll(() => textOf(locator)).toBe(expected)
		: expect.poll(() => textOf(locator)).toMatch(expected);
const containsText = (locator: Locator, expected: string) => expect.poll(() => textOf(locator)).toContain(expected);
const countOf = (locator: Locator, expected: number) => expect.poll(() => locator.count()).toBe(expected);
const focused = (locator: Locator) =>
	expect
		.poll(() => locator.evaluate((node) => (node.getRootNode() as Document | ShadowRoot).activeElement === node))
		.toBe(true);

describe('the citizens\u2019 web app', () => {
	it('(a) takes a complaint in Arabic on a 360-px phone, with a photo and a pin placed by keyboard, then tracks it', async () => {
		const context = await newContext({ locale: 'ar-MA' });
		const page = await context.newPage();
		const errors = watchErrors(page);
		const intake: Request[] = [];
		page.on('request', (request) => isIntake(request) && intake.push(request));
		await page.goto(`${base()}/portal/?lang=ar`);
		await expect
			.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join()))
			.toBe('ar,rtl');
		await hasText(page.getByRole('heading', { level: 2 }), 'ما موضوع الشكاية؟');

		// 1. category, found by an Arabic word
		await page.getByLabel('البحث عن صنف').fill('حاوية');
		await page.getByLabel('حاوية ممتلئة أو فائضة').check();
		await next(page, /^متابعة$/);

		// 2. description
		const description = `حاوية النفايات ممتلئة منذ ثلاثة أيام أمام المدرسة ${Date.now()}`;
		await page.getByLabel('الوصف', { exact: false }).first().fill(description);
		await next(page, /^متابعة$/);

		// 3. location: the map has focus, Enter puts the pin at the centre, arrows move it
		await attached(page.locator('.leaflet-overlay-pane path').first());
		expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThanOrEqual(16);
		const map = page.getByRole('application');
		await map.focus();
		await page.keyboard.press('Enter');
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('Shift+ArrowDown');
		await visible(page.locator('.casa-pin'));
		await containsText(page.locator('.pin-status'), 'وُضعت العلامة في مقاطعة');
		await page.getByLabel('العنوان أو معلم قريب', { exact: false }).fill('شارع الزرقطوني');
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.screenshot({ path: `${SCREENSHOTS}portal-ar-phone.png` });
		await next(page, /^متابعة$/);

		// 4. a photo (PNG), turned into a JPEG in the browser before upload
		await page
			.locator('input[type="file"][multiple]')
			.setInputFiles({ name: 'صورة.png', mimeType: 'image/png', buffer: await pngPhoto() });
		await visible(page.getByRole('img', { name: 'الصورة المرفقة رقم 1' }));
		await next(page, /^متابعة$/);

		// 5. contact without consent is refused next to the box, announced, focused
		await page.getByLabel('الهاتف', { exact: false }).fill('06 61 23 45 67');
		await next(page, /^متابعة$/);
		await containsText(page.getByRole('alert'), 'القانون 09-08');
		await focused(page.getByRole('checkbox'));
		await page.getByRole('checkbox').check();
		await next(page, /^متابعة$/);

		// 6. review and send
		await hasText(page.getByRole('heading', { level: 2 }), 'راجع ثم أرسل');
		await visible(page.getByText(description));
		await page.getByRole('button', { name: 'إرسال الشكاية' }).click();
		await visible(page.getByRole('heading', { name: 'سُجّلت شكايتك' }), 30_000);
		const reference = (await page.locator('.reference').textContent())!.trim();
		expect(reference).toMatch(/^CAS-\d{4}-\d{6}$/);
		await attached(page.getByRole('img', { name: 'رمز QR لرابط التتبع' }).locator('svg'));

		// one multipart request, with the draft's Idempotency-Key, a JPEG and no PNG
		expect(intake).toHaveLength(1);
		expect(intake[0].headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
		expect(intake[0].headers()['content-type']).toMatch(/^multipart\/form-data/);
		const body = intake[0].postDataBuffer()!.toString('latin1');
		expect(body).toContain('Content-Type: image/jpeg');
		expect(body).not.toContain('image/png');
		expect(body).toMatch(/name="website"\r\n\r\n\r\n/);
		const stored = await adminComplaint(reference);
		expect(stored).toMatchObject({
			channel: 'web',
			citizen_language: 'ar',
			category: 'PROP-02',
			citizen_phone: '+212661234567',
			address: 'شارع الزرقطوني',
			description,
		});
		expect(stored.arrondissement).toBeTruthy();
		expect(stored.files).toHaveLength(1);
		expect(stored.files[0].directus_files_id.type).toBe('image/jpeg');

		// the tracking link: the secret stays in the fragment
		const link = page.getByRole('link', { name: 'تتبع شكايتي' });
		const href = (await link.getAttribute('href'))!;
		expect(href).toMatch(new RegExp(`/portal/suivi/${reference}#[A-Za-z0-9_-]{24}$`));
		const tracking: string[] = [];
		page.on(
			'request',
			(request) =>
				request.url().includes('/portal/api/complaints/') &&
				tracking.push(`${request.url()} ${request.headers()['x-tracking-secret'] ?? ''}`),
		);
		await link.click();
		await containsText(page.getByRole('heading', { level: 2 }), reference);
		await hasText(page.locator('.status-badge'), 'جديدة');
		await countOf(page.locator('.timeline li'), 1);
		expect(tracking.length).toBeGreaterThan(0);
		for (const line of tracking) {
			const [url, secret] = line.split(' ');
			expect(url).not.toContain(secret);
			expect(secret).toHaveLength(24);
		}
		expect(errors).toEqual([]);
		await context.close();
	});

	it('(b) works in French inside <casa-reclamation> on another site, with its styles kept apart, and lets the citizen follow a nearby complaint instead of filing a duplicate', async () => {
		const port = inject('embedPort');
		// a partner site whose own rules would restyle the form if they could reach it
		const hostPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Arrondissement Maârif · Vie de quartier</title>
<style>
  body { font-family: Georgia, 'DejaVu Serif', serif; margin: 0; background: #faf7f0; color: #2b2118; }
  button { background: rgb(122, 31, 31) !important; color: #fff; border: 0; border-radius: 0; padding: 10px 16px; font: inherit; }
  .hint { font-style: italic; border-inline-start: 4px solid rgb(122, 31, 31); padding-inline-start: 10px; }
  .button, .casa-root { letter-spacing: 3px; }
  header.site { padding: 16px 32px; background: #7a1f1f; color: #fff; } header.site h1 { margin: 0; font-size: 1.6rem; } header.site p { margin: 4px 0 0; }
  main { max-width: 880px; margin: 0 auto; padding: 16px 24px 40px; }
</style>
<script src="${base()}/portal/embed.js" defer></script></head>
<body><header class="site"><h1>Arrondissement Maârif</h1><p>Vie de quartier · informations aux habitants</p></header>
<main><p class="hint" id="host-hint">Un problème dans votre rue ? Signalez-le directement à la Commune :</p>
<casa-reclamation lang="fr"></casa-reclamation>
<p><button id="host-button" type="button">Recevoir la lettre du quartier</button></p></main></body></html>`;
		const server: Server = createServer((_request, response) =>
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage),
		);
		await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
		const context = await newContext({ viewport: DESKTOP, locale: 'fr-FR' });
		try {
			const page = await context.newPage();
			const errors = watchErrors(page);
			await page.goto(`http://127.0.0.1:${port}/`);
			const element = page.locator('casa-reclamation');
			await hasText(element.getByRole('heading', { level: 2 }), "De quoi s'agit-il ?");
			expect(await element.evaluate((node) => !!node.shadowRoot && node.getAttribute('dir'))).toBe('ltr');
			await expectAccessible(page, 'embed, step 1', 'casa-reclamation');

			// styles do not cross the shadow boundary, either way
			const style = (locator: Locator, ...properties: string[]) =>
				locator
					.first()
					.evaluate(
						(node, names) => names.map((name) => getComputedStyle(node).getPropertyValue(name)).join(' | '),
						properties,
					);
			expect(await style(page.locator('#host-button'), 'background-color')).toBe('rgb(122, 31, 31)');
			expect(await style(page.locator('#host-hint'), 'font-style', 'border-left-style')).toBe('italic | solid');
			const next = element.getByRole('button', { name: 'Continuer' });
			expect(await style(next, 'background-color', 'letter-spacing')).toBe('rgb(29, 79, 145) | normal');
			expect(await style(element.locator('.hint'), 'font-style', 'border-left-style', 'color')).toBe(
				'normal | none | rgb(71, 82, 94)',
			);
			expect(await style(element.locator('.casa-root'), 'font-family')).not.toContain('Georgia');

			async function fileOne(description: string, screenshot?: string) {
				await element.getByLabel('Voirie et assainissement').check();
				await element.getByLabel('Nid-de-poule / chaussée dégradée').check();
				await next.click();
				await element.getByLabel('Description', { exact: false }).fill(description);
				await next.click();
				// a click in the middle of the map places the pin
				const box = (await element.locator('.map').boundingBox())!;
				await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
				await containsText(element.locator('.pin-status'), "dans l'arrondissement");
				if (screenshot) {
					await page.evaluate(() => window.scrollTo(0, 0));
					await page.screenshot({ path: screenshot, fullPage: true });
				}
			}

			// the language switch keeps what was typed and turns the element right to left
			const first = `Nid-de-poule profond devant le n° 8 ${Date.now()}`;
			await fileOne(first, `${SCREENSHOTS}portal-fr.png`);
			await element.getByRole('button', { name: 'العربية' }).click();
			await hasText(element.getByRole('heading', { level: 2 }), 'أين يوجد المشكل؟');
			expect(await element.getAttribute('dir')).toBe('rtl');
			expect(await element.getAttribute('lang')).toBe('ar');
			await expectAccessible(page, 'embed in Arabic, map', 'casa-reclamation');
			await element.getByRole('button', { name: 'رجوع' }).click();
			await expect.poll(() => element.getByLabel('الوصف', { exact: false }).first().inputValue()).toBe(first);
			await element.getByRole('button', { name: 'Français' }).click();
			await next.click();
			await visible(element.locator('.casa-pin'));
			await expectAccessible(page, 'embed, map with a pin', 'casa-reclamation');
			await next.click();
			await next.click();
			await next.click();
			await hasText(element.getByRole('heading', { level: 2 }), 'Vérifiez et envoyez');
			await element.getByRole('button', { name: 'Envoyer la réclamation' }).click();
			await visible(element.getByRole('heading', { name: 'Réclamation enregistrée' }), 30_000);
			const reference = (await element.locator('.reference').textContent())!.trim();
			expect(await countWith(first)).toBe(1);
			expect((await adminComplaint(reference)).citizen_language).toBe('fr');

			// a second citizen at the same spot is offered to follow it
			await element.getByRole('button', { name: 'Nouvelle réclamation' }).first().click();
			const second = `Même nid-de-poule ${Date.now()}`;
			await fileOne(second);
			await next.click();
			await next.click();
			await next.click();
			const offer = element.locator('.nearby-item', { hasText: reference });
			await visible(offer);
			await offer.getByRole('button', { name: 'Suivre celle-ci' }).click();
			await visible(element.getByRole('heading', { name: 'Vous suivez cette réclamation' }));
			await visible(element.getByText('1 personne la suit.'));
			expect(await countWith(second)).toBe(0);
			expect((await adminComplaint(reference)).supporters_count).toBe(1);
			await expectAccessible(page, 'embed, followed', 'casa-reclamation');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
			await new Promise((resolve) => server.close(resolve));
		}
	});

	it('(c) queues complaints written offline (photos included) and sends each once when the network returns, on the same page or on the next visit', async () => {
		const context = await newContext({ locale: 'fr-FR' });
		let page = await context.newPage();
		const errors = watchErrors(page);
		const sent: { key: string; status: number }[] = [];
		context.on(
			'response',
			(response) =>
				isIntake(response.request()) &&
				sent.push({ key: response.request().headers()['idempotency-key'], status: response.status() }),
		);
		await page.goto(`${base()}/portal/?lang=fr`);
		// the service worker has kept the app shell
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
		await expect.poll(() => page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);

		async function writeOne(description: string) {
			await page.getByLabel('Rechercher une catégorie').fill('lampadaire');
			await page.getByLabel('Lampadaire éteint ou clignotant').check();
			await next(page, /^Continuer$/);
			await page.getByLabel('Description', { exact: false }).fill(description);
			await next(page, /^Continuer$/);
			await page.getByRole('button', { name: 'Repère au centre' }).click();
			await containsText(page.locator('.pin-status'), "dans l'arrondissement");
			await next(page, /^Continuer$/);
			await page
				.locator('input[type="file"][multiple]')
				.setInputFiles({ name: 'nuit.png', mimeType: 'image/png', buffer: await pngPhoto() });
			await visible(page.getByRole('img', { name: 'Photo 1 jointe' }));
			await next(page, /^Continuer$/);
			await next(page, /^Continuer$/);
			await page.getByRole('button', { name: 'Envoyer la réclamation' }).click();
			await visible(page.getByRole('heading', { name: 'Pas de connexion : réclamation gardée sur cet appareil' }));
		}
		const outbox = () =>
			page.evaluate(
				() =>
					new Promise<{ key: string; photos: number; type: string }[]>((resolve, reject) => {
						const open = indexedDB.open('casa-portal');
						open.onsuccess = () => {
							const request = open.result.transaction('outbox').objectStore('outbox').getAll();
							request.onsuccess = () =>
								resolve(
									request.result.map((item) => ({
										key: item.key,
										photos: item.photos.length,
										type: item.photos[0]?.blob.type,
									})),
								);
							request.onerror = () => reject(request.error);
						};
					}),
			);

		// 1. offline, sent when the network returns, the page still open
		const first = `Lampadaire éteint rue Ibn Batouta ${Date.now()}`;
		await context.setOffline(true);
		await visible(page.getByRole('status').filter({ hasText: 'Vous êtes hors ligne' }));
		await writeOne(first);
		const [queued] = await outbox();
		expect(queued).toEqual({ key: expect.stringMatching(/^[0-9a-f-]{36}$/), photos: 1, type: 'image/jpeg' });
		expect(await countWith(first)).toBe(0);
		await context.setOffline(false);
		await visible(page.getByRole('heading', { name: 'Réclamation enregistrée' }), 30_000);
		expect(sent).toEqual([{ key: queued.key, status: 201 }]);
		expect(await countWith(first)).toBe(1);
		expect(await outbox()).toEqual([]);

		// 2. offline again; the app reopens offline from the service worker and says what waits; sent on the next visit online
		await page.getByRole('button', { name: 'Nouvelle réclamation' }).first().click();
		const second = `Lampadaire clignotant boulevard d'Anfa ${Date.now()}`;
		await context.setOffline(true);
		await writeOne(second);
		const [waiting] = await outbox();
		expect(waiting.key).not.toBe(queued.key);
		await page.reload();
		await visible(page.getByRole('heading', { name: "De quoi s'agit-il ?" }));
		await visible(page.getByText('Une réclamation attend le retour de la connexion pour être envoyée.'));
		await visible(page.getByLabel('Propreté'));
		await attached(page.locator('.service-grid'));
		expect(await countWith(second)).toBe(0);
		// the citizen closes the app offline and opens it again later, online
		await page.close();
		await context.setOffline(false);
		page = await context.newPage();
		watchErrors(page, errors);
		await page.goto(`${base()}/portal/`);
		await visible(
			page.getByText(/Votre réclamation gardée hors ligne a été envoyée : référence CAS-\d{4}-\d{6}/),
			30_000,
		);
		expect(sent).toEqual([
			{ key: queued.key, status: 201 },
			{ key: waiting.key, status: 201 },
		]);
		expect(await countWith(second)).toBe(1);
		// nothing is left to send: another visit sends nothing
		await page.reload();
		await visible(page.getByRole('heading', { name: "De quoi s'agit-il ?" }));
		await page.waitForTimeout(1000);
		expect(sent).toHaveLength(2);
		expect(await countWith(first)).toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('(d) has no WCAG 2.2 A/AA violation (axe-core) on any step, in French and in Arabic, errors shown included', async () => {
		for (const lang of ['fr', 'ar'] as const) {
			const t =
				lang === 'fr'
					? {
							next: /^Continuer$/,
							search: 'Rechercher une catégorie',
							query: 'conteneur',
							category: 'Conteneur plein ou débordant',
							description: 'Description',
						}
					: {
							next: /^متابعة$/,
							search: 'البحث عن صنف',
							query: 'حاوية',
							category: 'حاوية ممتلئة أو فائضة',
							description: 'الوصف',
						};
			const context = await newContext({ locale: lang === 'fr' ? 'fr-FR' : 'ar-MA' });
			const page = await context.newPage();
			await page.goto(`${base()}/portal/?lang=${lang}`);
			await visible(page.getByRole('heading', { level: 2 }));
			await visible(page.locator('.service-grid .choice').first());
			await expectAccessible(page, `${lang} step 1`);
			await next(page, t.next);
			await visible(page.locator('.field-error'));
			await expectAccessible(page, `${lang} step 1 with an error`);
			await page.getByLabel(t.search).fill(t.query);
			await expectAccessible(page, `${lang} step 1 search`);
			await page.getByLabel(t.category).check();
			await next(page, t.next);
			await expectAccessible(page, `${lang} step 2`);
			await page.getByLabel(t.description, { exact: false }).first().fill('Conteneur plein');
			await next(page, t.next);
			await attached(page.locator('.leaflet-overlay-pane path').first());
			await next(page, t.next);
			await visible(page.locator('.field-error'));
			await expectAccessible(page, `${lang} step 3 with an error`);
			await page.getByRole('application').focus();
			await page.keyboard.press('Enter');
			await expectAccessible(page, `${lang} step 3`);
			await next(page, t.next);
			await page
				.locator('input[type="file"][multiple]')
				.setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: await pngPhoto() });
			await visible(page.locator('.thumb img'));
			await expectAccessible(page, `${lang} step 4`);
			await next(page, t.next);
			await page.locator('input[type="email"]').fill('pas-un-email');
			await next(page, t.next);
			await visible(page.locator('.field-error').first());
			await expectAccessible(page, `${lang} step 5 with errors`);
			await page.locator('input[type="email"]').fill('');
			await next(page, t.next);
			await expectAccessible(page, `${lang} step 6`);
			await page.locator('.step-nav .button.primary').click();
			await visible(page.locator('.result.success'), 30_000);
			await expectAccessible(page, `${lang} receipt`);
			await page.locator('.tracking-link').click();
			await visible(page.locator('.status-badge'));
			await expectAccessible(page, `${lang} tracking`);
			await page.goto(`${base()}/portal/suivi/CAS-2026-999999#not-the-secret-at-all`);
			await visible(page.locator('.error-box'));
			await expectAccessible(page, `${lang} tracking not found`);
			await page.locator('.app-nav .tab').nth(1).click();
			await page.locator('form.lookup button[type="submit"]').click();
			await visible(page.locator('.lookup .field-error'));
			await expectAccessible(page, `${lang} tracking look-up with errors`);
			await context.close();
		}
	});

	it('(e) shows a resolved complaint in French with its reply and timeline, rated with the keyboard, and the same neutral 404 for a wrong code', async () => {
		const created = await call('POST', '/portal/api/complaints', {
			body: {
				category: 'PROP-01',
				description: 'Ordures non ramassées rue Abou Bakr El Kadiri',
				latitude: 33.5463,
				longitude: -7.6787,
				lang: 'fr',
			},
		});
		expect(created.status).toBe(201);
		const { reference, tracking_secret: secret, tracking_url: trackingUrl } = created.body.data;
		const stored = await adminComplaint(reference);
		await call('POST', '/workspace/assignments', {
			token: adminToken(),
			body: { complaints: [stored.id], team: stored.team },
		});
		const agent = await loginAs('agent');
		const command = (name: string, body: Record<string, unknown> = {}) =>
			call('POST', `/workspace/complaints/${stored.id}/commands/${name}`, { token: agent, body });
		expect((await command('claim')).status).toBe(200);
		expect((await command('start')).status).toBe(200);
		const resolved = await command('resolve', {
			public_reply: 'Les ordures ont été ramassées ce matin et le point sera surveillé cette semaine.',
		});
		expect(resolved.status).toBe(200);

		const context = await newContext({ viewport: { width: 1024, height: 1200 }, locale: 'fr-FR' });
		const page = await context.newPage();
		const errors = watchErrors(page);
		expect(trackingUrl).toBe(`${base()}/portal/suivi/${reference}#${secret}`);
		await page.goto(`${base()}/portal/suivi/${reference}?lang=fr#${secret}`);
		await containsText(page.getByRole('heading', { level: 2 }), reference);
		await hasText(page.locator('.status-badge'), 'Résolue');
		await countOf(page.getByText('Les ordures ont été ramassées ce matin'), 2);
		await countOf(page.locator('.timeline li'), 5);
		await expectAccessible(page, 'tracking, resolved');
		await page.screenshot({ path: `${SCREENSHOTS}tracking-fr.png`, fullPage: true });

		// four stars with the keyboard: focus the first, arrow to the fourth
		await page.getByRole('radio', { name: '1 étoile sur 5' }).focus();
		await page.keyboard.press('Space');
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		await expect.poll(() => page.getByRole('radio', { name: '4 étoiles sur 5' }).isChecked()).toBe(true);
		await page.getByLabel('Commentaire', { exact: false }).fill('Rapide, merci');
		await page.getByRole('button', { name: 'Envoyer ma note' }).click();
		await visible(page.getByText('Merci, votre note a été enregistrée.'));
		await countOf(page.getByRole('button', { name: 'Envoyer ma note' }), 0);
		expect((await adminComplaint(reference)).citizen_rating).toBe(4);

		// reopening needs a reason: refused empty, next to the field; then done
		await page.getByRole('button', { name: 'Rouvrir la réclamation' }).click();
		await visible(page.locator('.field-error', { hasText: 'Indiquez pourquoi vous rouvrez la réclamation.' }));
		await focused(page.getByLabel('Pourquoi la rouvrir ?'));
		await page.getByLabel('Pourquoi la rouvrir ?').fill('Les ordures sont revenues le lendemain.');
		await page.getByRole('button', { name: 'Rouvrir la réclamation' }).click();
		await visible(page.getByText('La réclamation a été rouverte. Les services vont la reprendre.'));
		await hasText(page.locator('.status-badge'), 'Rouverte');
		expect((await adminComplaint(reference)).status).toBe('reopened');

		// without the link: reference and code typed in
		await page.goto(`${base()}/portal/suivi/?lang=fr`);
		await page.getByLabel('Référence (CAS-AAAA-NNNNNN)').fill(reference.toLowerCase());
		await page.getByLabel('Code de suivi').fill(secret);
		await page.getByRole('button', { name: 'Afficher la réclamation' }).click();
		await containsText(page.getByRole('heading', { level: 2 }), reference);
		expect(page.url()).toBe(`${base()}/portal/suivi/${reference}#${secret}`);

		await page.goto(`${base()}/portal/suivi/${reference}?lang=fr#wrong-secret-123`);
		await containsText(page.locator('.error-box'), 'Réclamation introuvable, ou code de suivi incorrect');
		await countOf(page.getByText(/ordures/i), 0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('(f) puts the server\u2019s field errors next to their fields, on their step, announced, with the focus on the first', async () => {
		const context = await newContext({ locale: 'fr-FR' });
		const page = await context.newPage();
		await page.goto(`${base()}/portal/?lang=fr`);
		await page.getByLabel('Rechercher une catégorie').fill('lampadaire');
		await page.getByLabel('Lampadaire éteint ou clignotant').check();
		await next(page, /^Continuer$/);
		await page.getByLabel('Description', { exact: false }).fill('Lampadaire éteint');
		await next(page, /^Continuer$/);
		await page.getByRole('button', { name: 'Repère au centre' }).click();
		await next(page, /^Continuer$/);
		await next(page, /^Continuer$/);
		await page.getByLabel('E-mail', { exact: false }).fill('fatima@example.ma');
		await page.getByRole('checkbox').check();
		await next(page, /^Continuer$/);
		// the server refuses: a field of the contact step, and one the form does not know
		const keys: string[] = [];
		await page.route('**/portal/api/complaints', async (route) => {
			keys.push(route.request().headers()['idempotency-key']);
			await route.fulfill({
				status: 400,
				contentType: 'application/json',
				body: JSON.stringify({
					errors: [
						{
							message: 'Adresse e-mail refusée par le serveur.',
							extensions: { code: 'FAILED_VALIDATION', field: 'citizen_email', reason: 'field.email_domain' },
						},
						{
							message: 'Champ refusé : « colour ».',
							extensions: { code: 'FAILED_VALIDATION', field: 'colour', reason: 'field.unknown' },
						},
					],
				}),
			});
		});
		await page.getByRole('button', { name: 'Envoyer la réclamation' }).click();
		await hasText(page.getByRole('heading', { level: 2 }), 'Vos coordonnées (facultatif)');
		await containsText(page.locator('.field-error'), 'Adresse e-mail refusée par le serveur.');
		await focused(page.getByLabel('E-mail', { exact: false }));
		expect(await page.getByLabel('E-mail', { exact: false }).getAttribute('aria-invalid')).toBe('true');
		await containsText(page.getByRole('alert'), 'Adresse e-mail refusée par le serveur.');
		await expectAccessible(page, 'server errors on the contact step');
		// the other error waits on the review step; the retry keeps the draft's key
		await next(page, /^Continuer$/);
		await containsText(page.locator('.error-box'), 'Champ refusé : « colour ».');
		await page.getByRole('button', { name: 'Envoyer la réclamation' }).click();
		await expect.poll(() => keys.length).toBe(2);
		expect(keys[1]).toBe(keys[0]);
		await context.close();
	});
});
