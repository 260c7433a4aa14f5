// The commands staff give a complaint. The endpoint has asked the access
// matrix; here each command becomes one write through Directus's services
// (acting for the staff member, so the complaint hooks apply the transition
// table, assignment rules, deadlines, history and citizen notifications in
// the same transaction), or — for a correction, which the complaint plan
// refuses on purpose — one update and one history event in one transaction.
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import {
	type Command,
	CORRECTABLE_FIELDS,
	commandTarget,
	complaintCapabilities,
} from '../../domain/access/capabilities';
import { translate } from '../../domain/i18n/messages';
import { isUuid } from '../../domain/workspace/queue-query';
import { loadFacts } from './queries';
import type { FieldError } from '../../domain/complaint/complaint-plan';
import { pickLeastLoaded } from '../../domain/assignment/assignment-rules';
import { OPEN_STATUSES, isOpen, missingProofOfClosure } from '../../domain/workflow/transitions';
import { afterPhotoCount, categoryNeedsProof } from '../proof-of-closure';
import { type Caller, actingAs } from '../platform-context';
import { CONTACT_COLUMNS, type ContactInput, contactOf, writeContactField } from '../citizen-contacts';

export const TEXT_LIMIT = 5000;

export class CommandInputError extends Error {
	constructor(public readonly errors: FieldError[]) {
		super(errors.map((error) => error.key).join(', '));
	}
}

export interface CommandContext {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	ItemsService: any;
	schema: SchemaOverview;
	database: Knex;
	accountability: Accountability;
	caller: Caller;
}

function text(body: Record<string, unknown>, field: string, required: boolean, errors: FieldError[]): string | null {
	const value = body[field];
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		if (required) errors.push({ field, key: 'workspace.errors.text_required' });
		return null;
	}
	if (typeof value !== 'string') {
		errors.push({ field, key: 'workspace.errors.text_required' });
		return null;
	}
	if (value.length > TEXT_LIMIT)
		errors.push({ field, key: 'workspace.errors.text_too_long', values: { limit: TEXT_LIMIT } });
	return value.trim();
}

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
		.whereIn(
			'assignee',
			members.map((member) => member.userId),
		)
		.whereIn('status', OPEN_STATUSES as string[])
		.groupBy('assignee');
	const byUser = new Map(
		(loads as { assignee: string; open: number | string }[]).map((row) => [String(row.assignee), Number(row.open)]),
	);
	return pickLeastLoaded(
		members.map((member) => ({ userId: member.userId, openComplaints: byUser.get(member.userId) ?? 0 })),
	);
}

/** The payload of an update of the complaint that a command means, or field errors. */
async function updatePayload(
	knex: Knex,
	command: Command,
	body: Record<string, unknown>,
	caller: Caller,
	current: { id: string; status: string; team: string | null },
): Promise<Record<string, unknown>> {
	const errors: FieldError[] = [];
	const payload: Record<string, unknown> = {};
	const target = commandTarget(command, caller.role!, current.status);
	if (target) payload.status = target;
	switch (command) {
		case 'resolve': {
			payload.public_reply = text(body, 'public_reply', true, errors);
			// proof of closure: the category asks for an after-photo (the complaint hook refuses it too, for every client)
			const row = await knex('complaints').select('category').where({ id: current.id }).first();
			if (
				missingProofOfClosure({
					afterPhotoRequired: await categoryNeedsProof(knex, row?.category ?? null),
					afterPhotos: await afterPhotoCount(knex, current.id),
				})
			)
				errors.push({ field: 'photos', key: 'transition.missing_requirement.after_photo' });
			break;
		}
		case 'request_info':
			// the question reaches the citizen as the public reply of this change (domain/notifications)
			payload.public_reply = text(body, 'message', true, errors);
			break;
		case 'reject': {
			payload.rejection_reason = text(body, 'rejection_reason', true, errors);
			const redirected = text(body, 'redirected_to', false, errors);
			if (redirected) payload.redirected_to = redirected.slice(0, 255);
			break;
		}
		case 'claim':
			payload.assignee = caller.profile!.userId;
			break;
		case 'requalify':
			if (typeof body.category !== 'string' || body.category.trim() === '')
				errors.push({ field: 'category', key: 'field.required', values: { field: 'category' } });
			else payload.category = body.category.trim();
			break;
		case 'assign': {
			if (body.team !== undefined) payload.team = typeof body.team === 'string' && body.team !== '' ? body.team : null;
			if (body.assignee === 'auto') {
				const team = (payload.team as string | null | undefined) ?? current.team;
				if (!team) errors.push({ field: 'team', key: 'assignment.no_team' });
				else {
					const member = await leastLoadedMember(knex, team);
					if (!member) errors.push({ field: 'assignee', key: 'assignment.no_member' });
					else payload.assignee = member;
				}
			} else if (body.assignee !== undefined)
				payload.assignee = typeof body.assignee === 'string' && body.assignee !== '' ? body.assignee : null;
			if (payload.team === undefined && payload.assignee === undefined && errors.length === 0)
				errors.push({ field: 'team', key: 'workspace.errors.bulk_target' });
			break;
		}
	}
	if (errors.length > 0) throw new CommandInputError(errors);
	return payload;
}

