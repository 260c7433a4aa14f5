// The staff workspace's API (docs/workspace-api.md) as each role uses it: who
// lands where, the queue and its filters, a complaint with only the moves the
// role may make now, contact details on request (journalled), files served by
// complaint only, after-photos, corrections that keep the original, and the
// user's own language and password.
import { createRequire } from 'node:module';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTACT_FIELDS, adminToken, call, createComplaint, loginAs, platform, withCitizen } from '../helpers/api';

const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
const sharp = apiRequire('sharp') as any;

const PROP_CENTRAL_TEAM = '5e7a0000-0000-4000-8000-50524f503030';
const run = `${Date.now()}`.slice(-7);

async function photo(colour: string): Promise<Buffer> {
	return sharp({ create: { width: 640, height: 480, channels: 3, background: colour } })
		.jpeg()
		.toBuffer();
}

async function upload(path: string, token: string, bytes: Buffer, field = 'photos') {
	const form = new FormData();
	form.append(field, new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'apres.jpg');
	form.append('kind', 'after_photo');
	const response = await fetch(`${platform().url}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}` },
		body: form,
	});
	return { status: response.status, body: await response.json() };
}

async function journal(complaint: string) {
	return (
		await call('GET', `/items/access_journal?filter[complaint][_eq]=${complaint}&fields=user,screen,data&sort=id`, {
			token: adminToken(),
		})
	).body.data as { user: string; screen: string; data: string }[];
}

let agent: string;
let agentId: string;
let complaint: { id: string; reference: string };

beforeAll(async () => {
	complaint = await createComplaint({
		description: `Bac renversé ${run} devant l'école`,
		citizen_name: `Citoyen ${run}`,
		citizen_phone: `+2126610${run}`.slice(0, 13),
		citizen_email: `citoyen.${run}@example.ma`,
	});
	expect(
		(
			await call('POST', '/workspace/assignments', {
				token: adminToken(),
				body: { complaints: [complaint.id], team: PROP_CENTRAL_TEAM },
			})
		).status,
	).toBe(200);
	agent = await loginAs('agent');
	agentId = (await call('GET', '/workspace/me', { token: agent })).body.data.id;
});

// Core's three seats: logging in another demo account suspends the idle-longest one, and a suspension ends its
// sessions at once; each test starts with the agent active and a fresh session
beforeEach(async () => {
	agent = await loginAs('agent');
});

describe('who am I, and where I land', () => {
	it('the agent lands on their queue, in Arabic, with the capabilities of the role', async () => {
		const me = (await call('GET', '/workspace/me', { token: agent })).body.data;
		expect(me).toMatchObject({
			role: 'service_agent',
			role_label: 'عون المصلحة',
			language: 'ar',
			landing: 'queue',
			dashboard: null,
		});
		expect(me.capabilities).toContain('read_queue');
		expect(me.capabilities).not.toContain('bulk_assign');
		expect(me.teams.length).toBeGreaterThan(0);
	});
	it('the elected official lands on their figures, and may not open the queue', async () => {
		const token = await loginAs('elu');
		const me = (await call('GET', '/workspace/me', { token })).body.data;
		expect(me).toMatchObject({ landing: 'figures' });
		expect(me.dashboard).toBeTruthy();
		const queue = await call('GET', '/workspace/complaints', { token });
		expect(queue.status).toBe(403);
		expect((await call('GET', `/workspace/complaints/${complaint.id}`, { token })).status).toBe(403);
	});
	it('anonymous callers get nothing', async () => {
		expect((await call('GET', '/workspace/me')).status).toBe(403);
		expect((await call('GET', '/workspace/complaints')).status).toBe(403);
	});
});

