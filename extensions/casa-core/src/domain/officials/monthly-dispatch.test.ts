import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-calendar';
import { casablanca2026 } from '../calendar/casablanca-2026.fixture';
import { deliveriesFor, firstWorkingDay, reportMonthDue } from './monthly-dispatch';

const calendar = new WorkingCalendar(casablanca2026);
const working = (date: string) => calendar.workingWindow(date) !== null;

describe('the monthly report by e-mail', () => {
	it('goes out on the first working day of the month, on the Moroccan calendar', () => {
		// 1 January 2026 is a holiday (Thursday), the 2nd a Friday
		expect(firstWorkingDay('2026-01', working)).toBe('2026-01-02');
		// 1 November 2026 is a Sunday
		expect(firstWorkingDay('2026-11', working)).toBe('2026-11-02');
		// 1 August 2026 is a Saturday; Monday the 3rd works
		expect(firstWorkingDay('2026-08', working)).toBe('2026-08-03');
		expect(firstWorkingDay('2026-12', () => false)).toBeNull();
	});
	it('is due from that day on, for the month before', () => {
		expect(reportMonthDue('2026-11-01', working)).toBeNull();
		expect(reportMonthDue('2026-11-02', working)).toBe('2026-10');
		expect(reportMonthDue('2026-11-20', working)).toBe('2026-10');
		expect(reportMonthDue('2026-01-01', working)).toBeNull();
		expect(reportMonthDue('2026-01-02', working)).toBe('2025-12');
	});
	it('reaches each élu (their arrondissement), the mayor and the director general once, in their language', () => {
		const deliveries = deliveriesFor(
			[
				{ email: 'Elu@Casablanca.ma', role: 'elected_official', language: 'ar-SA', arrondissement: 'A1' },
				{ email: 'elu2@casablanca.ma', role: 'elected_official', language: null, arrondissement: null },
				{ email: 'maire@casablanca.ma', role: 'mayor', language: 'fr-FR', arrondissement: null },
				{ email: 'dgs@casablanca.ma', role: 'director_general', language: 'fr-FR', arrondissement: 'A1' },
				{ email: 'agent@casablanca.ma', role: 'service_agent', language: 'fr-FR', arrondissement: null },
				{ email: 'elu@casablanca.ma', role: 'elected_official', language: 'fr-FR', arrondissement: 'A1' },
				{ email: null, role: 'mayor', language: 'fr-FR', arrondissement: null },
			],
			['A1'],
		);
		expect(deliveries).toEqual([
			{ recipient: 'elu@casablanca.ma', language: 'ar', arrondissement: 'A1' },
			{ recipient: 'elu2@casablanca.ma', language: 'fr', arrondissement: 'all' },
			{ recipient: 'maire@casablanca.ma', language: 'fr', arrondissement: 'all' },
			{ recipient: 'dgs@casablanca.ma', language: 'fr', arrondissement: 'all' },
		]);
	});
});
