import { describe, expect, it } from 'vitest';
import {
	MAX_DESCRIPTION,
	afterImportError,
	chooseBodySource,
	composeDescription,
	decideMessage,
	detectLanguage,
	judgeAttachments,
	messageKey,
	normaliseMessageId,
	referenceInSubject,
	sha256,
	stripQuotedReply,
	type MessageFacts,
} from './message-rules';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PDF = new TextEncoder().encode('%PDF-1.7\n');
const EXE = new TextEncoder().encode('MZ\x90\x00');

describe('referenceInSubject', () => {
	it('finds the reference in a reply subject', () => {
		expect(referenceInSubject('Re: Votre réclamation CAS-2026-000123 est enregistrée')).toBe('CAS-2026-000123');
		expect(referenceInSubject('RE: TR: cas-2026-000042')).toBe('CAS-2026-000042');
		expect(referenceInSubject('رد: تم تسجيل شكايتكم CAS-2026-000007')).toBe('CAS-2026-000007');
	});
	it('ignores subjects without one, other prefixes and fragments of longer tokens', () => {
		expect(referenceInSubject('Déchets rue Zerktouni')).toBeNull();
		expect(referenceInSubject('Dossier ABC-2026-000123')).toBeNull();
		expect(referenceInSubject('CAS-2026-123')).toBeNull();
		expect(referenceInSubject('XCAS-2026-000123')).toBeNull();
		expect(referenceInSubject(undefined)).toBeNull();
	});
});

describe('message identity', () => {
	it('uses the Message-ID without angle brackets', () => {
		expect(messageKey('<abc@mail.example.ma>', 'raw')).toBe('mid:abc@mail.example.ma');
		expect(messageKey(' <abc@mail.example.ma> ', 'other raw')).toBe('mid:abc@mail.example.ma');
		expect(normaliseMessageId('<>')).toBeNull();
	});
	it('falls back to the hash of the bytes, the same for the same message', () => {
		expect(messageKey(null, 'Subject: a\r\n\r\nb')).toBe(`sha256:${sha256('Subject: a\r\n\r\nb')}`);
		expect(messageKey('', 'x')).toBe(messageKey(undefined, 'x'));
		expect(messageKey(null, 'x')).not.toBe(messageKey(null, 'y'));
	});
	it('hashes an identifier too long for the ledger, stably', () => {
		const long = `<${'a'.repeat(300)}@example.ma>`;
		expect(messageKey(long, 'r')).toMatch(/^mid-sha256:[0-9a-f]{64}$/);
		expect(messageKey(long, 'r')).toBe(messageKey(long, 'other'));
	});
});

describe('detectLanguage', () => {
	it('is Arabic when the text is mostly Arabic script', () => {
		expect(detectLanguage('نفايات في الشارع', 'لم يتم جمع النفايات منذ ثلاثة أيام')).toBe('ar');
		expect(detectLanguage('Réclamation', 'الإنارة العمومية معطلة في حي الحسني منذ أسبوع')).toBe('ar');
	});
	it('is French otherwise, even with an Arabic street name', () => {
		expect(
			detectLanguage('Lampadaire éteint', 'Le lampadaire de la rue درب السلطان est éteint depuis une semaine.'),
		).toBe('fr');
		expect(detectLanguage('', '')).toBe('fr');
		expect(detectLanguage(null, undefined)).toBe('fr');
	});
});

describe('body extraction', () => {
	it('prefers the plain-text part, falls back to HTML, then nothing', () => {
		expect(chooseBodySource('Bonjour', '<p>Bonjour</p>')).toBe('text');
		expect(chooseBodySource('  \n', '<p>Bonjour</p>')).toBe('html');
		expect(chooseBodySource(undefined, false)).toBe('none');
	});
	it('drops the quoted message of a reply', () => {
		const reply =
			'Le bac est toujours plein.\n\nLe 3 mars 2026 à 10:00, Casa a écrit :\n> Votre réclamation est enregistrée';
		expect(stripQuotedReply(reply)).toBe('Le bac est toujours plein.');
		expect(stripQuotedReply('Merci\n> ancien texte\nOn Tue, 3 Mar 2026, Casa wrote:\nold')).toBe('Merci');
		expect(stripQuotedReply('> only a quote')).toBe('> only a quote');
	});
	it('composes the description from subject and body within the limit', () => {
		expect(composeDescription('Bac plein', 'Rue 12, depuis lundi')).toEqual({
			description: 'Bac plein\n\nRue 12, depuis lundi',
			truncated: false,
		});
		expect(composeDescription('Bac plein', 'Bac plein rue 12').description).toBe('Bac plein rue 12');
		expect(composeDescription('', 'Texte').description).toBe('Texte');
		const long = composeDescription('Sujet', 'x'.repeat(6000));
		expect(long.truncated).toBe(true);
		expect(long.description).toHaveLength(MAX_DESCRIPTION);
	});
});