describe('the queue', () => {
	it('lists the team complaint with its excerpt, labels in the user language and a deadline', async () => {
		const response = await call('GET', `/workspace/complaints?q=${run}`, { token: agent });
		expect(response.status).toBe(200);
		expect(response.body.meta.total).toBe(1);
		const [item] = response.body.data;
		expect(item).toMatchObject({
			id: complaint.id,
			reference: complaint.reference,
			status: 'assigned',
			status_label: 'مُسندة',
		});
		expect(item.excerpt).toContain(run);
		expect(item.category_label).toMatch(/[\u0600-\u06FF]/);
		expect(item.resolve_due_at).toBeTruthy();
		expect(typeof item.due_in_hours).toBe('number');
		expect(JSON.stringify(item)).not.toContain(`citoyen.${run}`);
	});
	it('finds it by reference, filters by status, SLA state, assignee and period, and refuses unknown filters field by field', async () => {
		expect(
			(await call('GET', `/workspace/complaints?q=${complaint.reference}`, { token: agent })).body.data.map(
				(row: { id: string }) => row.id,
			),
		).toEqual([complaint.id]);
		expect(
			(await call('GET', `/workspace/complaints?q=${run}&status=resolved`, { token: agent })).body.meta.total,
		).toBe(0);
		expect(
			(await call('GET', `/workspace/complaints?q=${run}&assignee=none&status=open`, { token: agent })).body.meta.total,
		).toBe(1);
		expect((await call('GET', `/workspace/complaints?q=${run}&assignee=me`, { token: agent })).body.meta.total).toBe(0);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());
		expect(
			(await call('GET', `/workspace/complaints?q=${run}&from=${today}&to=${today}`, { token: agent })).body.meta.total,
		).toBe(1);
		const refused = await call('GET', '/workspace/complaints?status=lost&limit=1000&from=hier', { token: agent });
		expect(refused.status).toBe(400);
		expect(refused.body.errors!.map((error) => error.extensions.field).sort()).toEqual(['from', 'limit', 'status']);
		for (const error of refused.body.errors!) expect(error.message).toMatch(/[\u0600-\u06FF]/);
	});
	it('never lists what is outside the scope: the road agent does not see it', async () => {
		const voirie = await loginAs('agent-voirie');
		expect((await call('GET', `/workspace/complaints?q=${run}`, { token: voirie })).body.meta.total).toBe(0);
		expect((await call('GET', `/workspace/complaints/${complaint.id}`, { token: voirie })).status).toBe(403);
		expect((await call('GET', `/workspace/complaints/${complaint.id}/contact`, { token: voirie })).status).toBe(403);
	});
});

