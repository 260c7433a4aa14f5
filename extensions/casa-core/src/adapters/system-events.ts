// History events are written by the platform inside the same transaction as the
// change they record, as a nested create of the complaint's `history`. A staff
// user may add notes and replies directly; only payloads carrying a one-time
// token minted here may record anything else.
import { randomUUID } from 'node:crypto';

export const SYSTEM_EVENT_TOKEN = '$casa_system_event';
const issued = new Set<string>();

export function mintSystemEventToken(): string {
	const token = randomUUID();
	issued.add(token);
	// an aborted write never consumes its token: forget it after a minute
	setTimeout(() => issued.delete(token), 60_000).unref?.();
	return token;
}

export function consumeSystemEventToken(token: unknown): boolean {
	return typeof token === 'string' && issued.delete(token);
}