describe('judgeAttachments', () => {
	const attachment = (filename: string, head: Uint8Array, size = 1000, inline = false) => ({
		filename,
		contentType: 'application/octet-stream',
		size,
		head,
		inline,
	});
	it('keeps images and PDF by their bytes, refuses other types and oversized files', () => {
		const verdicts = judgeAttachments([
			attachment('photo.jpg', JPEG),
			attachment('plan.pdf', PDF),
			attachment('virus.pdf', EXE),
			attachment('big.jpg', JPEG, 11 * 1024 * 1024),
		]);
		expect(verdicts).toEqual([
			{ index: 0, accepted: true, type: 'image/jpeg', filename: 'photo.jpg' },
			{ index: 1, accepted: true, type: 'application/pdf', filename: 'plan.pdf' },
			{ index: 2, accepted: false, filename: 'virus.pdf', reason: 'type' },
			{ index: 3, accepted: false, filename: 'big.jpg', reason: 'size' },
		]);
	});
	it('skips inline images and keeps at most five files', () => {
		const many = [
			attachment('logo.png', JPEG, 10, true),
			...Array.from({ length: 6 }, (_, i) => attachment(`p${i}.jpg`, JPEG)),
		];
		const verdicts = judgeAttachments(many);
		expect(verdicts.filter((v) => v.accepted)).toHaveLength(5);
		expect(verdicts.at(-1)).toEqual({ index: 6, accepted: false, filename: 'p5.jpg', reason: 'count' });
		expect(verdicts.some((v) => v.index === 0)).toBe(false);
	});
});

describe('decideMessage', () => {
	const facts = (extra: Partial<MessageFacts> = {}): MessageFacts => ({
		fromAddress: 'citoyen@example.ma',
		subject: 'Bac plein',
		body: 'Rue 12',
		attachmentCount: 0,
		autoSubmitted: null,
		contentType: 'text/plain',
		...extra,
	});

	it('makes a new complaint of an ordinary message, in its language', () => {
		expect(decideMessage(facts(), null)).toEqual({ kind: 'complaint', language: 'fr' });
		expect(decideMessage(facts({ subject: 'نفايات', body: 'لم يتم جمع النفايات' }), null)).toEqual({
			kind: 'complaint',
			language: 'ar',
		});
	});
	it('threads a reply from the complaint citizen', () => {
		expect(
			decideMessage(facts({ fromAddress: 'Citoyen@Example.ma' }), { id: 'c1', citizenEmail: 'citoyen@example.ma' }),
		).toEqual({ kind: 'reply', complaintId: 'c1', language: 'fr' });
	});
	it('a reference from someone else, or a complaint without e-mail, starts a new complaint', () => {
		expect(
			decideMessage(facts({ fromAddress: 'autre@example.ma' }), { id: 'c1', citizenEmail: 'citoyen@example.ma' }).kind,
		).toBe('complaint');
		expect(decideMessage(facts(), { id: 'c1', citizenEmail: null }).kind).toBe('complaint');
	});
	it('a reply with only an attachment is still a reply', () => {
		expect(
			decideMessage(facts({ subject: '', body: '', attachmentCount: 1 }), {
				id: 'c1',
				citizenEmail: 'citoyen@example.ma',
			}).kind,
		).toBe('reply');
	});
	it('sets aside automatic answers and delivery reports', () => {
		expect(decideMessage(facts({ autoSubmitted: 'auto-replied' }), null)).toEqual({
			kind: 'ignored',
			reason: 'auto_reply',
		});
		expect(decideMessage(facts({ autoSubmitted: 'no' }), null).kind).toBe('complaint');
		expect(decideMessage(facts({ contentType: 'multipart/report' }), null)).toEqual({
			kind: 'ignored',
			reason: 'delivery_report',
		});
	});
	it('fails without a usable sender or without any content', () => {
		expect(decideMessage(facts({ fromAddress: null }), null)).toEqual({ kind: 'failed', reason: 'no_sender' });
		expect(decideMessage(facts({ fromAddress: 'not an address' }), null)).toEqual({
			kind: 'failed',
			reason: 'no_sender',
		});
		expect(decideMessage(facts({ subject: ' ', body: '' }), null)).toEqual({ kind: 'failed', reason: 'empty' });
		expect(decideMessage(facts({ subject: '', body: '', attachmentCount: 2 }), null)).toEqual({
			kind: 'failed',
			reason: 'empty',
		});
	});
	it('retries a failing import a few times, then sets it aside', () => {
		expect(afterImportError(1)).toBe('retry');
		expect(afterImportError(3)).toBe('failed');
	});
});
