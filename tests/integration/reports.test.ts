// Monthly reports (/reports): complaints crafted in two months of 2024 (far
// from the demo data, which is recent) give exact figures in JSON, CSV and the
// A4 page (French, Arabic right to left); signed links work without logging in
// and refuse expired or tampered tokens; roles outside the reports are refused.
import { TZDate } from '@date-fns/tz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASABLANCA_TIME_ZONE } from '../../extensions/casa-core/src/domain/calendar/index';
import { addLocalDays } from '../../extensions/casa-core/src/domain/reports/month-window';
import { signLink } from '../../extensions/casa-core/src/domain/reports/signed-link';
import { databaseConnection } from '../../scripts/provision/demo-data';
import { adminToken, call, createComplaint, loginAs, platform } from '../helpers/api';

const MONTH = '2024-11';
const DAY = 86_400_000;
const PERSONAL = 'Fatima Zahra Témoin';

/** Instant of a Casablanca wall-clock time 'YYYY-MM-DD HH:mm'. */
function local(text: string): Date {
	const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text)!;
	return new Date(new TZDate(+y, +mo - 1, +d, +h, +mi, 0, 0, CASABLANCA_TIME_ZONE).getTime());
}

let A: string;
let B: string;
let knex: ReturnType<typeof databaseConnection>;

const ts = (date: Date | null) => (date === null ? null : platform().database === 'pg' ? date : date.getTime());

interface Crafted {
	arrondissement: string;
	category: string;
	status: string;
	received: string;
	acknowledged?: string | Date;
	resolved?: string;
	resolveDue?: string;
	rejectedEvent?: string;
}

async function craft(spec: Crafted): Promise<string> {
	const created = await createComplaint({
		category: spec.category,
		citizen_name: PERSONAL,
		citizen_phone: '+212600000001',
		description: 'Description privée du citoyen',
	});
	const received = local(spec.received);
	await knex('complaints')
		.where({ id: created.id })
		.update({
			arrondissement: spec.arrondissement,
			status: spec.status,
			received_at: ts(received),
			acknowledged_at: ts(
				spec.acknowledged instanceof Date ? spec.acknowledged : spec.acknowledged ? local(spec.acknowledged) : null,
			),
			resolved_at: ts(spec.resolved ? local(spec.resolved) : null),
			resolve_due_at: ts(spec.resolveDue ? local(spec.resolveDue) : new Date(received.getTime() + 5 * DAY)),
			legal_due_at: ts(new Date(received.getTime() + 60 * DAY)),
		});
	if (spec.rejectedEvent)
		await knex('complaint_events').insert({
			complaint: created.id,
			type: 'status_changed',
			from_status: 'acknowledged',
			to_status: 'rejected',
			body: 'hors compétence',
			visibility: 'public',
			actor_kind: 'staff',
			date_created: ts(local(spec.rejectedEvent)),
		});
	return created.id;
}

beforeAll(async () => {
	knex = databaseConnection(platform().config);
	const arrondissements = (
		await call('GET', '/items/arrondissements?fields=code&sort=code&limit=-1', { token: adminToken() })
	).body.data as { code: string }[];
	[A, B] = [arrondissements[0].code, arrondissements[1].code];
	// this month (November 2024)
	await craft({
		arrondissement: A,
		category: 'PROP-01',
		status: 'resolved',
		received: '2024-11-04 10:00',
		acknowledged: '2024-11-05 10:00',
		resolved: '2024-11-08 10:00',
		resolveDue: '2024-11-10 10:00',
	});
	await craft({
		arrondissement: A,
		category: 'PROP-01',
		status: 'resolved',
		received: '2024-11-10 10:00',
		acknowledged: '2024-11-28 10:00',
		resolved: '2024-11-20 10:00',
		resolveDue: '2024-11-15 10:00',
	});
	await craft({ arrondissement: B, category: 'ECL-01', status: 'new', received: '2024-11-20 10:00' });
	await craft({
		arrondissement: A,
		category: 'ECL-01',
		status: 'rejected',
		received: '2024-11-25 10:00',
		acknowledged: '2024-11-26 10:00',
		rejectedEvent: '2024-11-27 10:00',
	});
	// last month (October), one of them resolved in November
	await craft({
		arrondissement: B,
		category: 'PROP-01',
		status: 'resolved',
		received: '2024-10-15 10:00',
		acknowledged: '2024-10-16 10:00',
		resolved: '2024-11-02 10:00',
		resolveDue: '2024-11-05 10:00',
	});
	await craft({
		arrondissement: A,
		category: 'PROP-01',
		status: 'closed',
		received: '2024-10-01 12:00',
		acknowledged: '2024-10-01 15:00',
		resolved: '2024-10-03 12:00',
		resolveDue: '2024-10-05 12:00',
	});
});

