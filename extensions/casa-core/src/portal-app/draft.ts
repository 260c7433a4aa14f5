// The complaint being written. Its Idempotency-Key is made once per draft:
// every retry of the same draft (double tap, lost answer, offline queue) gets
// the same complaint back. Text fields survive a reload in sessionStorage
// (this tab only); photos stay in memory until queued.
import { uuid } from './api';
import type { Lang } from './i18n';
import type { ComplaintType } from '../domain/complaint/vocabulary';

export { COMPLAINT_TYPES, type ComplaintType } from '../domain/complaint/vocabulary';

export interface DraftPhoto {
	id: string;
	blob: Blob;
	name: string;
	url: string;
}

export interface Draft {
	key: string;
	type: ComplaintType;
	service: string | null;
	category: string | null;
	description: string;
	latitude: number | null;
	longitude: number | null;
	address: string;
	photos: DraftPhoto[];
	citizen_name: string;
	citizen_phone: string;
	citizen_email: string;
	consent: boolean;
	/** answers to the category's questions: code → value (a list for several choices) */
	attributes: Record<string, string | string[]>;
	/** honeypot: people never see it, bots fill it */
	website: string;
}

const STORAGE_KEY = 'casa-portal-draft-v1';

export function emptyDraft(): Draft {
	return {
		key: uuid(),
		type: 'reclamation',
		service: null,
		category: null,
		description: '',
		latitude: null,
		longitude: null,
		address: '',
		photos: [],
		citizen_name: '',
		citizen_phone: '',
		citizen_email: '',
		consent: false,
		attributes: {},
		website: '',
	};
}

export function givesContact(draft: Draft): boolean {
	return [draft.citizen_name, draft.citizen_phone, draft.citizen_email].some((value) => value.trim() !== '');
}

/** the multipart fields, as the JSON API names them */
export function draftFields(draft: Draft, lang: Lang): Record<string, string | string[]> {
	const fields: Record<string, string | string[]> = {
		type: draft.type,
		category: draft.category ?? '',
		description: draft.description.trim(),
	};
	if (draft.latitude !== null && draft.longitude !== null) {
		fields.latitude = draft.latitude.toFixed(6);
		fields.longitude = draft.longitude.toFixed(6);
	}
	if (draft.address.trim()) fields.address = draft.address.trim();
	const contact = givesContact(draft);
	if (contact) {
		for (const field of ['citizen_name', 'citizen_phone', 'citizen_email'] as const)
			if (draft[field].trim()) fields[field] = draft[field].trim();
	}
	fields.citizen_language = lang;
	fields.consent = contact && draft.consent ? 'true' : 'false';
	fields.website = draft.website;
	fields.lang = lang;
	// answers as Open311 writes them: attribute[code], attribute[code][] for several choices
	for (const [code, value] of Object.entries(draft.attributes ?? {})) {
		if (Array.isArray(value)) {
			if (value.length > 0) fields[`attribute[${code}][]`] = value;
		} else if (value.trim() !== '') fields[`attribute[${code}]`] = value.trim();
	}
	return fields;
}

function storage(): Storage | null {
	try {
		return window.sessionStorage;
	} catch {
		return null;
	}
}

export function saveDraft(draft: Draft, step: number): void {
	const { photos: _photos, ...rest } = draft;
	try {
		storage()?.setItem(STORAGE_KEY, JSON.stringify({ ...rest, step }));
	} catch {
		// storage full or denied: the draft simply does not survive a reload
	}
}

export function loadDraft(): { draft: Draft; step: number } | null {
	try {
		const raw = storage()?.getItem(STORAGE_KEY);
		if (!raw) return null;
		const saved = JSON.parse(raw) as Partial<Draft> & { step?: number };
		const draft = { ...emptyDraft(), ...saved, photos: [] } as Draft;
		if (typeof draft.key !== 'string' || draft.key.length < 8) draft.key = uuid();
		return { draft, step: Number.isInteger(saved.step) ? Number(saved.step) : 0 };
	} catch {
		return null;
	}
}

export function clearSavedDraft(): void {
	try {
		storage()?.removeItem(STORAGE_KEY);
	} catch {
		// nothing to clear
	}
}
