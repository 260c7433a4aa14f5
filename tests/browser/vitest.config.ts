// Browser tests of the citizens' web app (/portal/): Debian's Chromium driven
// by playwright-core against the same throw-away Directus as the integration
// tests (../setup/global-setup.ts), after building the app.
//   vitest run --config tests/browser/vitest.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** the foreign site of the embed test (tests/browser/portal.browser.test.ts) */
export const EMBED_PORT = 47817;
const EMBED_ORIGIN = `http://127.0.0.1:${EMBED_PORT}`;

// Read by tests/setup/test-platform.ts through process.env when it starts Directus:
// the embed's site may call the citizens' API (CORS; the allowed headers come from directus.config.ts).
const origins = (process.env.PORTAL_EMBED_ORIGINS ?? 'https://casablancacity.ma,https://www.casablancacity.ma').split(
	',',
);
if (!origins.includes(EMBED_ORIGIN)) origins.push(EMBED_ORIGIN);
process.env.PORTAL_EMBED_ORIGINS = origins.join(',');

export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		name: 'browser',
		include: ['tests/browser/**/*.browser.test.ts'],
		globalSetup: ['tests/browser/build-portal.setup.ts', 'tests/setup/global-setup.ts'],
		provide: { embedPort: EMBED_PORT },
		testTimeout: 120_000,
		hookTimeout: 240_000,
		fileParallelism: false,
		// a screen that reloads after a command takes longer than vitest's 1 s default on a loaded machine
		expect: { poll: { timeout: 15_000 } },
	},
});
