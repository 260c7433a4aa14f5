// The officials' figures (/officials/figures), the public page of the city's
// figures (/portal/chiffres, .csv, .json) and the monthly report (/reports)
// agree on complaints crafted in June 2023 (far from the demo data, which is
// recent): same month, same scope, same counts; the élu sees their
// arrondissement first; roles without the city's view are refused; a figure
// resting on fewer than the minimum count is withheld on the public page; no
// personal data anywhere.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASABLANCA_TIME_ZONE } from '../../extensions/casa-core/src/domain/calendar/index';
import { HAY_HASSANI, databaseConnection } from '../../scripts/provision/demo-data';
import { dispatchMonthlyReports } from '../../extensions/casa-core/src/adapters/officials/monthly-dispatch';
import { adminToken, call, createComplaint, loginAs, platform } from '../helpers/api';

const MONTH = '2023-06';
const DAY = 86_400_000;
const PERSONAL = 'Khadija Témoin-Officiels';
const A = HAY_HASSANI;
let B: string;
let C: string;
let knex: ReturnType<typeof databaseConnection>;

function local(text: string): Date {
	const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text)!;
	return new Date(new TZDate(+y, +mo - 1, +d, +h, +mi, 0, 0, CASABLANCA_TIME_ZONE).getTime());
}
const ts = (date: Date | null) => (date === null ? null : platform().database === 'pg' ? date : date.getTime());

async function craft(spec: {
	arrondissement: string;
	category: string;
	status: string;
	received: string;
	resolved?: string;
	resolveDue?: string;
}): Promise<void> {
	const created = await createComplaint({
		category: spec.category,
		citizen_name: PERSONAL,
		citizen_phone: '+212600000009',
		description: 'Texte privé du citoyen',
	});
	const received = local(spec.received);
	await knex('complaints')
		.where({ id: created.id })
		.update({
			arrondissement: spec.arrondissement,
			status: spec.status,
			received_at: ts(received),
			acknowledged_at: ts(new Date(received.getTime() + DAY)),
			resolved_at: ts(spec.resolved ? local(spec.resolved) : null),
			resolve_due_at: ts(spec.resolveDue ? local(spec.resolveDue) : new Date(received.getTime() + 5 * DAY)),
			legal_due_at: ts(new Date(received.getTime() + 60 * DAY)),
		});
}

beforeAll(async () => {
	knex = databaseConnection(platform().config);
	const arrondissements = (
		await call('GET', '/items/arrondissements?fields=code&sort=code&limit=-1', { token: adminToken() })
	).body.data as { code: string }[];
	B = arrondissements.map((row) => row.code).find((code) => code !== A)!;
	C = arrondissements.map((row) => row.code).find((code) => code !== A && code !== B)!;
	// June 2023 in the élu's arrondissement: five resolved (after 2, 3, 1, 5 and 10 days; three on time), one still open past the legal ceiling
	await craft({
		arrondissement: A,
		category: 'PROP-01',
		status: 'resolved',
		received: '2023-06-05 10:00',
		resolved: '2023-06-07 10:00',
		resolveDue: '2023-06-10 10:00',
	});
	await craft({
		arrondissement: A,
		category: 'PROP-01',
		status: 'resolved',
		received: '2023-06-06 10:00',
		resolved: '2023-06-09 10:00',
		resolveDue: '2023-06-08 10:00',
	});
	await craft({
		arrondissement: A,
		category: 'PROP-01',
		status: 'closed',
		received: '2023-06-08 10:00',
		resolved: '2023-06-09 10:00',
		resolveDue: '2023-06-12 10:00',
	});
	await craft({
		arrondissement: A,
		category: 'ECL-01',
		status: 'resolved',
		received: '2023-06-10 10:00',
		resolved: '2023-06-15 10:00',
		resolveDue: '2023-06-20 10:00',
	});
	await craft({
		arrondissement: A,
		category: 'ECL-01',
		status: 'resolved',
		received: '2023-06-12 10:00',
		resolved: '2023-06-22 10:00',
		resolveDue: '2023-06-15 10:00',
	});
	await craft({ arrondissement: A, category: 'PROP-01', status: 'in_progress', received: '2023-06-20 10:00' });
	// June 2023 elsewhere: two, too few to publish
	await craft({
		arrondissement: B,
		category: 'PROP-01',
		status: 'resolved',
		received: '2023-06-03 10:00',
		resolved: '2023-06-04 10:00',
		resolveDue: '2023-06-08 10:00',
	});
	await craft({ arrondissement: B, category: 'PROP-01', status: 'new', received: '2023-06-25 10:00' });
	// and five in a third arrondissement (four answered): the city's total minus the élu's would otherwise give B's two
	// back, so the public figures withhold the next smallest figure of the row, C's, and keep the élu's
	for (const day of [5, 6, 7, 8, 9])
		await craft({
			arrondissement: C,
			category: 'PROP-01',
			status: day === 9 ? 'new' : 'resolved',
			received: `2023-06-0${day} 10:00`,
			...(day === 9 ? {} : { resolved: `2023-06-${day + 10} 10:00`, resolveDue: `2023-06-${day + 11} 10:00` }),
		});
	// the month before and the same month a year before
	await craft({
		arrondissement: A,
		category: 'PROP-01',
		status: 'closed',
		received: '2023-05-10 10:00',
		resolved: '2023-05-11 10:00',
		resolveDue: '2023-05-15 10:00',
	});
	await craft({
		arrondissement: A,
		category: 'ECL-01',
		status: 'closed',
		received: '2022-06-10 10:00',
		resolved: '2022-06-20 10:00',
		resolveDue: '2022-06-15 10:00',
	});
}, 120_000);