afterAll(async () => {
	await knex?.destroy();
});

const get = (path: string, token: string | null = adminToken()) =>
	fetch(`${platform().url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('monthly report figures', () => {
	it('gives exact figures for the whole commune in JSON', async () => {
		const response = await call('GET', `/reports/monthly/${MONTH}?format=json`, { token: adminToken() });
		expect(response.status).toBe(200);
		const report = response.body.data;
		expect(report.month).toBe(MONTH);
		expect(report.previousMonth).toBe('2024-10');
		const total = report.total;
		expect(total.current).toMatchObject({ received: 4, resolved: 3, resolvedOnTime: 2 });
		expect(total.current.onTimeRate).toBeCloseTo(2 / 3, 10);
		expect(total.current.averageResolutionDays).toBeCloseTo((4 + 10 + 18) / 3, 6);
		expect(total.current.legal).toEqual({
			received: 4,
			acknowledgedInTime: 2,
			acknowledgedLate: 2,
			acknowledgementPending: 0,
			answeredInTime: 3,
			answeredLate: 1,
			answerPending: 0,
		});
		expect(total.previous).toMatchObject({
			received: 2,
			resolved: 1,
			resolvedOnTime: 1,
			onTimeRate: 1,
			averageResolutionDays: 2,
		});
		expect(total.previous.legal).toMatchObject({ acknowledgedInTime: 2, answeredInTime: 2, answeredLate: 0 });
		expect(total.change).toMatchObject({ received: 2, resolved: 2 });

		const line = (lines: any[], code: string) => lines.find((row) => row.code === code);
		expect(line(report.byArrondissement, A).current).toMatchObject({ received: 3, resolved: 2, resolvedOnTime: 1 });
		expect(line(report.byArrondissement, B).current).toMatchObject({
			received: 1,
			resolved: 1,
			resolvedOnTime: 1,
			averageResolutionDays: 18,
		});
		expect(line(report.byService, 'PROP').current).toMatchObject({ received: 2, resolved: 3, resolvedOnTime: 2 });
		expect(line(report.byService, 'ECL').current).toMatchObject({ received: 2, resolved: 0 });
		const prefectureTotal = report.byPrefecture.reduce((sum: number, row: any) => sum + row.current.received, 0);
		expect(prefectureTotal).toBe(4);

		// league: B (100 % on time) before A (50 %), then the arrondissements with nothing resolved
		expect(report.league[0]).toMatchObject({ code: B, rank: 1, resolved: 1, onTimeRate: 1 });
		expect(report.league[1]).toMatchObject({ code: A, rank: 2, resolved: 2, onTimeRate: 0.5 });
		expect(report.league).toHaveLength(report.byArrondissement.filter((row: any) => row.code !== null).length);

		expect(JSON.stringify(report)).not.toMatch(/Fatima|\+2126|Description privée/);
	});

	it('limits to one arrondissement when asked', async () => {
		const report = (
			await call('GET', `/reports/monthly?month=${MONTH}&arrondissement=${encodeURIComponent(A)}&format=json`, {
				token: adminToken(),
			})
		).body.data;
		expect(report.arrondissement).toBe(A);
		expect(report.total.current).toMatchObject({ received: 3, resolved: 2, resolvedOnTime: 1 });
		expect(report.byArrondissement).toHaveLength(1);
	});

	it('downloads CSV with the same figures', async () => {
		const response = await get(`/reports/monthly/${MONTH}?format=csv&lang=fr`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="rapport-${MONTH}-all-fr.csv"`);
		const bytes = Buffer.from(await response.arrayBuffer());
		// a byte order mark, so that Excel reads the Arabic names as UTF-8
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.subarray(3).toString('utf8');
		const lines = text.split('\r\n');
		expect(lines[0]).toContain('Reçues (Ce mois)');
		const total = lines[1].split(',');
		// section, code, name, received (this, last), resolved (this, last), on time %, average days
		expect(total.slice(3, 11)).toEqual(['4', '2', '3', '1', '66.7', '100.0', '10.7', '2.0']);
		expect(text).not.toMatch(/Fatima|\+2126/);
	});

	it('renders the A4 page in French and in Arabic, right to left', async () => {
		const fr = await get(`/reports/monthly/${MONTH}?lang=fr`);
		expect(fr.status).toBe(200);
		expect(fr.headers.get('content-type')).toMatch(/^text\/html/);
		const page = await fr.text();
		expect(page).toContain('<html lang="fr" dir="ltr">');
		expect(page).toContain('novembre 2024');
		expect(page).toContain('Registre légal');
		expect(page).toMatch(/<div class="label">Reçues<\/div><div class="value"><span class="num">4<\/span>/);
		expect(page).toContain('66,7');

		const ar = await (await get(`/reports/monthly/${MONTH}?lang=ar&format=html`)).text();
		expect(ar).toContain('<html lang="ar" dir="rtl">');
		expect(ar).toContain('التقرير الشهري للشكايات');
		expect(ar).toMatch(/<div class="value"><span class="num">4<\/span>/);
		expect(ar).not.toMatch(/Fatima|\+2126/);

		const script = await get('/reports/print.js', null);
		expect(script.status).toBe(200);
	});

	it('refuses bad input field by field, in the caller’s language', async () => {
		const ar = await call('GET', `/reports/monthly/2024-13?lang=ar&arrondissement=NOPE&format=pdf&service=XYZ`, {
			token: adminToken(),
		});
		expect(ar.status).toBe(400);
		const fields = ar.body.errors!.map((error) => error.extensions.field).sort();
		expect(fields).toEqual(['arrondissement', 'format', 'month', 'service']);
		expect(ar.body.errors!.find((error) => error.extensions.field === 'month')!.message).toContain('يجب أن يكون الشهر');
		const fr = await call('GET', `/reports/monthly/2024-13?lang=xx`, { token: adminToken() });
		expect(fr.status).toBe(400);
		expect(fr.body.errors!.map((error) => error.extensions.field).sort()).toEqual(['lang', 'month']);
		expect(fr.body.errors!.find((error) => error.extensions.field === 'month')!.message).toContain('AAAA-MM');
	});
});

