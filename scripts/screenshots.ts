// Screenshots for the README, taken in Debian's Chromium through
// playwright-core against a running platform (npm start):
//   npm run screenshots [-- http://localhost:8055]
import { readItems, readPresets, readUsers, updateUser } from '@directus/sdk';
import { chromium } from 'playwright-core';
import { loadConfig } from '../directus.config';
import { activateDemoAccount } from './lib/demo-accounts';
import { adminClient } from './provision/client';
import { ROLE_IDS } from '../extensions/casa-core/src/domain/access/roles';

const base = process.argv[2] ?? 'http://localhost:8055';
const config = loadConfig();
const admin = adminClient(`http://127.0.0.1:${config.port}`, config.adminToken);
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

async function setLanguage(email: string, language: string) {
	const users = (await admin.request(readUsers({ filter: { email: { _eq: email } }, fields: ['id'] }))) as {
		id: string;
	}[];
	await admin.request(updateUser(users[0].id, { language }));
}

async function shoot(
	account: string,
	email: string,
	language: 'fr-FR' | 'ar-SA',
	path: string,
	file: string,
	viewport = { width: 1440, height: 900 },
) {
	await activateDemoAccount(admin, account);
	await setLanguage(email, language);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
	});
	const page = await browser.newPage({ viewport, locale: language });
	await page.goto(`${base}/admin/login`);
	await page.fill('input[type="email"]', email);
	await page.fill('input[type="password"]', config.demo.password);
	await page.click('button[type="submit"]');
	await page.waitForURL(/admin\/(content|insights|users)/, { timeout: 30_000 });
	await page.goto(`${base}${path}`);
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(1500);
	await page.screenshot({ path: file });
	console.log(`wrote ${file}`);
	await browser.close();
}

const [sample] = (await admin.request(
	readItems('complaints', {
		filter: { _and: [{ service: { _eq: 'PROP' } }, { status: { _eq: 'resolved' } }] },
		fields: ['id'],
		sort: ['-received_at'],
		limit: 1,
	}),
)) as { id: string }[];
const [kanban] = (await admin.request(
	readPresets({
		filter: { bookmark: { _starts_with: 'Kanban' }, role: { _eq: ROLE_IDS.service_agent } },
		fields: ['id'],
		limit: 1,
	}),
)) as { id: number }[];
const agent = 'agent.proprete@casablanca.ma';
await shoot('agent', agent, 'fr-FR', '/admin/content/complaints', 'docs/screenshots/agent-queue-fr.png');
await shoot('agent', agent, 'ar-SA', '/admin/content/complaints', 'docs/screenshots/agent-queue-ar.png');
await shoot('agent', agent, 'fr-FR', `/admin/content/complaints/${sample.id}`, 'docs/screenshots/complaint-fr.png', {
	width: 1440,
	height: 2200,
});
await shoot(
	'agent',
	agent,
	'ar-SA',
	`/admin/content/complaints?bookmark=${kanban.id}`,
	'docs/screenshots/agent-kanban-ar.png',
);
