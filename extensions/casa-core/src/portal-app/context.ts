// What every part of the app shares, provided by the root component: the
// language, the API, the reference data and the draft with its field errors.
import { type InjectionKey, type Ref, inject, reactive, ref } from 'vue';
import type { Api, FieldProblem } from './api';
import type { Draft } from './draft';
import type { Arrondissement } from './geo';
import type { I18n } from './i18n';

/** A question of a category (domain/intake/attributes.ts, as /portal/api/categories gives it). */
export interface CategoryQuestion {
	code: string;
	datatype: 'string' | 'text' | 'number' | 'datetime' | 'singlevaluelist' | 'multivaluelist';
	required: boolean;
	question_fr: string;
	question_ar: string;
	help_fr: string | null;
	help_ar: string | null;
	values: { key: string; name_fr: string; name_ar: string }[];
}

export interface Category {
	code: string;
	service: string;
	name_fr: string;
	name_ar: string;
	keywords: string | null;
	sort?: number;
	attributes?: CategoryQuestion[];
}

export interface Service {
	code: string;
	name_fr: string;
	name_ar: string;
	icon: string | null;
	color: string | null;
	categories: Category[];
}

export interface PortalConfig {
	tileUrl: string;
	tileAttribution: string;
	center: [number, number];
	zoom: number;
	maxPhotos: number;
	maxPhotoBytes: number;
	reopenPeriodDays?: number;
	duplicateRadiusM?: number;
	/** the retention sentence of the loi 09-08 notice, from the platform settings */
	retentionNotice?: { fr: string; ar: string };
}

export const DEFAULT_CONFIG: PortalConfig = {
	tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
	tileAttribution: '© OpenStreetMap contributors',
	center: [33.5731, -7.5898],
	zoom: 12,
	maxPhotos: 5,
	maxPhotoBytes: 10 * 1024 * 1024,
};

/** a message next to a field: an i18n key (follows the language switch) or the server's own text */
export interface FieldMessage {
	key?: string;
	values?: Record<string, unknown>;
	text?: string;
}

export const STEPS = ['category', 'description', 'location', 'photos', 'contact', 'review'] as const;
export type StepName = (typeof STEPS)[number];

const FIELD_STEP: Record<string, StepName> = {
	type: 'description',
	category: 'category',
	service: 'category',
	description: 'description',
	latitude: 'location',
	longitude: 'location',
	address: 'location',
	photos: 'photos',
	citizen_name: 'contact',
	citizen_phone: 'contact',
	citizen_email: 'contact',
	consent: 'contact',
};

export function stepOfField(field: string): StepName {
	// the category's questions are asked with the description
	if (/^attributes?[[.]/.test(field)) return 'description';
	return FIELD_STEP[field] ?? 'review';
}

/** the server's reasons we say in our own words; anything else shows the server's message */
const REASON_KEYS: Record<string, string> = {
	'field.outside_commune': 'errors.outside_commune',
	'field.phone': 'errors.phone',
	'field.email': 'errors.email',
	'field.consent_required': 'errors.consent',
	'field.category_unknown': 'errors.category',
};

export function messageOfProblem(problem: FieldProblem): FieldMessage {
	if (problem.reason === 'field.required' && problem.field)
		return { key: `errors.required.${stepOfField(problem.field) === 'review' ? 'generic' : problem.field}` };
	const key = problem.reason ? REASON_KEYS[problem.reason] : undefined;
	return key ? { key } : { text: problem.message };
}

export interface PortalContext {
	i18n: I18n;
	api: Api;
	embedded: boolean;
	/** 'mobile' inside a store app (see README.md), null on the web */
	channel: string | null;
	config: Ref<PortalConfig>;
	services: Ref<Service[] | null>;
	servicesFailed: Ref<boolean>;
	/** embedded on a site that is not allowed to embed the form: that site's origin */
	embedRefused: Ref<string | null>;
	areas: Ref<Arrondissement[]>;
	draft: Draft;
	errors: Record<string, FieldMessage>;
	/** a unique id inside this app instance (several embeds may share a page) */
	id: (name: string) => string;
	message: (message: FieldMessage | undefined) => string;
	announce: (text: string, urgent?: boolean) => void;
	reloadReference: () => Promise<void>;
}

export const PORTAL: InjectionKey<PortalContext> = Symbol('casa-portal');

export function usePortal(): PortalContext {
	const context = inject(PORTAL);
	if (!context) throw new Error('casa portal context missing');
	return context;
}

let instances = 0;
export function createIds(): (name: string) => string {
	const prefix = `casa${++instances}`;
	return (name) => `${prefix}-${name}`;
}

export function createErrors(): Record<string, FieldMessage> {
	return reactive({});
}

export function clearErrors(errors: Record<string, FieldMessage>, fields?: string[]): void {
	for (const field of fields ?? Object.keys(errors)) delete errors[field];
}

export const categoryName = (category: { name_fr: string; name_ar: string } | null | undefined, lang: string) =>
	category ? (lang === 'ar' ? category.name_ar || category.name_fr : category.name_fr || category.name_ar) : '';

export function findCategory(
	services: Service[] | null,
	code: string | null,
): { service: Service; category: Category } | null {
	if (!services || !code) return null;
	for (const service of services) {
		const category = service.categories.find((candidate) => candidate.code === code);
		if (category) return { service, category };
	}
	return null;
}

export const announcement = () => ({ polite: ref(''), urgent: ref('') });
