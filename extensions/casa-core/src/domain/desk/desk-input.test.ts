import { describe, expect, it } from 'vitest';
import { readDeskInput, readReceivedAt } from './desk-input';

const NOW = new Date('2026-11-20T10:00:00Z');
const PHONE_CALL = {
	channel: 'phone',
	category: 'PROP-01',
	description: 'Dépôt sauvage devant le n° 12',
	latitude: 33.5463,
	longitude: -7.6787,
};
const fields = (body: Record<string, unknown>) =>
	readDeskInput(body, NOW)
		.errors.map((error) => `${error.field}:${error.key}`)
		.sort();

describe('desk input', () => {
	it('accepts a phone complaint and normalises the caller’s number', () => {
		const input = readDeskInput(
			{ ...PHONE_CALL, citizen_name: 'Fatima', citizen_phone: '06 12 34 56 78', consent: true, lang: 'ar' },
			NOW,
		);
		expect(input.errors).toEqual([]);
		expect(input.payload).toMatchObject({ channel: 'phone', citizen_phone: '+212612345678', latitude: 33.5463 });
		expect(input.payload.received_at).toBeUndefined();
	});

	it('refuses every bad field at once', () => {
		expect(
			fields({
				channel: 'fax',
				description: 'court',
				citizen_phone: '12',
				latitude: 'abc',
				longitude: 3,
				status: 'closed',
			}),
		).toEqual([
			'category:desk.errors.category_required',
			'channel:desk.errors.channel_invalid',
			'citizen_phone:field.phone',
			'consent:desk.errors.consent_required',
			'description:desk.errors.description_short',
			'latitude:field.coordinates',
			'status:field.unknown',
		]);
		expect(fields({})).toEqual([
			'address:desk.errors.location_required',
			'category:desk.errors.category_required',
			'channel:desk.errors.channel_required',
			'description:desk.errors.description_required',
		]);
	});

	it('requires the registry number and the date received for paper mail; deadlines run from that date', () => {
		expect(fields({ ...PHONE_CALL, channel: 'courrier' })).toEqual([
			'received_at:desk.errors.received_at_required',
			'registry_number:desk.errors.registry_number_required',
		]);
		const input = readDeskInput(
			{
				...PHONE_CALL,
				channel: 'courrier',
				registry_number: 'BO-2026-0042',
				received_at: '2026-11-10',
				scan: '3f2a0b1c-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
			},
			NOW,
		);
		expect(input.errors).toEqual([]);
		// the start of that day in Casablanca, whatever the zone's offset then
		expect(input.payload.received_at).toBe(readReceivedAt('2026-11-10')!.toISOString());
		expect(
			new Intl.DateTimeFormat('en-CA', {
				timeZone: 'Africa/Casablanca',
				dateStyle: 'short',
				timeStyle: 'short',
				hourCycle: 'h23',
			}).format(new Date(String(input.payload.received_at))),
		).toBe('2026-11-10, 00:00');
		expect(input.scan).toBe('3f2a0b1c-1d2e-4f5a-8b9c-0d1e2f3a4b5c');
		expect(fields({ ...PHONE_CALL, channel: 'courrier', registry_number: 'X', received_at: '2026-11-25' })).toEqual([
			'received_at:field.received_in_future',
		]);
		expect(fields({ ...PHONE_CALL, channel: 'courrier', registry_number: 'X', received_at: '2024-01-02' })).toEqual([
			'received_at:desk.errors.received_at_too_old',
		]);
		expect(fields({ ...PHONE_CALL, channel: 'courrier', registry_number: 'X', received_at: '2026-02-31' })).toEqual([
			'received_at:desk.errors.received_at_invalid',
		]);
	});

	it('keeps the registry number, the date and the scan to paper mail', () => {
		expect(fields({ ...PHONE_CALL, registry_number: 'X', received_at: '2026-11-10' })).toEqual([
			'received_at:desk.errors.courrier_only',
			'registry_number:desk.errors.courrier_only',
		]);
	});

	it('takes a typed address and the agent’s arrondissement when there is no point', () => {
		const input = readDeskInput(
			{
				channel: 'counter',
				category: 'VOI-01',
				description: 'Nid-de-poule rue 12',
				address: 'Rue 12, Hay Hassani',
				arrondissement: '06.141.01.31',
			},
			NOW,
		);
		expect(input.errors).toEqual([]);
		expect(input.payload.arrondissement).toBe('06.141.01.31');
		// a point decides the arrondissement itself
		expect(
			readDeskInput({ ...PHONE_CALL, arrondissement: '06.141.01.51' }, NOW).payload.arrondissement,
		).toBeUndefined();
	});

	it('reads dates received as Casablanca days or instants', () => {
		expect(readReceivedAt('2026-11-10T09:30')!.getTime() - readReceivedAt('2026-11-10')!.getTime()).toBe(
			9.5 * 3_600_000,
		);
		expect(readReceivedAt('2026-11-10T09:30:00Z')?.toISOString()).toBe('2026-11-10T09:30:00.000Z');
		expect(readReceivedAt('10/11/2026')).toBeNull();
	});
});