describe('a complaint', () => {
	it('shows the citizen words first and only the moves the agent may make now', async () => {
		const view = (await call('GET', `/workspace/complaints/${complaint.id}`, { token: agent })).body.data;
		expect(view.description).toContain(run);
		expect(view.commands.map((command: { command: string }) => command.command)).toEqual(['claim', 'note', 'attach']);
		expect(view.commands[0].label).toBe('التكفل بالشكاية');
		expect(view.contact).toEqual({ available: true, may_read: true });
		expect(view.history.map((event: { type: string }) => event.type)).toEqual([
			'created',
			'assigned',
			'status_changed',
		]);
		for (const event of view.history) expect(event.label).not.toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
		expect(JSON.stringify(view)).not.toContain(`citoyen.${run}`);
	});

	it('gives the contact details on request and journals the read', async () => {
		expect(await journal(complaint.id)).toEqual([]);
		const contact = await call('GET', `/workspace/complaints/${complaint.id}/contact?screen=complaint`, {
			token: agent,
		});
		expect(contact.status).toBe(200);
		expect(contact.body.data).toMatchObject({ name: `Citoyen ${run}`, email: `citoyen.${run}@example.ma` });
		expect(await journal(complaint.id)).toEqual([
			{ user: agentId, screen: 'complaint', data: 'name,phone,email,postal_address' },
		]);
		// the journal is the administrators' alone
		expect((await call('GET', '/items/access_journal', { token: agent })).status).toBe(403);
	});

	it('claims, starts, asks the citizen, resumes and resolves with an after-photo, each move in the history', async () => {
		const command = (name: string, body: Record<string, unknown> = {}) =>
			call('POST', `/workspace/complaints/${complaint.id}/commands/${name}`, { token: agent, body });
		const claimed = await command('claim');
		expect(claimed.body.data).toMatchObject({ assignee_is_me: true });
		expect(claimed.body.data.commands.map((item: { command: string }) => item.command)).toEqual([
			'start',
			'request_info',
			'resolve',
			'note',
			'attach',
		]);
		expect((await command('start')).body.data.status).toBe('in_progress');
		const asked = await command('request_info', { message: 'Pouvez-vous préciser le numéro de la rue ?' });
		expect(asked.body.data.status).toBe('waiting_citizen');
		expect(asked.body.data.commands.map((item: { command: string }) => item.command)).toEqual([
			'resume',
			'note',
			'attach',
		]);
		expect((await command('resume')).body.data.status).toBe('in_progress');

		const uploaded = await upload(`/workspace/complaints/${complaint.id}/files`, agent, await photo('#2a7'));
		expect(uploaded.status).toBe(201);
		const after = uploaded.body.data.photos.find((file: { kind: string }) => file.kind === 'after_photo');
		expect(after.kind_label).toBe('صورة بعد التدخل');

		const resolved = await command('resolve', { public_reply: 'Le bac a été remis en place.' });
		expect(resolved.body.data.status).toBe('resolved');
		expect(resolved.body.data.commands.map((item: { command: string }) => item.command)).toEqual(['note', 'attach']);
		const types = resolved.body.data.history.map((event: { type: string }) => event.type);
		// new → assigned, → in progress, → waiting for the citizen, → in progress, → resolved
		expect(types.filter((type: string) => type === 'status_changed')).toHaveLength(5);
		expect(types).toContain('public_reply');

		// the photo is served by complaint, with a thumbnail; never by its id alone, never for another complaint
		const full = await fetch(`${platform().url}${after.url}`, { headers: { authorization: `Bearer ${agent}` } });
		expect(full.status).toBe(200);
		expect(full.headers.get('content-type')).toBe('image/jpeg');
		const thumb = await fetch(`${platform().url}${after.thumbnail}`, { headers: { authorization: `Bearer ${agent}` } });
		expect(thumb.status).toBe(200);
		expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBeLessThanOrEqual(320);
		expect(
			(await fetch(`${platform().url}/assets/${after.id}`, { headers: { authorization: `Bearer ${agent}` } })).status,
		).toBe(403);
		const other = await createComplaint({});
		expect(
			(await call('GET', `/workspace/complaints/${other.id}/files/${after.id}`, { token: adminToken() })).status,
		).toBe(403);
	});

	it('refuses a move the role may not make, in the user language, and changes nothing', async () => {
		const refused = await call('POST', `/workspace/complaints/${complaint.id}/commands/close`, {
			token: agent,
			body: {},
		});
		expect(refused.status).toBe(403);
		expect(refused.body.errors![0].message).toBe('هذا الإجراء غير متاح لكم على هذه الشكاية في وضعيتها الحالية.');
		expect(
			(await call('POST', `/workspace/complaints/${complaint.id}/commands/teleport`, { token: agent, body: {} }))
				.status,
		).toBe(400);
		expect((await call('GET', `/workspace/complaints/${complaint.id}`, { token: agent })).body.data.status).toBe(
			'resolved',
		);
	});
});

describe('corrections keep what the citizen gave', () => {
	it('corrects a phone number as a recorded event, the original kept, the values never shown in the timeline', async () => {
		const target = await createComplaint({ citizen_phone: '0661000111', description: `Correction ${run}` });
		const office = await loginAs('bureau-ordre');
		const corrected = await call('POST', `/workspace/complaints/${target.id}/commands/correct`, {
			token: office,
			body: { field: 'citizen_phone', value: '0661000222', reason: 'Le citoyen a rappelé' },
		});
		expect(corrected.status).toBe(200);
		const entry = corrected.body.data.history.find((event: { type: string }) => event.type === 'correction');
		expect(entry.label).toBe('Téléphone du citoyen corrigé');
		expect(entry.body).toBeNull();
		const stored = withCitizen(
			(
				await call('GET', `/items/complaints/${target.id}?fields=id,history.type,history.body,${CONTACT_FIELDS}`, {
					token: adminToken(),
				})
			).body.data,
		);
		expect(stored.citizen_phone).toBe('0661000222');
		const event = stored.history.find((row: { type: string }) => row.type === 'correction');
		expect(JSON.parse(event.body)).toMatchObject({ field: 'citizen_phone', from: '0661000111', to: '0661000222' });
		const same = await call('POST', `/workspace/complaints/${target.id}/commands/correct`, {
			token: office,
			body: { field: 'citizen_phone', value: '0661000222' },
		});
		expect(same.status).toBe(400);
		expect(
			(
				await call('POST', `/workspace/complaints/${target.id}/commands/correct`, {
					token: office,
					body: { field: 'description', value: 'réécrit' },
				})
			).status,
		).toBe(400);
	});
});

