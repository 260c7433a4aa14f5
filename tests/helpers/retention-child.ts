// Runs the retention job (adapters/privacy/anonymise) on the test platform's
// database in its own process and stops inside the second batch of complaints,
// after its writes and before its commit, saying so on stdout: the test kills
// it there (tests/integration/retention-kill.test.ts).
import { runRetention } from '../../extensions/casa-core/src/adapters/privacy/anonymise';
import { type DatabaseConfig, connectDatabase } from './connect-database';

const database = connectDatabase(JSON.parse(process.env.CASA_CHILD_DATABASE ?? '{}') as DatabaseConfig);
await runRetention({
	database,
	batchSize: Number(process.env.CASA_CHILD_BATCH ?? 4),
	afterBatchWrites: async (batch) => {
		if (batch < 2) return;
		process.stdout.write('inside batch 2\n');
		await new Promise(() => {});
	},
});
process.stdout.write('finished without stopping\n');
await database.destroy();
