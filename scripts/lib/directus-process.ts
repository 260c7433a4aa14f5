// Runs the Directus CLI with the environment from directus.config.ts. Used by
// `npm start`, the test setup and the benchmarks, so all run the same thing.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type PlatformConfig, directusEnv, projectRoot } from '../../directus.config';

// Directus's own cli.js first asks the registry for updates; the pinned version is deliberate.
const cli = join(projectRoot, 'node_modules', '@directus', 'api', 'dist', 'cli', 'run.js');

function environment(config: PlatformConfig, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return { ...process.env, ...directusEnv(config), ...extra };
}

export function runDirectusCommand(
	config: PlatformConfig,
	args: string[],
	options: { quiet?: boolean } = {},
): Promise<void> {
	mkdirSync(config.uploads.root, { recursive: true });
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, ...args], {
			cwd: projectRoot,
			env: environment(config),
			stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
		});
		let output = '';
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`directus ${args.join(' ')} exited with ${code}\n${output}`)),
		);
	});
}

export function startDirectus(
	config: PlatformConfig,
	options: { quiet?: boolean; extraEnv?: Record<string, string> } = {},
): ChildProcess {
	mkdirSync(config.uploads.root, { recursive: true });
	return spawn(process.execPath, [cli, 'start'], {
		cwd: projectRoot,
		env: environment(config, options.extraEnv),
		stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
	});
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exited: number | null = null;
	child.once('exit', (code) => (exited = code ?? -1));
	while (Date.now() < deadline) {
		if (exited !== null) throw new Error(`Directus exited with code ${exited} before it was ready`);
		try {
			const response = await fetch(`${url}/server/ping`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`Directus was not answering at ${url} after ${timeoutMs / 1000} s`);
}
