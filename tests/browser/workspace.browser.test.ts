// The staff workspace (casa-workspace module) in a real browser (Debian's
// Chromium through playwright-core) against a real Directus with the demo data:
// each role's first screen after login; the Propreté agent, in Arabic on a
// 390-px phone, claims, starts, attaches an after-photo and resolves a
// complaint; the service head bulk-assigns two complaints; no translation key,
// error code or English Directus string shows in either language.
// Screenshots for the README.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminToken, adminUser, call, createComplaint, loginAs } from '../helpers/api';
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

const visible = (locator: Locator, timeout = 60_000) => locator.first().waitFor({ state: 'visible', timeout });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 1000 };

async function open(
	email: string,
	options: { viewport?: { width: number; height: number }; locale?: string; mobile?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
	const context = await browser.newContext({
		viewport: options.viewport ?? DESKTOP,
		locale: options.locale ?? 'fr-FR',
		...(options.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
	});
	// no network beyond localhost: map tiles fail, the arrondissement boundaries still draw
	await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	// a workspace call the server refuses with a 5xx is a bug
	page.on('response', (response) => {
		if (/\/workspace\//.test(response.url()) && response.status() >= 500)
			errors.push(`${response.status()} ${response.url()}`);
	});
	// the machine is shared: a slow first load of the login page gets one more try
	await logInToAdmin(page, email).catch(() => logInToAdmin(page, email));
	return { context, page, errors };
}

/**
 * The text a person sees in the workspace's own screen (the module's content,
 * its header and navigation, an open sheet), without what citizens wrote
 * (marked data-citizen: their words are shown as written, in any language).
 */
async function screenText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const style = document.createElement('style');
		style.textContent = '[data-citizen] { display: none !important; }';
		document.head.append(style);
		const parts: string[] = [];
		for (const selector of ['.casa-workspace', '.casa-workspace-nav', 'header .title', 'dialog[open]'])
			for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) parts.push(element.innerText);
		style.remove();
		return parts.join('\n');
	});
}

/** Nothing wider than the viewport: no horizontal scroll, nothing cut at the inline edges. */
async function overflow(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const out: string[] = [];
		if (document.documentElement.scrollWidth > width + 1)
			out.push(`document ${document.documentElement.scrollWidth} > ${width}`);
		for (const element of Array.from(document.querySelectorAll<HTMLElement>('.casa-workspace *'))) {
			const box = element.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) continue;
			if (getComputedStyle(element).position === 'absolute' && element.closest('.leaflet-container')) continue;
			if (element.closest('.leaflet-container') && !element.classList.contains('leaflet-container')) continue;
			if (box.right > width + 1 || box.left < -1)
				out.push(
					`${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')} ${Math.round(box.left)}…${Math.round(box.right)}`,
				);
		}
		return out.slice(0, 10);
	});
}

