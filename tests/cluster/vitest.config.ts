// Several instances: two Directus processes with the real extension on one
// private PostgreSQL and one private Redis (tests/cluster/cluster-setup.ts).
//   vitest run --config tests/cluster/vitest.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		name: 'cluster',
		include: ['tests/cluster/**/*.cluster.test.ts'],
		globalSetup: ['tests/cluster/cluster-setup.ts'],
		testTimeout: 90_000,
		hookTimeout: 240_000,
		fileParallelism: false,
		// the outage tests stop the database and Redis: they run last
		sequence: { shuffle: false },
	},
});