afterAll(async () => {
	await knex?.destroy();
});

const get = (path: string, token: string | null = null) =>
	fetch(`${platform().url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('the same figures on the officials’ screen, the public page and the monthly report', () => {
	it('agree for the élu’s arrondissement and for the city', async () => {
		const report = (
			await call('GET', `/reports/monthly/${MONTH}?arrondissement=${encodeURIComponent(A)}&format=json`, {
				token: adminToken(),
			})
		).body.data;
		expect(report.total.current).toMatchObject({ received: 6, resolved: 5, resolvedOnTime: 3 });
		expect(report.total.current.legal).toMatchObject({ answeredInTime: 5, answeredLate: 1 });
		const cityReport = (await call('GET', `/reports/monthly/${MONTH}?format=json`, { token: adminToken() })).body.data;

		const elu = await loginAs('elu');
		const response = await call('GET', `/officials/figures?month=${MONTH}`, { token: elu });
		expect(response.status).toBe(200);
		const model = response.body.data;
		expect(model.view).toBe('elected');
		// their arrondissement first, then the city
		expect(model.blocks.map((block: any) => [block.kind, block.code])).toEqual([
			['arrondissement', A],
			['city', null],
		]);
		const mine = model.blocks[0].panel;
		expect(mine.current).toMatchObject({
			received: 6,
			resolved: 5,
			resolvedOnTime: 3,
			medianDays: 3,
			answeredInTime: 5,
			answeredLate: 1,
		});
		expect(mine.current.onTimeRate).toBeCloseTo(report.total.current.onTimeRate, 10);
		expect(mine.previous).toMatchObject({ received: 1, resolved: 1, medianDays: 1 });
		expect(mine.lastYear).toMatchObject({ received: 1, resolved: 1, resolvedOnTime: 0, medianDays: 10 });
		expect(mine.trend).toHaveLength(12);
		expect(mine.trend[11]).toMatchObject({ month: MONTH, received: 6 });
		const city = model.blocks[1].panel.current;
		expect(city).toMatchObject({
			received: cityReport.total.current.received,
			resolved: cityReport.total.current.resolved,
			resolvedOnTime: cityReport.total.current.resolvedOnTime,
		});
		expect(city.answeredInTime).toBe(cityReport.total.current.legal.answeredInTime);
		// by type, as the report's services
		const types = model.blocks[0].types;
		const line = (code: string) => types.find((row: any) => row.code === code);
		const reportLine = (code: string) => report.byService.find((row: any) => row.code === code);
		expect(line('PROP').current.received).toBe(reportLine('PROP').current.received);
		expect(line('PROP').current).toMatchObject({ received: 4, resolved: 3, medianDays: 2 });
		expect(line('ECL').current).toMatchObject({ received: 2, resolved: 2, resolvedOnTime: 1 });
		expect(line('PROP').categories.map((row: any) => row.code)).toContain('PROP-01');
		// the league's figures are the report's
		const leagueRow = model.league.find((row: any) => row.code === A);
		const reportLeague = cityReport.league.find((row: any) => row.code === A);
		expect(leagueRow).toMatchObject({
			received: reportLeague.received,
			resolved: reportLeague.resolved,
			onTimeRate: reportLeague.onTimeRate,
		});
		expect(JSON.stringify(model)).not.toMatch(/Khadija|\+2126|Texte privé|CAS-\d{4}/);

		const open = await get(`/portal/chiffres.json?until=${MONTH}`);
		expect(open.status).toBe(200);
		expect(open.headers.get('access-control-allow-origin')).toBe('*');
		const published = await open.json();
		expect(published.meta.licence.name).toMatch(/Licence Ouverte/);
		expect(published.meta.minimum_count).toBe(5);
		const row = published.data.find(
			(entry: any) => entry.month === MONTH && entry.arrondissement === A && entry.service === null,
		);
		expect(row).toEqual({
			month: MONTH,
			arrondissement: A,
			service: null,
			received: 6,
			answered: 5,
			onTimeRate: 0.6,
			medianDays: 3,
			answeredInLegalTime: 5,
			answeredAfterLegalTime: 1,
			legalRate: 5 / 6,
		});
		expect(row.onTimeRate).toBeCloseTo(mine.current.onTimeRate, 10);
		// two complaints in B: withheld, not zero
		const small = published.data.find(
			(entry: any) => entry.month === MONTH && entry.arrondissement === B && entry.service === null,
		);
		expect(small).toMatchObject({ received: null, answered: null, onTimeRate: null, medianDays: null });
		// C's five and four would give B's two and one back from the city's total: withheld too (complementary)
		const protecting = published.data.find(
			(entry: any) => entry.month === MONTH && entry.arrondissement === C && entry.service === null,
		);
		expect(protecting).toMatchObject({ received: null, answered: null });
		const cityRow = published.data.find(
			(entry: any) => entry.month === MONTH && entry.arrondissement === null && entry.service === null,
		);
		expect(cityRow.received).toBe(cityReport.total.current.received);
		expect(JSON.stringify(published)).not.toMatch(/Khadija|\+2126|Texte privé|CAS-\d{4}/);

		const csv = await get(`/portal/chiffres.csv?until=${MONTH}`);
		expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
		const text = (await csv.text()).replace(/^\uFEFF/, '');
		expect(text.split('\r\n')[0]).toBe(
			'month,arrondissement,arrondissement_name_fr,arrondissement_name_ar,service,service_name_fr,service_name_ar,received,answered,on_time_rate,median_days,answered_in_legal_time,answered_after_legal_time,legal_rate',
		);
		expect(text).toMatch(
			new RegExp(`\\r\\n${MONTH},${A.replace(/\./g, '\\.')},[^,]*,[^,]*,all,,,6,5,0\\.6,3,5,1,0\\.8333\\r\\n`),
		);
	});

	it('serves the public page in French and Arabic with the same figures, the licence and the withheld mark', async () => {
		const fr = await get(
			`/portal/chiffres?until=${MONTH}&month=${MONTH}&arrondissement=${encodeURIComponent(A)}&lang=fr`,
		);
		expect(fr.status).toBe(200);
		expect(fr.headers.get('content-security-policy')).toContain("default-src 'none'");
		const page = await fr.text();
		expect(page).toContain('<html lang="fr" dir="ltr">');
		expect(page).toContain('juin 2023');
		expect(page).toContain('60,0');
		expect(page).toContain('Licence Ouverte');
		expect(page).not.toMatch(/officials\.public|Khadija/);
		const ar = await (await get(`/portal/chiffres?until=${MONTH}&month=${MONTH}&lang=ar`)).text();
		expect(ar).toContain('<html lang="ar" dir="rtl">');
		expect(ar).toContain('يونيو 2023');
		expect(ar).not.toMatch(/[٠-٩]/);
		// B's two complaints are withheld in the table by arrondissement
		expect(ar).toContain('*');
	});

	it('gives the mayor the city, its préfectures and arrondissements, and the director the teams and the legal ceiling', async () => {
		const mayor = (await call('GET', `/officials/figures?month=${MONTH}`, { token: await loginAs('maire') })).body.data;
		expect(mayor.view).toBe('mayor');
		expect(mayor.blocks.map((block: any) => block.kind)).toEqual(['city']);
		expect(mayor.prefectures.length).toBeGreaterThan(0);
		expect(mayor.arrondissements.length).toBe(mayor.league.length);
		const director = (
			await call('GET', `/officials/figures?month=${MONTH}&service=ECL`, { token: await loginAs('dgs') })
		).body.data;
		expect(director.view).toBe('director');
		expect(Array.isArray(director.teams)).toBe(true);
		expect(director.legalCeilingDays).toBe(60);
		// the type filter narrows every figure
		expect(director.filter).toEqual({ service: 'ECL', category: null });
		expect(director.league.find((row: any) => row.code === A)).toMatchObject({ received: 2, resolved: 2 });
	});

	it('refuses who has no view of the city, and explains bad fields in the caller’s language', async () => {
		expect((await call('GET', '/officials/figures')).status).toBe(401);
		const agent = await call('GET', '/officials/figures', { token: await loginAs('agent') });
		expect(agent.status).toBe(403);
		const head = await call('GET', '/officials/figures', { token: await loginAs('chef-service') });
		expect(head.status).toBe(403);
		const bad = await call('GET', '/officials/figures?month=2023-13&service=NOPE!&lang=fr', { token: adminToken() });
		expect(bad.status).toBe(400);
		expect(bad.body.errors!.map((error: any) => error.extensions.field).sort()).toEqual(['month', 'service']);
		expect(bad.body.errors![0].message).toMatch(/mois|Service/);
		const unknown = await call('GET', '/officials/figures?service=NOPE&lang=ar', { token: adminToken() });
		expect(unknown.status).toBe(400);
		expect(unknown.body.errors![0].message).toMatch(/[\u0600-\u06FF]/);
	});

	it('sends officials to their figures after login', async () => {
		await loginAs('maire');
		const users = await call('GET', '/users?filter[email][_eq]=maire@casablanca.ma&fields=last_page', {
			token: adminToken(),
		});
		expect(users.body.data[0].last_page).toBe('/casa-workspace/figures');
		const me = (await call('GET', '/workspace/me', { token: await loginAs('dgs') })).body.data;
		expect(me.landing).toBe('figures');
	});
});

async function mailTo(address: string, subject: RegExp) {
	const { mailDir } = platform();
	for (const file of readdirSync(mailDir).sort()) {
		const parsed = await simpleParser(readFileSync(join(mailDir, file)));
		const to = Array.isArray(parsed.to) ? parsed.to.map((entry) => entry.text).join(',') : (parsed.to?.text ?? '');
		if (to.includes(address) && subject.test(parsed.subject ?? '')) return parsed;
	}
	return null;
}

describe('the monthly report by e-mail', () => {
	it('reaches each official on the first working day, once, in their language, as a signed link to the same figures', async () => {
		const eluToken = await loginAs('elu');
		const options = { secret: platform().config.secret, publicUrl: platform().url };
		// 1 November 2026 is a Sunday: nothing yet; Monday the 2nd is the first working day
		expect(await dispatchMonthlyReports(knex, { ...options, now: local('2026-11-01 09:00') })).toEqual({
			month: null,
			queued: 0,
			already: 0,
		});
		const first = await dispatchMonthlyReports(knex, { ...options, now: local('2026-11-02 09:00') });
		expect(first.month).toBe('2026-10');
		expect(first.queued).toBeGreaterThanOrEqual(1);
		// a second instance, or the next hour: nothing twice
		const again = await dispatchMonthlyReports(knex, { ...options, now: local('2026-11-02 10:00') });
		expect(again).toMatchObject({ month: '2026-10', queued: 0, already: first.queued });

		const rows = await knex('outbox')
			.where({ event: 'monthly_report', recipient: 'elu@casablanca.ma' })
			.select('language', 'payload', 'channel');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ language: 'ar', channel: 'email' });
		const payload = typeof rows[0].payload === 'string' ? JSON.parse(rows[0].payload) : rows[0].payload;
		expect(payload).toMatchObject({
			month: '2026-10',
			arrondissement: A,
			month_label: 'أكتوبر 2026',
			scope_label: 'الحي الحسني',
		});

		// the outbox worker sends it, in Arabic, right to left
		let message = null;
		for (let tries = 0; tries < 60 && !message; tries++) {
			message = await mailTo('elu@casablanca.ma', /أكتوبر 2026/);
			if (!message) await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		expect(message, 'the monthly report e-mail').not.toBeNull();
		expect(String(message!.html)).toContain('dir="rtl"');
		const link = /https?:\/\/\S+\/reports\/shared\/\S+?lang=ar/.exec(message!.text ?? '')?.[0];
		expect(link).toBeTruthy();

		// the link opens without logging in, on the élu's arrondissement, with the figures the officials' screen shows for that month
		const shared = await (await fetch(`${link}&format=json`)).json();
		expect(shared.data).toMatchObject({ month: '2026-10', arrondissement: A });
		const screen = (await call('GET', '/officials/figures?month=2026-10', { token: eluToken })).body.data;
		expect(screen.blocks[0].code).toBe(A);
		expect(screen.blocks[0].panel.current).toMatchObject({
			received: shared.data.total.current.received,
			resolved: shared.data.total.current.resolved,
			resolvedOnTime: shared.data.total.current.resolvedOnTime,
		});
		expect(screen.blocks[0].panel.current.answeredInTime).toBe(shared.data.total.current.legal.answeredInTime);
	}, 120_000);
});
