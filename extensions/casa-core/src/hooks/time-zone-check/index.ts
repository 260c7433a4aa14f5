// Says at start, loudly, when the runtime's tz database gets Casablanca's clock
// wrong (domain/calendar/time-zone-data.ts): every deadline would be an hour off.
import { defineHook } from '@directus/extensions-sdk';
import { wrongOffsetFacts } from '../../domain/calendar/time-zone-data';

export default defineHook(({ init }, { logger }) => {
	init('app.before', () => {
		const wrong = wrongOffsetFacts();
		if (wrong.length === 0) return;
		logger.error(
			`[casa-core] this runtime's time-zone data (tzdata ${process.versions.tz ?? 'unknown'}, Node ${process.version}) gets Casablanca's clock wrong: ${wrong.map((fact) => `${fact.at} should be ${fact.why}`).join('; ')}. Deadlines will be an hour off; run Node 22 (tzdata 2026b or later).`,
		);
	});
});
