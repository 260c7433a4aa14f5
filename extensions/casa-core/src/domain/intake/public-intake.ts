// What a citizen may send, whatever the road in (portal form, mobile app,
// Open311): a whitelist of fields with their types. Everything else is refused
// field by field; the complaint rules (category, location…) come after.
import type { FieldError } from '../complaint/complaint-plan';
import { cleanText } from '../text/sanitize';

export const PUBLIC_FIELDS = [
	'type',
	'category',
	'description',
	'latitude',
	'longitude',
	'address',
	'citizen_name',
	'citizen_phone',
	'citizen_email',
	'citizen_language',
	'consent',
] as const;

/** Accepted and ignored: the language switch, the idempotency key, the device and the honeypot have their own handling. */
export const CONTROL_FIELDS = ['lang', 'idempotency_key', 'device_id', 'website'] as const;

export interface PublicIntake {
	payload: Record<string, unknown>;
	errors: FieldError[];
	/** a bot filled the hidden field */
	honeypot: boolean;
}

const MOROCCAN_PHONE = /^(?:\+212|00212|0)([5-7]\d{8})$/;

function toNumber(value: unknown): number | null | undefined {
	if (value === undefined || value === null || value === '') return value === undefined ? undefined : null;
	const number =
		typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(',', '.')) : Number.NaN;
	return Number.isFinite(number) ? number : Number.NaN;
}

/** A text field: NUL, control and bidi override characters removed (domain/text). Objects and lists are not text. */
function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return cleanText(value).trim();
	return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

const isText = (value: unknown) =>
	value === undefined ||
	value === null ||
	typeof value === 'string' ||
	typeof value === 'number' ||
	typeof value === 'boolean';

/** A Moroccan number in one canonical form (+2126…), or null if it is not one. */
export function normalisePhone(raw: string): string | null {
	const compact = raw.replace(/[\s.\-()]/g, '');
	const match = MOROCCAN_PHONE.exec(compact);
	return match ? `+212${match[1]}` : null;
}

export function readPublicIntake(body: Record<string, unknown>): PublicIntake {
	const errors: FieldError[] = [];
	for (const key of Object.keys(body)) {
		if (!(PUBLIC_FIELDS as readonly string[]).includes(key) && !(CONTROL_FIELDS as readonly string[]).includes(key))
			errors.push({ field: key, key: 'field.unknown', values: { field: key } });
	}
	const payload: Record<string, unknown> = {};
	for (const field of PUBLIC_FIELDS) {
		if (!isText(body[field])) errors.push({ field, key: 'surface.body.text', values: { field } });
	}
	for (const field of [
		'type',
		'category',
		'description',
		'address',
		'citizen_name',
		'citizen_email',
		'citizen_language',
	] as const) {
		const value = text(body[field]);
		if (value !== undefined && value !== '') payload[field] = value;
	}
	for (const field of ['latitude', 'longitude'] as const) {
		if (!isText(body[field])) continue;
		const value = toNumber(body[field]);
		if (value === undefined || value === null) continue;
		if (Number.isNaN(value)) errors.push({ field, key: 'field.coordinates' });
		else payload[field] = value;
	}
	const phone = text(body.citizen_phone);
	if (phone) {
		const normalised = normalisePhone(phone);
		if (normalised) payload.citizen_phone = normalised;
		else errors.push({ field: 'citizen_phone', key: 'field.phone' });
	}
	const givesContact = ['citizen_name', 'citizen_phone', 'citizen_email'].some((field) => !!text(body[field]));
	const consent = body.consent === true || body.consent === 'true' || body.consent === 'on' || body.consent === '1';
	// loi 09-08: no contact data without the citizen's informed consent
	if (givesContact && !consent) errors.push({ field: 'consent', key: 'field.consent_required' });
	const honeypot = typeof body.website === 'string' && body.website.trim() !== '';
	return { payload, errors, honeypot };
}
