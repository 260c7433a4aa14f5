// Proof of closure in real browsers: the Propreté agent (Arabic UI) opens the
// resolve form of a complaint whose category asks for an after-photo and is
// told first, with the button disabled; once the after-photo is attached and
// the complaint resolved, the citizen's tracking page on a phone shows their
// own photo beside the after-photo. Screenshot for the README.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminToken, call, loginAs } from '../helpers/api';
import { launchChromium, logInToAdmin } from './chromium';

const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
const sharp = apiRequire('sharp') as any;
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const base = () => inject('casa').url;
const PROP_CENTRAL_TEAM = '5e7a0000-0000-4000-8000-50524f503030';
const CATEGORY = 'PROP-07';
let browser: Browser;

const visible = (locator: Locator, timeout = 60_000) => locator.first().waitFor({ state: 'visible', timeout });
const image = (colour: { r: number; g: number; b: number }) =>
	sharp({ create: { width: 480, height: 360, channels: 3, background: colour } })
		.jpeg()
		.toBuffer();

beforeAll(async () => {
	browser = await launchChromium();
	expect(
		(await call('PATCH', `/items/categories/${CATEGORY}`, { token: adminToken(), body: { proof_of_closure: true } }))
			.status,
	).toBe(200);
});
afterAll(async () => {
	await call('PATCH', `/items/categories/${CATEGORY}`, { token: adminToken(), body: { proof_of_closure: false } });
	await browser?.close();
});

describe('proof of closure', () => {
	it('the agent is told before resolving; the citizen then sees the after-photo beside their own', async () => {
		// the citizen's complaint with a photo (portal), assigned to the agent's team
		const form = new FormData();
		for (const [key, value] of Object.entries({
			category: CATEGORY,
			description: 'Encombrants abandonnés devant l’immeuble',
			latitude: '33.5463',
			longitude: '-7.6787',
			lang: 'fr',
		}))
			form.append(key, value);
		form.append(
			'photos',
			new Blob([new Uint8Array(await image({ r: 190, g: 90, b: 40 }))], { type: 'image/jpeg' }),
			'avant.jpg',
		);
		const filed = (await (await fetch(`${base()}/portal/api/complaints`, { method: 'POST', body: form })).json()).data;
		const id = (
			await call('GET', `/items/complaints?filter[reference][_eq]=${filed.reference}&fields=id`, {
				token: adminToken(),
			})
		).body.data[0].id;
		expect(
			(
				await call('POST', '/workspace/assignments', {
					token: adminToken(),
					body: { complaints: [id], team: PROP_CENTRAL_TEAM },
				})
			).status,
		).toBe(200);
		const token = await loginAs('agent');
		expect((await call('POST', `/workspace/complaints/${id}/commands/claim`, { token })).status).toBe(200);
		expect((await call('POST', `/workspace/complaints/${id}/commands/start`, { token })).status).toBe(200);

		// the agent's resolve form says an after-photo is needed, in Arabic, and cannot be sent
		const staff = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar-MA' });
		await staff.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
		const page = await staff.newPage();
		await logInToAdmin(page, 'agent.proprete@casablanca.ma').catch(() =>
			logInToAdmin(page, 'agent.proprete@casablanca.ma'),
		);
		await page.goto(`${base()}/admin/casa-workspace/complaints/${id}`);
		const resolve = page.locator('.casa-workspace .action-bar button[data-command="resolve"]');
		await visible(resolve);
		await resolve.first().click();
		await visible(page.locator('dialog[open] .proof'));
		expect(await page.locator('dialog[open] .proof').innerText()).toBe(
			'هذا الصنف يشترط صورة بعد التدخل: أضفها أولاً («إضافة صورة بعد التدخل»)، ثم عالج الشكاية.',
		);
		expect(await page.locator('dialog[open] button[type="submit"]').isDisabled()).toBe(true);
		await staff.close();

		// the after-photo, then the resolution
		const after = new FormData();
		after.append(
			'photos',
			new Blob([new Uint8Array(await image({ r: 40, g: 170, b: 90 }))], { type: 'image/jpeg' }),
			'apres.jpg',
		);
		expect(
			(
				await fetch(`${base()}/workspace/complaints/${id}/files`, {
					method: 'POST',
					headers: { authorization: `Bearer ${token}` },
					body: after,
				})
			).status,
		).toBe(201);
		expect(
			(
				await call('POST', `/workspace/complaints/${id}/commands/resolve`, {
					token,
					body: { public_reply: 'Les encombrants ont été enlevés ce matin.' },
				})
			).body.data.status,
		).toBe('resolved');

		// the citizen's tracking page on a phone: both photos, loaded with the secret
		const citizen = await browser.newContext({
			viewport: { width: 390, height: 844 },
			locale: 'fr-FR',
			isMobile: true,
			hasTouch: true,
			deviceScaleFactor: 2,
		});
		await citizen.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
		const tracking = await citizen.newPage();
		await tracking.goto(filed.tracking_url.replace(/^https?:\/\/[^/]+/, base()));
		await visible(tracking.getByRole('img', { name: 'Photo après intervention 1' }));
		await visible(tracking.getByRole('img', { name: 'Votre photo 1' }));
		const loaded = await tracking.evaluate(() =>
			Array.from(document.querySelectorAll<HTMLImageElement>('.photo-list img')).map((img) => [
				img.dataset.kind,
				img.complete && img.naturalWidth > 0,
			]),
		);
		expect(loaded).toEqual([
			['photo', true],
			['after_photo', true],
		]);
		expect(await tracking.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await tracking.locator('.photos').scrollIntoViewIfNeeded();
		await tracking.screenshot({ path: join(SCREENSHOTS, 'tracking-proof-of-closure-fr.png') });
		await citizen.close();
	});
});