/** Runs one command on one complaint inside `trx`. */
export async function runCommand(
	context: CommandContext,
	trx: Knex,
	id: string,
	command: Command,
	body: Record<string, unknown>,
	current: { id: string; status: string; team: string | null },
): Promise<void> {
	const acting = actingAs(context.accountability, context.caller);
	if (command === 'note') {
		const errors: FieldError[] = [];
		const note = text(body, 'body', true, errors);
		if (errors.length > 0) throw new CommandInputError(errors);
		const events = new context.ItemsService('complaint_events', {
			schema: context.schema,
			knex: trx,
			accountability: acting,
		});
		await events.createOne({ complaint: id, type: 'note', body: note });
		return;
	}
	if (command === 'correct') {
		await correct(trx, id, body, context.caller);
		return;
	}
	if (command === 'merge') {
		await merge(context, trx, id, body, current);
		return;
	}
	const payload = await updatePayload(trx, command, body, context.caller, current);
	const complaints = new context.ItemsService('complaints', {
		schema: context.schema,
		knex: trx,
		accountability: acting,
	});
	await complaints.updateOne(id, payload);
}

const REFERENCE = /^[A-Z0-9_.-]{1,64}$/;

/**
 * A duplicate joins its original: the duplicate is rejected (transition table) with the
 * bilingual reason "duplicate of …" and duplicate_of set, its citizen becomes a supporter
 * of the original (counted once, like a follow from the portal) and is told (outbox,
 * same transaction); the original's history names the duplicate. The register keeps both.
 */
