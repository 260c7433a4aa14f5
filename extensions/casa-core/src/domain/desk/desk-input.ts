// What a registry-office or call-centre agent may send from the desk: a field
// whitelist with the desk's own rules (channel, paper-mail registry number and
// date received, contact with consent). The complaint rules (category exists,
// point inside the commune, deadlines) come after, in the complaint hooks.
import { TZDate } from '@date-fns/tz';
import type { FieldError } from '../complaint/complaint-plan';
import { CASABLANCA_TIME_ZONE } from '../calendar';
import { normaliseMoroccanPhone } from './phone';
import { DESK_CHANNELS, TEXT_LIMITS, isOneOf } from '../complaint/vocabulary';

export { DESK_CHANNELS, type DeskChannel } from '../complaint/vocabulary';

export const DESK_FIELDS = [
	'channel',
	'type',
	'category',
	'description',
	'latitude',
	'longitude',
	'address',
	'arrondissement',
	'citizen_name',
	'citizen_phone',
	'citizen_email',
	'citizen_language',
	'consent',
	'registry_number',
	'received_at',
	'scan',
] as const;
// read by the endpoint itself: the answers to the category's questions are checked against its definitions there
const CONTROL_FIELDS = ['lang', 'idempotency_key', 'attributes'];

/** How far back a letter's arrival may be typed: beyond that it is a typing mistake. */
export const MAX_RECEIVED_AGE_DAYS = 365;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DeskInput {
	payload: Record<string, unknown>;
	/** the scanned letter (a directus_files id), attached as kind 'scan' */
	scan: string | null;
	errors: FieldError[];
}

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const trimmed = (typeof value === 'string' ? value : String(value)).trim();
	return trimmed === '' ? undefined : trimmed;
}

function toNumber(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
	return Number.isFinite(number) ? number : Number.NaN;
}

/**
 * The instant a letter arrived: "YYYY-MM-DD" (a day in Casablanca, its start),
 * "YYYY-MM-DDTHH:mm" (Casablanca wall time) or a full ISO instant.
 */
export function readReceivedAt(value: string): Date | null {
	const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(value);
	if (local) {
		const [, y, mo, d, h = '0', mi = '0'] = local;
		const date = new Date(new TZDate(+y, +mo - 1, +d, +h, +mi, 0, 0, CASABLANCA_TIME_ZONE).getTime());
		// 2026-02-31 rolls over: refuse it instead
		return Number(mo) - 1 === new TZDate(date.getTime(), CASABLANCA_TIME_ZONE).getMonth() ? date : null;
	}
	if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}

export function readDeskInput(body: Record<string, unknown>, now: Date): DeskInput {
	const errors: FieldError[] = [];
	const payload: Record<string, unknown> = {};
	for (const key of Object.keys(body)) {
		if (!(DESK_FIELDS as readonly string[]).includes(key) && !CONTROL_FIELDS.includes(key))
			errors.push({ field: key, key: 'field.unknown', values: { field: key } });
	}

	const channel = text(body.channel);
	if (!channel) errors.push({ field: 'channel', key: 'desk.errors.channel_required' });
	else if (!isOneOf(DESK_CHANNELS, channel))
		errors.push({ field: 'channel', key: 'desk.errors.channel_invalid', values: { value: channel } });
	else payload.channel = channel;

	for (const field of [
		'type',
		'category',
		'description',
		'address',
		'arrondissement',
		'citizen_name',
		'citizen_email',
		'citizen_language',
	] as const) {
		const value = text(body[field]);
		if (value !== undefined) payload[field] = value;
	}
	if (!payload.category) errors.push({ field: 'category', key: 'desk.errors.category_required' });
	if (!payload.description) errors.push({ field: 'description', key: 'desk.errors.description_required' });
	else if (String(payload.description).length < 10)
		errors.push({ field: 'description', key: 'desk.errors.description_short', values: { min: 10 } });

	const lat = toNumber(body.latitude);
	const lng = toNumber(body.longitude);
	if ((lat === undefined) !== (lng === undefined) || Number.isNaN(lat) || Number.isNaN(lng))
		errors.push({ field: 'latitude', key: 'field.coordinates' });
	else if (lat !== undefined && lng !== undefined) {
		payload.latitude = lat;
		payload.longitude = lng;
	}
	// a place is needed to route the complaint: a point on the map, or a typed address
	if (payload.latitude === undefined && !payload.address && !errors.some((error) => error.field === 'latitude'))
		errors.push({ field: 'address', key: 'desk.errors.location_required' });
	// without a point, the arrondissement the agent picks routes it
	if (payload.latitude !== undefined) delete payload.arrondissement;

	const phone = text(body.citizen_phone);
	if (phone) {
		const normalised = normaliseMoroccanPhone(phone);
		if (normalised) payload.citizen_phone = normalised;
		else errors.push({ field: 'citizen_phone', key: 'field.phone' });
	}
	const consent = body.consent === true || body.consent === 'true' || body.consent === 'on' || body.consent === '1';
	// loi 09-08: the agent reads the notice to the caller and ticks their consent
	if ((payload.citizen_name || phone || payload.citizen_email) && !consent)
		errors.push({ field: 'consent', key: 'desk.errors.consent_required' });

	const registryNumber = text(body.registry_number);
	const receivedRaw = text(body.received_at);
	const scan = text(body.scan) ?? null;
	if (channel === 'courrier') {
		if (!registryNumber) errors.push({ field: 'registry_number', key: 'desk.errors.registry_number_required' });
		else if (registryNumber.length > TEXT_LIMITS.registry_number)
			errors.push({
				field: 'registry_number',
				key: 'field.too_long',
				values: { field: 'registry_number', limit: TEXT_LIMITS.registry_number },
			});
		else payload.registry_number = registryNumber;
		if (!receivedRaw) errors.push({ field: 'received_at', key: 'desk.errors.received_at_required' });
		else {
			const receivedAt = readReceivedAt(receivedRaw);
			if (!receivedAt) errors.push({ field: 'received_at', key: 'desk.errors.received_at_invalid' });
			else if (receivedAt.getTime() > now.getTime() + 60_000)
				errors.push({ field: 'received_at', key: 'field.received_in_future' });
			else if (now.getTime() - receivedAt.getTime() > MAX_RECEIVED_AGE_DAYS * 86_400_000)
				errors.push({
					field: 'received_at',
					key: 'desk.errors.received_at_too_old',
					values: { days: MAX_RECEIVED_AGE_DAYS },
				});
			else payload.received_at = receivedAt.toISOString();
		}
		if (scan !== null && !UUID.test(scan)) errors.push({ field: 'scan', key: 'desk.errors.scan_invalid' });
	} else {
		// a call or a visit is received now: only paper mail carries its own number and date
		for (const [field, value] of [
			['registry_number', registryNumber],
			['received_at', receivedRaw],
			['scan', scan],
		] as const)
			if (value) errors.push({ field, key: 'desk.errors.courrier_only', values: { field } });
	}
	return { payload, scan: channel === 'courrier' ? scan : null, errors };
}
