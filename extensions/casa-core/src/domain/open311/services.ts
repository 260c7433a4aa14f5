// Open311 services are the platform's categories: service_code is the category
// code (PROP-01), group is the municipal service (Propreté), names in French
// or Arabic. Also the discovery document of the endpoint.
import type { Language } from '../i18n/messages';

export interface ServiceRow {
	code: string;
	name_fr: string | null;
	name_ar: string | null;
}

export interface CategoryRow {
	code: string;
	service: string;
	name_fr: string | null;
	name_ar: string | null;
	keywords?: string | null;
	resolve_in?: number | string | null;
	resolve_unit?: string | null;
}

/** An attribute of a service definition (GeoReport v2 "GET Service Definition"). */
export interface Open311Attribute {
	variable: boolean;
	code: string;
	datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
	required: boolean;
	datatype_description: string | null;
	order: number;
	description: string;
	values?: { key: string; name: string }[];
}

export interface Open311Service {
	service_code: string;
	service_name: string;
	description: string;
	metadata: boolean;
	type: 'realtime' | 'batch' | 'blackbox';
	keywords: string | null;
	group: string;
}

export interface Open311ServiceDefinition {
	service_code: string;
	attributes: Open311Attribute[];
}

/** The name in the asked language, the other one when it is missing. */
export function pickName(language: Language, fr: string | null | undefined, ar: string | null | undefined): string {
	return (language === 'ar' ? ar || fr : fr || ar) ?? '';
}

/** Free-text keywords (commas, semicolons or lines) as the comma-separated list Open311 expects. */
export function keywordList(raw: string | null | undefined): string | null {
	if (!raw) return null;
	const words = raw
		.split(/[,;\n\r]+/)
		.map((word) => word.trim())
		.filter(Boolean);
	return words.length > 0 ? [...new Set(words)].join(', ') : null;
}

function decimal(value: number, language: Language): string {
	return language === 'fr' ? String(value).replace('.', ',') : String(value);
}

/** The target resolution time of a category, as one sentence. Null if the category has none. */
export function serviceNotice(
	category: Pick<CategoryRow, 'resolve_in' | 'resolve_unit'>,
	language: Language,
): string | null {
	const amount = Number(category.resolve_in);
	if (category.resolve_in === null || category.resolve_in === undefined || !Number.isFinite(amount) || amount <= 0)
		return null;
	const working = (category.resolve_unit ?? 'working_days') === 'working_days';
	if (language === 'ar')
		return `أجل المعالجة المستهدف: ${decimal(amount, language)} ${working ? '(أيام العمل)' : '(أيام)'}، في حدود الأجل القانوني (60 يوماً).`;
	const plural = amount >= 2;
	const unit = working ? (plural ? 'jours ouvrés' : 'jour ouvré') : plural ? 'jours calendaires' : 'jour calendaire';
	return `Délai de traitement visé : ${decimal(amount, language)} ${unit}, dans la limite légale de 60 jours.`;
}

/** The service list: one Open311 service per active category, grouped by service in the services' order. */
export function serviceList(
	services: readonly ServiceRow[],
	categories: readonly CategoryRow[],
	language: Language,
	attributes: ReadonlyMap<string, readonly Open311Attribute[]> = new Map(),
): Open311Service[] {
	return services.flatMap((service) => {
		const serviceName = pickName(language, service.name_fr, service.name_ar);
		return categories
			.filter((category) => category.service === service.code)
			.map((category): Open311Service => {
				const categoryName = pickName(language, category.name_fr, category.name_ar);
				return {
					service_code: category.code,
					service_name: categoryName,
					description: `${serviceName} — ${categoryName}`,
					metadata: (attributes.get(category.code)?.length ?? 0) > 0,
					type: 'realtime',
					keywords: keywordList(category.keywords),
					group: serviceName,
				};
			});
	});
}

/** The definition of one service: its extra attributes, ordered (none today, so metadata is false everywhere). */
export function serviceDefinition(
	category: Pick<CategoryRow, 'code'>,
	attributes: readonly Open311Attribute[] = [],
): Open311ServiceDefinition {
	return { service_code: category.code, attributes: [...attributes].sort((a, b) => a.order - b.order) };
}

export interface DiscoveryOptions {
	/** public address of the platform, e.g. https://reclamations.casablancacity.ma */
	publicUrl: string;
	/** where the API is mounted below it */
	path?: string;
	production: boolean;
	language: Language;
	/** when the API last changed (ISO 8601) */
	changeset?: string;
}

export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** Date of the last change of this API's behaviour, announced in the discovery document. */
export const OPEN311_CHANGESET = '2026-01-15T00:00:00+01:00';
export const OPEN311_CONTACT_EMAIL = 'partenaires@casablanca.ma';

/** The service discovery document (http://wiki.open311.org/Service_Discovery). */
export function discoveryDocument(options: DiscoveryOptions) {
	const changeset = options.changeset ?? OPEN311_CHANGESET;
	const base = options.publicUrl.replace(/\/+$/, '');
	const fr = options.language === 'fr';
	return {
		changeset,
		contact: fr
			? `Commune urbaine de Casablanca, applications partenaires : ${OPEN311_CONTACT_EMAIL}`
			: `جماعة الدار البيضاء، التطبيقات الشريكة: ${OPEN311_CONTACT_EMAIL}`,
		key_service: fr
			? `Clé api_key sur demande à ${OPEN311_CONTACT_EMAIL} (nécessaire pour déposer une demande).`
			: `مفتاح api_key عند الطلب عبر ${OPEN311_CONTACT_EMAIL} (ضروري لإيداع طلب).`,
		endpoints: [
			{
				specification: OPEN311_SPECIFICATION,
				url: `${base}${options.path ?? '/open311/v2'}`,
				changeset,
				type: options.production ? 'production' : 'test',
				formats: ['text/xml', 'application/json'],
			},
		],
	};
}
