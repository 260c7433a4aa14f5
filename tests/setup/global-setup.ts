import type { TestProject } from 'vitest/node';
import type { PlatformConfig } from '../../directus.config';
import { startTestPlatform } from './test-platform';

declare module 'vitest' {
	export interface ProvidedContext {
		casa: {
			url: string;
			adminToken: string;
			demoPassword: string;
			database: string;
			databaseFile: string | null;
			config: PlatformConfig;
			mailDir: string;
			services: Record<string, Record<string, unknown>>;
		};
	}
}

export default async function setup(project: TestProject) {
	const platform = await startTestPlatform();
	const db = platform.config.database;
	project.provide('casa', {
		url: platform.url,
		adminToken: platform.config.adminToken,
		demoPassword: platform.config.demo.password,
		database: db.client,
		databaseFile: db.client === 'sqlite3' ? db.filename : null,
		config: platform.config,
		mailDir: platform.mailDir,
		services: platform.services,
	});
	return async () => platform.stop();
}
