// `npm start`: bootstrap the database, run Directus with the project's
// extensions, provision schema, reference data, roles, settings and (outside
// production) demo data, then keep serving until stopped.
import { assertSafeForMode, loadConfig } from '../directus.config';
import { runDirectusCommand, startDirectus, waitForHealth } from './lib/directus-process';
import { DEMO_ACCOUNTS } from './provision/demo-data';
import { provision } from './provision/index';

const config = loadConfig();
assertSafeForMode(config);
const log = (message: string) => console.log(`[casa] ${message}`);

log(
	`database: ${config.database.client === 'sqlite3' ? config.database.filename : `${config.database.host}/${config.database.database}`}`,
);
await runDirectusCommand(config, ['bootstrap'], { quiet: true });
const server = startDirectus(config);
// SIGTERM/SIGINT: Directus stops taking connections and lets requests in flight finish (CASA_SHUTDOWN_GRACE_MS);
// the "start" script execs tsx, so the signal npm passes on reaches this process and not only the shell
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
	if (stopping) return;
	stopping = true;
	log(`${signal}: stopping (requests in flight have ${Math.round(config.shutdownGraceMs / 1000)} s)`);
	server.kill(signal);
	setTimeout(() => server.kill('SIGKILL'), config.shutdownGraceMs + 5000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));

await waitForHealth(`http://127.0.0.1:${config.port}`, server);
try {
	await provision(config, log);
} catch (error) {
	console.error(`[casa] ${(error as Error).message}`);
	server.kill('SIGTERM');
	process.exitCode = 1;
	await new Promise(() => {}); // the server's exit ends the process
}
log(`ready: ${config.publicUrl}/admin`);
log(`administrator: ${config.adminEmail}${config.mode === 'production' ? '' : ` / ${config.adminPassword}`}`);
if (config.demo.enabled) {
	log(
		`demo accounts (password ${config.demo.password}); Directus Core allows 3 active app users, switch with: npm run demo:activate -- <account>`,
	);
	for (const account of DEMO_ACCOUNTS) log(`  ${account.key.padEnd(18)} ${account.email}`);
}
