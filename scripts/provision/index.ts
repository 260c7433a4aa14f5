// Everything `npm start` sets up after Directus is running, in order. Each step
// is idempotent: a second start changes nothing, and a start after a schema
// change only adds what is new.
import type { PlatformConfig } from '../../directus.config';
import { customEndpoint } from '@directus/sdk';
import { provisionAccess } from './access';
import { applySchema } from './apply-schema';
import { provisionFlows } from './flows';
import { adminClient, describeError } from './client';
import { provisionDashboards } from './dashboards';
import { seedDemoData } from './demo-data';
import { seedReferenceData } from './reference-data';
import { provisionPresets, provisionSettings, provisionTranslations } from './settings';

export async function provision(config: PlatformConfig, log: (message: string) => void = console.log): Promise<void> {
	const client = adminClient(`http://127.0.0.1:${config.port}`, config.adminToken);
	const step = async (name: string, run: () => Promise<void>) => {
		try {
			await run();
		} catch (error) {
			throw new Error(`provisioning step "${name}" failed: ${describeError(error)}`);
		}
	};
	await step('schema', () => applySchema(client, log));
	// indexes over several columns (schema/indexes.ts), which the field schema cannot describe
	await step('indexes', async () => {
		const result = (await client.request(customEndpoint({ path: '/casa-schema/indexes', method: 'POST' }))) as {
			created: string[];
		};
		for (const name of result.created) log(`created index ${name}`);
	});
	await step('reference data', () => seedReferenceData(client, log));
	await step('roles and permissions', () => provisionAccess(client, log));
	await step('settings', () => provisionSettings(client, config.adminEmail, config.limits.loginAttempts));
	await step('translations', () => provisionTranslations(client));
	await step('saved views', () => provisionPresets(client));
	await step('flows', () => provisionFlows(client, log));
	await step('dashboards', () => provisionDashboards(client, log));
	if (config.demo.enabled) await step('demo data', () => seedDemoData(client, config, log));
}
