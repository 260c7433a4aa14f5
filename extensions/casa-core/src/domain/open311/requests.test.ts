import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, OPEN_STATUSES } from '../workflow/transitions';
import {
	CLOSED_STATUSES,
	type ComplaintRow,
	MAX_RESULTS,
	REQUEST_COLUMNS,
	intakeBodyFromPost,
	listParameter,
	open311Status,
	parseRequestsQuery,
	postNotice,
	postResponse,
	requestView,
	statusNotes,
	tokenResponse,
} from './requests';

const ROW: ComplaintRow = {
	reference: 'CAS-2026-000123',
	status: 'in_progress',
	category: 'PROP-01',
	received_at: '2026-06-10T15:05:00.000Z',
	date_created: '2026-06-10T15:05:01.000Z',
	date_updated: Date.UTC(2026, 5, 11, 9, 0),
	resolve_due_at: new Date('2026-06-12T15:30:00Z'),
	public_reply: 'Passage du camion prévu demain matin.',
	rejection_reason: null,
	redirected_to: null,
	address: 'Rue 12, Hay Hassani',
	latitude: '33.5463',
	longitude: -7.6787,
	category_name_fr: 'Ordures ménagères non collectées',
	category_name_ar: 'عدم جمع النفايات المنزلية',
	service_name_fr: 'Propreté',
	service_name_ar: 'النظافة',
	resolve_in: 1,
	resolve_unit: 'working_days',
};

const NOW = new Date('2026-06-30T12:00:00Z');

