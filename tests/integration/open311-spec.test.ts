// Open311 GeoReport v2, clause by clause (http://wiki.open311.org/GeoReport_v2),
// in both formats: services with attributes, their definition, POST with
// attribute[code] answers and the spec's error codes (403 for a missing or
// invalid api_key, 400 beyond 4,000 characters), every field of a request,
// publishable description and media, idempotency bound to the client and the
// body, and each client's rate and daily quota (429 with Retry-After).
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, platform } from '../helpers/api';

const CATEGORY = 'PROP-05';
const POINT = { lat: '33.5463', long: '-7.6787' };
const QUESTIONS = [
	{
		code: 'bins',
		datatype: 'number',
		required: true,
		order: 1,
		question_fr: 'Combien de bacs ?',
		question_ar: 'كم عدد الحاويات؟',
	},
	{
		code: 'smell',
		datatype: 'singlevaluelist',
		required: false,
		order: 2,
		question_fr: 'Odeur',
		question_ar: 'الرائحة',
		help_fr: 'Si vous pouvez en juger',
		help_ar: 'إن أمكن',
		values: [
			{ key: 'none', name_fr: 'Aucune', name_ar: 'لا توجد' },
			{ key: 'strong', name_fr: 'Forte', name_ar: 'قوية' },
		],
	},
	{
		code: 'kinds',
		datatype: 'multivaluelist',
		required: false,
		order: 3,
		question_fr: 'Déchets',
		question_ar: 'النفايات',
		values: [
			{ key: 'green', name_fr: 'Verts', name_ar: 'خضراء' },
			{ key: 'rubble', name_fr: 'Gravats', name_ar: 'ردم' },
		],
	},
];
const REQUEST_FIELDS = [
	'service_request_id',
	'status',
	'status_notes',
	'service_name',
	'service_code',
	'description',
	'agency_responsible',
	'service_notice',
	'requested_datetime',
	'updated_datetime',
	'expected_datetime',
	'address',
	'address_id',
	'zipcode',
	'lat',
	'long',
	'media_url',
];

type Format = 'json' | 'xml';
const FORMATS: Format[] = ['json', 'xml'];
const keys = {
	main: `spec-${randomBytes(8).toString('hex')}`,
	other: `spec-other-${randomBytes(8).toString('hex')}`,
	rate: `spec-rate-${randomBytes(8).toString('hex')}`,
	quota: `spec-quota-${randomBytes(8).toString('hex')}`,
};

async function open311(
	method: 'GET' | 'POST',
	path: string,
	form?: Record<string, string | string[]>,
	headers: Record<string, string> = {},
) {
	let body: string | undefined;
	if (form) {
		const params = new URLSearchParams();
		for (const [name, value] of Object.entries(form))
			for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
		body = params.toString();
		headers = { 'content-type': 'application/x-www-form-urlencoded', ...headers };
	}
	const response = await fetch(`${platform().url}/open311/v2${path}`, { method, headers, body });
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: (response.headers.get('content-type') ?? '').startsWith('application/json') ? JSON.parse(text) : null,
	};
}

/** The {code, description} errors of either format. */
function errors(response: { text: string; json: any }, format: Format): { code: number; description: string }[] {
	if (format === 'json') return response.json;
	expect(response.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<errors>/);
	const decode = (value: string) =>
		value
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&');
	return [
		...response.text.matchAll(/<error>\s*<code>(\d+)<\/code>\s*<description>([^<]*)<\/description>\s*<\/error>/g),
	].map((match) => ({ code: Number(match[1]), description: decode(match[2]) }));
}

