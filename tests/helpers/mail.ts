// E-mails as a mail client writes them, appended to the test IMAP server
// (Dovecot, tests/setup/services/imap.ts); the platform imports them at the
// next pass (POST /casa-mail/poll).
import { ImapFlow } from 'imapflow';
import { platform } from './api';

const b64 = (text: string | Buffer) =>
	(typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64').replace(/.{76}/g, '$&\r\n');
const encodeWord = (text: string) =>
	/^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

export interface MailSpec {
	from?: string | null;
	fromName?: string;
	subject: string;
	messageId?: string | null;
	text?: string;
	html?: string;
	attachments?: { filename: string; type: string; bytes: Buffer }[];
	headers?: Record<string, string>;
}

export function rawMail(spec: MailSpec): string {
	const lines: string[] = [];
	if (spec.from !== null)
		lines.push(`From: ${spec.fromName ? `${encodeWord(spec.fromName)} ` : ''}<${spec.from ?? 'citoyen@example.ma'}>`);
	lines.push(
		'To: reclamations@casablanca.ma',
		`Subject: ${encodeWord(spec.subject)}`,
		'Date: Sat, 28 Nov 2026 10:00:00 +0100',
		'MIME-Version: 1.0',
	);
	if (spec.messageId !== null)
		lines.push(`Message-ID: <${spec.messageId ?? `${Math.random().toString(36).slice(2)}@example.ma`}>`);
	for (const [name, value] of Object.entries(spec.headers ?? {})) lines.push(`${name}: ${value}`);
	const bodyPart =
		spec.html !== undefined
			? { type: 'text/html', content: spec.html }
			: { type: 'text/plain', content: spec.text ?? '' };
	if (!spec.attachments?.length) {
		lines.push(
			`Content-Type: ${bodyPart.type}; charset=utf-8`,
			'Content-Transfer-Encoding: base64',
			'',
			b64(bodyPart.content),
		);
		return `${lines.join('\r\n')}\r\n`;
	}
	const boundary = `b-${Math.random().toString(36).slice(2)}`;
	lines.push(
		`Content-Type: multipart/mixed; boundary="${boundary}"`,
		'',
		`--${boundary}`,
		`Content-Type: ${bodyPart.type}; charset=utf-8`,
		'Content-Transfer-Encoding: base64',
		'',
		b64(bodyPart.content),
	);
	for (const attachment of spec.attachments) {
		lines.push(
			`--${boundary}`,
			`Content-Type: ${attachment.type}; name="${attachment.filename}"`,
			`Content-Disposition: attachment; filename="${attachment.filename}"`,
			'Content-Transfer-Encoding: base64',
			'',
			b64(attachment.bytes),
		);
	}
	lines.push(`--${boundary}--`, '');
	return lines.join('\r\n');
}

/** A connection to the test mailbox, as the citizen's mail provider delivering into it. */
export async function connectMailbox(): Promise<ImapFlow> {
	const service = platform().services.imap as { host: string; port: number; user: string; password: string };
	const imap = new ImapFlow({
		host: service.host,
		port: service.port,
		secure: false,
		auth: { user: service.user, pass: service.password },
		logger: false,
	});
	await imap.connect();
	return imap;
}

export async function deliverMail(imap: ImapFlow, spec: MailSpec): Promise<number> {
	const result = await imap.append('INBOX', rawMail(spec));
	if (!result || !result.uid) throw new Error('append failed');
	return result.uid;
}
