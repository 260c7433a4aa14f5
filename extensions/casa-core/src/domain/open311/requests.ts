// Open311 service requests are the platform's complaints, seen from outside:
// reference, open/closed, public reply, dates, place. Never the citizen's
// name, phone or e-mail, never internal notes or agents; the citizen's text
// and photos only once an agent has marked them publishable
// (description_public, photos_public): they may name or show people. The
// view copies whitelisted columns only.
import type { FieldError } from '../complaint/complaint-plan';
import type { Language } from '../i18n/messages';
import { cleanText } from '../text/sanitize';
import { type ComplaintStatus, COMPLAINT_STATUSES, OPEN_STATUSES } from '../workflow/transitions';
import { formatLocalDateTime, formatOpen311DateTime, parseOpen311DateTime, toInstant } from './dates';
import { type Open311Error, open311Error } from './errors';
import { pickName, serviceNotice } from './services';

export type Open311Status = 'open' | 'closed';

export const CLOSED_STATUSES: readonly ComplaintStatus[] = COMPLAINT_STATUSES.filter(
	(status) => !OPEN_STATUSES.includes(status),
);

export function open311Status(status: string): Open311Status {
	return (OPEN_STATUSES as readonly string[]).includes(status) ? 'open' : 'closed';
}

/** The complaint columns the API may read. Nothing else is ever selected. */
export const REQUEST_COLUMNS = [
	'reference',
	'status',
	'category',
	'received_at',
	'date_created',
	'date_updated',
	'resolve_due_at',
	'public_reply',
	'rejection_reason',
	'redirected_to',
	'address',
	'latitude',
	'longitude',
	'description',
	'description_public',
	'photos_public',
] as const;

/** GeoReport v2: "free form text limited to 4,000 characters". */
export const MAX_DESCRIPTION = 4000;

export interface ComplaintRow {
	reference: string;
	status: string;
	category: string | null;
	received_at: unknown;
	date_created?: unknown;
	date_updated?: unknown;
	resolve_due_at: unknown;
	public_reply: string | null;
	rejection_reason: string | null;
	redirected_to: string | null;
	address: string | null;
	latitude: number | string | null;
	longitude: number | string | null;
	category_name_fr: string | null;
	category_name_ar: string | null;
	service_name_fr: string | null;
	service_name_ar: string | null;
	resolve_in?: number | string | null;
	resolve_unit?: string | null;
	description?: string | null;
	description_public?: unknown;
	photos_public?: unknown;
	/** photos of the complaint (counted only when they are publishable) */
	photo_count?: number | string | null;
}

export interface Open311Request {
	service_request_id: string;
	status: Open311Status;
	status_notes: string | null;
	service_name: string | null;
	service_code: string | null;
	description: string;
	agency_responsible: string | null;
	service_notice: string | null;
	requested_datetime: string | null;
	updated_datetime: string | null;
	expected_datetime: string | null;
	address: string | null;
	address_id: string | null;
	zipcode: string | null;
	lat: number | null;
	long: number | null;
	media_url: string | null;
}

const yes = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';

function coordinate(value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	const number = Number(value);
	return Number.isFinite(number) ? number : null;
}

/** The public reply; for a rejected complaint, the reason (and where it was redirected). */
export function statusNotes(
	row: Pick<ComplaintRow, 'status' | 'public_reply' | 'rejection_reason' | 'redirected_to'>,
	language: Language,
): string | null {
	if (row.status === 'rejected') {
		const reason = row.rejection_reason?.trim() || null;
		const redirected = row.redirected_to?.trim() || null;
		if (!redirected) return reason;
		const redirection = language === 'ar' ? `أحيلت إلى: ${redirected}` : `Réorientée vers : ${redirected}`;
		return reason ? `${reason} — ${redirection}` : redirection;
	}
	return row.public_reply?.trim() || null;
}

function latest(...values: unknown[]): Date | null {
	const instants = values.map(toInstant).filter((value): value is Date => value !== null);
	return instants.length === 0 ? null : new Date(Math.max(...instants.map((instant) => instant.getTime())));
}

