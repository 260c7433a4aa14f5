// npm run demo:activate -- <account>   (e.g. chef-service, dgs, elu, maire)
// Needs the platform running (npm start) on this machine's configuration.
import { loadConfig } from '../directus.config';
import { adminClient, describeError } from './provision/client';
import { activateDemoAccount } from './lib/demo-accounts';
import { DEMO_ACCOUNTS } from './provision/demo-data';

const key = process.argv[2];
if (!key) {
	console.error(
		`usage: npm run demo:activate -- <account>\naccounts: ${DEMO_ACCOUNTS.map((account) => account.key).join(', ')}`,
	);
	process.exit(2);
}
const config = loadConfig();
try {
	const result = await activateDemoAccount(adminClient(`http://127.0.0.1:${config.port}`, config.adminToken), key);
	console.log(
		`active: ${result.activated}${result.suspended ? ` (suspended ${result.suspended} to stay within the 3 Core seats)` : ''}`,
	);
	console.log(`password: ${config.demo.password}`);
} catch (error) {
	console.error(`could not activate ${key}: ${describeError(error)}`);
	process.exit(1);
}