describe('calendar days across a change of UTC offset (Ramadan)', () => {
	it('counts 15 days on the Casablanca clock, not 15 × 24 hours', async () => {
		// Casablanca leaves UTC+1 for Ramadan 2025 at the end of February
		const received = local('2025-02-20 10:00');
		const due = addLocalDays(received, 15);
		expect(due.getTime() - received.getTime()).not.toBe(15 * DAY);
		const MINUTE = 60_000;
		await craft({
			arrondissement: A,
			category: 'PROP-01',
			status: 'acknowledged',
			received: '2025-02-20 10:00',
			acknowledged: new Date(due.getTime() - 20 * MINUTE),
		});
		await craft({
			arrondissement: A,
			category: 'PROP-01',
			status: 'acknowledged',
			received: '2025-02-20 10:00',
			acknowledged: new Date(due.getTime() + 20 * MINUTE),
		});
		const report = (await call('GET', '/reports/monthly/2025-02?format=json', { token: adminToken() })).body.data;
		expect(report.total.current.legal).toMatchObject({ received: 2, acknowledgedInTime: 1, acknowledgedLate: 1 });
	});
});

describe('who may read', () => {
	it('refuses anonymous callers and service agents; a service head gets their service only', async () => {
		expect((await call('GET', `/reports/monthly/${MONTH}?format=json`)).status).toBe(403);
		const agent = await loginAs('agent');
		const refused = await call('GET', `/reports/monthly/${MONTH}?format=json`, { token: agent });
		expect(refused.status).toBe(403);
		expect(refused.body.errors![0].message).toContain('التقارير مخصصة');

		const chef = await loginAs('chef-service');
		const report = (await call('GET', `/reports/monthly/${MONTH}?format=json&service=ECL`, { token: chef })).body.data;
		expect(report.service).toBe('PROP');
		expect(report.total.current).toMatchObject({ received: 2, resolved: 3 });
		expect(report.byService.map((row: any) => row.code)).toEqual(['PROP']);
		expect((await call('POST', '/reports/links', { token: chef, body: { month: MONTH } })).status).toBe(403);
	});

	it('lets elected officials read but not hand out links', async () => {
		const elu = await loginAs('elu');
		const response = await call('GET', `/reports/monthly/${MONTH}?format=json`, { token: elu });
		expect(response.status).toBe(200);
		expect(response.body.data.total.current.received).toBe(4);
		const link = await call('POST', '/reports/links', { token: elu, body: { month: MONTH } });
		expect(link.status).toBe(403);
	});
});

