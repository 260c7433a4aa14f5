// One pass over the mailbox. First the ledger rows left unfinished (a crash,
// a retry), then each message not yet marked by the platform: recorded in the
// ledger (raw text kept) before anything else, imported, and only after that
// commit marked in the mailbox (\Seen and the $CasaImported keyword; failed
// ones also $CasaFailed, and stay where they are). Messages are never deleted.
import { ImapFlow } from 'imapflow';
import { MAX_MESSAGE_BYTES, messageKey, sha256 } from '../../domain/mail/message-rules';
import {
	FAULT_HEADER,
	type ImportContext,
	type ImportOutcome,
	SimulatedCrash,
	importRow,
	notifyAdministrators,
} from './importer';
import { type LedgerRow, findByKey, markMailboxDone, recordMessage, unfinished } from './ledger';

export interface MailboxConfig {
	host: string;
	port: number;
	secure: boolean;
	user: string;
	password: string;
	mailbox: string;
}

export const DONE_KEYWORD = '$CasaImported';
export const FAILED_KEYWORD = '$CasaFailed';
const BATCH = 50;

export type PollTotals = Record<ImportOutcome | 'seen', number>;

function emptyTotals(): PollTotals {
	return { complaint: 0, reply: 0, ignored: 0, failed: 0, retry: 0, skipped: 0, seen: 0 };
}

const FINISHED = ['processed', 'ignored', 'failed'];

export async function pollMailbox(context: ImportContext, mailbox: MailboxConfig): Promise<PollTotals> {
	const totals = emptyTotals();
	const now = context.now ?? (() => new Date());
	for (const row of await unfinished(context.database, now())) totals[await importRow(context, row)]++;

	const client = new ImapFlow({
		host: mailbox.host,
		port: mailbox.port,
		secure: mailbox.secure,
		auth: { user: mailbox.user, pass: mailbox.password },
		logger: false,
		disableAutoIdle: true,
	});
	// a dropped connection must not become an unhandled error event
	client.on('error', () => undefined);
	await client.connect();
	try {
		const lock = await client.getMailboxLock(mailbox.mailbox);
		try {
			const uidValidity = String(
				client.mailbox && typeof client.mailbox === 'object' ? client.mailbox.uidValidity : '',
			);
			const uids = (await client.search({ unKeyword: DONE_KEYWORD }, { uid: true })) || [];
			for (const uid of uids.slice(0, BATCH)) {
				totals.seen++;
				const row = await ledgerRowFor(context, client, mailbox.mailbox, uidValidity, uid);
				if (!row) continue;
				let current: LedgerRow | null = row;
				if (!FINISHED.includes(current.status)) {
					const outcome = await importRow(context, current);
					totals[outcome]++;
					current = await findByKey(context.database, current.message_key);
				}
				if (current && FINISHED.includes(current.status)) {
					await client.messageFlagsAdd(
						String(uid),
						current.status === 'failed' ? ['\\Seen', DONE_KEYWORD, FAILED_KEYWORD] : ['\\Seen', DONE_KEYWORD],
						{ uid: true },
					);
					await markMailboxDone(context.database, current.id);
				}
			}
		} finally {
			lock.release();
		}
	} finally {
		await client.logout().catch(() => client.close());
	}
	return totals;
}

/** The ledger row of a mailbox message, recorded now if it is new. */
async function ledgerRowFor(
	context: ImportContext,
	client: ImapFlow,
	mailbox: string,
	uidValidity: string,
	uid: number,
): Promise<LedgerRow | null> {
	const head = await client.fetchOne(String(uid), { size: true, envelope: true }, { uid: true });
	if (!head) return null;
	const messageId = head.envelope?.messageId ?? null;
	const from = head.envelope?.from?.[0]?.address ?? null;
	const subject = head.envelope?.subject ?? null;
	const size = head.size ?? 0;
	if (size > MAX_MESSAGE_BYTES) {
		// too big to keep in the ledger: recorded as failed, left in the mailbox, reported once
		const key = messageId ? messageKey(messageId, '') : `uid:${mailbox}:${uidValidity}:${uid}`;
		const { row, created } = await recordMessage(context.database, {
			message_key: key,
			message_id: messageId,
			content_hash: null,
			mailbox,
			uid,
			uid_validity: uidValidity,
			from_address: from,
			subject,
			raw: null,
			status: 'failed',
			reason: `too large (${size} bytes)`,
		});
		if (created)
			await context.database.transaction((trx) =>
				notifyAdministrators(
					trx,
					row.id,
					{ key: 'mail.reason.too_large', values: { size: Math.ceil(size / 1048576) } },
					from,
					subject,
				),
			);
		return row;
	}
	if (messageId) {
		// a second delivery of a known message: no need to download it again
		const known = await findByKey(context.database, messageKey(messageId, ''));
		if (known) return known;
	}
	const full = await client.fetchOne(String(uid), { source: true }, { uid: true });
	if (!full || !full.source) return null;
	const key = messageKey(messageId, full.source);
	const { row, created } = await recordMessage(context.database, {
		message_key: key,
		message_id: messageId?.slice(0, 255) ?? null,
		content_hash: sha256(full.source),
		mailbox,
		uid,
		uid_validity: uidValidity,
		from_address: from,
		subject,
		raw: full.source.toString('base64'),
		status: 'received',
	});
	if (created) context.fault?.('after-ledger', key, faultRequested(full.source));
	return row;
}

function faultRequested(source: Buffer): string | null {
	const headerEnd = source.indexOf('\r\n\r\n');
	const headers = source.subarray(0, headerEnd < 0 ? Math.min(source.length, 8192) : headerEnd).toString('latin1');
	const match = new RegExp(`^${FAULT_HEADER}:\\s*(\\S+)`, 'im').exec(headers);
	return match ? match[1].toLowerCase() : null;
}

export { SimulatedCrash };
