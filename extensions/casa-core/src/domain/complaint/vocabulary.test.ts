import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import ar from '../i18n/locales/ar.json';
import fr from '../i18n/locales/fr.json';
import { CHANNELS, COMPLAINT_TYPES, PRIORITIES, SLA_STATES } from './vocabulary';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

describe('the complaint vocabulary', () => {
	it('has a French and an Arabic label for every value', () => {
		const lists = { channel: CHANNELS, type: COMPLAINT_TYPES, priority: PRIORITIES, sla_state: SLA_STATES };
		for (const locale of [fr, ar] as unknown as Record<string, Record<string, string>>[])
			for (const [key, values] of Object.entries(lists))
				for (const value of values) expect(locale[key]?.[value], `${key}.${value}`).toBeTruthy();
	});

	it('is the only copy of the lists in the code', () => {
		// the lists as they were once copied around: written out again, they would drift apart
		const copies = [
			/'on_track',\s*'at_risk',\s*'breached'/,
			/'phone',\s*'counter',\s*'courrier'/,
			/'phone',\s*'courrier',\s*'counter'/,
			/'web',\s*'mobile',\s*'phone',\s*'email'/,
			/'reclamation',\s*'observation',\s*'suggestion'/,
			/'urgent',\s*'high',\s*'normal',\s*'low'/,
		];
		const found: string[] = [];
		const walk = (folder: string) => {
			for (const name of readdirSync(folder)) {
				const path = join(folder, name);
				if (['node_modules', 'dist', '.git', 'data'].includes(name)) continue;
				if (statSync(path).isDirectory()) walk(path);
				else if (
					/\.(ts|vue)$/.test(name) &&
					!name.endsWith('.test.ts') &&
					!path.endsWith(join('complaint', 'vocabulary.ts'))
				)
					for (const copy of copies)
						if (copy.test(readFileSync(path, 'utf8'))) found.push(`${relative(ROOT, path)}: ${copy.source}`);
			}
		};
		for (const folder of ['extensions/casa-core/src', 'schema', 'scripts', 'seed']) walk(join(ROOT, folder));
		expect(found).toEqual([]);
	});
});
