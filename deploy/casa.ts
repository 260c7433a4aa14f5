// The platform's commands inside the production image (compiled to
// deploy/dist/casa.mjs by deploy/build-scripts.mjs; deploy/docker-entrypoint.sh
// calls it):
//   provision  bootstrap the database, start Directus, provision schema, roles,
//              settings and flows, stop: run once per deployment, by one container
//   serve      run Directus with the project's configuration (any number of replicas)
//   start      both in one process, as `npm start` (a single instance)
import { assertSafeForMode, loadConfig } from '../directus.config';
import { runDirectusCommand, startDirectus, waitForHealth } from '../scripts/lib/directus-process';
import { provision } from '../scripts/provision/index';

const log = (message: string) => console.log(`[casa] ${message}`);

/** SIGTERM/SIGINT reach Directus, which lets requests in flight finish (CASA_SHUTDOWN_GRACE_MS, under the compose file's stop_grace_period) */
function stopOnSignals(server: ReturnType<typeof startDirectus>, graceMs = loadConfig().shutdownGraceMs) {
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			server.kill(signal);
			setTimeout(() => server.kill('SIGKILL'), graceMs + 5000).unref();
		});
}

async function provisionOnce(): Promise<void> {
	const config = loadConfig();
	assertSafeForMode(config);
	await runDirectusCommand(config, ['bootstrap']);
	const server = startDirectus(config);
	stopOnSignals(server);
	try {
		await waitForHealth(`http://127.0.0.1:${config.port}`, server);
		await provision(config, log);
		log('provisioned');
	} finally {
		await new Promise<void>((resolve) => {
			if (server.exitCode !== null) return resolve();
			server.once('exit', () => resolve());
			server.kill('SIGTERM');
		});
	}
}

function serve(): void {
	const config = loadConfig();
	assertSafeForMode(config);
	const server = startDirectus(config);
	stopOnSignals(server);
	server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

const command = process.argv[2];
if (command === 'provision') {
	await provisionOnce();
} else if (command === 'serve') {
	serve();
} else if (command === 'start') {
	await import('../scripts/start');
} else {
	console.error('usage: casa.mjs provision | serve | start');
	process.exit(64);
}
