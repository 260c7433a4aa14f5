// First paint of a staff screen in Debian's Chromium at phone size with the
// CPU throttled 4× (a mid-range phone): from navigation to the first complaint
// card of the workspace queue, against Directus's own collection page (the
// generic list of complaints an administrator opens) measured in the same run.
import { type Browser, chromium } from 'playwright-core';

export interface PaintFigure {
	target: string;
	samples: number;
	p50: number;
	p95: number;
}

const PHONE = { width: 390, height: 844 };
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

function quantile(sorted: number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
}

/** One screen: log in once (not measured), then `rounds` fresh navigations to `path` until `selector` shows. */
async function measure(
	browser: Browser,
	url: string,
	login: { email: string; password: string },
	path: string,
	selector: string,
	rounds: number,
): Promise<number[]> {
	const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
	await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
	const page = await context.newPage();
	await page.goto(`${url}/admin/login`);
	await page.locator('input[type="email"]').first().waitFor({ state: 'visible', timeout: 60_000 });
	await page.locator('input[type="email"]').fill(login.email);
	await page.locator('input[type="password"]').fill(login.password);
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/admin\/(?!login)/, { timeout: 60_000 });
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	const times: number[] = [];
	for (let round = 0; round < rounds + 1; round++) {
		await page.goto('about:blank');
		const started = performance.now();
		await page.goto(`${url}${path}`);
		await page.locator(selector).first().waitFor({ state: 'visible', timeout: 120_000 });
		const elapsed = performance.now() - started;
		if (round > 0) times.push(elapsed); // the first load warms the browser's cache, as a daily user's is
	}
	await context.close();
	return times;
}

export async function measureFirstPaint(
	url: string,
	accounts: { agent: { email: string; password: string }; admin: { email: string; password: string } },
	rounds = 5,
): Promise<PaintFigure[]> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
	});
	try {
		const figures: PaintFigure[] = [];
		// interleaved, so both meet the same machine
		const queue: number[] = [];
		const generic: number[] = [];
		for (let round = 0; round < 2; round++) {
			queue.push(
				...(await measure(
					browser,
					url,
					accounts.agent,
					'/admin/casa-workspace/queue',
					'.casa-workspace .card',
					Math.ceil(rounds / 2),
				)),
			);
			generic.push(
				...(await measure(
					browser,
					url,
					accounts.admin,
					'/admin/content/complaints',
					'table tbody tr, .v-table tbody tr, .table-row',
					Math.ceil(rounds / 2),
				)),
			);
		}
		for (const [target, times] of [
			['workspace queue (agent, phone, CPU ×4)', queue],
			["Directus's collection page (complaints, phone, CPU ×4)", generic],
		] as const) {
			const sorted = [...times].sort((a, b) => a - b);
			figures.push({
				target,
				samples: sorted.length,
				p50: Math.round(quantile(sorted, 0.5)),
				p95: Math.round(quantile(sorted, 0.95)),
			});
		}
		return figures;
	} finally {
		await browser.close();
	}
}