/**
 * One complaint as an Open311 service request, every field of GeoReport v2
 * present. Only the whitelisted columns are read. `mediaUrl` makes the address
 * of the complaint's first publishable photo.
 */
export function requestView(
	row: ComplaintRow,
	language: Language,
	mediaUrl: (reference: string) => string | null = () => null,
): Open311Request {
	const serviceName =
		row.service_name_fr || row.service_name_ar ? pickName(language, row.service_name_fr, row.service_name_ar) : null;
	const categoryName =
		row.category_name_fr || row.category_name_ar
			? pickName(language, row.category_name_fr, row.category_name_ar)
			: null;
	const requested = toInstant(row.received_at) ?? toInstant(row.date_created);
	return {
		service_request_id: row.reference,
		status: open311Status(row.status),
		status_notes: statusNotes(row, language),
		service_name: categoryName,
		service_code: row.category ?? null,
		// the text the city chooses to publish: the citizen's, once an agent has marked it publishable
		description:
			yes(row.description_public) && typeof row.description === 'string' ? cleanText(row.description).trim() : '',
		agency_responsible: serviceName,
		service_notice: serviceNotice(row, language),
		requested_datetime: formatOpen311DateTime(requested),
		updated_datetime: formatOpen311DateTime(latest(row.date_updated, requested)),
		expected_datetime: formatOpen311DateTime(row.resolve_due_at),
		address: row.address?.trim() || null,
		address_id: null,
		zipcode: null,
		lat: coordinate(row.latitude),
		long: coordinate(row.longitude),
		media_url: yes(row.photos_public) && Number(row.photo_count ?? 0) > 0 ? mediaUrl(row.reference) : null,
	};
}

// --- GET requests: the query --------------------------------------------------

export const MAX_RESULTS = 1000;
export const MAX_SPAN_DAYS = 90;
const DAY_MS = 86_400_000;

export interface RequestsQuery {
	/** references asked for by service_request_id: the other parameters are then ignored */
	references?: string[];
	serviceCodes?: string[];
	statuses?: ComplaintStatus[];
	start?: Date;
	end?: Date;
	limit: number;
}

/** Query values as express gives them (string, repeated → array) split on commas. */
export function listParameter(value: unknown): string[] {
	const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
	return values
		.flatMap((item) => (typeof item === 'string' ? item.split(',') : []))
		.map((item) => item.trim())
		.filter(Boolean);
}

function singleParameter(value: unknown): string | undefined {
	const values = listParameter(Array.isArray(value) ? value.slice(-1) : value);
	return values.length > 0 ? values.join(',') : undefined;
}

export function parseRequestsQuery(
	query: Record<string, unknown>,
	language: Language,
	now: Date,
): { ok: true; value: RequestsQuery } | { ok: false; errors: Open311Error[] } {
	const references = listParameter(query.service_request_id).map((reference) => reference.toUpperCase());
	if (references.length > 0)
		return { ok: true, value: { references: [...new Set(references)].slice(0, MAX_RESULTS), limit: MAX_RESULTS } };

	const errors: Open311Error[] = [];
	const serviceCodes = listParameter(query.service_code);

	const wanted = listParameter(query.status).map((status) => status.toLowerCase());
	for (const status of wanted)
		if (status !== 'open' && status !== 'closed') errors.push(open311Error(400, language, 'invalid_status', status));
	let statuses: ComplaintStatus[] | undefined;
	if (wanted.includes('open') !== wanted.includes('closed'))
		statuses = [...(wanted.includes('open') ? OPEN_STATUSES : CLOSED_STATUSES)];

	const dates: Partial<Record<'start_date' | 'end_date', Date>> = {};
	for (const name of ['start_date', 'end_date'] as const) {
		const raw = singleParameter(query[name]);
		if (raw === undefined) continue;
		const parsed = parseOpen311DateTime(raw);
		if (parsed) dates[name] = parsed;
		else errors.push(open311Error(400, language, 'invalid_date', name));
	}
	let start = dates.start_date;
	let end = dates.end_date;
	if (!start && !end) {
		end = now;
		start = new Date(now.getTime() - MAX_SPAN_DAYS * DAY_MS);
	} else if (start && !end) end = new Date(start.getTime() + MAX_SPAN_DAYS * DAY_MS);
	else if (!start && end) start = new Date(end.getTime() - MAX_SPAN_DAYS * DAY_MS);
	else if (start && end) {
		if (start.getTime() > end.getTime()) errors.push(open311Error(400, language, 'date_order'));
		else if (end.getTime() - start.getTime() > MAX_SPAN_DAYS * DAY_MS)
			errors.push(open311Error(400, language, 'date_span', MAX_SPAN_DAYS));
	}
	if (errors.length > 0) return { ok: false, errors };
	return {
		ok: true,
		value: {
			serviceCodes: serviceCodes.length > 0 ? [...new Set(serviceCodes)] : undefined,
			statuses,
			start,
			end,
			limit: MAX_RESULTS,
		},
	};
}