describe('a service head dispatches', () => {
	it('bulk-assigns to an eligible agent, all or nothing', async () => {
		const first = await createComplaint({ description: `Lot A ${run}` });
		const second = await createComplaint({ description: `Lot B ${run}` });
		const head = await loginAs('chef-service');
		// Core's three seats: the agent is made active again (the head, just active, keeps their seat)
		agent = await loginAs('agent');
		const eligible = await call('GET', `/workspace/assignees?complaints=${first.id},${second.id}`, { token: head });
		expect(eligible.status).toBe(200);
		const youssef = eligible.body.data.agents.find((option: { label: string }) => option.label === 'Youssef El Amrani');
		expect(youssef).toBeTruthy();
		const assigned = await call('POST', '/workspace/assignments', {
			token: head,
			body: { complaints: [first.id, second.id], team: youssef.team, assignee: youssef.value },
		});
		expect(assigned.status).toBe(200);
		expect(
			assigned.body.data.map((row: { assignee_label: string; status: string }) => [row.assignee_label, row.status]),
		).toEqual([
			['Youssef El Amrani', 'assigned'],
			['Youssef El Amrani', 'assigned'],
		]);
		// an agent does not bulk-assign
		expect(
			(
				await call('POST', '/workspace/assignments', {
					token: agent,
					body: { complaints: [first.id], team: youssef.team },
				})
			).status,
		).toBe(403);
	});
});

describe('my own settings', () => {
	it('changes the user language, then back', async () => {
		const token = await loginAs('agent-voirie');
		expect((await call('PATCH', '/workspace/me', { token, body: { language: 'ar' } })).status).toBe(200);
		expect((await call('GET', '/workspace/me', { token })).body.data.language).toBe('ar');
		const refused = await call('PATCH', '/workspace/me', { token, body: { language: 'en' } });
		expect(refused.status).toBe(400);
		expect(refused.body.errors![0].message).toBe('اختاروا الفرنسية أو العربية.');
		expect((await call('PATCH', '/workspace/me', { token, body: { language: 'fr' } })).status).toBe(200);
	});
	it('changes the password only with the current one', async () => {
		const token = await loginAs('agent-voirie');
		const { demoPassword } = platform();
		const wrong = await call('POST', '/workspace/me/password', {
			token,
			body: { current: 'pas le bon', password: 'Un-nouveau-mot-2026' },
		});
		expect(wrong.status).toBe(400);
		expect(wrong.body.errors![0].extensions.field).toBe('current');
		expect(
			(await call('POST', '/workspace/me/password', { token, body: { current: demoPassword, password: 'court' } }))
				.status,
		).toBe(400);
		expect(
			(
				await call('POST', '/workspace/me/password', {
					token,
					body: { current: demoPassword, password: 'Un-nouveau-mot-2026' },
				})
			).status,
		).toBe(200);
		const login = await call('POST', '/auth/login', {
			body: { email: 'agent.voirie@casablanca.ma', password: 'Un-nouveau-mot-2026' },
		});
		expect(login.status).toBe(200);
		// back to the demo password, for the other tests
		expect(
			(
				await call('POST', '/workspace/me/password', {
					token: login.body.data.access_token,
					body: { current: 'Un-nouveau-mot-2026', password: demoPassword },
				})
			).status,
		).toBe(200);
	});
});

describe('the staff landing', () => {
	it('sets the workspace as the page a scoped staff member opens after login', async () => {
		await loginAs('agent');
		const users = await call('GET', '/users?filter[email][_eq]=agent.proprete@casablanca.ma&fields=last_page', {
			token: adminToken(),
		});
		expect(users.body.data[0].last_page).toBe('/casa-workspace');
	});
});
