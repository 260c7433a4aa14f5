import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, createComplaint, loginAs } from '../helpers/api';

const PROP_CENTRAL_TEAM = '5e7a0000-0000-4000-8000-50524f503030';
const HAY_HASSANI = '06.141.01.31';

async function read(id: string) {
	const response = await call(
		'GET',
		`/items/complaints/${id}?fields=*,history.type,history.from_status,history.to_status,history.body,history.actor`,
		{ token: adminToken() },
	);
	return response.body.data;
}

describe('creation: routing, reference, deadlines, history', () => {
	it('routes a point to its arrondissement, the category to its service and team, and records the creation', async () => {
		const complaint = await createComplaint({ category: 'PROP-02', citizen_name: 'Fatima Z.' });
		expect(complaint.reference).toMatch(/^CAS-\d{4}-\d{6}$/);
		expect(complaint.arrondissement).toBe(HAY_HASSANI);
		expect(complaint.service).toBe('PROP');
		expect(complaint.team).toBe(PROP_CENTRAL_TEAM);
		expect(complaint.status).toBe('new');
		expect(complaint.priority).toBe('high');
		const received = Date.parse(complaint.received_at);
		expect(Date.parse(complaint.acknowledge_due_at)).toBeGreaterThan(received);
		expect(Date.parse(complaint.resolve_due_at)).toBeGreaterThanOrEqual(Date.parse(complaint.acknowledge_due_at));
		// 60 calendar days: within an hour of 60 × 24 h whatever the offset change
		expect(Math.abs(Date.parse(complaint.legal_due_at) - received - 60 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
		const stored = await read(complaint.id);
		expect(stored.history.map((event: { type: string }) => event.type)).toEqual(['created']);
	});

	it('runs paper-mail deadlines from the date received, not the typing date', async () => {
		const receivedAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
		const complaint = await createComplaint({
			channel: 'courrier',
			received_at: receivedAt,
			registry_number: 'BO-2026-0042',
		});
		// compared to the second: one run in many read the value back without its milliseconds
		expect(Math.floor(Date.parse(complaint.received_at) / 1000)).toBe(Math.floor(Date.parse(receivedAt) / 1000));
		expect(Date.parse(complaint.legal_due_at)).toBeLessThan(Date.now() + 51 * 86_400_000);
	});

	it('refuses bad input field by field in French, stores nothing', async () => {
		const before = await call('GET', '/items/complaints?aggregate[count]=*', { token: adminToken() });
		const response = await call('POST', '/items/complaints', {
			token: adminToken(),
			body: { category: 'NOPE-01', description: '', latitude: 33.9, longitude: -7.3, channel: 'fax' },
		});
		expect(response.status).toBe(400);
		const byField = Object.fromEntries(response.body.errors!.map((error) => [error.extensions.field, error.message]));
		expect(Object.keys(byField).sort()).toEqual(['category', 'channel', 'description', 'latitude']);
		expect(byField.latitude).toContain('hors de la commune de Casablanca');
		expect(byField.description).toBe('Le champ « description » est obligatoire.');
		const after = await call('GET', '/items/complaints?aggregate[count]=*', { token: adminToken() });
		expect(after.body.data[0].count).toBe(before.body.data[0].count);
	});

	it('answers in Arabic to a user whose language is Arabic', async () => {
		const token = await loginAs('agent');
		const complaint = await createComplaint({});
		await call('POST', '/workspace/assignments', {
			token: adminToken(),
			body: { complaints: [complaint.id], team: PROP_CENTRAL_TEAM },
		});
		expect(
			(await call('POST', `/workspace/complaints/${complaint.id}/commands/claim`, { token, body: {} })).status,
		).toBe(200);
		const response = await call('POST', `/workspace/complaints/${complaint.id}/commands/resolve`, {
			token,
			body: { public_reply: '' },
		});
		expect(response.status).toBe(400);
		expect(response.body.errors![0].extensions.field).toBe('public_reply');
		expect(response.body.errors![0].message).toBe('اكتبوا النص قبل التأكيد.');
		// a move the transition table refuses, in Arabic too (through the complaint hooks, as the admin app would)
		const generic = await call('PATCH', `/items/complaints/${complaint.id}`, {
			token: adminToken(),
			body: { status: 'new' },
		});
		expect(generic.status).toBe(400);
	});

	it('lets an agent override a point outside the commune, never a citizen-facing default', async () => {
		const refused = await call('POST', '/items/complaints', {
			token: adminToken(),
			body: { category: 'VOI-01', description: 'Route Mohammedia', latitude: 33.686, longitude: -7.383 },
		});
		expect(refused.status).toBe(400);
		const forced = await createComplaint({
			category: 'VOI-01',
			latitude: 33.686,
			longitude: -7.383,
			location_override: true,
			arrondissement: '06.141.01.51',
		});
		expect(forced.location_override).toBe(true);
		expect(forced.arrondissement).toBe('06.141.01.51');
	});
});

describe('workflow table enforced for every client', () => {
	let id: string;
	beforeAll(async () => {
		id = (await createComplaint({ category: 'PROP-03' })).id;
	});

	it('refuses a transition absent from the table and changes nothing', async () => {
		const response = await call('PATCH', `/items/complaints/${id}`, {
			token: adminToken(),
			body: { status: 'resolved', public_reply: 'Fait.' },
		});
		expect(response.status).toBe(400);
		expect(response.body.errors![0].message).toBe('Passage interdit de « Nouvelle » à « Résolue ».');
		const stored = await read(id);
		expect(stored.status).toBe('new');
		expect(stored.public_reply).toBeNull();
	});

	it('refuses the same transition through GraphQL', async () => {
		const response = await call('POST', '/graphql', {
			token: adminToken(),
			body: { query: `mutation { update_complaints_item(id: "${id}", data: { status: "closed" }) { id } }` },
		});
		expect(response.body.errors?.[0]?.message).toContain('Passage interdit');
		expect((await read(id)).status).toBe('new');
	});

	it('assigning a team moves a new complaint to assigned and records both events', async () => {
		const response = await call('POST', '/workspace/assignments', {
			token: adminToken(),
			body: { complaints: [id], team: PROP_CENTRAL_TEAM },
		});
		expect(response.status).toBe(200);
		const stored = await read(id);
		expect(stored.status).toBe('assigned');
		expect(stored.acknowledged_at).not.toBeNull();
		expect(stored.history.map((event: { type: string }) => event.type)).toEqual([
			'created',
			'assigned',
			'status_changed',
		]);
	});

	it('resolving requires a public reply (workspace commands)', async () => {
		const token = await loginAs('agent');
		const command = (name: string, body: Record<string, unknown> = {}) =>
			call('POST', `/workspace/complaints/${id}/commands/${name}`, { token, body });
		expect((await command('claim')).status).toBe(200);
		const started = await command('start');
		expect(started.status).toBe(200);
		expect(started.body.data.status).toBe('in_progress');
		const missing = await command('resolve', {});
		expect(missing.status).toBe(400);
		expect(missing.body.errors![0].extensions.field).toBe('public_reply');
		expect(missing.body.errors![0].message).not.toMatch(/[a-z]+\.[a-z_]+/);
		expect((await read(id)).status).toBe('in_progress');
		const resolved = await command('resolve', { public_reply: 'تم جمع النفايات.' });
		expect(resolved.status).toBe(200);
		const stored = await read(id);
		expect(stored.status).toBe('resolved');
		expect(stored.resolved_at).not.toBeNull();
		expect(
			stored.history
				.filter((event: { type: string }) => event.type === 'public_reply')
				.map((event: { body: string }) => event.body),
		).toEqual(['تم جمع النفايات.']);
	});

	it("an agent may not close, nor touch complaints through the generic API; nobody may rewrite system fields or the citizen's words", async () => {
		const token = await loginAs('agent');
		const close = await call('POST', `/workspace/complaints/${id}/commands/close`, { token, body: {} });
		expect(close.status).toBe(403);
		expect(close.body.errors![0].message).toBe('هذا الإجراء غير متاح لكم على هذه الشكاية في وضعيتها الحالية.');
		expect((await call('PATCH', `/items/complaints/${id}`, { token, body: { status: 'closed' } })).status).toBe(403);
		expect((await read(id)).status).toBe('resolved');
		const rewrite = await call('PATCH', `/items/complaints/${id}`, {
			token: adminToken(),
			body: { reference: 'CAS-1999-000001', resolve_due_at: new Date().toISOString() },
		});
		expect(rewrite.status).toBe(400);
		expect(rewrite.body.errors!.map((error) => error.extensions.field).sort()).toEqual(['reference', 'resolve_due_at']);
		const words = await call('PATCH', `/items/complaints/${id}`, {
			token: adminToken(),
			body: { description: 'réécrit', citizen_phone: '0600000000' },
		});
		expect(words.status).toBe(400);
		expect(words.body.errors!.map((error) => error.extensions.field).sort()).toEqual(['citizen_phone', 'description']);
	});

	it('waiting for the citizen pauses the clock: deadlines move on resume', async () => {
		const complaint = await createComplaint({ category: 'HYG-05' });
		await call('POST', '/workspace/assignments', {
			token: adminToken(),
			body: { complaints: [complaint.id], team: (await read(complaint.id)).team },
		});
		expect(
			(
				await call('PATCH', `/items/complaints/${complaint.id}`, {
					token: adminToken(),
					body: { status: 'waiting_citizen' },
				})
			).status,
		).toBe(200);
		const paused = await read(complaint.id);
		expect(paused.sla_paused_at).not.toBeNull();
		expect(
			(
				await call('PATCH', `/items/complaints/${complaint.id}`, {
					token: adminToken(),
					body: { status: 'in_progress' },
				})
			).status,
		).toBe(200);
		const resumed = await read(complaint.id);
		expect(resumed.sla_paused_at).toBeNull();
		expect(Date.parse(resumed.resolve_due_at)).toBeGreaterThanOrEqual(Date.parse(paused.resolve_due_at));
	});
});

describe('the legal register', () => {
	it('keeps complaints and their history: no delete, no rewrite', async () => {
		const complaint = await createComplaint({});
		const deleted = await call('DELETE', `/items/complaints/${complaint.id}`, { token: adminToken() });
		expect(deleted.status).toBe(400);
		expect(deleted.body.errors![0].message).toContain('ne peut pas être supprimée');
		const events = await call('GET', `/items/complaint_events?filter[complaint][_eq]=${complaint.id}&fields=id`, {
			token: adminToken(),
		});
		const eventId = events.body.data[0].id;
		expect(
			(await call('PATCH', `/items/complaint_events/${eventId}`, { token: adminToken(), body: { body: 'réécrit' } }))
				.status,
		).toBe(400);
		expect((await call('DELETE', `/items/complaint_events/${eventId}`, { token: adminToken() })).status).toBe(400);
		expect((await read(complaint.id)).history).toHaveLength(1);
	});

	it("never changes when a user or a team is removed: the removal is refused in the user's language", async () => {
		const team = await call('POST', '/items/teams', {
			token: adminToken(),
			body: { name_fr: 'Équipe éphémère', name_ar: 'فريق مؤقت', service: 'PROP' },
		});
		expect(team.status).toBe(200);
		const user = await call('POST', '/users', {
			token: adminToken(),
			body: {
				email: `ephemere.${Date.now()}@casablanca.ma`,
				first_name: 'Agent',
				last_name: 'Éphémère',
				status: 'suspended',
			},
		});
		expect(user.status).toBe(200);
		const teamId = team.body.data.id;
		const userId = user.body.data.id;
		await call('POST', '/items/team_members', { token: adminToken(), body: { team: teamId, user: userId } });
		const complaint = await createComplaint({});
		expect(
			(
				await call('POST', '/workspace/assignments', {
					token: adminToken(),
					body: { complaints: [complaint.id], team: teamId, assignee: userId },
				})
			).status,
		).toBe(200);
		const deletedUser = await call('DELETE', `/users/${userId}`, { token: adminToken() });
		expect(deletedUser.status).toBe(400);
		expect(deletedUser.body.errors![0].message).toContain('suspendez son compte');
		const deletedTeam = await call('DELETE', `/items/teams/${teamId}`, { token: adminToken() });
		expect(deletedTeam.status).toBe(400);
		expect(deletedTeam.body.errors![0].message).toContain('désactivez-la');
		const stored = await read(complaint.id);
		expect(stored.team).toBe(teamId);
		expect(stored.assignee).toBe(userId);
	});

	it('lets staff add an internal note but not forge a status change', async () => {
		const complaint = await createComplaint({});
		await call('POST', '/workspace/assignments', {
			token: adminToken(),
			body: { complaints: [complaint.id], team: PROP_CENTRAL_TEAM },
		});
		const token = await loginAs('agent');
		const note = await call('POST', `/workspace/complaints/${complaint.id}/commands/note`, {
			token,
			body: { body: 'Appelé le citoyen.' },
		});
		expect(note.status).toBe(200);
		expect(note.body.data.history.map((event: { type: string }) => event.type)).toContain('note');
		// the generic API is closed to the agent: no forged event that way either
		const forged = await call('POST', '/items/complaint_events', {
			token,
			body: { complaint: complaint.id, type: 'status_changed', to_status: 'closed' },
		});
		expect(forged.status).toBe(403);
		const forgedAsAdmin = await call('POST', '/items/complaint_events', {
			token: adminToken(),
			body: { complaint: complaint.id, type: 'status_changed', to_status: 'closed' },
		});
		expect(forgedAsAdmin.status).toBe(400);
		const stored = await read(complaint.id);
		expect(stored.history.map((event: { type: string }) => event.type)).toEqual([
			'created',
			'assigned',
			'status_changed',
			'note',
		]);
	});
});

describe('assignment endpoints', () => {
	it('auto-assigns to the least-loaded active agent of the team, in bulk', async () => {
		const first = await createComplaint({});
		const second = await createComplaint({});
		await loginAs('agent');
		const response = await call('POST', '/workspace/assignments', {
			token: adminToken(),
			body: { complaints: [first.id, second.id], team: PROP_CENTRAL_TEAM, assignee: 'auto' },
		});
		expect(response.status).toBe(200);
		const agent = await call('GET', '/users?filter[email][_eq]=agent.proprete@casablanca.ma&fields=id', {
			token: adminToken(),
		});
		expect(response.body.data.map((row: { assignee: string }) => row.assignee)).toEqual([
			agent.body.data[0].id,
			agent.body.data[0].id,
		]);
	});

	it('is all or nothing: one refused complaint leaves the others untouched', async () => {
		const good = await createComplaint({});
		const response = await call('POST', '/workspace/assignments', {
			token: adminToken(),
			body: { complaints: [good.id, '00000000-0000-4000-8000-000000000000'], team: PROP_CENTRAL_TEAM },
		});
		expect(response.status).toBe(403);
		expect((await read(good.id)).status).toBe('new');
	});

	it('refuses roles that do not assign', async () => {
		const complaint = await createComplaint({});
		const token = await loginAs('dgs');
		expect(
			(
				await call('POST', '/workspace/assignments', {
					token,
					body: { complaints: [complaint.id], team: PROP_CENTRAL_TEAM },
				})
			).status,
		).toBe(403);
		expect(
			(await call('POST', '/workspace/assignments', { body: { complaints: [complaint.id], team: PROP_CENTRAL_TEAM } }))
				.status,
		).toBe(403);
	});
});
