// The monthly report reaches the officials by e-mail: on the first working day
// of a month (Moroccan working calendar: weekends and public holidays do not
// count), each élu, the mayor and the director general get the signed link to
// the last month's report, in their own language; an élu's link is their
// arrondissement's report (the city's when none is set). Pure rules; the
// adapter (adapters/officials/monthly-dispatch) reads users and writes the outbox.
import type { RoleKey } from '../access/roles';
import { type MonthKey, shiftMonth } from '../reports/month-window';

/** Who gets the monthly report by e-mail. */
export const MONTHLY_REPORT_ROLES: readonly RoleKey[] = ['elected_official', 'mayor', 'director_general'];
/** How long the link in the e-mail works. */
export const MONTHLY_LINK_DAYS = 45;

/** The first working day of a month ('YYYY-MM-DD'), or null when the calendar has none (no schedule). */
export function firstWorkingDay(month: MonthKey, isWorkingDay: (date: string) => boolean): string | null {
	const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1];
	const days = new Date(Date.UTC(year, index + 1, 0)).getUTCDate();
	for (let day = 1; day <= days; day++) {
		const date = `${month}-${String(day).padStart(2, '0')}`;
		if (isWorkingDay(date)) return date;
	}
	return null;
}

/**
 * The report month to send today ('YYYY-MM', the month before), or null when
 * it is not time: before the first working day of the month. From that day on
 * it stays due (a platform stopped that day sends the next day), and the
 * adapter sends each person at most one monthly report per month.
 */
export function reportMonthDue(today: string, isWorkingDay: (date: string) => boolean): MonthKey | null {
	const month = today.slice(0, 7);
	const first = firstWorkingDay(month, isWorkingDay);
	if (!first || today < first) return null;
	return shiftMonth(month, -1);
}

export interface Official {
	email: string | null;
	role: RoleKey;
	language: string | null;
	arrondissement: string | null;
}

export interface Delivery {
	recipient: string;
	language: 'fr' | 'ar';
	/** the report's scope: an arrondissement or 'all' */
	arrondissement: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function deliveriesFor(officials: readonly Official[], knownArrondissements: readonly string[]): Delivery[] {
	const seen = new Set<string>();
	const out: Delivery[] = [];
	for (const official of officials) {
		const email = official.email?.trim().toLowerCase() ?? '';
		if (!MONTHLY_REPORT_ROLES.includes(official.role) || !EMAIL.test(email) || seen.has(email)) continue;
		seen.add(email);
		const own =
			official.role === 'elected_official' &&
			official.arrondissement &&
			knownArrondissements.includes(official.arrondissement)
				? official.arrondissement
				: 'all';
		out.push({
			recipient: email,
			language: String(official.language ?? '')
				.toLowerCase()
				.startsWith('ar')
				? 'ar'
				: 'fr',
			arrondissement: own,
		});
	}
	return out;
}
