// Open311 GeoReport v2 at /open311/v2, over real HTTP, in JSON and XML.
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, platform, CONTACT_FIELDS, withCitizen } from '../helpers/api';

const KEY = `test-open311-${randomBytes(12).toString('hex')}`;
const INACTIVE_KEY = `test-open311-off-${randomBytes(12).toString('hex')}`;
const HAY_HASSANI = { lat: '33.5463', long: '-7.6787' };
const CITIZEN = {
	first_name: 'Khadija',
	last_name: 'Benjelloun',
	email: 'khadija.benjelloun@example.ma',
	phone: '06 62 34 56 78',
};
/** every way the citizen's data could leak out */
const CITIZEN_TRACES = ['Khadija', 'Benjelloun', 'khadija.benjelloun', 'example.ma', '662345678'];
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

type Format = 'json' | 'xml';

interface Open311Response {
	status: number;
	contentType: string;
	text: string;
	json: any;
}

async function open311(
	method: 'GET' | 'POST',
	path: string,
	options: { form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Open311Response> {
	const headers: Record<string, string> = { ...options.headers };
	let body: string | undefined;
	if (options.form) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	}
	const response = await fetch(`${platform().url}/open311/v2${path}`, { method, headers, body });
	const text = await response.text();
	const contentType = response.headers.get('content-type') ?? '';
	let json: any = null;
	if (contentType.startsWith('application/json')) json = JSON.parse(text);
	return { status: response.status, contentType, text, json };
}

const postRequest = (format: Format, form: Record<string, string>, headers: Record<string, string> = {}) =>
	open311('POST', `/requests.${format}`, { form, headers });

// --- minimal XML reading: enough to assert on element values -------------------

function decode(value: string): string {
	return value
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** Text of every <tag>…</tag> (and '' for <tag/>), in document order. */
function xmlValues(xml: string, tag: string): string[] {
	const pattern = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>|<${tag}/>`, 'g');
	return [...xml.matchAll(pattern)].map((match) => decode(match[1] ?? ''));
}

/** Each <item>…</item> as a flat record of its leaf elements. */
function xmlRecords(xml: string, item: string): Record<string, string>[] {
	return xmlValues(xml, item).map((inner) => {
		const record: Record<string, string> = {};
		for (const match of inner.matchAll(/<([A-Za-z_][\w.-]*)>([^<]*)<\/\1>|<([A-Za-z_][\w.-]*)\/>/g)) {
			if (match[3]) record[match[3]] = '';
			else record[match[1]] = decode(match[2]);
		}
		return record;
	});
}

function expectXml(response: Open311Response, root: string) {
	expect(response.contentType).toBe('text/xml; charset=utf-8');
	expect(response.text.startsWith(`${XML_DECLARATION}\n<${root}`)).toBe(true);
}

/** Open311 errors in either format, as {code, description}. */
function errorsOf(response: Open311Response, format: Format): { code: number; description: string }[] {
	if (format === 'json') {
		expect(response.contentType).toBe('application/json; charset=utf-8');
		return response.json;
	}
	expectXml(response, 'errors');
	return xmlRecords(response.text, 'error').map((error) => ({
		code: Number(error.code),
		description: error.description,
	}));
}

async function adminComplaint(reference: string) {
	const response = await call(
		'GET',
		`/items/complaints?filter[reference][_eq]=${reference}&fields=*,${CONTACT_FIELDS}`,
		{ token: adminToken() },
	);
	return withCitizen(response.body.data[0]);
}

async function countComplaints(): Promise<number> {
	return Number(
		(await call('GET', '/items/complaints?aggregate[count]=*', { token: adminToken() })).body.data[0].count,
	);
}

let createdJson: string;
let createdXml: string;

beforeAll(async () => {
	for (const [name, key, active] of [
		['Partenaire de test', KEY, true],
		['Partenaire révoqué', INACTIVE_KEY, false],
	] as const) {
		const response = await call('POST', '/items/open311_clients', {
			token: adminToken(),
			body: { name, api_key: key, active },
		});
		if (response.status !== 200)
			throw new Error(
				`open311_clients: ${response.status} ${JSON.stringify(response.body)} (is the collection in schema/collections.ts?)`,
			);
	}
});

describe('discovery and services', () => {
	it('describes the endpoint in JSON and XML', async () => {
		const json = await open311('GET', '/discovery.json');
		expect(json.status).toBe(200);
		expect(json.json.endpoints).toEqual([
			{
				specification: 'http://wiki.open311.org/GeoReport_v2',
				url: `${platform().url}/open311/v2`,
				changeset: expect.stringMatching(ISO_WITH_OFFSET),
				type: 'test',
				formats: ['text/xml', 'application/json'],
			},
		]);
		const xml = await open311('GET', '/discovery.xml');
		expect(xml.status).toBe(200);
		expectXml(xml, 'discovery');
		expect(xmlValues(xml.text, 'url')).toEqual([`${platform().url}/open311/v2`]);
		expect(xmlValues(xml.text, 'format')).toEqual(['text/xml', 'application/json']);
		// without an extension: JSON
		expect((await open311('GET', '/discovery')).json.endpoints[0].type).toBe('test');
	});

	it('lists the categories as services in French, in JSON and XML', async () => {
		const json = await open311('GET', '/services.json');
		expect(json.status).toBe(200);
		expect(json.contentType).toBe('application/json; charset=utf-8');
		const portal = (await call('GET', '/portal/api/categories')).body.data as { categories: unknown[] }[];
		expect(json.json).toHaveLength(portal.reduce((sum, service) => sum + service.categories.length, 0));
		const { keywords, ...propreté } = json.json.find(
			(service: { service_code: string }) => service.service_code === 'PROP-01',
		);
		expect(propreté).toEqual({
			service_code: 'PROP-01',
			service_name: 'Ordures ménagères non collectées',
			description: 'Propreté — Ordures ménagères non collectées',
			metadata: false,
			type: 'realtime',
			group: 'Propreté',
		});
		expect(keywords === null || typeof keywords === 'string').toBe(true);

		const xml = await open311('GET', '/services.xml');
		expect(xml.status).toBe(200);
		expectXml(xml, 'services');
		const services = xmlRecords(xml.text, 'service');
		expect(services).toHaveLength(json.json.length);
		expect(services.find((service) => service.service_code === 'PROP-01')).toMatchObject({
			service_name: 'Ordures ménagères non collectées',
			group: 'Propreté',
			metadata: 'false',
			type: 'realtime',
		});
	});

	it('speaks Arabic with lang=ar or Accept-Language', async () => {
		const byParameter = await open311('GET', '/services.json?lang=ar');
		expect(
			byParameter.json.find((service: { service_code: string }) => service.service_code === 'PROP-01'),
		).toMatchObject({ service_name: 'عدم جمع النفايات المنزلية', group: 'النظافة' });
		const byHeader = await open311('GET', '/services.xml', {
			headers: { 'accept-language': 'ar-MA,ar;q=0.9,fr;q=0.8' },
		});
		expect(xmlRecords(byHeader.text, 'service').find((service) => service.service_code === 'PROP-01')).toMatchObject({
			service_name: 'عدم جمع النفايات المنزلية',
			group: 'النظافة',
		});
	});

	it('gives a service definition, and 404 for an unknown service, in both formats', async () => {
		const json = await open311('GET', '/services/PROP-01.json');
		expect(json.status).toBe(200);
		expect(json.json).toEqual({ service_code: 'PROP-01', attributes: [] });
		const xml = await open311('GET', '/services/PROP-01.xml');
		expect(xml.status).toBe(200);
		expectXml(xml, 'service_definition');
		expect(xmlValues(xml.text, 'service_code')).toEqual(['PROP-01']);
		expect(xmlValues(xml.text, 'attributes')).toEqual(['']);

		for (const format of ['json', 'xml'] as const) {
			const unknown = await open311('GET', `/services/XYZ-99.${format}`);
			expect(unknown.status).toBe(404);
			expect(errorsOf(unknown, format)).toEqual([
				{ code: 404, description: 'Service inconnu ou désactivé : « XYZ-99 ».' },
			]);
		}
		const arabic = await open311('GET', '/services/XYZ-99.json?lang=ar');
		expect(arabic.json).toEqual([{ code: 404, description: 'خدمة غير معروفة أو غير مفعلة: «XYZ-99».' }]);
	});
});

describe('POST requests', () => {
	it('records a complaint through the shared intake and answers in JSON', async () => {
		const before = await countComplaints();
		const response = await postRequest('json', {
			api_key: KEY,
			service_code: 'PROP-01',
			...HAY_HASSANI,
			address_string: 'Rue 12, Hay Hassani',
			description: 'Marqueur-description-Open311 : ordures non ramassées',
			...CITIZEN,
			device_id: 'device-1',
			account_id: 'acc-42',
			media_url: 'http://example.com/photo.jpg',
		});
		expect(response.status).toBe(200);
		expect(response.json).toEqual([
			{
				service_request_id: expect.stringMatching(/^CAS-\d{4}-\d{6}$/),
				service_notice: expect.stringContaining('Réclamation enregistrée sous la référence CAS-'),
				account_id: 'acc-42',
			},
		]);
		createdJson = response.json[0].service_request_id;
		expect(await countComplaints()).toBe(before + 1);
		const stored = await adminComplaint(createdJson);
		expect(stored).toMatchObject({
			channel: 'open311',
			status: 'new',
			category: 'PROP-01',
			service: 'PROP',
			arrondissement: '06.141.01.31',
			address: 'Rue 12, Hay Hassani',
			citizen_name: 'Khadija Benjelloun',
			citizen_email: 'khadija.benjelloun@example.ma',
			citizen_phone: '+212662345678',
			citizen_language: 'fr',
		});
		expect(stored.resolve_due_at).toBeTruthy();
		// the acknowledgment to the citizen goes through the outbox like every channel's, with an absolute tracking link
		const outbox = await call(
			'GET',
			`/items/outbox?filter[complaint][_eq]=${stored.id}&fields=event,channel,recipient,payload&sort=channel`,
			{ token: adminToken() },
		);
		expect(outbox.body.data.map((row: { channel: string; recipient: string }) => [row.channel, row.recipient])).toEqual(
			[
				['email', 'khadija.benjelloun@example.ma'],
				['sms', '+212662345678'],
			],
		);
		const payload = outbox.body.data[0].payload;
		const tracking = (typeof payload === 'string' ? JSON.parse(payload) : payload)?.tracking_url;
		if (tracking !== undefined) expect(tracking).toContain(`${platform().url}/portal/suivi/${createdJson}#`);
	});

	it('answers in XML, and in Arabic when asked', async () => {
		const response = await postRequest('xml', {
			api_key: KEY,
			service_code: 'ECL-01',
			...HAY_HASSANI,
			description: 'عمود الإنارة معطل',
			lang: 'ar',
		});
		expect(response.status).toBe(200);
		expectXml(response, 'service_requests');
		const [request] = xmlRecords(response.text, 'request');
		expect(request.service_request_id).toMatch(/^CAS-\d{4}-\d{6}$/);
		expect(request.service_notice).toContain(`سُجّلت الشكاية تحت المرجع ${request.service_request_id}`);
		expect(request.account_id).toBe('');
		createdXml = request.service_request_id;
		expect(await adminComplaint(createdXml)).toMatchObject({
			channel: 'open311',
			citizen_name: null,
			citizen_email: null,
			citizen_language: 'ar',
		});
	});

	it('is idempotent with the Idempotency-Key header', async () => {
		const before = await countComplaints();
		const key = randomUUID();
		const form = { api_key: KEY, service_code: 'VOI-01', ...HAY_HASSANI, description: 'Nid-de-poule' };
		const first = await postRequest('json', form, { 'idempotency-key': key });
		const second = await postRequest('json', form, { 'idempotency-key': key });
		expect(first.status).toBe(200);
		expect(second.json[0].service_request_id).toBe(first.json[0].service_request_id);
		expect(await countComplaints()).toBe(before + 1);
		// the shared intake takes keys of 8 to 128 characters (stored as open311:<client uuid>:<key>)
		const tooLong = await postRequest('json', form, { 'idempotency-key': 'k'.repeat(129) });
		expect(tooLong.status).toBe(400);
		expect(tooLong.json).toHaveLength(1);
		expect(tooLong.json[0].code).toBe(400);
		expect(tooLong.json[0].description).toContain('128');
		expect(await countComplaints()).toBe(before + 1);
	});

	it('also accepts a JSON body, and refuses bodies it cannot read', async () => {
		const response = await fetch(`${platform().url}/open311/v2/requests.json`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				api_key: KEY,
				service_code: 'PROP-02',
				lat: 33.5463,
				long: -7.6787,
				description: 'Conteneur plein',
			}),
		});
		expect(response.status).toBe(200);
		expect((await response.json())[0].service_request_id).toMatch(/^CAS-\d{4}-\d{6}$/);
		const multipart = new FormData();
		multipart.set('api_key', KEY);
		const refused = await fetch(`${platform().url}/open311/v2/requests.xml`, { method: 'POST', body: multipart });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('<description>Corps de la requête illisible ou trop volumineux');
	});

	it('refuses a missing (403), an unknown or revoked key (403), in both formats, storing nothing', async () => {
		const before = await countComplaints();
		const form = { service_code: 'PROP-01', ...HAY_HASSANI, description: 'x' };
		for (const format of ['json', 'xml'] as const) {
			// GeoReport v2, POST Service Request, errors: "403 - api_key was not provided or is invalid"
			const missing = await postRequest(format, form);
			expect(missing.status).toBe(403);
			expect(errorsOf(missing, format)).toEqual([{ code: 403, description: 'Le paramètre api_key est obligatoire.' }]);
			for (const key of ['not-a-key', INACTIVE_KEY]) {
				const refused = await postRequest(format, { ...form, api_key: key });
				expect(refused.status).toBe(403);
				expect(errorsOf(refused, format)).toEqual([{ code: 403, description: 'Clé api_key inconnue ou désactivée.' }]);
			}
		}
		const arabic = await postRequest('json', { ...form, api_key: 'not-a-key' }, { 'accept-language': 'ar' });
		expect(arabic.json).toEqual([{ code: 403, description: 'مفتاح api_key غير معروف أو معطل.' }]);
		expect(await countComplaints()).toBe(before);
	});

	it('passes on the intake errors field by field: unknown service_code in French, in Arabic with lang=ar', async () => {
		const before = await countComplaints();
		for (const format of ['json', 'xml'] as const) {
			const unknown = await postRequest(format, {
				api_key: KEY,
				service_code: 'XYZ-99',
				...HAY_HASSANI,
				description: 'x',
			});
			expect(unknown.status).toBe(400);
			expect(errorsOf(unknown, format)).toEqual([
				{ code: 400, description: 'service_code: Catégorie inconnue ou désactivée : « XYZ-99 ».' },
			]);
		}
		const arabic = await open311('POST', '/requests.json?lang=ar', {
			form: { api_key: KEY, service_code: 'XYZ-99', ...HAY_HASSANI, description: 'x' },
		});
		expect(arabic.status).toBe(400);
		expect(arabic.json).toEqual([{ code: 400, description: 'service_code: صنف غير معروف أو غير مفعل: «XYZ-99».' }]);

		const several = await postRequest('json', {
			api_key: KEY,
			service_code: 'PROP-01',
			lat: '33.9',
			long: '-7.2',
			phone: '12345',
			description: 'x',
		});
		expect(several.status).toBe(400);
		expect(several.json.map((error: { description: string }) => error.description.split(':')[0]).sort()).toEqual([
			'phone',
		]);
		const outside = await postRequest('json', {
			api_key: KEY,
			service_code: 'PROP-01',
			lat: '33.9',
			long: '-7.2',
			description: 'x',
		});
		expect(outside.status).toBe(400);
		expect(outside.json[0].description).toMatch(/^lat: Ce point .* est hors de la commune de Casablanca/);
		const nothing = await postRequest('json', { api_key: KEY, description: 'x' });
		expect(nothing.json).toEqual([
			{ code: 400, description: 'service_code: Le champ « service_code » est obligatoire.' },
			{ code: 400, description: 'lat: Le champ « lat/long | address_string » est obligatoire.' },
		]);
		expect(await countComplaints()).toBe(before);
	});
});

