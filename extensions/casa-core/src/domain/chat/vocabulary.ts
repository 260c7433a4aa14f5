// Words citizens actually type for the main choices: French, Arabic, and the
// Darija most people write in Latin letters with digits (Arabizi: 7 = ح, 3 = ع,
// 9 = ق). A data table, so the communication team can extend it without code.

export type Intent = 'yes' | 'no' | 'cancel' | 'back' | 'skip' | 'french' | 'arabic';

export const INTENT_WORDS: Record<Intent, readonly string[]> = {
	yes: [
		'oui',
		'ouais',
		'ok',
		'okay',
		"d'accord",
		'daccord',
		'valider',
		'confirmer',
		'yes',
		'ah',
		'aah',
		'wah',
		'waah',
		'iyeh',
		'iyeh',
		'ih',
		'wakha',
		'waha',
		'safi',
		'نعم',
		'اه',
		'آه',
		'ايه',
		'إيه',
		'واخا',
		'وخا',
		'صافي',
		'أكيد',
		'تأكيد',
	],
	no: ['non', 'no', 'nan', 'la', 'lla', 'laa', 'لا', 'لالا'],
	cancel: ['stop', 'annuler', 'annulation', 'cancel', 'الغاء', 'إلغاء', 'الغي', 'ألغي', 'بركا', 'baraka', 'safi stop'],
	back: ['retour', 'back', 'precedent', 'précédent', 'rjae', 'rja3', 'rje3', 'rjee', 'رجوع', 'ارجع', 'رجع'],
	skip: [
		'passer',
		'skip',
		'sans',
		'sans photo',
		'pas de photo',
		'bla',
		'bla tswira',
		'بلا',
		'بدون',
		'تخطي',
		'بلا صورة',
	],
	french: ['fr', 'francais', 'français', 'french', 'فرنسية', 'بالفرنسية'],
	arabic: ['ar', 'arabe', 'arabic', 'عربية', 'العربية', 'بالعربية', '3arbia', 'l3arbia'],
};

/** A word that points straight at a service or at one category. */
export interface Shortcut {
	words: readonly string[];
	service?: string;
	category?: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
	{
		words: [
			'zbel',
			'zbal',
			'ezbel',
			'ازبال',
			'الزبل',
			'زبل',
			'poubelle',
			'poubelles',
			'ordures',
			'déchets',
			'dechets',
			'nafayat',
			'نفايات',
			'الأزبال',
		],
		service: 'PROP',
	},
	{
		words: [
			'dow',
			'daw',
			'dou',
			'ddow',
			'الضو',
			'ضو',
			'الضوء',
			'lumière',
			'lumiere',
			'lampadaire',
			'éclairage',
			'eclairage',
			'إنارة',
			'الإنارة',
		],
		service: 'ECL',
	},
	{ words: ['7ofra', '7of7a', 'hofra', 'حفرة', 'الحفرة', 'nid de poule', 'nid-de-poule', 'trou'], category: 'VOI-01' },
	{
		words: ['voirie', 'route', 'trottoir', 'triq', 'طريق', 'الطريق', 'égout', 'egout', 'وادي حار', 'الواد الحار'],
		service: 'VOI',
	},
	{ words: ['chjar', 'chajra', 'شجرة', 'جردة', 'jarda', 'arbre', 'jardin', 'espaces verts'], service: 'ESV' },
	{
		words: ['klab', 'kelb', 'كلاب', 'الكلاب', 'chien', 'chiens', 'rats', 'fran', 'الفئران', 'moustiques', 'n9amess'],
		service: 'HYG',
	},
	{ words: ['feu rouge', 'dow l7mer', 'الضو الأحمر', 'panneau', 'signalisation', 'تشوير'], service: 'SIG' },
	{ words: ['ferracha', 'فراشة', 'الفراشة', 'terrasse', 'marchands ambulants', 'ambulants'], service: 'ODP' },
	{ words: ['bni', 'bnaya', 'بناء', 'البني', 'construction', 'chantier'], service: 'URB' },
];

/** Lower case, no accents on Latin letters, no tatweel or Arabic diacritics, single spaces, no trailing punctuation. */
export function normalise(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[\u064B-\u0652\u0640]/g, '')
		.replace(/[أإآ]/g, 'ا')
		.toLowerCase()
		.replace(/[!?.,;:؟،"«»()]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

const normalisedIntents = Object.fromEntries(
	Object.entries(INTENT_WORDS).map(([intent, words]) => [intent, new Set(words.map(normalise))]),
) as Record<Intent, Set<string>>;

/** The intent of a whole message ("wah", "لا", "annuler"), or null when it says something else. */
export function intentOf(
	text: string,
	wanted: readonly Intent[] = Object.keys(INTENT_WORDS) as Intent[],
): Intent | null {
	const clean = normalise(text);
	for (const intent of wanted) if (normalisedIntents[intent].has(clean)) return intent;
	return null;
}

/** A service or category named by a word of the table anywhere in the message. */
export function shortcutIn(text: string): Shortcut | null {
	const clean = ` ${normalise(text)} `;
	for (const shortcut of SHORTCUTS) {
		if (shortcut.words.some((word) => clean.includes(` ${normalise(word)} `))) return shortcut;
	}
	return null;
}

export function hasArabicLetters(text: string): boolean {
	return /[\u0600-\u06FF]/.test(text);
}
