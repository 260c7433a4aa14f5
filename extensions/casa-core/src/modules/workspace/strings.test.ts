// The workspace's French and Arabic strings: the same keys in both (plural
// forms aside), no empty string, no Latin-only label in Arabic.
import { describe, expect, it } from 'vitest';
import ar from '../../domain/i18n/locales/workspace-ui/ar.json';
import fr from '../../domain/i18n/locales/workspace-ui/fr.json';

function leaves(value: unknown, prefix = ''): Record<string, string> {
	if (typeof value === 'string') return { [prefix]: value };
	const out: Record<string, string> = {};
	for (const [key, child] of Object.entries(value as Record<string, unknown>))
		Object.assign(out, leaves(child, prefix ? `${prefix}.${key}` : key));
	return out;
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (keys: string[]) => [...new Set(keys.map((key) => key.replace(PLURAL, '')))].sort();

describe('workspace_ui strings', () => {
	const frLeaves = leaves(fr);
	const arLeaves = leaves(ar);
	it('has the same keys in French and Arabic', () => {
		expect(base(Object.keys(arLeaves))).toEqual(base(Object.keys(frLeaves)));
	});
	it('has every Arabic plural form for counted units', () => {
		for (const unit of ['day', 'hour', 'minute'])
			for (const form of ['zero', 'one', 'two', 'few', 'many', 'other'])
				expect(arLeaves[`workspace_ui.units.${unit}_${form}`]).toBeTruthy();
	});
	it('has no empty string, and Arabic strings are written in Arabic', () => {
		for (const [key, text] of Object.entries(frLeaves)) expect(text.trim(), key).not.toBe('');
		// language names are written in their own language (Français, العربية) in both files
		for (const [key, text] of Object.entries(arLeaves))
			if (!key.includes('.language_names.')) expect(/[\u0600-\u06FF]/.test(text), key).toBe(true);
	});
	it('interpolates the same values in both languages', () => {
		const values = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
		for (const [key, text] of Object.entries(frLeaves)) {
			if (PLURAL.test(key)) continue;
			expect(values(arLeaves[key] ?? ''), key).toEqual(values(text));
		}
	});
});