// --- POST requests --------------------------------------------------------------

/** Open311 POST parameters, as strings (form-encoded). */
export type Open311PostParameters = Record<string, string | undefined>;

function filled(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

/**
 * The body of the shared intake from an Open311 POST. Contact data (name,
 * e-mail, phone) comes with consent: true — the partner application collected
 * the citizen's consent (loi 09-08) before sending it, as its agreement with
 * the city requires. Handled elsewhere: api_key and jurisdiction_id (before),
 * attribute[…] (the category's questions, domain/intake/attributes). Ignored:
 * address_id, device_id, account_id (echoed back), media_url (never fetched).
 */
export function intakeBodyFromPost(parameters: Open311PostParameters): {
	body: Record<string, unknown>;
	errors: FieldError[];
} {
	const errors: FieldError[] = [];
	const serviceCode = filled(parameters.service_code);
	const lat = filled(parameters.lat);
	const long = filled(parameters.long);
	const address = filled(parameters.address_string);
	if (!serviceCode) errors.push({ field: 'service_code', key: 'field.required', values: { field: 'service_code' } });
	// GeoReport v2: a location is required, lat & long or address_string
	if (!lat && !long && !address)
		errors.push({ field: 'lat', key: 'field.required', values: { field: 'lat/long | address_string' } });
	const description = filled(parameters.description);
	if (description && [...description].length > MAX_DESCRIPTION)
		errors.push({
			field: 'description',
			key: 'surface.open311.description_too_long',
			values: { limit: MAX_DESCRIPTION },
		});
	const name = [filled(parameters.first_name), filled(parameters.last_name)].filter(Boolean).join(' ') || undefined;
	const email = filled(parameters.email);
	const phone = filled(parameters.phone);
	const body: Record<string, unknown> = {
		category: serviceCode,
		description,
		latitude: lat,
		longitude: long,
		address,
		citizen_name: name,
		citizen_email: email,
		citizen_phone: phone,
	};
	if (name || email || phone) body.consent = true;
	for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
	return { body, errors };
}

/** What the city tells the partner after the request is recorded. */
export function postNotice(reference: string, resolveDueAt: unknown, language: Language): string {
	const due = formatLocalDateTime(resolveDueAt);
	if (language === 'ar') return `سُجّلت الشكاية تحت المرجع ${reference}.${due ? ` أجل المعالجة المتوقع: ${due}.` : ''}`;
	return `Réclamation enregistrée sous la référence ${reference}.${due ? ` Traitement attendu au plus tard le ${due}.` : ''}`;
}

export function postResponse(
	result: { reference: string; resolveDueAt: unknown },
	accountId: string | undefined,
	language: Language,
) {
	return [
		{
			service_request_id: result.reference,
			service_notice: postNotice(result.reference, result.resolveDueAt, language),
			account_id: filled(accountId) ?? null,
		},
	];
}

/** Intake is synchronous: the token handed out is the reference itself. */
export function tokenResponse(token: string, reference: string | null) {
	return [{ token, service_request_id: reference }];
}
