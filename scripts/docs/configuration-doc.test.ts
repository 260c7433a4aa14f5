import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	DEMO_PASSWORD_DEFAULT,
	DEVELOPMENT_ADMIN_PASSWORD,
	settingRows,
} from '../../extensions/casa-core/src/config/settings';
import { CONFIGURATION_DOC, renderConfigurationDoc } from './configuration-doc';

describe('docs/configuration.md', () => {
	it('is what `npm run docs:config` writes from the settings (run it after changing a setting)', () => {
		expect(readFileSync(CONFIGURATION_DOC, 'utf8')).toBe(renderConfigurationDoc());
	});

	it('has a row for every setting', () => {
		const doc = renderConfigurationDoc();
		for (const row of settingRows().flatMap((section) => section.rows))
			expect(doc, row.name).toContain(`| \`${row.name}\``);
	});

	it("never shows a secret's default", () => {
		const doc = renderConfigurationDoc();
		for (const secret of [DEVELOPMENT_ADMIN_PASSWORD, DEMO_PASSWORD_DEFAULT]) expect(doc).not.toContain(secret);
	});
});
