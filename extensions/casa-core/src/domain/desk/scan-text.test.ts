import { describe, expect, it } from 'vitest';
import { descriptionFromScan, scanLanguage, scanType } from './scan-text';

describe('scanLanguage', () => {
	it('tells an Arabic letter from a French one by its script', () => {
		expect(scanLanguage('إلى السيد رئيس جماعة الدار البيضاء، رقم 14 rue')).toBe('ar');
		expect(scanLanguage('Monsieur le Président, الدار البيضاء')).toBe('fr');
	});
	it('says nothing of a page with no words', () => {
		expect(scanLanguage('  12 / 3 ')).toBeNull();
		expect(scanLanguage('')).toBeNull();
	});
});

describe('descriptionFromScan', () => {
	it('joins lines broken inside a sentence and keeps the others', () => {
		const raw =
			"Objet : dépôt sauvage\nDepuis trois semaines, les ordures s'accumulent\ndevant\nle numéro 14.\n\nJe vous prie d'agir.\nKarim Bennani\n";
		expect(descriptionFromScan([raw])).toBe(
			"Objet : dépôt sauvage\nDepuis trois semaines, les ordures s'accumulent devant le numéro 14.\nJe vous prie d'agir.\nKarim Bennani",
		);
	});
	it('keeps Arabic lines, collapses blank lines and spaces, drops lines of noise', () => {
		const raw = 'الدار البيضاء في 3 نونبر 2026\n\n\n—  ~ |\nالموضوع:   تراكم الأزبال\n\n';
		expect(descriptionFromScan([raw])).toBe('الدار البيضاء في 3 نونبر 2026\nالموضوع: تراكم الأزبال');
	});
	it('does not join a page to the next', () => {
		expect(descriptionFromScan(['Première page sans point', 'suite de la lettre.'])).toBe(
			'Première page sans point\nsuite de la lettre.',
		);
	});
	it('is empty for a blank scan', () => {
		expect(descriptionFromScan(['', ' \n . \n'])).toBe('');
	});
	it('cuts at the limit on a word boundary', () => {
		const text = descriptionFromScan(['mot '.repeat(100)], 50);
		expect(text.length).toBeLessThanOrEqual(50);
		expect(text.endsWith('mot')).toBe(true);
	});
});

describe('scanType', () => {
	const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
	it('reads the type from the first bytes', () => {
		expect(scanType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
		expect(scanType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
		expect(scanType(bytes('\x89PNG\r\n\x1a\n'))).toBe('image/png');
		expect(scanType(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
	});
	it('refuses anything else, whatever its name', () => {
		expect(scanType(bytes('<html>'))).toBeNull();
		expect(scanType(new Uint8Array())).toBeNull();
	});
});
