// The 2026 calendar of the Moroccan administration, for tests. Offsets (tzdata
// in Node): UTC+1, except UTC+0 from 2026-02-15 03:00 to 2026-03-22 02:00 local (Ramadan).
import { CASABLANCA_TIME_ZONE, type CalendarData, type WorkSchedule } from './working-calendar';

export const NORMAL: WorkSchedule = {
	name: 'Horaire normal',
	validFrom: null,
	validTo: null,
	weekdays: [1, 2, 3, 4, 5],
	startTime: '08:30',
	endTime: '16:30',
};
export const RAMADAN_1447: WorkSchedule = {
	name: 'Ramadan 1447',
	validFrom: '2026-02-18',
	validTo: '2026-03-19',
	weekdays: [1, 2, 3, 4, 5],
	startTime: '09:00',
	endTime: '15:00',
};
export const HOLIDAYS_2026 = [
	'2026-01-01',
	'2026-01-14',
	'2026-03-20',
	'2026-03-21',
	'2026-05-01',
	'2026-05-27',
	'2026-05-28',
	'2026-06-17',
	'2026-07-30',
	'2026-08-14',
	'2026-08-20',
	'2026-08-21',
	'2026-08-26',
	'2026-08-27',
	'2026-10-31',
	'2026-11-06',
	'2026-11-18',
].map((date) => ({ date }));

export const casablanca2026: CalendarData = {
	timeZone: CASABLANCA_TIME_ZONE,
	schedules: [NORMAL, RAMADAN_1447],
	holidays: HOLIDAYS_2026,
};
