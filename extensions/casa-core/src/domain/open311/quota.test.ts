import { describe, expect, it } from 'vitest';
import { clientLimits, quotaDay } from './quota';

describe('quotaDay', () => {
	it('counts calendar days in Casablanca and says how long until the next one', () => {
		// 23:30 UTC on 14 January is 00:30 on the 15th in Casablanca (UTC+1)
		expect(quotaDay(new Date('2026-01-14T23:30:00Z'))).toEqual({ day: '2026-01-15', secondsLeft: 23.5 * 3600 });
		expect(quotaDay(new Date('2026-01-15T22:59:59Z'))).toEqual({ day: '2026-01-15', secondsLeft: 1 });
	});
});

describe('clientLimits', () => {
	it('takes the client row, or the defaults when empty or nonsense', () => {
		expect(clientLimits({ rate_limit_per_minute: 5, daily_quota: '100' })).toEqual({ perMinute: 5, perDay: 100 });
		expect(clientLimits({ rate_limit_per_minute: null, daily_quota: -3 })).toEqual({ perMinute: 60, perDay: 5000 });
	});
});
