// History events are written by the platform inside the same transaction as the
// change they record, as a nested create of the complaint's `history`. A staff
// user may add notes and replies directly; only payloads carrying a one-time
// token minted here may record anything else.
//
// A token may carry what else belongs to that transaction (the citizen's
// notifications): the history filter runs on the transaction's connection,
// the complaint update filter does not (Directus runs it before the write
// transaction opens), so the update hands its outbox rows over with the token.
import { randomUUID } from 'node:crypto';

export const SYSTEM_EVENT_TOKEN = '$casa_system_event';
const issued = new Map<string, unknown>();

export function mintSystemEventToken(attachment: unknown = null): string {
	const token = randomUUID();
	issued.set(token, attachment);
	// an aborted write never consumes its token: forget it after a minute
	setTimeout(() => issued.delete(token), 60_000).unref?.();
	return token;
}

export function consumeSystemEventToken(token: unknown): boolean {
	return typeof token === 'string' && issued.delete(token);
}

/** Consumes the token; `undefined` when it is not a live token, else what was attached (null if nothing). */
export function consumeSystemEvent(token: unknown): { attachment: unknown } | undefined {
	if (typeof token !== 'string' || !issued.has(token)) return undefined;
	const attachment = issued.get(token);
	issued.delete(token);
	return { attachment };
}
