import { describe, expect, it } from 'vitest';
import {
	type ComplaintChange,
	type NotifiedComplaint,
	acknowledgmentDrafts,
	citizenNotifications,
	reachableChannels,
} from './citizen-notifications';

const base: NotifiedComplaint = {
	reference: 'CAS-2026-000042',
	status: 'new',
	channel: 'web',
	service: 'PROP',
	citizen_email: 'amina@example.ma',
	citizen_phone: null,
	citizen_language: 'fr',
	public_reply: null,
	resolve_due_at: '2026-12-10T15:30:00.000Z',
};
const names = (code: string) =>
	({ PROP: { fr: 'Propreté', ar: 'النظافة' }, VOIR: { fr: 'Voirie', ar: 'الطرق' } })[code] ?? null;

// [what happens, status before, the change, event expected (null: the citizen is not told)]
const TABLE: [string, Partial<NotifiedComplaint>, ComplaintChange, string | null][] = [
	['routed to a team: assigned', { status: 'new' }, { status: 'assigned' }, 'assignment'],
	['acknowledged then assigned', { status: 'acknowledged' }, { status: 'assigned' }, 'assignment'],
	['reopened then assigned again', { status: 'reopened' }, { status: 'assigned' }, 'assignment'],
	['requalified to another service while worked', { status: 'in_progress' }, { service: 'VOIR' }, 'assignment'],
	['same service named again', { status: 'in_progress' }, { service: 'PROP' }, null],
	['requalified while still new (no service told yet)', { status: 'new' }, { service: 'VOIR' }, null],
	['acknowledged only', { status: 'new' }, { status: 'acknowledged' }, null],
	['work starts', { status: 'assigned' }, { status: 'in_progress' }, null],
	['waiting for the citizen', { status: 'in_progress' }, { status: 'waiting_citizen' }, 'request_information'],
	[
		'waiting, asked from acknowledged',
		{ status: 'acknowledged' },
		{ status: 'waiting_citizen' },
		'request_information',
	],
	['citizen answered, work resumes', { status: 'waiting_citizen' }, { status: 'in_progress' }, null],
	[
		'resolved with the public reply',
		{ status: 'in_progress' },
		{ status: 'resolved', public_reply: 'Bac vidé.' },
		'resolution',
	],
	[
		'resolved directly from assigned',
		{ status: 'assigned', public_reply: 'Déjà écrit.' },
		{ status: 'resolved' },
		'resolution',
	],
	['closed after resolution', { status: 'resolved' }, { status: 'closed' }, null],
	['rejected (answered by its own channel)', { status: 'new' }, { status: 'rejected' }, null],
	['reopened by the citizen', { status: 'resolved' }, { status: 'reopened' }, 'reopening'],
	['reopened after closing', { status: 'closed' }, { status: 'reopened' }, 'reopening'],
	['a note or an unchanged status', { status: 'in_progress' }, {}, null],
];

describe('which changes notify the citizen', () => {
	it.each(TABLE)('%s', (_what, before, change, expected) => {
		const drafts = citizenNotifications({ ...base, ...before }, change, names);
		expect(drafts.map((draft) => draft.event)).toEqual(expected ? [expected] : []);
	});
});