describe('Open311 status', () => {
	it('maps the workflow onto open and closed', () => {
		for (const status of ['new', 'acknowledged', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'])
			expect(open311Status(status), status).toBe('open');
		for (const status of ['resolved', 'closed', 'rejected']) expect(open311Status(status), status).toBe('closed');
		expect([...CLOSED_STATUSES].sort()).toEqual(['closed', 'rejected', 'resolved']);
		expect(OPEN_STATUSES.length + CLOSED_STATUSES.length).toBe(COMPLAINT_STATUSES.length);
	});

	it('gives the public reply as status notes, or the reason and redirection of a rejection', () => {
		expect(statusNotes(ROW, 'fr')).toBe('Passage du camion prévu demain matin.');
		const rejected = { ...ROW, status: 'rejected', rejection_reason: 'Relève de la Lydec.', redirected_to: 'Lydec' };
		expect(statusNotes(rejected, 'fr')).toBe('Relève de la Lydec. — Réorientée vers : Lydec');
		expect(statusNotes(rejected, 'ar')).toBe('Relève de la Lydec. — أحيلت إلى: Lydec');
		expect(statusNotes({ ...rejected, redirected_to: null }, 'fr')).toBe('Relève de la Lydec.');
		expect(statusNotes({ ...ROW, public_reply: '  ' }, 'fr')).toBeNull();
	});
});

describe('Open311 request view', () => {
	it('shows a complaint as a GeoReport v2 request', () => {
		expect(requestView(ROW, 'fr')).toEqual({
			service_request_id: 'CAS-2026-000123',
			status: 'open',
			status_notes: 'Passage du camion prévu demain matin.',
			service_name: 'Ordures ménagères non collectées',
			service_code: 'PROP-01',
			description: '',
			agency_responsible: 'Propreté',
			service_notice: 'Délai de traitement visé : 1 jour ouvré, dans la limite légale de 60 jours.',
			requested_datetime: '2026-06-10T16:05:00+01:00',
			updated_datetime: '2026-06-11T10:00:00+01:00',
			expected_datetime: '2026-06-12T16:30:00+01:00',
			address: 'Rue 12, Hay Hassani',
			address_id: null,
			zipcode: null,
			lat: 33.5463,
			long: -7.6787,
			media_url: null,
		});
	});

	it('publishes the citizen text and the first photo only once an agent marked them publishable', () => {
		const media = (reference: string) => `https://x/open311/v2/media/${reference}`;
		const withText = { ...ROW, description: 'Bac\u202E renversé', photo_count: 2 };
		expect(requestView({ ...withText, description_public: false, photos_public: false }, 'fr', media)).toMatchObject({
			description: '',
			media_url: null,
		});
		expect(requestView({ ...withText, description_public: 1, photos_public: true }, 'fr', media)).toMatchObject({
			description: 'Bac renversé',
			media_url: 'https://x/open311/v2/media/CAS-2026-000123',
		});
		expect(requestView({ ...withText, photos_public: true, photo_count: 0 }, 'fr', media).media_url).toBeNull();
	});

	it('refuses a description over 4,000 characters (GeoReport v2)', () => {
		const base = { service_code: 'PROP-01', lat: '33.5', long: '-7.6' };
		expect(intakeBodyFromPost({ ...base, description: 'é'.repeat(4000) }).errors).toEqual([]);
		expect(intakeBodyFromPost({ ...base, description: 'é'.repeat(4001) }).errors).toEqual([
			{ field: 'description', key: 'surface.open311.description_too_long', values: { limit: 4000 } },
		]);
	});

	it('names things in Arabic', () => {
		expect(requestView(ROW, 'ar')).toMatchObject({
			service_name: 'عدم جمع النفايات المنزلية',
			agency_responsible: 'النظافة',
		});
	});

	it('never lets personal data, internal notes or the free text through, even when the row carries them', () => {
		const leaky = {
			...ROW,
			citizen_name: 'Fatima Zahra Alaoui',
			citizen_phone: '+212661234567',
			citizen_email: 'fatima.alaoui@example.ma',
			description: 'Je suis Fatima, appelez-moi au 0661234567',
			tracking_secret_hash: 'f'.repeat(64),
			assignee: 'agent-uuid',
			note: 'Note interne confidentielle',
		} as ComplaintRow;
		const text = JSON.stringify(requestView(leaky, 'fr'));
		for (const secret of ['Fatima', '661234567', 'example.ma', 'ffffffff', 'agent-uuid', 'confidentielle'])
			expect(text).not.toContain(secret);
		// the description column is read, but shown only when description_public says so
		for (const column of ['citizen_name', 'citizen_phone', 'citizen_email', 'tracking_secret_hash', 'assignee'])
			expect(REQUEST_COLUMNS as readonly string[]).not.toContain(column);
	});

	it('falls back to the creation date and keeps missing values null', () => {
		const view = requestView(
			{
				...ROW,
				received_at: null,
				date_updated: null,
				resolve_due_at: null,
				address: null,
				latitude: null,
				longitude: '',
				public_reply: null,
			},
			'fr',
		);
		expect(view).toMatchObject({
			requested_datetime: '2026-06-10T16:05:01+01:00',
			updated_datetime: '2026-06-10T16:05:01+01:00',
			expected_datetime: null,
			address: null,
			lat: null,
			long: null,
			status_notes: null,
		});
	});
});

describe('Open311 GET requests query', () => {
	it('defaults to the last 90 days, all services and statuses, at most 1000', () => {
		const parsed = parseRequestsQuery({}, 'fr', NOW);
		expect(parsed).toEqual({
			ok: true,
			value: {
				serviceCodes: undefined,
				statuses: undefined,
				start: new Date('2026-04-01T12:00:00Z'),
				end: NOW,
				limit: MAX_RESULTS,
			},
		});
	});

	it('asks for references only when service_request_id is given (other parameters ignored)', () => {
		const parsed = parseRequestsQuery(
			{ service_request_id: 'cas-2026-000001, CAS-2026-000002,CAS-2026-000001', status: 'nonsense' },
			'fr',
			NOW,
		);
		expect(parsed).toEqual({
			ok: true,
			value: { references: ['CAS-2026-000001', 'CAS-2026-000002'], limit: MAX_RESULTS },
		});
	});

	it('filters by service codes and open or closed', () => {
		const open = parseRequestsQuery({ service_code: 'PROP-01,ECL-01', status: 'open' }, 'fr', NOW);
		expect(open.ok && open.value).toMatchObject({ serviceCodes: ['PROP-01', 'ECL-01'], statuses: [...OPEN_STATUSES] });
		const closed = parseRequestsQuery({ service_code: ['PROP-01', 'PROP-02'], status: 'CLOSED' }, 'fr', NOW);
		expect(closed.ok && closed.value).toMatchObject({
			serviceCodes: ['PROP-01', 'PROP-02'],
			statuses: [...CLOSED_STATUSES],
		});
		const both = parseRequestsQuery({ status: 'open,closed' }, 'fr', NOW);
		expect(both.ok && both.value.statuses).toBeUndefined();
	});

	it('completes a window given by one end to 90 days', () => {
		const fromStart = parseRequestsQuery({ start_date: '2026-06-01T00:00:00+01:00' }, 'fr', NOW);
		expect(fromStart.ok && [fromStart.value.start?.toISOString(), fromStart.value.end?.toISOString()]).toEqual([
			'2026-05-31T23:00:00.000Z',
			'2026-08-29T23:00:00.000Z',
		]);
		const toEnd = parseRequestsQuery({ end_date: '2026-06-01T00:00:00Z' }, 'fr', NOW);
		expect(toEnd.ok && toEnd.value.start?.toISOString()).toBe('2026-03-03T00:00:00.000Z');
		const both = parseRequestsQuery({ start_date: '2026-06-01', end_date: '2026-06-30' }, 'fr', NOW);
		expect(both.ok && [both.value.start?.toISOString(), both.value.end?.toISOString()]).toEqual([
			'2026-05-31T23:00:00.000Z',
			'2026-06-29T23:00:00.000Z',
		]);
	});

	it('refuses bad dates, reversed or too long windows and unknown statuses, in the asked language', () => {
		const bad = parseRequestsQuery({ start_date: 'hier', end_date: '2026-02-30', status: 'pending' }, 'fr', NOW);
		expect(bad).toEqual({
			ok: false,
			errors: [
				{ code: 400, description: 'status : valeur non autorisée « pending » (open ou closed).' },
				{ code: 400, description: expect.stringContaining('start_date : date invalide') },
				{ code: 400, description: expect.stringContaining('end_date : date invalide') },
			],
		});
		const reversed = parseRequestsQuery({ start_date: '2026-06-30', end_date: '2026-06-01' }, 'ar', NOW);
		expect(reversed).toEqual({
			ok: false,
			errors: [{ code: 400, description: 'يجب أن يسبق start_date تاريخ end_date.' }],
		});
		const long = parseRequestsQuery({ start_date: '2026-01-01', end_date: '2026-06-01' }, 'fr', NOW);
		expect(long).toEqual({
			ok: false,
			errors: [
				{ code: 400, description: 'La période demandée (start_date à end_date) ne peut pas dépasser 90 jours.' },
			],
		});
	});

	it('reads repeated and comma-separated parameters', () => {
		expect(listParameter(['a,b', ' c ', '', 'd'])).toEqual(['a', 'b', 'c', 'd']);
		expect(listParameter(undefined)).toEqual([]);
		expect(listParameter({ nested: 'x' })).toEqual([]);
	});
});

describe('Open311 POST requests', () => {
	it('maps the Open311 parameters onto the shared intake, with consent when contact data is given', () => {
		const { body, errors } = intakeBodyFromPost({
			api_key: 'k',
			jurisdiction_id: 'casablanca.ma',
			service_code: 'PROP-01',
			lat: '33.5463',
			long: '-7.6787',
			address_string: ' Rue 12, Hay Hassani ',
			description: 'Conteneur plein',
			email: 'fatima.alaoui@example.ma',
			first_name: 'Fatima Zahra',
			last_name: 'Alaoui',
			phone: '0661234567',
			device_id: 'device',
			account_id: 'account',
			media_url: 'http://example.com/photo.jpg',
			'attribute[TYPE]': 'b',
		});
		expect(errors).toEqual([]);
		expect(body).toEqual({
			category: 'PROP-01',
			description: 'Conteneur plein',
			latitude: '33.5463',
			longitude: '-7.6787',
			address: 'Rue 12, Hay Hassani',
			citizen_name: 'Fatima Zahra Alaoui',
			citizen_email: 'fatima.alaoui@example.ma',
			citizen_phone: '0661234567',
			consent: true,
		});
	});

	it('sends no contact data and no consent for an anonymous report', () => {
		const { body } = intakeBodyFromPost({
			service_code: 'ECL-01',
			address_string: 'Bd Zerktouni',
			description: 'Lampadaire éteint',
			first_name: ' ',
			email: '',
		});
		expect(body).toEqual({ category: 'ECL-01', address: 'Bd Zerktouni', description: 'Lampadaire éteint' });
		expect(
			intakeBodyFromPost({ service_code: 'ECL-01', lat: '33.5', long: '-7.6', last_name: 'Alaoui' }).body,
		).toMatchObject({ citizen_name: 'Alaoui', consent: true });
	});

	it('requires a service code and a location (lat & long or address_string)', () => {
		expect(intakeBodyFromPost({ description: 'x' }).errors).toEqual([
			{ field: 'service_code', key: 'field.required', values: { field: 'service_code' } },
			{ field: 'lat', key: 'field.required', values: { field: 'lat/long | address_string' } },
		]);
		expect(intakeBodyFromPost({ service_code: 'PROP-01', lat: '33.5' }).errors).toEqual([]);
	});

	it('answers with the reference, a notice with the expected date, and the account id', () => {
		expect(
			postResponse({ reference: 'CAS-2026-000124', resolveDueAt: '2026-06-12T15:30:00.000Z' }, 'acc-9', 'fr'),
		).toEqual([
			{
				service_request_id: 'CAS-2026-000124',
				service_notice:
					'Réclamation enregistrée sous la référence CAS-2026-000124. Traitement attendu au plus tard le 12/06/2026 16:30.',
				account_id: 'acc-9',
			},
		]);
		expect(
			postResponse({ reference: 'CAS-2026-000124', resolveDueAt: null }, undefined, 'fr')[0].account_id,
		).toBeNull();
		expect(postNotice('CAS-2026-000124', null, 'ar')).toBe('سُجّلت الشكاية تحت المرجع CAS-2026-000124.');
		expect(postNotice('CAS-2026-000124', '2026-06-12T15:30:00.000Z', 'ar')).toContain('12/06/2026 16:30');
	});

	it('hands out the reference as the token', () => {
		expect(tokenResponse('CAS-2026-000124', 'CAS-2026-000124')).toEqual([
			{ token: 'CAS-2026-000124', service_request_id: 'CAS-2026-000124' },
		]);
	});
});
