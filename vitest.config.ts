import { defineConfig } from 'vitest/config';

// Two projects: domain unit tests beside the code, and integration tests that
// start a real Directus (see tests/setup/global-setup.ts).
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: [
						'extensions/*/src/**/*.test.ts',
						'scripts/**/*.test.ts',
						'deploy/**/*.test.ts',
						'schema/**/*.test.ts',
					],
					environment: 'node',
				},
			},
			{
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/setup/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
					fileParallelism: false,
				},
			},
		],
	},
});
