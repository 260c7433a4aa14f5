// Assignment endpoints, mounted at /casa:
//   POST /casa/assignments        { complaints: [id…], team?: id, assignee?: id | "auto" }
//   POST /casa/complaints/:id/claim
// They only decide the least-loaded agent and batch the work; the complaint
// hooks apply the assignment rules and write the history, all in one transaction.
import { ForbiddenError } from '@directus/errors';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { pickLeastLoaded } from '../../domain/assignment/assignment-rules';
import { OPEN_STATUSES } from '../../domain/workflow/transitions';
import { invalid } from '../../adapters/errors';
import { loadCaller } from '../../adapters/platform-context';

interface RequestWithContext {
	accountability: Accountability | null;
	schema: SchemaOverview;
	body: Record<string, unknown>;
	params: Record<string, string>;
}

const ASSIGNING_ROLES = ['administrator', 'registry_office', 'service_head', 'service_agent'];

export async function leastLoadedMember(knex: Knex, team: string): Promise<string | null> {
	const members = await knex('team_members')
		.join('directus_users', 'directus_users.id', 'team_members.user')
		.where('team_members.team', team)
		.andWhere('directus_users.status', 'active')
		.select('team_members.user as userId');
	if (members.length === 0) return null;
	const loads = await knex('complaints')
		.select('assignee')
		.count({ open: '*' })
		.whereIn('assignee', members.map((member) => member.userId))
		.whereIn('status', OPEN_STATUSES as string[])
		.groupBy('assignee');
	const byUser = new Map((loads as { assignee: string; open: number | string }[]).map((row) => [String(row.assignee), Number(row.open)]));
	return pickLeastLoaded(members.map((member) => ({ userId: member.userId, openComplaints: byUser.get(member.userId) ?? 0 })));
}

export default defineEndpoint({
	id: 'casa',
	handler: (router, { services, database }) => {
		const { ItemsService } = services;

		async function assign(req: RequestWithContext, ids: string[], change: { team?: string | null; assignee?: string | null | 'auto' }) {
			return database.transaction(async (trx) => {
				const complaints = new ItemsService('complaints', { accountability: req.accountability, schema: req.schema, knex: trx });
				const results: { id: string; team: string | null; assignee: string | null }[] = [];
				for (const id of ids) {
					const payload: Record<string, unknown> = {};
					if (change.team !== undefined) payload.team = change.team;
					if (change.assignee === 'auto') {
						const team = change.team ?? (await trx('complaints').select('team').where({ id }).first())?.team;
						const caller = await loadCaller(trx, req.accountability);
						if (!team) throw invalid('team', 'assignment.no_team', caller.language);
						const member = await leastLoadedMember(trx, team);
						if (!member) throw invalid('assignee', 'assignment.no_member', caller.language);
						payload.assignee = member;
					} else if (change.assignee !== undefined) payload.assignee = change.assignee;
					await complaints.updateOne(id, payload);
					const row = await trx('complaints').select('team', 'assignee').where({ id }).first();
					results.push({ id, team: row?.team ?? null, assignee: row?.assignee ?? null });
				}
				return results;
			});
		}

		router.post('/assignments', async (req, res, next) => {
			try {
				const request = req as unknown as RequestWithContext;
				const caller = await loadCaller(database, request.accountability);
				if (!caller.role || !ASSIGNING_ROLES.includes(caller.role)) return next(new ForbiddenError());
				const { complaints, team, assignee } = request.body ?? {};
				if (!Array.isArray(complaints) || complaints.length === 0 || complaints.some((id) => typeof id !== 'string'))
					throw invalid('complaints', 'field.required', caller.language, { field: 'complaints' });
				if (complaints.length > 200) throw invalid('complaints', 'field.too_long', caller.language, { field: 'complaints', limit: 200 });
				if (team === undefined && assignee === undefined) throw invalid('team', 'field.required', caller.language, { field: 'team' });
				const results = await assign(request, complaints as string[], { team: team as string | null | undefined, assignee: assignee as string | null | undefined });
				res.json({ data: results });
			} catch (error) {
				next(error);
			}
		});

		router.post('/complaints/:id/claim', async (req, res, next) => {
			try {
				const request = req as unknown as RequestWithContext;
				const caller = await loadCaller(database, request.accountability);
				if (!caller.profile) return next(new ForbiddenError());
				const [result] = await assign(request, [request.params.id], { assignee: caller.profile.userId });
				res.json({ data: result });
			} catch (error) {
				next(error);
			}
		});
	},
});