const KEY_PATTERN = /\b[a-z_]+\.[a-z_.]+\b/;
const CODE_PATTERN = /[A-Z_]{6,}/;
// Directus's own English strings that would leak if a screen fell back to the generic app
const ENGLISH =
	/\b(Loading|Search|Notifications|No items|Untitled|Unknown|Error|Forbidden|Unauthorized|Something went wrong|Save|Cancel|Back|Settings|Collection|Item|Page not found|You don't have|Filter|Sort|Previous|Next)\b/;

function textProblems(text: string): string[] {
	const problems: string[] = [];
	for (const line of text.split('\n')) {
		if (KEY_PATTERN.test(line)) problems.push(`key? ${line}`);
		if (CODE_PATTERN.test(line)) problems.push(`code? ${line}`);
		if (ENGLISH.test(line)) problems.push(`English? ${line}`);
	}
	return problems;
}

/** A fresh complaint in the Propreté service, in the agent's team (routing by category and point). */
async function proprete(description: string) {
	return createComplaint({ category: 'PROP-01', description, latitude: 33.5463, longitude: -7.6787, channel: 'phone' });
}

describe('the staff workspace', () => {
	it('lands each role on its own first screen', async () => {
		const roles: { key: string; email: string; check: (page: Page) => Promise<void> }[] = [
			{
				key: 'agent',
				email: 'agent.proprete@casablanca.ma',
				check: async (page) => {
					await page.waitForURL(/\/admin\/casa-workspace\/queue\?.*preset=open/, { timeout: 30_000 });
					await visible(page.locator('.casa-workspace .card-link'));
					// the agent's language is Arabic: the screen is right to left, in Arabic
					expect(await page.locator('.casa-workspace').getAttribute('dir')).toBe('rtl');
					await visible(page.getByRole('button', { name: 'ملفاتي' }));
					// no bulk assignment for an agent
					expect(await page.locator('.casa-workspace .pick').count()).toBe(0);
				},
			},
			{
				key: 'chef-service',
				email: 'chef.proprete@casablanca.ma',
				check: async (page) => {
					await page.waitForURL(/\/admin\/casa-workspace\/queue\?.*preset=unassigned/, { timeout: 30_000 });
					await visible(page.getByRole('button', { name: 'À affecter' }));
					expect(await page.getByRole('button', { name: 'À affecter' }).getAttribute('aria-pressed')).toBe('true');
					await visible(page.locator('.casa-workspace .card-link'));
					// the service head may bulk-assign: rows can be selected
					await visible(page.locator('.casa-workspace .pick input[type="checkbox"]'));
				},
			},
			{
				key: 'bureau-ordre',
				email: 'bureau.ordre@casablanca.ma',
				check: async (page) => {
					await page.waitForURL(/\/admin\/casa-desk/, { timeout: 30_000 });
					await visible(page.locator('.casa-desk'));
				},
			},
			{
				key: 'dgs',
				email: 'dgs@casablanca.ma',
				check: async (page) => {
					// the director general lands on the city's figures (officials.browser.test.ts checks the screen)
					await page.waitForURL(/\/admin\/casa-workspace\/figures/, { timeout: 30_000 });
					await visible(page.locator('.casa-workspace.officials .kpis'));
					// and still has the queue and its map
					await visible(page.locator('.casa-workspace-nav a[href*="view=map"]'));
				},
			},
			{
				key: 'elu',
				email: 'elu@casablanca.ma',
				check: async (page) => {
					await page.waitForURL(/\/admin\/casa-workspace\/figures/, { timeout: 30_000 });
					await visible(page.locator('.casa-workspace.officials .kpis'));
				},
			},
			{
				key: 'maire',
				email: 'maire@casablanca.ma',
				check: async (page) => {
					await page.waitForURL(/\/admin\/casa-workspace\/figures/, { timeout: 30_000 });
					await visible(page.locator('.casa-workspace.officials .kpis'));
				},
			},
		];
		for (const role of roles) {
			await loginAs(role.key);
			const { context, page, errors } = await open(role.email);
			try {
				await role.check(page);
				// the workspace module is in every staff member's module bar
				await visible(page.locator('a[href$="/admin/casa-workspace"]'));
				expect(errors, role.key).toEqual([]);
			} finally {
				await context.close();
			}
		}
	}, 600_000);

	it('the agent, in Arabic on a 390-px phone, resolves a complaint with an after-photo', async () => {
		const token = await loginAs('agent');
		const complaint = await proprete('كيس أزبال كبير مرمي قرب المدرسة منذ يومين، الرائحة لا تطاق');
		// routed to the agent's team; the registry office's qualification (new → assigned) is not the agent's to make
		expect(
			(await call('PATCH', `/items/complaints/${complaint.id}`, { token: adminToken(), body: { status: 'assigned' } }))
				.status,
		).toBe(200);
		const labels = Object.fromEntries(
			(
				(await call('GET', '/workspace/options', { token })).body.data.statuses as { value: string; label: string }[]
			).map((option) => [option.value, option.label]),
		);
		const { context, page, errors } = await open('agent.proprete@casablanca.ma', {
			viewport: PHONE,
			locale: 'ar-MA',
			mobile: true,
		});
		try {
			await page.waitForURL(/\/admin\/casa-workspace\/queue/, { timeout: 30_000 });
			await visible(page.locator('.casa-workspace .card-link'));
			expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
			// Directus's side navigation is folded away on a phone: the queue has the whole width
			const card = await page.locator('.casa-workspace .card').first().boundingBox();
			expect(card!.width).toBeGreaterThan(PHONE.width - 60);
			expect(await overflow(page)).toEqual([]);
			// big touch targets
			for (const button of await page.locator('.casa-workspace .chip, .casa-workspace .toolbar .btn').all())
				expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
			await page.screenshot({ path: join(SCREENSHOTS, 'workspace-agent-phone-ar.png') });

			// search the complaint by its reference, open it from its card
			await page.locator('#ws-search').fill(complaint.reference);
			await page.locator('#ws-search').press('Enter');
			await page.waitForURL(new RegExp(`q=${complaint.reference}`));
			await page.locator('.casa-workspace .card-link', { hasText: complaint.reference }).click();
			await page.waitForURL(new RegExp(`/casa-workspace/complaints/${complaint.id}`));
			await visible(page.getByText('كيس أزبال كبير مرمي قرب المدرسة'));
			expect(await overflow(page)).toEqual([]);
			const bar = page.locator('.casa-workspace .action-bar');
			const status = page.locator('.casa-workspace [data-testid="status"]');

			// 1. claim (the main move at the bottom, under the thumb)
			await visible(bar.locator('button[data-command="claim"]'));
			const barBox = await bar.boundingBox();
			expect(barBox!.y + barBox!.height).toBeLessThanOrEqual(PHONE.height + 1);
			await bar.locator('button[data-command="claim"]').click();
			// now theirs: the screen says so, and the claim is no longer offered
			await visible(page.locator('.casa-workspace .details dd', { hasText: 'أنت' }));
			await expect.poll(() => page.locator('.casa-workspace button[data-command="claim"]').count()).toBe(0);
			expect(await status.innerText()).toBe(labels.assigned);

			// 2. start, if the workflow asks for it
			if ((await bar.locator('button[data-command="start"]').count()) > 0) {
				await bar.locator('button[data-command="start"]').click();
				await expect.poll(() => status.innerText()).toBe(labels.in_progress);
			}

			// 3. the after-photo, from the other moves
			await bar.getByRole('button', { name: /إجراءات أخرى/ }).click();
			await page.locator('dialog[open] button[data-command="attach"]').click();
			await visible(page.locator('dialog[open] #ws-file'));
			const photo = await page.screenshot({ type: 'jpeg', quality: 60, clip: { x: 0, y: 0, width: 390, height: 300 } });
			await page
				.locator('dialog[open] #ws-file')
				.setInputFiles({ name: 'apres.jpg', mimeType: 'image/jpeg', buffer: photo });
			const uploaded = page.waitForResponse(
				(response) =>
					response.url().includes(`/workspace/complaints/${complaint.id}/files`) &&
					response.request().method() === 'POST',
			);
			await page.locator('dialog[open] button[type="submit"]').click();
			expect((await uploaded).status()).toBe(201);
			await expect.poll(() => page.locator('.casa-workspace .photos .thumb').count()).toBeGreaterThanOrEqual(1);

			// 4. resolve with a reply to the citizen
			await visible(bar.locator('button[data-command="resolve"]'));
			await bar.locator('button[data-command="resolve"]').click();
			await visible(page.locator('dialog[open] #ws-public-reply'));
			// an empty reply is refused on the screen, in Arabic
			await page.locator('dialog[open] button[type="submit"]').click();
			await visible(page.locator('dialog[open] .field-error', { hasText: 'هذا الحقل إلزامي.' }));
			if ((await page.locator('dialog[open] #ws-template').count()) > 0)
				await page.locator('dialog[open] #ws-template').selectOption({ index: 1 });
			else
				await page.locator('dialog[open] #ws-public-reply').fill('تمت إزالة الأزبال وتنظيف المكان. شكرًا على تنبيهكم.');
			await page.locator('dialog[open] button[type="submit"]').click();
			await expect.poll(() => status.innerText()).toBe(labels.resolved);
			await visible(page.locator('.casa-workspace .action-bar .notice.ok'));
			// nothing (the map's controls…) sits over the bottom bar's buttons
			const covered = await page.evaluate(() =>
				Array.from(document.querySelectorAll<HTMLElement>('.casa-workspace .action-bar button'))
					.filter((button) => {
						const box = button.getBoundingClientRect();
						for (const [x, y] of [
							[box.left + 4, box.top + 4],
							[box.right - 4, box.top + 4],
							[box.left + box.width / 2, box.top + box.height / 2],
							[box.left + 4, box.bottom - 4],
							[box.right - 4, box.bottom - 4],
						]) {
							const top = document.elementFromPoint(x, y);
							if (top && !button.contains(top)) return true;
						}
						return false;
					})
					.map((button) => button.innerText),
			);
			expect(covered).toEqual([]);

			// what the server holds
			const stored = (await call('GET', `/workspace/complaints/${complaint.id}`, { token })).body.data;
			expect(stored.status).toBe('resolved');
			expect(stored.assignee_is_me).toBe(true);
			expect(stored.public_reply).toBeTruthy();
			expect(stored.photos.map((file: { kind: string }) => file.kind)).toContain('after_photo');
			// the history shows the moves, in Arabic
			expect(await page.locator('.casa-workspace .timeline li').count()).toBeGreaterThanOrEqual(3);
			expect(textProblems(await screenText(page))).toEqual([]);
			await page.screenshot({ path: join(SCREENSHOTS, 'workspace-complaint-phone-ar.png'), fullPage: true });
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 300_000);

	it('the service head bulk-assigns two complaints', async () => {
		// the Propreté agent must hold a seat to be eligible (only active agents are offered)
		await loginAs('agent');
		await loginAs('chef-service');
		const tag = `lot${Date.now().toString(36)}`;
		const first = await createComplaint({
			category: 'PROP-01',
			description: `Bac renversé rue des Lilas ${tag}`,
			latitude: 33.5463,
			longitude: -7.6787,
			channel: 'phone',
			citizen_name: 'Fatima Zahra Alaoui',
			citizen_phone: '+212612345678',
		});
		const second = await proprete(`Dépôt de gravats sur le trottoir ${tag}`);
		const agent = await adminUser('agent.proprete@casablanca.ma');
		const { context, page, errors } = await open('chef.proprete@casablanca.ma', { viewport: DESKTOP });
		try {
			await page.waitForURL(/\/admin\/casa-workspace\/queue\?.*preset=unassigned/, { timeout: 30_000 });
			await visible(page.locator('.casa-workspace .card-link'));
			await page.screenshot({ path: join(SCREENSHOTS, 'workspace-service-head-fr.png') });

			await page.locator('#ws-search').fill(tag);
			await page.getByRole('button', { name: 'Chercher' }).click();
			await expect.poll(() => page.locator('.casa-workspace .card').count()).toBe(2);
			await page.getByRole('checkbox', { name: `Sélectionner ${first.reference}` }).check();
			await page.getByRole('checkbox', { name: `Sélectionner ${second.reference}` }).check();
			await visible(page.getByText('2 sélectionnée(s)'));
			await page.getByRole('button', { name: 'Affecter la sélection' }).click();
			await expect
				.poll(() => page.locator(`dialog[open] #ws-bulk-assignee option[value="${agent.id}"]`).count(), {
					timeout: 30_000,
				})
				.toBe(1);
			await page.locator('dialog[open] #ws-bulk-assignee').selectOption(agent.id);
			const posted = page.waitForResponse(
				(response) => response.url().endsWith('/workspace/assignments') && response.request().method() === 'POST',
			);
			await page.locator('dialog[open] button[type="submit"]').click();
			expect((await posted).status()).toBe(200);
			await visible(page.getByText('2 réclamation(s) affectée(s).'));

			for (const complaint of [first, second]) {
				const stored = (
					await call('GET', `/items/complaints/${complaint.id}?fields=assignee,status`, { token: adminToken() })
				).body.data;
				expect(stored.assignee).toBe(agent.id);
			}
			// assigned, they leave the service's "to assign" view
			await expect.poll(() => page.locator('.casa-workspace .card').count(), { timeout: 30_000 }).toBe(0);

			// a complaint in French on a desktop: words and photos first, the place, the countdowns, the moves
			await page.goto(`${base()}/admin/casa-workspace/complaints/${first.id}`);
			await visible(page.locator('.casa-workspace .details', { hasText: 'Youssef El Amrani' }));
			await visible(page.getByText('Bac renversé rue des Lilas'));
			await visible(page.locator('.casa-workspace .point-map path.ws-point'));
			const directions = page.getByRole('link', { name: /Itinéraire/ });
			expect(await directions.getAttribute('href')).toMatch(
				/^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=33\.546300,-7\.678700$/,
			);
			expect(await directions.getAttribute('target')).toBe('_blank');
			await visible(page.locator('.casa-workspace .deadlines .sla'));
			// contact on request, journalled
			await visible(page.getByText('Chaque consultation est enregistrée', { exact: false }));
			const contact = page.waitForResponse((response) =>
				response.url().includes(`/workspace/complaints/${first.id}/contact`),
			);
			await page.getByRole('button', { name: 'Afficher les coordonnées' }).click();
			expect((await contact).status()).toBe(200);
			await visible(page.locator('.casa-workspace .contact a[href^="tel:"]'));
			expect(await page.locator('.casa-workspace .contact').innerText()).toContain('Fatima Zahra Alaoui');
			expect(textProblems(await screenText(page))).toEqual([]);
			// nothing cut at the card edges: every value of the file fits its card
			const clipped = await page.evaluate(() =>
				Array.from(document.querySelectorAll<HTMLElement>('.casa-workspace .card dd'))
					.filter((dd) => dd.scrollWidth > dd.clientWidth + 1)
					.map((dd) => dd.innerText),
			);
			expect(clipped).toEqual([]);
			await page.locator('.casa-workspace .summary').scrollIntoViewIfNeeded();
			await page.evaluate(() => document.querySelector('.casa-workspace')?.scrollIntoView({ block: 'start' }));
			await page.screenshot({ path: join(SCREENSHOTS, 'workspace-complaint-fr.png') });
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 300_000);

	it('shows no translation key, error code or English Directus string, over five fresh loads in each language', async () => {
		const complaint = await proprete('Conteneur cassé devant le marché');
		const cases: { key: string; email: string; locale: string; paths: string[] }[] = [
			{
				key: 'chef-service',
				email: 'chef.proprete@casablanca.ma',
				locale: 'fr-FR',
				paths: [
					'/queue?preset=unassigned&assignee=none',
					`/complaints/${complaint.id}`,
					'/queue?preset=all&view=map',
					'/settings',
					'/queue?sla_state=breached&preset=late',
				],
			},
			{
				key: 'agent',
				email: 'agent.proprete@casablanca.ma',
				locale: 'ar-MA',
				paths: [
					'/queue?preset=all',
					`/complaints/${complaint.id}`,
					'/queue?preset=all&view=map',
					'/settings',
					'/queue?assignee=me&preset=mine',
				],
			},
		];
		for (const entry of cases) {
			await loginAs(entry.key);
			const { context, page, errors } = await open(entry.email, { locale: entry.locale });
			try {
				for (const path of entry.paths) {
					await page.goto(`${base()}/admin/casa-workspace${path}`);
					await visible(page.locator('.casa-workspace'));
					// wait for the screen's data: no "loading" left
					await page.waitForLoadState('networkidle').catch(() => undefined);
					await expect
						.poll(
							() => page.locator('.casa-workspace [role="status"]', { hasText: /Chargement|جارٍ التحميل/ }).count(),
							{ timeout: 20_000 },
						)
						.toBe(0);
					if (path.startsWith('/queue') && !path.includes('view=map')) {
						await page
							.locator('.casa-workspace')
							.getByRole('button', { name: /Filtres|التصفية/ })
							.click();
						await visible(page.locator('#ws-filters select').first());
					}
					// the language choice names each language in itself (Français, العربية)
					const text = (await screenText(page)).replace(/Français|العربية/g, '');
					expect(text.length, path).toBeGreaterThan(50);
					expect(textProblems(text), `${entry.key} ${path}`).toEqual([]);
					// one language at a time: no Arabic letters in French, no French words in Arabic (codes and references aside)
					if (entry.locale.startsWith('fr')) expect(text, path).not.toMatch(/[\u0600-\u06FF]/);
					else
						expect(text.replace(/\b[A-Z]{2,}-\d[\d-]*\b/g, ''), path).not.toMatch(
							/\b(le|la|les|des|du|Réclamation|Statut|Filtres|Affecter)\b/,
						);
				}
				expect(errors).toEqual([]);
			} finally {
				await context.close();
			}
		}
	}, 600_000);

	it('keeps scoped staff out of the generic admin screens: their routes lead to the workspace, their entries and the licence badge are gone', async () => {
		for (const entry of [
			{ key: 'agent', email: 'agent.proprete@casablanca.ma', locale: 'ar-MA' },
			{ key: 'chef-service', email: 'chef.proprete@casablanca.ma', locale: 'fr-FR' },
		]) {
			await loginAs(entry.key);
			const { context, page, errors } = await open(entry.email, { locale: entry.locale });
			try {
				await visible(page.locator('.casa-workspace'));
				for (const [path, target] of [
					['/content', /\/admin\/casa-workspace\/queue/],
					['/content/categories', /\/admin\/casa-workspace\/queue/],
					['/files', /\/admin\/casa-workspace\/queue/],
					['/users', /\/admin\/casa-workspace\/queue/],
					// one's own profile: language and password are in the workspace's settings
					['/users/me', /\/admin\/casa-workspace\/settings/],
				] as const) {
					await page.goto(`${base()}/admin${path}`);
					await page.waitForURL(target, { timeout: 30_000 });
					await visible(page.locator('.casa-workspace'));
				}
				// in-app navigation too (the router guard, not only a fresh load)
				await page.evaluate(() => window.history.pushState({}, '', '/admin/content/services'));
				await page.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state })));
				await page.waitForURL(/\/admin\/casa-workspace/, { timeout: 30_000 });
				const bar = await page
					.locator('.module-bar a[href]')
					.evaluateAll((links) =>
						links
							.filter((link) => (link as HTMLElement).offsetParent !== null)
							.map((link) => link.getAttribute('href')),
					);
				expect(
					bar.filter((href) => /\/admin\/(content|users|files)$|directus\.com/.test(String(href))),
					entry.key,
				).toEqual([]);
				expect(bar, entry.key).toContain('/admin/casa-workspace');
				if (entry.key === 'chef-service') {
					// the service head keeps the dashboards of Insights, whose navigation holds Directus's licence badge
					await page.goto(`${base()}/admin/insights`);
					await visible(page.getByText('Vue d’ensemble').or(page.getByText("Vue d'ensemble")));
				}
				expect(await page.getByText('Powered by Directus').filter({ visible: true }).count(), entry.key).toBe(0);
				expect(errors).toEqual([]);
			} finally {
				await context.close();
			}
		}
	}, 600_000);
});
