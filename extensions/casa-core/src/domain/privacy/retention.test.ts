import { describe, expect, it } from 'vitest';
import {
	DEFAULT_RETENTION,
	anonymisedCorrection,
	contactExpired,
	cutoffs,
	erasureVerdict,
	readRetention,
	retentionPeriod,
} from './retention';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;

describe('retention settings', () => {
	it('takes the defaults when a setting is missing, negative, fractional or absurd', () => {
		expect(readRetention(null)).toEqual(DEFAULT_RETENTION);
		expect(
			readRetention({
				retention_contact_days: -1,
				retention_mail_days: 1.5,
				retention_chat_days: 99_999,
				retention_outbox_days: '',
			}),
		).toEqual(DEFAULT_RETENTION);
	});
	it('reads the administrator values, 0 included', () => {
		const settings = readRetention({
			retention_contact_days: 0,
			retention_mail_days: '30',
			retention_chat_days: 7,
			retention_outbox_days: 10,
			retention_journal_days: 365,
			retention_export_days: 1,
		});
		expect(settings).toEqual({
			contactDays: 0,
			mailDays: 30,
			chatDays: 7,
			outboxDays: 10,
			journalDays: 365,
			exportDays: 1,
		});
	});
});

describe('what expires when', () => {
	const settings = { ...DEFAULT_RETENTION, contactDays: 365 };
	it('a closed or rejected complaint expires the day after its period, not before', () => {
		expect(contactExpired('closed', new Date(NOW.getTime() - 366 * DAY), settings, NOW)).toBe(true);
		expect(contactExpired('rejected', new Date(NOW.getTime() - 366 * DAY), settings, NOW)).toBe(true);
		expect(contactExpired('closed', new Date(NOW.getTime() - 364 * DAY), settings, NOW)).toBe(false);
	});
	it('an open or resolved complaint never expires, however old', () => {
		for (const status of ['new', 'assigned', 'in_progress', 'waiting_citizen', 'resolved', 'reopened'])
			expect(contactExpired(status, new Date(0), settings, NOW)).toBe(false);
		expect(contactExpired('closed', null, settings, NOW)).toBe(false);
	});
	it('0 days expires everything already written, even this very instant', () => {
		const zero = cutoffs(
			{ contactDays: 0, mailDays: 0, chatDays: 0, outboxDays: 0, journalDays: 0, exportDays: 0 },
			NOW,
		);
		for (const instant of Object.values(zero)) expect(instant.getTime()).toBeGreaterThan(NOW.getTime());
		expect(contactExpired('closed', NOW, { ...settings, contactDays: 0 }, NOW)).toBe(true);
	});
	it('each kind has its own cutoff', () => {
		const limits = cutoffs(
			{ contactDays: 1, mailDays: 2, chatDays: 3, outboxDays: 4, journalDays: 5, exportDays: 6 },
			NOW,
		);
		expect((NOW.getTime() - limits.contactsClosedBefore.getTime()) / DAY).toBe(1);
		expect((NOW.getTime() - limits.mailReceivedBefore.getTime()) / DAY).toBe(2);
		expect((NOW.getTime() - limits.chatInactiveBefore.getTime()) / DAY).toBe(3);
		expect((NOW.getTime() - limits.outboxCreatedBefore.getTime()) / DAY).toBe(4);
		expect((NOW.getTime() - limits.journalBefore.getTime()) / DAY).toBe(5);
		expect((NOW.getTime() - limits.exportsBefore.getTime()) / DAY).toBe(6);
	});
});

describe('erasure at the citizen request', () => {
	it('only once the complaint is closed or rejected, and once', () => {
		expect(erasureVerdict({ status: 'closed', personal_data_erased_at: null })).toEqual({ allowed: true });
		expect(erasureVerdict({ status: 'rejected', personal_data_erased_at: null })).toEqual({ allowed: true });
		expect(erasureVerdict({ status: 'resolved', personal_data_erased_at: null })).toEqual({
			allowed: false,
			reason: 'not_finished',
		});
		expect(erasureVerdict({ status: 'closed', personal_data_erased_at: '2026-01-01' })).toEqual({
			allowed: false,
			reason: 'already_erased',
		});
	});
});

describe('anonymised corrections', () => {
	it('keeps which contact field was corrected, drops the values and the reason', () => {
		const body = anonymisedCorrection(
			JSON.stringify({ field: 'citizen_phone', from: '0661000000', to: '0662000000', reason: 'appel de Mme X' }),
		);
		expect(JSON.parse(body!)).toEqual({ field: 'citizen_phone', from: null, to: null, reason: null, anonymised: true });
		expect(body).not.toContain('066');
	});
	it('leaves a correction of the problem address, and an anonymised body, as they are', () => {
		expect(anonymisedCorrection(JSON.stringify({ field: 'address', from: 'a', to: 'b', reason: 'r' }))).toBeNull();
		expect(
			anonymisedCorrection(anonymisedCorrection(JSON.stringify({ field: 'citizen_name', from: 'a', to: 'b' }))!),
		).toBeNull();
	});
	it('replaces an unreadable body rather than keep it', () => {
		expect(JSON.parse(anonymisedCorrection('not json 0661')!)).toMatchObject({ anonymised: true, from: null });
	});
});

describe('periods as notices print them', () => {
	it('years, months or days', () => {
		expect(retentionPeriod(730)).toEqual({ unit: 'years', count: 2 });
		expect(retentionPeriod(90)).toEqual({ unit: 'months', count: 3 });
		expect(retentionPeriod(45)).toEqual({ unit: 'days', count: 45 });
		expect(retentionPeriod(0)).toEqual({ unit: 'days', count: 0 });
	});
});
