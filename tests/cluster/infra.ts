// The cluster test's own PostgreSQL and Redis: private instances on free ports
// in a temporary folder, so a test can stop and start them without touching
// the machine's shared servers. PostgreSQL runs as the `postgres` user
// (initdb refuses root); both are daemons driven by their pid files, so the
// test workers and the global setup can control them alike.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const PG_BIN = process.env.CASA_PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const REDIS_SERVER = process.env.CASA_REDIS_SERVER ?? '/usr/bin/redis-server';

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

const asPostgres = (command: string, args: string[]) =>
	execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, command), ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
	}).toString();

export interface PostgresHandle {
	dir: string;
	port: number;
}

/** a fresh cluster in `dir` (owned by postgres), trust authentication, no durability needed */
export function initPostgres(dir: string, port: number): PostgresHandle {
	execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	asPostgres('initdb', [
		'-D',
		join(dir, 'pgdata'),
		'-A',
		'trust',
		'-U',
		'postgres',
		'--no-sync',
		'-E',
		'UTF8',
		'--locale',
		'C',
	]);
	const handle = { dir, port };
	startPostgres(handle);
	return handle;
}

export function startPostgres({ dir, port }: PostgresHandle): void {
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
	asPostgres('pg_ctl', [
		'-D',
		join(dir, 'pgdata'),
		'-o',
		options,
		'-l',
		join(dir, 'postgres.log'),
		'-w',
		'-t',
		'60',
		'start',
	]);
}

/** fast shutdown: open sessions are cut, as when the database host goes away */
export function stopPostgres({ dir }: PostgresHandle): void {
	if (!existsSync(join(dir, 'pgdata', 'postmaster.pid'))) return;
	asPostgres('pg_ctl', ['-D', join(dir, 'pgdata'), '-m', 'fast', '-w', '-t', '60', 'stop']);
}

export interface RedisHandle {
	dir: string;
	port: number;
}

export function startRedis({ dir, port }: RedisHandle): void {
	execFileSync(REDIS_SERVER, [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--daemonize',
		'yes',
		'--pidfile',
		join(dir, 'redis.pid'),
		'--logfile',
		join(dir, 'redis.log'),
		'--dir',
		dir,
	]);
}

export async function stopRedis({ dir }: RedisHandle): Promise<void> {
	const pidFile = join(dir, 'redis.pid');
	if (!existsSync(pidFile)) return;
	const pid = Number(readFileSync(pidFile, 'utf8').trim());
	try {
		process.kill(pid, 'SIGKILL');
	} catch {
		return; // already gone
	}
	// wait until the process is gone and the port is free
	for (let i = 0; i < 100; i++) {
		try {
			process.kill(pid, 0);
		} catch {
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	execFileSync('rm', ['-f', pidFile]);
}

export async function waitForRedis(port: number, timeoutMs = 10_000): Promise<void> {
	const { Redis } = await import('ioredis');
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const client = new Redis({
			port,
			host: '127.0.0.1',
			lazyConnect: true,
			maxRetriesPerRequest: 0,
			retryStrategy: () => null,
		});
		try {
			await client.connect();
			if ((await client.ping()) === 'PONG') return;
		} catch {
			// not yet
		} finally {
			client.disconnect();
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`redis-server on port ${port} did not answer`);
}

/**
 * Freezes (SIGSTOP) or thaws (SIGCONT) the private PostgreSQL and every one of
 * its server processes: a hung database host, whose connections stay open and
 * answer nothing. Only the processes under this cluster's own postmaster.
 */
export function signalPostgres({ dir }: PostgresHandle, signal: 'SIGSTOP' | 'SIGCONT'): void {
	const pidFile = join(dir, 'pgdata', 'postmaster.pid');
	if (!existsSync(pidFile)) return;
	const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
	let children: number[] = [];
	try {
		children = execFileSync('pgrep', ['-P', String(postmaster)])
			.toString()
			.split('\n')
			.filter(Boolean)
			.map(Number);
	} catch {
		// no children
	}
	for (const pid of [postmaster, ...children]) {
		try {
			process.kill(pid, signal);
		} catch {
			// gone meanwhile
		}
	}
}
