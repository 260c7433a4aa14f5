// What of a citizen's identity may survive in the free text the register
// keeps (the complaint's description, their e-mailed replies) once their
// personal data expires or is erased (loi 09-08, art. 3: data kept no longer
// than needed). The problem's description stays — it is the register — but
// whatever identifies the person inside it goes: their name, phone, e-mail
// and postal address as they gave them, and any e-mail address or Moroccan
// phone number written in the text. Plain functions.

export const REDACTED = '[…]';

export interface Identifiers {
	name?: string | null;
	phone?: string | null;
	email?: string | null;
	postalAddress?: string | null;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// +212 / 00212 / 0, then 5, 6 or 7 and eight digits, with the separators people type
const MOROCCAN_PHONE = /(?<![\d+])(?:(?:\+|00)\s?212[\s.-]?\(?0?\)?|0)[\s.-]?[5-7](?:[\s.-]?\d){8}(?!\d)/g;
// a bare nine-digit number starting with 5-7 (how a number is often given without its 0)
const BARE_PHONE = /(?<![\d+])[5-7](?:[\s.-]?\d){8}(?!\d)/g;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with letters folded (accents, case) so "Benani" finds "BENANÍ"; lengths preserved for the replacement. */
function fold(text: string): string {
	return Array.from(text, (char) => {
		const plain = char.normalize('NFD').replace(/\p{M}/gu, '');
		return plain.length === 1 ? plain.toLowerCase() : char.toLowerCase().length === 1 ? char.toLowerCase() : char;
	}).join('');
}

/** Replaces each whole-word occurrence of `needle` (folded) in `text` by the marker. */
function redactWords(text: string, needle: string): string {
	const folded = fold(text);
	const target = fold(needle.trim());
	if (target.length < 3 || folded.length !== text.length) return text;
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(target).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'gu');
	let out = '';
	let last = 0;
	for (const match of folded.matchAll(pattern)) {
		out += text.slice(last, match.index) + REDACTED;
		last = match.index! + match[0].length;
	}
	return last === 0 ? text : out + text.slice(last);
}

/** The parts of a name worth looking for on their own: words of three letters or more. */
function nameParts(name: string): string[] {
	return name.split(/\s+/).filter((part) => [...part].filter((char) => /\p{L}/u.test(char)).length >= 3);
}

/** The text without the person's identifiers; unchanged text is returned as is. */
export function redactIdentifiers(text: string | null | undefined, who: Identifiers): string | null {
	if (text === null || text === undefined) return text ?? null;
	let out = text;
	if (who.postalAddress && who.postalAddress.trim().length >= 6) out = redactWords(out, who.postalAddress);
	if (who.email) out = redactWords(out, who.email);
	out = out.replace(EMAIL, REDACTED);
	out = out.replace(MOROCCAN_PHONE, REDACTED).replace(BARE_PHONE, REDACTED);
	if (who.phone) {
		// the number as stored (+2126…) may be written in the text in another form: its last nine digits, spaced or not
		const digits = who.phone.replace(/\D/g, '').slice(-9);
		if (digits.length === 9)
			out = out.replace(new RegExp(`(?<!\\d)0?${digits.split('').join('[\\s.-]?')}(?!\\d)`, 'g'), REDACTED);
	}
	if (who.name) {
		out = redactWords(out, who.name);
		for (const part of nameParts(who.name)) out = redactWords(out, part);
	}
	return out;
}
