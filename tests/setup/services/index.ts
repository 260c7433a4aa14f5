// The real servers (or msw-backed stand-ins for what this machine cannot reach)
// that the platform under test talks to, besides its database and the SMTP
// catcher: each one gives the environment Directus needs to reach it and what
// the tests need to inspect it.
import { startImapServer } from './imap';
import { startMetaGraphMock } from './meta-graph';
import { startSmsGateway } from './sms-gateway';

export interface TestService {
	/** environment variables for the Directus process */
	env: Record<string, string>;
	/** handed to the tests through inject('casa').services[name] */
	provide: Record<string, unknown>;
	stop: () => Promise<void>;
}

export async function startTestServices(dataDir: string): Promise<{
	env: Record<string, string>;
	provide: Record<string, Record<string, unknown>>;
	stop: () => Promise<void>;
}> {
	const started: [string, TestService][] = [];
	try {
		started.push(['imap', await startImapServer(dataDir)]);
		started.push(['meta', await startMetaGraphMock(dataDir)]);
		started.push(['sms', await startSmsGateway(dataDir)]);
	} catch (error) {
		await Promise.allSettled(started.map(([, service]) => service.stop()));
		throw error;
	}
	return {
		env: Object.assign({}, ...started.map(([, service]) => service.env)),
		provide: Object.fromEntries(started.map(([name, service]) => [name, service.provide])),
		stop: async () => {
			await Promise.allSettled(started.map(([, service]) => service.stop()));
		},
	};
}