describe('signed links', () => {
	it('the mayor hands out a link that works without logging in', async () => {
		const mayor = await loginAs('maire');
		const created = await call('POST', '/reports/links', {
			token: mayor,
			body: { month: MONTH, arrondissement: 'all', days: 7, lang: 'ar' },
		});
		expect(created.status).toBe(201);
		const { path, url, expires_at } = created.body.data;
		expect(url).toContain('/reports/shared/');
		expect(new Date(expires_at).getTime() - Date.now()).toBeGreaterThan(6.9 * DAY);

		const json = await call('GET', `${path}&format=json`);
		expect(json.status).toBe(200);
		expect(json.body.data.total.current).toMatchObject({ received: 4, resolved: 3, resolvedOnTime: 2 });
		const html = await (await get(path, null)).text();
		expect(html).toContain('<html lang="ar" dir="rtl">');
		expect(html).not.toContain('<form');
		const csv = await get(path.replace('lang=ar', 'lang=fr&format=csv'), null);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-disposition')).toContain('attachment');
	});

	it('refuses tampered, forged and expired links', async () => {
		const token = (await call('POST', '/reports/links', { token: adminToken(), body: { month: MONTH } })).body.data
			.token as string;
		const [version, payload, signature] = token.split('.');
		const otherPayload = Buffer.from(
			JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), m: '2024-10' }),
		).toString('base64url');
		const tampered = await call('GET', `/reports/shared/${version}.${otherPayload}.${signature}?format=json&lang=fr`);
		expect(tampered.status).toBe(403);
		expect(tampered.body.errors![0].message).toContain("n'est pas valide");

		const forged = signLink(
			{ month: MONTH, arrondissement: 'all', service: null, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
			'another-secret-of-32-characters!!',
		);
		expect((await call('GET', `/reports/shared/${forged}?format=json`)).status).toBe(403);

		const expired = signLink(
			{ month: MONTH, arrondissement: 'all', service: null, expiresAt: Math.floor(Date.now() / 1000) - 60 },
			platform().config.secret,
		);
		const refused = await call('GET', `/reports/shared/${expired}?format=json&lang=ar`);
		expect(refused.status).toBe(403);
		expect(refused.body.errors![0].message).toContain('انتهت صلاحية');

		const bad = await call('POST', '/reports/links', { token: adminToken(), body: { month: 'mai', days: 400 } });
		expect(bad.status).toBe(400);
		expect(bad.body.errors!.map((error) => error.extensions.field).sort()).toEqual(['days', 'month']);
	});
});
