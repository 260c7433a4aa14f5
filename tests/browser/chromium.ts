// What every browser test shares: Debian's Chromium as the probe starts it
// (no background networking: this machine's network is closed), and logging
// in to the admin app as a demo account.
import { type Browser, type Page, chromium } from 'playwright-core';
import { inject } from 'vitest';

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Logs in through the admin app's form and waits to leave the login page. */
export async function logInToAdmin(page: Page, email: string): Promise<void> {
	await page.goto(`${inject('casa').url}/admin/login`);
	await page.locator('input[type="email"]').first().waitFor({ state: 'visible', timeout: 30_000 });
	await page.locator('input[type="email"]').fill(email);
	await page.locator('input[type="password"]').fill(inject('casa').demoPassword);
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/admin\/(?!login)/, { timeout: 30_000 });
}