describe('GET requests', () => {
	it('shows the new complaint, open with its expected date, in JSON and XML', async () => {
		const stored = await adminComplaint(createdJson);
		const json = await open311('GET', `/requests/${createdJson}.json`);
		expect(json.status).toBe(200);
		expect(json.json).toHaveLength(1);
		const [request] = json.json;
		expect(request).toEqual({
			service_request_id: createdJson,
			status: 'open',
			status_notes: null,
			service_name: 'Ordures ménagères non collectées',
			service_code: 'PROP-01',
			// not marked publishable: the city publishes no text (and never personal data)
			description: '',
			agency_responsible: 'Propreté',
			service_notice: expect.stringContaining('Délai de traitement visé'),
			requested_datetime: expect.stringMatching(ISO_WITH_OFFSET),
			updated_datetime: expect.stringMatching(ISO_WITH_OFFSET),
			expected_datetime: expect.stringMatching(ISO_WITH_OFFSET),
			address: 'Rue 12, Hay Hassani',
			address_id: null,
			zipcode: null,
			lat: 33.5463,
			long: -7.6787,
			media_url: null,
		});
		expect(Math.floor(new Date(request.expected_datetime).getTime() / 1000)).toBe(
			Math.floor(new Date(stored.resolve_due_at).getTime() / 1000),
		);
		expect(Math.floor(new Date(request.requested_datetime).getTime() / 1000)).toBe(
			Math.floor(new Date(stored.received_at).getTime() / 1000),
		);

		const xml = await open311('GET', `/requests/${createdJson}.xml`);
		expect(xml.status).toBe(200);
		expectXml(xml, 'service_requests');
		const [record] = xmlRecords(xml.text, 'request');
		expect(record).toMatchObject({
			service_request_id: createdJson,
			status: 'open',
			status_notes: '',
			service_code: 'PROP-01',
			expected_datetime: request.expected_datetime,
			lat: '33.5463',
			long: '-7.6787',
			media_url: '',
		});

		const arabic = await open311('GET', `/requests/${createdJson.toLowerCase()}.json?lang=ar`);
		expect(arabic.json[0]).toMatchObject({
			service_request_id: createdJson,
			service_name: 'عدم جمع النفايات المنزلية',
			agency_responsible: 'النظافة',
		});
	});

	it('lists requests of the last 90 days, newest first, filtered by id, service and status', async () => {
		const all = await open311('GET', '/requests.json');
		expect(all.status).toBe(200);
		const ids = all.json.map((request: { service_request_id: string }) => request.service_request_id);
		expect(ids).toContain(createdJson);
		expect(ids).toContain(createdXml);
		expect(all.json.length).toBeGreaterThan(2);
		expect(all.json.length).toBeLessThanOrEqual(1000);
		const times = all.json.map((request: { requested_datetime: string }) =>
			new Date(request.requested_datetime).getTime(),
		);
		expect(times).toEqual([...times].sort((a, b) => b - a));
		const oldest = Date.now() - 90 * 86_400_000 - 60_000;
		expect(times.every((time: number) => time >= oldest)).toBe(true);

		const byIds = await open311('GET', `/requests.json?service_request_id=${createdJson},${createdXml}`);
		expect(byIds.json.map((request: { service_request_id: string }) => request.service_request_id).sort()).toEqual(
			[createdJson, createdXml].sort(),
		);

		const propreté = await open311('GET', '/requests.json?service_code=PROP-01');
		expect(propreté.json.every((request: { service_code: string }) => request.service_code === 'PROP-01')).toBe(true);
		expect(propreté.json.map((request: { service_request_id: string }) => request.service_request_id)).toContain(
			createdJson,
		);
		expect(
			(await open311('GET', '/requests.json?service_code=ECL-01')).json.map(
				(request: { service_request_id: string }) => request.service_request_id,
			),
		).not.toContain(createdJson);

		const open = await open311('GET', '/requests.json?status=open');
		expect(open.json.every((request: { status: string }) => request.status === 'open')).toBe(true);
		expect(open.json.map((request: { service_request_id: string }) => request.service_request_id)).toContain(
			createdJson,
		);
		const closed = await open311('GET', '/requests.json?status=closed');
		expect(closed.json.every((request: { status: string }) => request.status === 'closed')).toBe(true);
		expect(closed.json.map((request: { service_request_id: string }) => request.service_request_id)).not.toContain(
			createdJson,
		);

		const start = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
		const recent = await open311('GET', `/requests.xml?start_date=${start}&service_code=PROP-01,ECL-01`);
		expect(recent.status).toBe(200);
		expectXml(recent, 'service_requests');
		const recentIds = xmlValues(recent.text, 'service_request_id');
		expect(recentIds).toContain(createdJson);
		expect(recentIds).toContain(createdXml);
		expect(new Set(xmlValues(recent.text, 'service_code'))).toEqual(new Set(['PROP-01', 'ECL-01']));
		expect(
			xmlRecords(recent.text, 'request').find((request) => request.service_request_id === createdXml),
		).toMatchObject({ status: 'open', service_code: 'ECL-01' });
	});

	it('shows a resolved complaint as closed with the public reply as status notes', async () => {
		const stored = await adminComplaint(createdXml);
		expect(stored.team).toBeTruthy();
		for (const step of [{ status: 'assigned' }, { status: 'resolved', public_reply: 'Le lampadaire a été réparé.' }]) {
			const patched = await call('PATCH', `/items/complaints/${stored.id}`, { token: adminToken(), body: step });
			expect(patched.status, JSON.stringify(patched.body)).toBe(200);
		}
		const json = await open311('GET', `/requests/${createdXml}.json`);
		expect(json.json[0]).toMatchObject({ status: 'closed', status_notes: 'Le lampadaire a été réparé.' });
		const closed = await open311('GET', '/requests.xml?status=closed&service_code=ECL-01');
		expect(
			xmlRecords(closed.text, 'request').find((request) => request.service_request_id === createdXml),
		).toMatchObject({ status: 'closed', status_notes: 'Le lampadaire a été réparé.' });
	});

	it('answers 400 for bad queries and 404 for unknown requests, in both formats', async () => {
		for (const format of ['json', 'xml'] as const) {
			const badDate = await open311('GET', `/requests.${format}?start_date=hier`);
			expect(badDate.status).toBe(400);
			expect(errorsOf(badDate, format)).toEqual([
				{ code: 400, description: expect.stringContaining('start_date : date invalide') },
			]);
			const badStatus = await open311('GET', `/requests.${format}?status=pending`);
			expect(badStatus.status).toBe(400);
			expect(errorsOf(badStatus, format)).toEqual([
				{ code: 400, description: 'status : valeur non autorisée « pending » (open ou closed).' },
			]);
			const tooLong = await open311('GET', `/requests.${format}?start_date=2026-01-01&end_date=2026-06-01`);
			expect(tooLong.status).toBe(400);
			const unknown = await open311('GET', `/requests/CAS-2000-999999.${format}`);
			expect(unknown.status).toBe(404);
			expect(errorsOf(unknown, format)).toEqual([
				{ code: 404, description: 'Demande introuvable : « CAS-2000-999999 ».' },
			]);
			const unknownToken = await open311('GET', `/tokens/nope.${format}`);
			expect(unknownToken.status).toBe(404);
			const unknownRoute = await open311('GET', `/nothing-here.${format}`);
			expect(unknownRoute.status).toBe(404);
			expect(errorsOf(unknownRoute, format)[0].code).toBe(404);
		}
		const arabic = await open311('GET', '/requests/CAS-2000-999999.json', { headers: { 'accept-language': 'ar' } });
		expect(arabic.json).toEqual([{ code: 404, description: 'طلب غير موجود: «CAS-2000-999999».' }]);
	});

	it('hands out the reference as the token, in both formats', async () => {
		const json = await open311('GET', `/tokens/${createdJson}.json`);
		expect(json.status).toBe(200);
		expect(json.json).toEqual([{ token: createdJson, service_request_id: createdJson }]);
		const xml = await open311('GET', `/tokens/${createdJson}.xml`);
		expectXml(xml, 'service_requests');
		expect(xmlRecords(xml.text, 'request')).toEqual([{ token: createdJson, service_request_id: createdJson }]);
	});

	it('never shows personal data, the citizen text or internal notes in any GET', async () => {
		const stored = await adminComplaint(createdJson);
		await call('POST', '/items/complaint_events', {
			token: adminToken(),
			body: { complaint: stored.id, type: 'note', body: 'Note-interne-Open311 confidentielle' },
		});
		const responses = await Promise.all(
			['json', 'xml'].flatMap((format) => [
				open311('GET', `/requests.${format}`),
				open311('GET', `/requests.${format}?service_request_id=${createdJson}`),
				open311('GET', `/requests/${createdJson}.${format}`),
				open311('GET', `/tokens/${createdJson}.${format}`),
				open311('GET', `/services.${format}`),
				open311('GET', `/discovery.${format}`),
			]),
		);
		// the citizens of the demo complaints too
		const demo = await call(
			'GET',
			`/items/citizen_contacts?filter[phone][_nnull]=true&filter[complaint][received_at][_gte]=$NOW(-80 days)&fields=name,phone,email&limit=50`,
			{ token: adminToken() },
		);
		expect(demo.body.data.length).toBeGreaterThan(0);
		const demoTraces = demo.body.data.flatMap((row: Record<string, string | null>) =>
			[row.name, row.phone, row.email].filter(Boolean),
		);
		for (const response of responses) {
			expect(response.status).toBe(200);
			for (const trace of [
				...CITIZEN_TRACES,
				...demoTraces,
				'Marqueur-description-Open311',
				'Note-interne-Open311',
				'tracking_secret',
				'citizen_',
			])
				expect(response.text, trace).not.toContain(trace);
		}
	});
});
