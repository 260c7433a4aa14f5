// Text normalisation for category suggestion, for the ways Casablancans write:
// French, Modern Standard Arabic, and Darija in Arabic script or in Latin
// script with digits for the letters Latin lacks ("7ofra", "zbel ma t3ayetch").
//
// Three layers of features come out of one text:
// - words: folded (accents, Arabic diacritics, tatweel, hamza/alef variants,
//   tā' marbūṭa, alif maqṣūra), Arabic clitics (و ف ب ل ال) stripped;
// - skeletons: the consonants of each word in ONE common transliteration, so
//   "zbel", "zbal", "زبل", "الزبل" and "أزبال" all give "zbl", and "7ofra",
//   "hofra" and "حفرة" give "hfr": this is what lets a Latin-script Darija word
//   meet its Arabic-script spelling and the spelling variants of either;
// - character trigrams of each folded word, for the variants the skeleton
//   cannot see (inflections, typos, French plurals).

const ARABIC_DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;

/** Arabic letter normalisation: one spelling for the letters people write interchangeably. */
export function normaliseArabic(text: string): string {
	return text
		.replace(ARABIC_DIACRITICS, '')
		.replace(/\u0640/g, '') // tatweel
		.replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, '\u0627') // آ أ إ ٱ → ا
		.replace(/\u0629/g, '\u0647') // ة → ه
		.replace(/\u0649/g, '\u064a') // ى → ي
		.replace(/\u0624/g, '\u0648') // ؤ → و
		.replace(/\u0626/g, '\u064a') // ئ → ي
		.replace(/\u06a4/g, '\u0641') // ڤ (v) → ف
		.replace(/\u06af/g, '\u0643') // گ (g) → ك
		.replace(/\u06a9/g, '\u0643') // ک → ك
		.replace(/\u06cc/g, '\u064a') // ی → ي
		.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660)); // Arabic-Indic digits
}

/** Lower case, accents folded, Arabic normalised, anything else a space. */
export function fold(text: string): string {
	return normaliseArabic(text.normalize('NFKC'))
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/[’'`´]/g, ' ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

const ARABIC_LETTER = /[\u0621-\u064a]/;

/** Latin-script Darija digits standing for Arabic letters; "2" is the hamza, "3" the ʿayn. */
const DARIJA_DIGITS: Record<string, string> = {
	'2': '',
	'3': '',
	'4': 'gh',
	'5': 'kh',
	'6': 't',
	'7': 'h',
	'8': 'gh',
	'9': 'q',
};

/** Arabic letters in the common transliteration; long vowels, ʿayn and hamza are dropped like Latin vowels. */
const ARABIC_TO_COMMON: Record<string, string> = {
	'\u0627': '', // ا
	'\u0621': '', // ء
	'\u0628': 'b',
	'\u062a': 't',
	'\u062b': 't',
	'\u062c': 'j',
	'\u062d': 'h',
	'\u062e': 'kh',
	'\u062f': 'd',
	'\u0630': 'd',
	'\u0631': 'r',
	'\u0632': 'z',
	'\u0633': 's',
	'\u0634': 'ch',
	'\u0635': 's',
	'\u0636': 'd',
	'\u0637': 't',
	'\u0638': 'd',
	'\u0639': '', // ع
	'\u063a': 'gh',
	'\u0641': 'f',
	'\u0642': 'q',
	'\u0643': 'k',
	'\u0644': 'l',
	'\u0645': 'm',
	'\u0646': 'n',
	'\u0647': '', // ه (and ة after normalisation): mostly a final vowel
	'\u0648': '', // و
	'\u064a': '', // ي
};

/** Arabic clitics at the start of a word: conjunctions, prepositions and the article. */
const ARABIC_PREFIX = /^(?:[وف]?(?:بال|كال|لل|ال)|[وف]?[بل](?=..{2,}))/;

/** A folded Arabic word without its leading clitics (never shorter than two letters). */
export function stripArabicClitics(word: string): string {
	if (!ARABIC_LETTER.test(word)) return word;
	const stripped = word.replace(ARABIC_PREFIX, '');
	return stripped.length >= 2 ? stripped : word;
}

/** Latin-script word with its Darija digits written as letters ("7ofra" → "hofra"); digits alone stay numbers. */
export function latinDarija(word: string): string {
	if (!/[a-z]/.test(word) || !/\d/.test(word)) return word;
	return word.replace(/\d/g, (digit) => DARIJA_DIGITS[digit] ?? digit);
}

/**
 * The consonant skeleton of one folded word in the common transliteration:
 * vowels (and w/y, which Arabic writes as long vowels), doubled letters and
 * ʿayn/hamza dropped; "q" and "k", "ou" and "w" are not told apart more than
 * people do. Empty for numbers.
 */
export function skeleton(word: string): string {
	let common: string;
	if (ARABIC_LETTER.test(word)) {
		common = '';
		for (const letter of word) common += ARABIC_TO_COMMON[letter] ?? '';
	} else {
		common = latinDarija(word)
			.replace(/sh/g, 'ch')
			.replace(/dj/g, 'j')
			.replace(/ph/g, 'f')
			.replace(/[^a-z]/g, '');
	}
	return common
		.replace(/[aeiouyw]/g, '')
		.replace(/c(?!h)/g, 'k')
		.replace(/(.)\1+/g, '$1');
}

/** The folded words of a text, Latin Darija digits written as letters, Arabic clitics stripped. */
export function words(text: string): string[] {
	const out: string[] = [];
	for (const raw of fold(text).split(' ')) {
		if (!raw) continue;
		const word = stripArabicClitics(latinDarija(raw));
		if (word.length >= 2 || ARABIC_LETTER.test(word)) out.push(word);
	}
	return out;
}

/**
 * The features of a text for the classifier: words ("w:"), consonant
 * skeletons in the common transliteration ("s:") and character trigrams of
 * each word with its boundaries ("c:"). Short stop words add no skeleton.
 */
export function features(text: string): string[] {
	const out: string[] = [];
	for (const word of words(text)) {
		out.push(`w:${word}`);
		const bones = skeleton(word);
		if (bones.length >= 2) out.push(`s:${bones}`);
		// Latin Darija glues the article on ("lazbal", "l7ouma"): the skeleton without it too
		if (/^l[^aeiou]/.test(word) || /^la./.test(word)) {
			const bare = skeleton(word.slice(1));
			if (bare.length >= 2 && bare !== bones) out.push(`s:${bare}`);
		}
		const padded = `<${word}>`;
		if (padded.length > 4)
			for (let index = 0; index + 3 <= padded.length; index += 1) out.push(`c:${padded.slice(index, index + 3)}`);
	}
	return out;
}