async function merge(
	context: CommandContext,
	trx: Knex,
	id: string,
	body: Record<string, unknown>,
	current: { status: string },
): Promise<void> {
	const raw = typeof body.into === 'string' ? body.into.trim() : '';
	const reference = raw.toUpperCase();
	const original = REFERENCE.test(reference)
		? await trx('complaints').select('id', 'reference').where({ reference }).first()
		: isUuid(raw)
			? await trx('complaints').select('id', 'reference').where({ id: raw }).first()
			: undefined;
	const facts = original ? await loadFacts(trx, String(original.id)) : null;
	if (
		!original ||
		!facts ||
		!isOpen(facts.status) ||
		!complaintCapabilities(context.caller.profile ?? null, facts).has('read')
	)
		throw new CommandInputError([{ field: 'into', key: 'workspace.errors.merge_into' }]);
	if (String(original.id) === id) throw new CommandInputError([{ field: 'into', key: 'workspace.errors.merge_self' }]);
	const acting = actingAs(context.accountability, context.caller);
	const values = { original: original.reference };
	const complaints = new context.ItemsService('complaints', {
		schema: context.schema,
		knex: trx,
		accountability: acting,
	});
	await complaints.updateOne(id, {
		status: commandTarget('merge', context.caller.role!, current.status),
		rejection_reason: `${translate('fr', 'workspace.merge.reason', values)}\n${translate('ar', 'workspace.merge.reason', values)}`,
		duplicate_of: String(original.id),
	});
	const duplicate = await trx('complaints').select('reference', 'citizen_language').where({ id }).first();
	// the citizen of the duplicate supports the original, once
	const key = `support:merge:${id}`;
	if (!(await trx('intake_requests').select('key').where({ key }).first())) {
		await trx('intake_requests').insert({ key, complaint: original.id, source: 'support', date_created: new Date() });
		await trx('complaints').where({ id: original.id }).increment('supporters_count', 1);
	}
	const events = new context.ItemsService('complaint_events', {
		schema: context.schema,
		knex: trx,
		accountability: acting,
	});
	await events.createOne({
		complaint: original.id,
		type: 'note',
		body: `${translate('fr', 'workspace.merge.note', { duplicate: duplicate.reference })}\n${translate('ar', 'workspace.merge.note', { duplicate: duplicate.reference })}`,
		visibility: 'internal',
	});
	const contact = await contactOf(trx, id);
	const recipients = [
		contact?.email ? { channel: 'email', recipient: contact.email } : null,
		contact?.phone ? { channel: 'sms', recipient: contact.phone } : null,
	].filter(Boolean) as { channel: string; recipient: string }[];
	for (const recipient of recipients)
		await trx('outbox').insert({
			complaint: id,
			event: 'merged',
			...recipient,
			language: duplicate.citizen_language === 'ar' ? 'ar' : 'fr',
			payload: JSON.stringify({ reference: duplicate.reference, original: original.reference }),
			status: 'pending',
			attempts: 0,
			date_created: new Date(),
		});
}

/** A correction keeps the original: the history event holds both values, the screen shows neither. */
async function correct(trx: Knex, id: string, body: Record<string, unknown>, caller: Caller): Promise<void> {
	const field = body.field;
	if (typeof field !== 'string' || !(CORRECTABLE_FIELDS as readonly string[]).includes(field))
		throw new CommandInputError([{ field: 'field', key: 'workspace.errors.correct_field' }]);
	const errors: FieldError[] = [];
	const value = text(body, 'value', false, errors);
	const reason = text(body, 'reason', false, errors);
	const limit = field === 'citizen_phone' ? 32 : field === 'citizen_email' ? 254 : field === 'citizen_name' ? 120 : 255;
	if (value && value.length > limit)
		errors.push({ field: 'value', key: 'field.too_long', values: { field: 'value', limit } });
	if (field === 'citizen_email' && value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
		errors.push({ field: 'value', key: 'field.email' });
	if (errors.length > 0) throw new CommandInputError(errors);
	// contact details live in citizen_contacts; the problem's address stays on the complaint
	const column = field === 'address' ? null : CONTACT_COLUMNS[field as ContactInput];
	const original = column
		? (((await contactOf(trx, id)) ?? {})[column as 'name'] ?? null)
		: (((await trx('complaints').select('address').where({ id }).first())?.address as string | null) ?? null);
	if ((original ?? '') === (value ?? ''))
		throw new CommandInputError([{ field: 'value', key: 'workspace.errors.correct_same' }]);
	if (column) await writeContactField(trx, id, column, value);
	else
		await trx('complaints')
			.where({ id })
			.update({ address: value, date_updated: new Date(), user_updated: caller.profile?.userId ?? null });
	await trx('complaint_events').insert({
		complaint: id,
		type: 'correction',
		body: JSON.stringify({ field, from: original, to: value, reason }),
		visibility: 'internal',
		actor: caller.profile?.userId ?? null,
		actor_kind: 'staff',
		date_created: new Date(),
	});
}
