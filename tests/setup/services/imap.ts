// A real IMAP server (Debian's Dovecot) for the e-mail intake tests: its own
// throw-away configuration in the test's data folder (127.0.0.1 on a free
// port, users from a passwd-file, maildir, no TLS), run as an unprivileged
// process (as `nobody` when the tests run as root).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	chownSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { TestService } from './index';

const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';
const USER = 'reclamations';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** The account dovecot runs as and stores mail as: never root (dovecot refuses mail for uid 0). */
function runAs(): { uid: number; gid: number; user: string; group: string } {
	const me = userInfo();
	if (me.uid !== 0)
		return { uid: me.uid, gid: me.gid, user: me.username, group: execFileSync('id', ['-gn']).toString().trim() };
	return {
		uid: 65534,
		gid: 65534,
		user: 'nobody',
		group: execFileSync('getent', ['group', '65534']).toString().split(':')[0] || 'nogroup',
	};
}

function chownTree(path: string, uid: number, gid: number) {
	chownSync(path, uid, gid);
	if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), uid, gid);
}

async function waitForGreeting(port: number, child: ChildProcess, log: string): Promise<void> {
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(
				`dovecot exited (${child.exitCode}): ${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''}`,
			);
		const ok = await new Promise<boolean>((resolve) => {
			const socket = createConnection({ host: '127.0.0.1', port }, () => undefined);
			socket.once('data', (chunk) => {
				socket.destroy();
				resolve(chunk.toString().startsWith('* OK'));
			});
			socket.once('error', () => resolve(false));
			setTimeout(() => {
				socket.destroy();
				resolve(false);
			}, 1000);
		});
		if (ok) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(
		`dovecot did not answer on port ${port}: ${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''}`,
	);
}

export async function startImapServer(dataDir: string): Promise<TestService> {
	// its own temp folder: the test data folder is private to the test user (mode 0700), dovecot runs as another
	const root = userInfo().uid === 0 ? mkdtempSync(join(tmpdir(), 'casa-imap-')) : join(dataDir, 'imap');
	const owner = runAs();
	const port = await freePort();
	const password = randomBytes(12).toString('hex');
	for (const dir of ['run', 'state', 'mail']) mkdirSync(join(root, dir), { recursive: true });
	const log = join(root, 'dovecot.log');
	writeFileSync(
		join(root, 'users'),
		`${USER}:{PLAIN}${password}:${owner.uid}:${owner.gid}::${join(root, 'mail', USER)}\n`,
	);
	writeFileSync(
		join(root, 'dovecot.conf'),
		`protocols = imap
listen = 127.0.0.1
base_dir = ${join(root, 'run')}
state_dir = ${join(root, 'state')}
instance_name = casa-test-${port}
log_path = ${log}
info_log_path = ${log}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${owner.user}
default_internal_user = ${owner.user}
default_internal_group = ${owner.group}
first_valid_uid = 1
mail_location = maildir:${join(root, 'mail')}/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${join(root, 'users')}
}
userdb {
  driver = passwd-file
  args = username_format=%u ${join(root, 'users')}
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`,
	);
	if (userInfo().uid === 0) chownTree(root, owner.uid, owner.gid);
	const child = spawn(DOVECOT, ['-F', '-c', join(root, 'dovecot.conf')], {
		uid: owner.uid,
		gid: owner.gid,
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let stderr = '';
	child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	try {
		await waitForGreeting(port, child, log);
	} catch (error) {
		child.kill('SIGKILL');
		throw new Error(`${(error as Error).message}\n${stderr}`);
	}
	return {
		env: {
			CASA_MAIL_IMAP_HOST: '127.0.0.1',
			CASA_MAIL_IMAP_PORT: String(port),
			CASA_MAIL_IMAP_SECURE: 'false',
			CASA_MAIL_IMAP_USER: USER,
			CASA_MAIL_IMAP_PASSWORD: password,
			CASA_MAIL_MAILBOX: 'INBOX',
			// passes are asked for by the tests (POST /casa-mail/poll), so a crash simulated on one is not
			// met first by a scheduled pass: the schedule runs once a day
			CASA_MAIL_POLL_SCHEDULE: '0 0 3 * * *',
			CASA_MAIL_TEST_FAULTS: 'true',
		},
		provide: { host: '127.0.0.1', port, user: USER, password },
		stop: async () => {
			if (child.exitCode === null) {
				await new Promise<void>((resolve) => {
					child.once('exit', () => resolve());
					child.kill('SIGTERM');
					setTimeout(() => child.kill('SIGKILL'), 3000).unref();
				});
			}
			rmSync(root, { recursive: true, force: true });
		},
	};
}
