// A real IMAP server (Debian's Dovecot) for the e-mail intake tests.
import type { TestService } from './index';

export async function startImapServer(_dataDir: string): Promise<TestService> {
	// filled in by the e-mail intake work (issue 4)
	return { env: {}, provide: {}, stop: async () => {} };
}
