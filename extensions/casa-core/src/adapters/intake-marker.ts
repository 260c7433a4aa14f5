import type { Language } from '../domain/i18n/messages';

/** Payload key by which the public endpoints tell the hooks who acts; honoured only without accountability. */
export const INTAKE_MARKER = '$casa_intake';

export interface IntakeMarker {
	actor: 'citizen' | 'system';
	language?: Language;
	trackingSecretHash?: string;
}