describe('on which channels, in which language, with which values', () => {
	it('one row per channel the citizen left: e-mail and SMS', () => {
		const drafts = citizenNotifications({ ...base, citizen_phone: '0661234567' }, { status: 'assigned' }, names);
		expect(drafts.map((draft) => [draft.channel, draft.recipient])).toEqual([
			['email', 'amina@example.ma'],
			['sms', '0661234567'],
		]);
	});

	it('WhatsApp instead of SMS when the complaint came by WhatsApp', () => {
		expect(
			reachableChannels({ ...base, channel: 'whatsapp', citizen_email: null, citizen_phone: '+212661234567' }),
		).toEqual([{ channel: 'whatsapp', recipient: '+212661234567' }]);
		expect(
			reachableChannels({
				...base,
				channel: 'whatsapp',
				citizen_email: 'amina@example.ma',
				citizen_phone: '+212661234567',
			}).map((row) => row.channel),
		).toEqual(['email', 'whatsapp']);
		expect(
			reachableChannels({
				...base,
				channel: 'whatsapp',
				citizen_email: null,
				citizen_phone: null,
				whatsapp_id: '212661234567',
			}),
		).toEqual([{ channel: 'whatsapp', recipient: '212661234567' }]);
		expect(
			reachableChannels({ ...base, channel: 'web', citizen_email: null, citizen_phone: '0661234567' }).map(
				(row) => row.channel,
			),
		).toEqual(['sms']);
	});

	it('nobody to tell: no row', () => {
		expect(
			citizenNotifications({ ...base, citizen_email: null, citizen_phone: '  ' }, { status: 'assigned' }, names),
		).toEqual([]);
	});

	it('in the citizen’s language, the service named in it', () => {
		const [draft] = citizenNotifications({ ...base, citizen_language: 'ar' }, { status: 'assigned' }, names);
		expect(draft).toEqual({
			event: 'assignment',
			channel: 'email',
			recipient: 'amina@example.ma',
			language: 'ar',
			payload: { reference: 'CAS-2026-000042', service: 'النظافة', resolve_due_at: '2026-12-10T15:30:00.000Z' },
		});
		expect(citizenNotifications({ ...base, citizen_language: null }, { status: 'assigned' }, names)[0].language).toBe(
			'fr',
		);
	});

	it('resolution carries the reply as written; a question goes with the request for information', () => {
		const [resolution] = citizenNotifications(
			{ ...base, status: 'in_progress' },
			{ status: 'resolved', public_reply: '<b>Bac</b> vidé & nettoyé' },
			names,
		);
		expect(resolution.payload.reply).toBe('<b>Bac</b> vidé & nettoyé');
		const [question] = citizenNotifications(
			{ ...base, status: 'in_progress' },
			{ status: 'waiting_citizen', public_reply: 'Quel numéro de rue ?' },
			names,
		);
		expect(question.payload.reply).toBe('Quel numéro de rue ?');
		const [silent] = citizenNotifications(
			{ ...base, status: 'in_progress', public_reply: 'Ancienne réponse' },
			{ status: 'waiting_citizen' },
			names,
		);
		expect(silent.payload.reply).toBeNull();
	});

	it('contact data given in the same change is used', () => {
		const drafts = citizenNotifications(
			{ ...base, citizen_email: null },
			{ status: 'assigned', citizen_phone: '0522000000', citizen_language: 'ar' },
			names,
		);
		expect(drafts.map((draft) => [draft.channel, draft.language])).toEqual([['sms', 'ar']]);
	});

	it('never carries a tracking link or secret', () => {
		for (const [, before, change] of TABLE) {
			for (const draft of citizenNotifications({ ...base, ...before }, change, names))
				expect(Object.keys(draft.payload)).not.toContain('tracking_url');
		}
	});

	it("the acknowledgment goes to every channel left, in the citizen's language, with the tracking link", () => {
		const link = 'https://casa.example/portal/suivi/CAS-2026-000042#s3cret';
		const drafts = acknowledgmentDrafts(
			{ ...base, citizen_phone: '0522000000', citizen_language: 'ar' },
			{ resolveDueAt: '2026-12-10T15:30:00.000Z', trackingUrl: link },
		);
		expect(drafts.map((draft) => [draft.event, draft.channel, draft.recipient, draft.language])).toEqual([
			['acknowledgment', 'email', 'amina@example.ma', 'ar'],
			['acknowledgment', 'sms', '0522000000', 'ar'],
		]);
		expect(drafts[0].payload).toEqual({
			reference: 'CAS-2026-000042',
			resolve_due_at: '2026-12-10T15:30:00.000Z',
			tracking_url: link,
		});
		expect(acknowledgmentDrafts({ ...base, citizen_email: '  ' }, { resolveDueAt: null, trackingUrl: link })).toEqual(
			[],
		);
	});
});