const post = (format: Format, form: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
	open311('POST', `/requests.${format}`, form, headers);
const valid = (extra: Record<string, string | string[]> = {}) => ({
	api_key: keys.main,
	service_code: CATEGORY,
	...POINT,
	description: 'Bacs renversés',
	'attribute[bins]': '2',
	...extra,
});
const complaintCount = async () =>
	Number((await call('GET', '/items/complaints?aggregate[count]=*', { token: adminToken() })).body.data[0].count);
const adminComplaint = async (reference: string) =>
	(await call('GET', `/items/complaints?filter[reference][_eq]=${reference}&fields=*`, { token: adminToken() })).body
		.data[0];

beforeAll(async () => {
	for (const [name, key, rate, quota] of [
		['Spec', keys.main, 1000, 100000],
		['Spec autre client', keys.other, 1000, 100000],
		['Spec débit', keys.rate, 2, 100000],
		['Spec quota', keys.quota, 1000, 3],
	] as const) {
		const response = await call('POST', '/items/open311_clients', {
			token: adminToken(),
			body: { name, api_key: key, active: true, rate_limit_per_minute: rate, daily_quota: quota },
		});
		expect(response.status).toBe(200);
	}
	expect(
		(await call('PATCH', `/items/categories/${CATEGORY}`, { token: adminToken(), body: { attributes: QUESTIONS } }))
			.status,
	).toBe(200);
});

afterAll(async () => {
	await call('PATCH', `/items/categories/${CATEGORY}`, { token: adminToken(), body: { attributes: null } });
});

describe('GET Service List', () => {
	it('says metadata: true for a category with questions, false otherwise, in JSON and XML', async () => {
		const json = await open311('GET', '/services.json');
		expect(json.json.find((service: { service_code: string }) => service.service_code === CATEGORY)).toMatchObject({
			metadata: true,
			type: 'realtime',
		});
		expect(json.json.find((service: { service_code: string }) => service.service_code === 'PROP-01').metadata).toBe(
			false,
		);
		const xml = await open311('GET', '/services.xml');
		const service = [...xml.text.matchAll(/<service>([\s\S]*?)<\/service>/g)]
			.map((match) => match[1])
			.find((inner) => inner.includes(`<service_code>${CATEGORY}</service_code>`));
		expect(service).toContain('<metadata>true</metadata>');
	});
});

describe('GET Service Definition', () => {
	it('gives the attributes (variable, code, datatype, required, datatype_description, order, description, values) in JSON', async () => {
		const response = await open311('GET', `/services/${CATEGORY}.json`);
		expect(response.status).toBe(200);
		expect(response.json).toEqual({
			service_code: CATEGORY,
			attributes: [
				{
					variable: true,
					code: 'bins',
					datatype: 'number',
					required: true,
					datatype_description: null,
					order: 1,
					description: 'Combien de bacs ?',
				},
				{
					variable: true,
					code: 'smell',
					datatype: 'singlevaluelist',
					required: false,
					datatype_description: 'Si vous pouvez en juger',
					order: 2,
					description: 'Odeur',
					values: [
						{ key: 'none', name: 'Aucune' },
						{ key: 'strong', name: 'Forte' },
					],
				},
				{
					variable: true,
					code: 'kinds',
					datatype: 'multivaluelist',
					required: false,
					datatype_description: null,
					order: 3,
					description: 'Déchets',
					values: [
						{ key: 'green', name: 'Verts' },
						{ key: 'rubble', name: 'Gravats' },
					],
				},
			],
		});
		const arabic = await open311('GET', `/services/${CATEGORY}.json?lang=ar`);
		expect(arabic.json.attributes[1]).toMatchObject({
			description: 'الرائحة',
			datatype_description: 'إن أمكن',
			values: [
				{ key: 'none', name: 'لا توجد' },
				{ key: 'strong', name: 'قوية' },
			],
		});
	});

	it('gives the same in XML: <service_definition><attributes><attribute>…<values><value><key>', async () => {
		const response = await open311('GET', `/services/${CATEGORY}.xml`);
		expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
		expect(response.text).toMatch(
			/^<\?xml version="1.0" encoding="UTF-8"\?>\n<service_definition>\n\t<service_code>PROP-05<\/service_code>\n\t<attributes>\n\t\t<attribute>/,
		);
		const attributes = [...response.text.matchAll(/<attribute>([\s\S]*?)<\/attribute>/g)].map((match) => match[1]);
		expect(attributes).toHaveLength(3);
		expect(attributes[0]).toContain('<required>true</required>');
		expect(attributes[0]).toContain('<datatype_description/>');
		expect(attributes[1]).toMatch(/<values>\s*<value>\s*<key>none<\/key>\s*<name>Aucune<\/name>\s*<\/value>/);
		expect((await open311('GET', '/services/PROP-01.xml')).text).toContain('<attributes/>');
	});
});

describe('POST Service Request', () => {
	it('answers 403 when api_key is missing or invalid, in JSON and XML, storing nothing', async () => {
		const before = await complaintCount();
		for (const format of FORMATS) {
			const { api_key: _key, ...withoutKey } = valid();
			const missing = await post(format, withoutKey);
			expect(missing.status).toBe(403);
			expect(errors(missing, format)).toEqual([{ code: 403, description: 'Le paramètre api_key est obligatoire.' }]);
			const wrong = await post(format, valid({ api_key: 'not-a-key' }));
			expect(wrong.status).toBe(403);
			expect(errors(wrong, format)[0].code).toBe(403);
		}
		expect(await complaintCount()).toBe(before);
	});

	it('answers 400 for a description over 4,000 characters (and accepts exactly 4,000), in JSON and XML', async () => {
		for (const format of FORMATS) {
			const long = await post(format, valid({ description: 'ش'.repeat(4001) }));
			expect(long.status).toBe(400);
			expect(errors(long, format)).toEqual([
				{ code: 400, description: 'description: 4 000 caractères au plus (GeoReport v2).' },
			]);
		}
		expect((await post('json', valid({ description: 'é'.repeat(4000) }))).status).toBe(200);
	});

	it('checks attribute[code] answers against the definition: required, number, list values, unknown codes', async () => {
		const before = await complaintCount();
		for (const format of FORMATS) {
			const { 'attribute[bins]': _bins, ...withoutRequired } = valid();
			const missing = await post(format, withoutRequired);
			expect(missing.status).toBe(400);
			expect(errors(missing, format)).toEqual([
				{ code: 400, description: 'attribute[bins]: Répondez à la question « Combien de bacs ? ».' },
			]);
		}
		const wrong = await post(
			'json',
			valid({ 'attribute[bins]': 'deux', 'attribute[smell]': 'rotten', 'attribute[colour]': 'red' }),
		);
		expect(wrong.status).toBe(400);
		expect(wrong.json.map((error: { description: string }) => error.description.split(':')[0]).sort()).toEqual([
			'attribute[bins]',
			'attribute[colour]',
			'attribute[smell]',
		]);
		const arabic = await post('json', valid({ 'attribute[smell]': 'rotten', lang: 'ar' }));
		expect(arabic.json[0].description).toBe(
			'attribute[smell]: قيمة غير مسموح بها «rotten» (القيم الممكنة: none, strong).',
		);
		expect(await complaintCount()).toBe(before);
	});

	it('stores valid answers with the complaint, where agents read them in both languages', async () => {
		const response = await post(
			'xml',
			valid({ 'attribute[bins]': '3', 'attribute[smell]': 'strong', 'attribute[kinds][]': ['rubble', 'green'] }),
		);
		expect(response.status).toBe(200);
		const reference = /<service_request_id>([^<]+)<\/service_request_id>/.exec(response.text)![1];
		const stored = await adminComplaint(reference);
		expect(stored.attributes).toEqual([
			{
				code: 'bins',
				question_fr: 'Combien de bacs ?',
				question_ar: 'كم عدد الحاويات؟',
				value: 3,
				answer_fr: '3',
				answer_ar: '3',
			},
			{
				code: 'smell',
				question_fr: 'Odeur',
				question_ar: 'الرائحة',
				value: 'strong',
				answer_fr: 'Forte',
				answer_ar: 'قوية',
			},
			{
				code: 'kinds',
				question_fr: 'Déchets',
				question_ar: 'النفايات',
				value: ['green', 'rubble'],
				answer_fr: 'Verts, Gravats',
				answer_ar: 'خضراء، ردم',
			},
		]);
	});

	it('binds an Idempotency-Key to its client and body: the same body replays, another body is a 422, another client is another request', async () => {
		const key = randomUUID();
		const first = await post('json', valid({ description: 'Première demande' }), { 'idempotency-key': key });
		expect(first.status).toBe(200);
		const again = await post('json', valid({ description: 'Première demande' }), { 'idempotency-key': key });
		expect(again.json[0].service_request_id).toBe(first.json[0].service_request_id);
		const before = await complaintCount();
		for (const format of FORMATS) {
			const other = await post(format, valid({ description: 'Une tout autre demande' }), { 'idempotency-key': key });
			expect(other.status).toBe(422);
			expect(errors(other, format)[0]).toEqual({
				code: 422,
				description: expect.stringContaining("Cette clé d'idempotence a déjà servi pour une autre demande"),
			});
			expect(other.text).not.toContain(first.json[0].service_request_id);
		}
		const arabic = await post('json', valid({ description: 'Une tout autre demande', lang: 'ar' }), {
			'idempotency-key': key,
		});
		expect(arabic.json[0].description).toContain('سبق استعمال مفتاح عدم التكرار');
		expect(await complaintCount()).toBe(before);
		const otherClient = await post('json', valid({ api_key: keys.other, description: 'Première demande' }), {
			'idempotency-key': key,
		});
		expect(otherClient.status).toBe(200);
		expect(otherClient.json[0].service_request_id).not.toBe(first.json[0].service_request_id);
	});

	it('limits each client to its own rate per minute and daily quota: 429 with Retry-After, in JSON and XML', async () => {
		for (let index = 0; index < 2; index++)
			expect((await post('json', valid({ api_key: keys.rate }))).status).toBe(200);
		for (const format of FORMATS) {
			const limited = await post(format, valid({ api_key: keys.rate }));
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
			expect(errors(limited, format)[0]).toEqual({
				code: 429,
				description: expect.stringContaining('au plus 2 par minute'),
			});
		}
		// another client is not slowed down by this one
		expect((await post('json', valid())).status).toBe(200);
		for (let index = 0; index < 3; index++)
			expect((await post('json', valid({ api_key: keys.quota }))).status).toBe(200);
		const over = await post('json', valid({ api_key: keys.quota }));
		expect(over.status).toBe(429);
		expect(over.json[0].description).toContain('Quota quotidien');
		const retryAfter = Number(over.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
	});
});

describe('GET Service Requests', () => {
	let reference: string;

	beforeAll(async () => {
		// a complaint with a photo, from the portal
		const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
		const sharp = apiRequire('sharp');
		const jpeg: Buffer = await sharp({
			create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 60 } },
		})
			.jpeg()
			.toBuffer();
		const form = new FormData();
		for (const [name, value] of Object.entries({
			category: 'PROP-01',
			description: 'Texte du citoyen Marqueur-public',
			latitude: '33.5463',
			longitude: '-7.6787',
		}))
			form.append(name, value);
		form.append('photos', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'bac.jpg');
		const response = await fetch(`${platform().url}/portal/api/complaints`, { method: 'POST', body: form });
		expect(response.status).toBe(201);
		reference = (await response.json()).data.reference;
	});

	it('gives every field of a request in JSON and XML; description empty and no media until marked publishable', async () => {
		const json = await open311('GET', `/requests/${reference}.json`);
		expect(Object.keys(json.json[0])).toEqual(REQUEST_FIELDS);
		expect(json.json[0]).toMatchObject({ description: '', media_url: null, address_id: null, zipcode: null });
		const xml = await open311('GET', `/requests/${reference}.xml`);
		const record = /<request>([\s\S]*?)<\/request>/.exec(xml.text)![1];
		expect([...record.matchAll(/<([a-z_]+)(?:\/>|>)/g)].map((match) => match[1])).toEqual(REQUEST_FIELDS);
		expect(xml.text).not.toContain('Marqueur-public');
	});

	it('publishes the citizen text and the first photo once an agent marks them publishable', async () => {
		const stored = await adminComplaint(reference);
		expect(
			(
				await call('PATCH', `/items/complaints/${stored.id}`, {
					token: adminToken(),
					body: { description_public: true, photos_public: true },
				})
			).status,
		).toBe(200);
		const json = await open311('GET', `/requests.json?service_request_id=${reference}`);
		expect(json.json[0].description).toBe('Texte du citoyen Marqueur-public');
		expect(json.json[0].media_url).toBe(`${platform().url}/open311/v2/media/${reference}`);
		const xml = await open311('GET', `/requests/${reference}.xml`);
		expect(xml.text).toContain('<description>Texte du citoyen Marqueur-public</description>');
		const media = await fetch(json.json[0].media_url);
		expect(media.status).toBe(200);
		expect(media.headers.get('content-type')).toBe('image/jpeg');
		expect([...new Uint8Array(await media.arrayBuffer()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
		// another complaint's photos stay private
		const other = await call('POST', '/portal/api/complaints', {
			body: { category: 'PROP-01', description: 'Sans photo publique', latitude: 33.5463, longitude: -7.6787 },
		});
		expect((await fetch(`${platform().url}/open311/v2/media/${other.body.data.reference}`)).status).toBe(404);
	});
});
