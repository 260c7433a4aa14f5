// The data model of Casa Réclamations, applied idempotently by
// scripts/provision/apply-schema.ts. Labels in French and Arabic; choice labels
// are translation keys provisioned from the extension's i18next resources.
import { COMPLAINT_STATUSES } from '../extensions/casa-core/src/domain/workflow/transitions';
import ar from '../extensions/casa-core/src/domain/i18n/locales/ar.json';
import fr from '../extensions/casa-core/src/domain/i18n/locales/fr.json';
import { DEFAULT_RETENTION } from '../extensions/casa-core/src/domain/privacy/retention';
import {
	CHANNELS,
	COMPLAINT_TYPES,
	PRIORITIES,
	SLA_STATES,
	TEXT_LIMITS,
} from '../extensions/casa-core/src/domain/complaint/vocabulary';
import { chatCollections, chatRelations } from './chat';
import { mailCollections, mailRelations } from './mail';
import {
	bilingualChoices,
	type CollectionSpec,
	type RelationSpec,
	collectionTranslations as plural,
	field,
	longText,
	manyToOne,
	relation,
	select,
	text,
	timestamp,
} from './dsl';

// the complaint's closed lists and text limits are the domain's (domain/complaint/vocabulary.ts)
export { CHANNELS, COMPLAINT_TYPES, PRIORITIES, SLA_STATES };
export const DURATION_UNITS = ['working_days', 'calendar_days'] as const;
export const LANGUAGES = ['fr', 'ar'] as const;
export const EVENT_TYPES = [
	'created',
	'status_changed',
	'assigned',
	'note',
	'public_reply',
	'notification',
	'escalation',
	'updated',
	'rated',
	'correction',
] as const;
export const EVENT_VISIBILITY = ['internal', 'public'] as const;
export const ACTOR_KINDS = ['staff', 'citizen', 'system'] as const;
export const FILE_KINDS = ['photo', 'document', 'scan', 'after_photo'] as const;
export const HOLIDAY_KINDS = ['fixed', 'islamic', 'exceptional'] as const;

const id = (label = { fr: 'Identifiant', ar: 'المعرف' }) =>
	field('id', 'integer', {
		label,
		primary: true,
		autoIncrement: true,
		hidden: true,
		readonly: true,
		interface: 'input',
		nullable: false,
	});
const code = (maxLength: number) =>
	field('code', 'string', {
		label: { fr: 'Code', ar: 'الرمز' },
		primary: true,
		nullable: false,
		interface: 'input',
		maxLength,
		width: 'half',
		required: true,
	});
const nameFr = text('name_fr', { fr: 'Nom (français)', ar: 'الاسم (بالفرنسية)' }, { required: true, width: 'half' });
const nameAr = text(
	'name_ar',
	{ fr: 'Nom (arabe)', ar: 'الاسم (بالعربية)' },
	{ required: true, width: 'half', options: { dir: 'rtl' } },
);
const active = field('active', 'boolean', {
	label: { fr: 'Actif', ar: 'مفعل' },
	interface: 'boolean',
	special: ['cast-boolean'],
	defaultValue: true,
	width: 'half',
	display: 'boolean',
});
const sort = field('sort', 'integer', { label: { fr: 'Ordre', ar: 'الترتيب' }, interface: 'input', hidden: true });
const dateCreated = field('date_created', 'timestamp', {
	label: { fr: 'Créé le', ar: 'تاريخ الإنشاء' },
	special: ['date-created'],
	interface: 'datetime',
	readonly: true,
	hidden: true,
	width: 'half',
	display: 'datetime',
	displayOptions: { relative: true },
});
const dateUpdated = field('date_updated', 'timestamp', {
	label: { fr: 'Modifié le', ar: 'تاريخ التعديل' },
	special: ['date-updated'],
	interface: 'datetime',
	readonly: true,
	hidden: true,
	width: 'half',
	display: 'datetime',
	displayOptions: { relative: true },
});
const userCreated = field('user_created', 'uuid', {
	label: { fr: 'Créé par', ar: 'أنشئ من طرف' },
	special: ['user-created'],
	interface: 'select-dropdown-m2o',
	options: { template: '{{first_name}} {{last_name}}' },
	display: 'user',
	readonly: true,
	hidden: true,
	width: 'half',
});
const userUpdated = field('user_updated', 'uuid', {
	label: { fr: 'Modifié par', ar: 'عُدّل من طرف' },
	special: ['user-updated'],
	interface: 'select-dropdown-m2o',
	options: { template: '{{first_name}} {{last_name}}' },
	display: 'user',
	readonly: true,
	hidden: true,
	width: 'half',
});

const RETENTION_LABELS: [string, number, { fr: string; ar: string }][] = [
	[
		'retention_contact_days',
		DEFAULT_RETENTION.contactDays,
		{ fr: 'Conservation des coordonnées après clôture (jours)', ar: 'مدة حفظ معطيات الاتصال بعد الإغلاق (أيام)' },
	],
	[
		'retention_mail_days',
		DEFAULT_RETENTION.mailDays,
		{ fr: 'Conservation des e-mails bruts (jours)', ar: 'مدة حفظ الرسائل الإلكترونية الخام (أيام)' },
	],
	[
		'retention_chat_days',
		DEFAULT_RETENTION.chatDays,
		{ fr: 'Conservation des conversations WhatsApp et chat (jours)', ar: 'مدة حفظ محادثات واتساب والدردشة (أيام)' },
	],
	[
		'retention_outbox_days',
		DEFAULT_RETENTION.outboxDays,
		{ fr: 'Conservation des adresses des messages envoyés (jours)', ar: 'مدة حفظ عناوين الرسائل المرسلة (أيام)' },
	],
	[
		'retention_journal_days',
		DEFAULT_RETENTION.journalDays,
		{ fr: 'Conservation du journal des accès (jours)', ar: 'مدة حفظ سجل الولوج (أيام)' },
	],
	[
		'retention_export_days',
		DEFAULT_RETENTION.exportDays,
		{ fr: 'Conservation des exports du personnel (jours)', ar: 'مدة حفظ تصديرات الموظفين (أيام)' },
	],
];
const retentionFields = () =>
	RETENTION_LABELS.map(([name, defaultValue, label]) =>
		field(name, 'integer', {
			label,
			interface: 'input',
			defaultValue,
			width: 'half',
			options: { min: 0, max: 10950 },
			note: 'Loi 09-08 : voir docs/privacy.md. 0 = à la prochaine exécution de la tâche de conservation. · القانون 09-08.',
		}),
	);

const meta = (
	icon: string,
	singular: { fr: string; ar: string },
	plural_: { fr: string; ar: string },
	extra: Record<string, unknown> = {},
) => ({
	icon,
	translations: plural(singular, plural_),
	...extra,
});

/** The repeater an administrator fills in per category: one question each (domain/intake/attributes.ts). */
const ATTRIBUTE_FIELDS = [
	{
		field: 'code',
		name: 'Code · الرمز',
		type: 'string',
		meta: { interface: 'input', width: 'half', required: true, options: { trim: true, placeholder: 'nombre_bacs' } },
	},
	{
		field: 'datatype',
		name: 'Type de réponse · نوع الجواب',
		type: 'string',
		meta: {
			interface: 'select-dropdown',
			width: 'half',
			required: true,
			options: {
				choices: [
					{ value: 'string', text: 'Texte court · نص قصير' },
					{ value: 'text', text: 'Texte long · نص طويل' },
					{ value: 'number', text: 'Nombre · رقم' },
					{ value: 'datetime', text: 'Date et heure · تاريخ وساعة' },
					{ value: 'singlevaluelist', text: 'Un choix dans une liste · اختيار واحد' },
					{ value: 'multivaluelist', text: 'Plusieurs choix · اختيارات متعددة' },
				],
			},
		},
	},
	{ field: 'required', name: 'Obligatoire · إلزامي', type: 'boolean', meta: { interface: 'boolean', width: 'half' } },
	{ field: 'order', name: 'Ordre · الترتيب', type: 'integer', meta: { interface: 'input', width: 'half' } },
	{
		field: 'question_fr',
		name: 'Question (français)',
		type: 'string',
		meta: { interface: 'input', width: 'full', required: true },
	},
	{
		field: 'question_ar',
		name: 'السؤال (بالعربية)',
		type: 'string',
		meta: { interface: 'input', width: 'full', required: true, options: { dir: 'rtl' } },
	},
	{ field: 'help_fr', name: 'Aide (français)', type: 'string', meta: { interface: 'input', width: 'half' } },
	{
		field: 'help_ar',
		name: 'مساعدة (بالعربية)',
		type: 'string',
		meta: { interface: 'input', width: 'half', options: { dir: 'rtl' } },
	},
	{
		field: 'values',
		name: 'Choix (listes) · الاختيارات',
		type: 'json',
		meta: {
			interface: 'list',
			width: 'full',
			options: {
				template: '{{key}} · {{name_fr}} · {{name_ar}}',
				fields: [
					{
						field: 'key',
						name: 'Clé · المفتاح',
						type: 'string',
						meta: { interface: 'input', width: 'full', required: true },
					},
					{
						field: 'name_fr',
						name: 'Libellé (français)',
						type: 'string',
						meta: { interface: 'input', width: 'half', required: true },
					},
					{
						field: 'name_ar',
						name: 'التسمية (بالعربية)',
						type: 'string',
						meta: { interface: 'input', width: 'half', required: true, options: { dir: 'rtl' } },
					},
				],
			},
		},
	},
];

/** A complaint's answers, shown to agents (read only). */
const ANSWER_FIELDS = [
	{
		field: 'question_fr',
		name: 'Question',
		type: 'string',
		meta: { interface: 'input', width: 'half', readonly: true },
	},
	{ field: 'answer_fr', name: 'Réponse', type: 'string', meta: { interface: 'input', width: 'half', readonly: true } },
	{
		field: 'question_ar',
		name: 'السؤال',
		type: 'string',
		meta: { interface: 'input', width: 'half', readonly: true, options: { dir: 'rtl' } },
	},
	{
		field: 'answer_ar',
		name: 'الجواب',
		type: 'string',
		meta: { interface: 'input', width: 'half', readonly: true, options: { dir: 'rtl' } },
	},
];

const coreCollections: CollectionSpec[] = [
	{
		collection: 'services',
		meta: meta(
			'account_balance',
			{ fr: 'Service', ar: 'مصلحة' },
			{ fr: 'Services', ar: 'المصالح' },
			{ display_template: '{{name_fr}} · {{name_ar}}', sort_field: 'sort', group: null, sort: 10 },
		),
		schema: {},
		fields: [
			code(16),
			nameFr,
			nameAr,
			text('icon', { fr: 'Icône', ar: 'أيقونة' }, { interface: 'select-icon', width: 'half', display: 'icon' }),
			text(
				'color',
				{ fr: 'Couleur', ar: 'اللون' },
				{ interface: 'select-color', width: 'half', display: 'color', maxLength: 16 },
			),
			active,
			sort,
			field('categories', 'alias', {
				label: { fr: 'Catégories', ar: 'الأصناف' },
				special: ['o2m'],
				interface: 'list-o2m',
				options: { template: '{{code}} · {{name_fr}}' },
			}),
		],
	},
	{
		collection: 'categories',
		meta: meta(
			'category',
			{ fr: 'Catégorie', ar: 'صنف' },
			{ fr: 'Catégories', ar: 'الأصناف' },
			{ display_template: '{{name_fr}} · {{name_ar}}', sort_field: 'sort', sort: 11 },
		),
		schema: {},
		fields: [
			code(16),
			manyToOne('service', { fr: 'Service', ar: 'المصلحة' }, '{{name_fr}}', { required: true }),
			nameFr,
			nameAr,
			select('priority', { fr: 'Priorité par défaut', ar: 'الأولوية الافتراضية' }, 'casa.priority', PRIORITIES, {
				defaultValue: 'normal',
			}),
			field('acknowledge_in', 'float', {
				label: { fr: "Délai d'accusé de réception", ar: 'أجل الإشعار بالتوصل' },
				interface: 'input',
				width: 'half',
				defaultValue: 2,
				note: '$t:casa.note.acknowledge_in',
			}),
			select('acknowledge_unit', { fr: 'Unité (accusé)', ar: 'الوحدة (الإشعار)' }, 'casa.unit', DURATION_UNITS, {
				defaultValue: 'working_days',
			}),
			field('resolve_in', 'float', {
				label: { fr: 'Délai de traitement', ar: 'أجل المعالجة' },
				interface: 'input',
				width: 'half',
				defaultValue: 5,
				note: '$t:casa.note.resolve_in',
			}),
			select('resolve_unit', { fr: 'Unité (traitement)', ar: 'الوحدة (المعالجة)' }, 'casa.unit', DURATION_UNITS, {
				defaultValue: 'working_days',
			}),
			active,
			sort,
			longText('keywords', { fr: 'Mots-clés de recherche', ar: 'كلمات البحث' }, { note: '$t:casa.note.keywords' }),
			longText('sla_basis', { fr: 'Justification du délai', ar: 'مبرر الأجل' }),
			field('reply_templates', 'json', {
				label: { fr: 'Modèles de réponse', ar: 'نماذج الأجوبة' },
				interface: 'list',
				special: ['cast-json'],
				note: '$t:casa.note.reply_templates',
				options: {
					template: '{{label_fr}}',
					fields: [
						{ field: 'label_fr', name: 'Intitulé (FR)', type: 'string', meta: { interface: 'input', width: 'half' } },
						{ field: 'label_ar', name: 'العنوان (AR)', type: 'string', meta: { interface: 'input', width: 'half' } },
						{
							field: 'text_fr',
							name: 'Texte (FR)',
							type: 'text',
							meta: { interface: 'input-multiline', width: 'full' },
						},
						{
							field: 'text_ar',
							name: 'النص (AR)',
							type: 'text',
							meta: { interface: 'input-multiline', width: 'full' },
						},
					],
				},
			}),
			// questions asked for this category (portal form, Open311 service definition): a JSON list, not a collection (Core allows 25)
			field('attributes', 'json', {
				label: { fr: 'Questions au citoyen (Open311)', ar: 'أسئلة للمواطن (Open311)' },
				interface: 'list',
				special: ['cast-json'],
				note: '$t:casa.note.category_attributes',
				options: {
					template: '{{order}} · {{code}} · {{question_fr}}',
					addLabel: 'Ajouter une question · إضافة سؤال',
					fields: ATTRIBUTE_FIELDS,
				},
			}),
			// proof of closure: resolving a complaint of this category needs an after-photo, which the citizen then sees
			field('proof_of_closure', 'boolean', {
				label: { fr: 'Photo après intervention obligatoire', ar: 'صورة بعد التدخل إلزامية' },
				interface: 'boolean',
				special: ['cast-boolean'],
				defaultValue: false,
				width: 'half',
				display: 'boolean',
				note: '$t:casa.note.proof_of_closure',
			}),
		],
	},
	{
		collection: 'prefectures',
		meta: meta(
			'location_city',
			{ fr: "Préfecture d'arrondissements", ar: 'عمالة مقاطعات' },
			{ fr: "Préfectures d'arrondissements", ar: 'عمالات المقاطعات' },
			{ display_template: '{{name_fr}}', sort: 20 },
		),
		schema: {},
		fields: [
			code(16),
			nameFr,
			nameAr,
			field('arrondissements', 'alias', {
				label: { fr: 'Arrondissements', ar: 'المقاطعات' },
				special: ['o2m'],
				interface: 'list-o2m',
				options: { template: '{{name_fr}}' },
			}),
		],
	},
	{
		collection: 'arrondissements',
		meta: meta(
			'map',
			{ fr: 'Arrondissement', ar: 'مقاطعة' },
			{ fr: 'Arrondissements', ar: 'المقاطعات' },
			{ display_template: '{{name_fr}} · {{name_ar}}', sort: 21 },
		),
		schema: {},
		fields: [
			code(16),
			nameFr,
			nameAr,
			manyToOne('prefecture', { fr: "Préfecture d'arrondissements", ar: 'عمالة المقاطعات' }, '{{name_fr}}'),
			field('population', 'integer', {
				label: { fr: 'Population (2024)', ar: 'عدد السكان (2024)' },
				interface: 'input',
				width: 'half',
			}),
			field('area_km2', 'float', {
				label: { fr: 'Superficie (km²)', ar: 'المساحة (كلم²)' },
				interface: 'input',
				width: 'half',
			}),
			field('centroid_lat', 'float', {
				label: { fr: 'Centre (latitude)', ar: 'المركز (خط العرض)' },
				interface: 'input',
				width: 'half',
			}),
			field('centroid_lng', 'float', {
				label: { fr: 'Centre (longitude)', ar: 'المركز (خط الطول)' },
				interface: 'input',
				width: 'half',
			}),
			field('boundary', 'json', {
				label: { fr: 'Limites (GeoJSON)', ar: 'الحدود (GeoJSON)' },
				interface: 'input-code',
				options: { language: 'JSON' },
				special: ['cast-json'],
				note: '$t:casa.note.boundary',
			}),
		],
	},
	{
		collection: 'teams',
		meta: meta(
			'groups',
			{ fr: 'Équipe', ar: 'فريق' },
			{ fr: 'Équipes', ar: 'الفرق' },
			{ display_template: '{{name_fr}}', sort: 12 },
		),
		schema: {},
		fields: [
			field('id', 'uuid', {
				label: { fr: 'Identifiant', ar: 'المعرف' },
				primary: true,
				special: ['uuid'],
				hidden: true,
				readonly: true,
				interface: 'input',
				nullable: false,
			}),
			nameFr,
			nameAr,
			manyToOne('service', { fr: 'Service', ar: 'المصلحة' }, '{{name_fr}}', { required: true }),
			text('email', { fr: "E-mail de l'équipe", ar: 'البريد الإلكتروني للفريق' }, { width: 'half' }),
			active,
			field('members', 'alias', {
				label: { fr: 'Membres', ar: 'الأعضاء' },
				special: ['m2m'],
				interface: 'list-m2m',
				options: { template: '{{user.first_name}} {{user.last_name}}' },
			}),
		],
	},
	{
		collection: 'team_members',
		meta: meta(
			'import_export',
			{ fr: "Membre d'équipe", ar: 'عضو فريق' },
			{ fr: "Membres d'équipe", ar: 'أعضاء الفرق' },
			{ hidden: true, sort: 13 },
		),
		schema: {},
		fields: [
			id(),
			manyToOne('team', { fr: 'Équipe', ar: 'الفريق' }, '{{name_fr}}', { keyType: 'uuid', special: ['m2o'] }),
			manyToOne('user', { fr: 'Agent', ar: 'العون' }, '{{first_name}} {{last_name}}', {
				keyType: 'uuid',
				special: ['m2o'],
			}),
		],
	},
	{
		collection: 'routing_rules',
		meta: meta(
			'alt_route',
			{ fr: 'Règle de routage', ar: 'قاعدة توجيه' },
			{ fr: 'Règles de routage', ar: 'قواعد التوجيه' },
			{
				display_template: '{{service.name_fr}} · {{arrondissement.name_fr}} → {{team.name_fr}}',
				sort: 14,
				note: '$t:casa.note.routing_rules',
			},
		),
		schema: {},
		fields: [
			id(),
			manyToOne('service', { fr: 'Service', ar: 'المصلحة' }, '{{name_fr}}', { required: true }),
			manyToOne('category', { fr: 'Catégorie (facultatif)', ar: 'الصنف (اختياري)' }, '{{name_fr}}'),
			manyToOne('arrondissement', { fr: 'Arrondissement (facultatif)', ar: 'المقاطعة (اختياري)' }, '{{name_fr}}'),
			manyToOne('team', { fr: 'Équipe', ar: 'الفريق' }, '{{name_fr}}', {
				keyType: 'uuid',
				required: true,
				special: ['m2o'],
			}),
			active,
			text('note', { fr: 'Remarque', ar: 'ملاحظة' }),
		],
	},
	{
		collection: 'complaints',
		meta: meta(
			'feedback',
			{ fr: 'Réclamation', ar: 'شكاية' },
			{ fr: 'Réclamations', ar: 'الشكايات' },
			{
				display_template: '{{reference}} · {{category.name_fr}}',
				archive_field: null,
				sort: 1,
				accountability: 'all',
			},
		),
		schema: {},
		fields: [
			field('id', 'uuid', {
				label: { fr: 'Identifiant', ar: 'المعرف' },
				primary: true,
				special: ['uuid'],
				hidden: true,
				readonly: true,
				interface: 'input',
				nullable: false,
			}),
			text(
				'reference',
				{ fr: 'Référence', ar: 'المرجع' },
				{ readonly: true, unique: true, width: 'half', maxLength: 32, note: '$t:casa.note.reference' },
			),
			select('status', { fr: 'Statut', ar: 'الوضعية' }, 'casa.status', COMPLAINT_STATUSES, {
				defaultValue: 'new',
				required: true,
				indexed: true,
				options: { choices: bilingualChoices(COMPLAINT_STATUSES, { fr: fr.status, ar: ar.status }) },
				displayOptions: { choices: bilingualChoices(COMPLAINT_STATUSES, { fr: fr.status, ar: ar.status }) },
			}),
			select('type', { fr: 'Type', ar: 'النوع' }, 'casa.type', COMPLAINT_TYPES, {
				defaultValue: 'reclamation',
				required: true,
			}),
			select('channel', { fr: 'Canal', ar: 'القناة' }, 'casa.channel', CHANNELS, {
				defaultValue: 'web',
				required: true,
				// both languages in one label: the dashboards' metric lists show choices without resolving translation keys
				options: { choices: bilingualChoices(CHANNELS, { fr: fr.channel, ar: ar.channel }) },
				displayOptions: { choices: bilingualChoices(CHANNELS, { fr: fr.channel, ar: ar.channel }) },
			}),
			select('priority', { fr: 'Priorité', ar: 'الأولوية' }, 'casa.priority', PRIORITIES, { defaultValue: 'normal' }),
			manyToOne('category', { fr: 'Catégorie', ar: 'الصنف' }, '{{name_fr}} · {{name_ar}}', {
				required: true,
				indexed: true,
			}),
			manyToOne('service', { fr: 'Service', ar: 'المصلحة' }, '{{name_fr}}', {
				readonly: true,
				indexed: true,
				note: '$t:casa.note.service',
			}),
			timestamp(
				'received_at',
				{ fr: 'Reçue le', ar: 'تاريخ التوصل' },
				{ indexed: true, note: '$t:casa.note.received_at' },
			),
			timestamp('acknowledged_at', { fr: 'Accusée le', ar: 'تاريخ الإشعار بالتوصل' }, { readonly: true }),
			timestamp('resolved_at', { fr: 'Résolue le', ar: 'تاريخ المعالجة' }, { readonly: true }),
			timestamp('closed_at', { fr: 'Clôturée le', ar: 'تاريخ الإغلاق' }, { readonly: true }),
			timestamp(
				'acknowledge_due_at',
				{ fr: 'Accusé de réception attendu le', ar: 'أجل الإشعار بالتوصل' },
				{ readonly: true },
			),
			timestamp(
				'resolve_due_at',
				{ fr: 'Traitement attendu le', ar: 'أجل المعالجة' },
				{ readonly: true, indexed: true },
			),
			timestamp(
				'legal_due_at',
				{ fr: 'Échéance légale (60 jours)', ar: 'الأجل القانوني (60 يوماً)' },
				{ readonly: true },
			),
			select('sla_state', { fr: 'État du délai', ar: 'وضعية الأجل' }, 'casa.sla_state', SLA_STATES, {
				defaultValue: 'on_track',
				readonly: true,
				indexed: true,
			}),
			timestamp(
				'sla_paused_at',
				{ fr: 'Délai suspendu depuis', ar: 'الأجل موقوف منذ' },
				{ readonly: true, hidden: true },
			),
			// SLA sweep (operations/sla-sweep): at-risk instants computed with the working calendar, escalations recorded once per level
			timestamp(
				'acknowledge_at_risk_at',
				{ fr: 'Accusé de réception à risque dès le', ar: 'الإشعار بالتوصل في خطر ابتداءً من' },
				{ readonly: true, hidden: true },
			),
			timestamp(
				'resolve_at_risk_at',
				{ fr: 'Traitement à risque dès le', ar: 'المعالجة في خطر ابتداءً من' },
				{ readonly: true, hidden: true },
			),
			field('sla_at_risk_share', 'float', {
				label: { fr: 'Seuil « à risque » appliqué', ar: 'عتبة «في خطر» المطبقة' },
				interface: 'input',
				readonly: true,
				hidden: true,
				width: 'half',
			}),
			field('escalation_level', 'integer', {
				label: { fr: "Niveau d'escalade", ar: 'مستوى التصعيد' },
				interface: 'input',
				readonly: true,
				width: 'half',
				defaultValue: 0,
				note: '$t:casa.note.escalation_level',
			}),
			timestamp(
				'legal_warned_at',
				{ fr: 'Direction générale alertée (échéance légale) le', ar: 'تنبيه المدير العام (الأجل القانوني) في' },
				{ readonly: true },
			),
			// the next instant at which the SLA state can change (domain/sla/next-check.ts): the sweep reads only the rows whose instant has passed
			timestamp(
				'sla_next_check_at',
				{ fr: 'Prochain contrôle du délai', ar: 'المراقبة المقبلة للأجل' },
				{ readonly: true, hidden: true, indexed: true },
			),
			longText('description', { fr: 'Description', ar: 'الوصف' }, { required: true }),
			field('description_public', 'boolean', {
				label: { fr: 'Description publiable (Open311)', ar: 'الوصف قابل للنشر (Open311)' },
				interface: 'boolean',
				special: ['cast-boolean'],
				defaultValue: false,
				width: 'half',
				note: '$t:casa.note.description_public',
			}),
			field('photos_public', 'boolean', {
				label: { fr: 'Photos publiables (Open311)', ar: 'الصور قابلة للنشر (Open311)' },
				interface: 'boolean',
				special: ['cast-boolean'],
				defaultValue: false,
				width: 'half',
				note: '$t:casa.note.photos_public',
			}),
			field('attributes', 'json', {
				label: { fr: 'Réponses aux questions de la catégorie', ar: 'الأجوبة عن أسئلة الصنف' },
				interface: 'list',
				special: ['cast-json'],
				readonly: true,
				options: {
					template: '{{question_fr}} : {{answer_fr}} · {{question_ar}}: {{answer_ar}}',
					fields: ANSWER_FIELDS,
				},
				display: 'formatted-json-value',
				displayOptions: { format: '{{question_fr}} : {{answer_fr}}' },
			}),
			manyToOne('arrondissement', { fr: 'Arrondissement', ar: 'المقاطعة' }, '{{name_fr}} · {{name_ar}}', {
				indexed: true,
				note: '$t:casa.note.arrondissement',
			}),
			text('address', { fr: 'Adresse', ar: 'العنوان' }, { maxLength: TEXT_LIMITS.address }),
			field('latitude', 'float', { label: { fr: 'Latitude', ar: 'خط العرض' }, interface: 'input', width: 'half' }),
			field('longitude', 'float', { label: { fr: 'Longitude', ar: 'خط الطول' }, interface: 'input', width: 'half' }),
			field('location_override', 'boolean', {
				label: { fr: 'Localisation forcée par un agent', ar: 'موقع مفروض من طرف عون' },
				interface: 'boolean',
				special: ['cast-boolean'],
				defaultValue: false,
				width: 'half',
				note: '$t:casa.note.location_override',
			}),
			manyToOne('team', { fr: 'Équipe', ar: 'الفريق' }, '{{name_fr}}', {
				keyType: 'uuid',
				special: ['m2o'],
				indexed: true,
			}),
			manyToOne('assignee', { fr: 'Agent assigné', ar: 'العون المكلف' }, '{{first_name}} {{last_name}}', {
				keyType: 'uuid',
				special: ['m2o'],
				indexed: true,
			}),
			longText(
				'public_reply',
				{ fr: 'Réponse publique au citoyen', ar: 'الجواب العمومي للمواطن' },
				{ note: '$t:casa.note.public_reply' },
			),
			longText(
				'rejection_reason',
				{ fr: 'Motif du rejet / de la réorientation', ar: 'سبب الرفض / الإحالة' },
				{ width: 'half' },
			),
			text(
				'redirected_to',
				{ fr: 'Organisme compétent (réorientation)', ar: 'الجهة المختصة (الإحالة)' },
				{ width: 'half', maxLength: TEXT_LIMITS.redirected_to },
			),
			field('files', 'alias', {
				label: { fr: 'Photos et documents', ar: 'الصور والوثائق' },
				special: ['files'],
				interface: 'files',
			}),
			field('history', 'alias', {
				label: { fr: 'Historique', ar: 'السجل' },
				special: ['o2m'],
				interface: 'list-o2m',
				readonly: true,
				options: {
					template: '{{date_created}} · {{type}} · {{to_status}} · {{body}}',
					enableCreate: false,
					enableSelect: false,
					enableLink: false,
					sort: 'date_created',
				},
				display: 'related-values',
			}),
			// the citizen's personal data lives in citizen_contacts (administrators only through the generic API)
			field('contact', 'alias', {
				label: { fr: 'Coordonnées du citoyen', ar: 'معطيات اتصال المواطن' },
				special: ['o2m'],
				interface: 'list-o2m',
				options: { template: '{{name}} · {{phone}} · {{email}}', enableSelect: false, enableLink: false },
				note: '$t:casa.note.personal',
			}),
			select('citizen_language', { fr: 'Langue du citoyen', ar: 'لغة المواطن' }, 'casa.language', LANGUAGES, {
				defaultValue: 'fr',
			}),
			text(
				'registry_number',
				{ fr: "Numéro d'ordre (courrier)", ar: 'رقم الترتيب (البريد)' },
				{ width: 'half', maxLength: TEXT_LIMITS.registry_number },
			),
			manyToOne('duplicate_of', { fr: 'Doublon de / rattachée à', ar: 'مكررة لـ / مرتبطة بـ' }, '{{reference}}', {
				keyType: 'uuid',
				special: ['m2o'],
			}),
			field('tracking_secret_hash', 'string', {
				label: { fr: 'Empreinte du code de suivi', ar: 'بصمة رمز التتبع' },
				interface: 'input',
				hidden: true,
				readonly: true,
				maxLength: 128,
			}),
			field('citizen_rating', 'integer', {
				label: { fr: 'Note du citoyen (1–5)', ar: 'تقييم المواطن (1–5)' },
				interface: 'rating',
				display: 'rating',
				readonly: true,
				width: 'half',
			}),
			longText(
				'citizen_rating_comment',
				{ fr: 'Commentaire du citoyen', ar: 'تعليق المواطن' },
				{ readonly: true, width: 'half' },
			),
			// loi 09-08: when the citizen's personal data of this complaint was anonymised (retention job or erasure)
			timestamp(
				'personal_data_erased_at',
				{ fr: 'Données personnelles anonymisées le', ar: 'تاريخ إخفاء هوية المعطيات الشخصية' },
				{ readonly: true, indexed: true },
			),
			field('supporters_count', 'integer', {
				label: { fr: 'Soutiens', ar: 'المساندون' },
				interface: 'input',
				defaultValue: 0,
				readonly: true,
				width: 'half',
			}),
			dateCreated,
			dateUpdated,
			userCreated,
			userUpdated,
		],
	},
	{
		collection: 'complaint_events',
		meta: meta(
			'history',
			{ fr: 'Événement', ar: 'حدث' },
			{ fr: 'Historique des réclamations', ar: 'سجل الشكايات' },
			{ display_template: '{{type}} · {{to_status}}', sort: 2, note: '$t:casa.note.history' },
		),
		schema: {},
		fields: [
			id(),
			manyToOne('complaint', { fr: 'Réclamation', ar: 'الشكاية' }, '{{reference}}', {
				keyType: 'uuid',
				special: ['m2o'],
				required: true,
				indexed: true,
			}),
			select('type', { fr: "Type d'événement", ar: 'نوع الحدث' }, 'casa.event', EVENT_TYPES, {
				defaultValue: 'note',
				required: true,
			}),
			select('from_status', { fr: 'De', ar: 'من' }, 'casa.status', COMPLAINT_STATUSES),
			select('to_status', { fr: 'Vers', ar: 'إلى' }, 'casa.status', COMPLAINT_STATUSES),
			manyToOne('team', { fr: 'Équipe', ar: 'الفريق' }, '{{name_fr}}', { keyType: 'uuid', special: ['m2o'] }),
			manyToOne('assignee', { fr: 'Agent', ar: 'العون' }, '{{first_name}} {{last_name}}', {
				keyType: 'uuid',
				special: ['m2o'],
			}),
			longText('body', { fr: 'Texte', ar: 'النص' }),
			select('visibility', { fr: 'Visibilité', ar: 'الظهور' }, 'casa.visibility', EVENT_VISIBILITY, {
				defaultValue: 'internal',
			}),
			manyToOne('actor', { fr: 'Auteur', ar: 'صاحب الحدث' }, '{{first_name}} {{last_name}}', {
				keyType: 'uuid',
				special: ['m2o'],
				readonly: true,
			}),
			select('actor_kind', { fr: "Type d'auteur", ar: 'نوع صاحب الحدث' }, 'casa.actor', ACTOR_KINDS, {
				defaultValue: 'staff',
				readonly: true,
			}),
			field('date_created', 'timestamp', {
				label: { fr: 'Date', ar: 'التاريخ' },
				special: ['date-created'],
				interface: 'datetime',
				readonly: true,
				width: 'half',
				display: 'datetime',
				indexed: true,
			}),
		],
	},
	{
		collection: 'complaint_files',
		meta: meta(
			'attach_file',
			{ fr: 'Pièce jointe', ar: 'مرفق' },
			{ fr: 'Pièces jointes', ar: 'المرفقات' },
			{ hidden: true, sort: 3 },
		),
		schema: {},
		fields: [
			id(),
			manyToOne('complaints_id', { fr: 'Réclamation', ar: 'الشكاية' }, '{{reference}}', {
				keyType: 'uuid',
				special: ['m2o'],
			}),
			manyToOne('directus_files_id', { fr: 'Fichier', ar: 'الملف' }, '{{title}}', {
				keyType: 'uuid',
				special: ['m2o'],
			}),
			select('kind', { fr: 'Nature', ar: 'النوع' }, 'casa.file_kind', FILE_KINDS, { defaultValue: 'photo' }),
		],
	},
	{
		collection: 'holidays',
		meta: meta(
			'event',
			{ fr: 'Jour férié', ar: 'عطلة رسمية' },
			{ fr: 'Jours fériés', ar: 'العطل الرسمية' },
			{ display_template: '{{date}} · {{name_fr}}', sort: 30, sort_field: null, note: '$t:casa.note.holidays' },
		),
		schema: {},
		fields: [
			id(),
			field('date', 'date', {
				label: { fr: 'Date', ar: 'التاريخ' },
				interface: 'datetime',
				required: true,
				unique: true,
				width: 'half',
				display: 'datetime',
			}),
			nameFr,
			nameAr,
			select('kind', { fr: 'Nature', ar: 'النوع' }, 'casa.holiday_kind', HOLIDAY_KINDS, { defaultValue: 'fixed' }),
			text(
				'status',
				{ fr: 'Statut (officiel, annoncé, estimé)', ar: 'الوضعية (رسمي، معلن، تقديري)' },
				{ width: 'half' },
			),
			text('source', { fr: 'Source', ar: 'المصدر' }),
		],
	},
	{
		collection: 'work_schedules',
		meta: meta(
			'schedule',
			{ fr: 'Horaire de travail', ar: 'توقيت العمل' },
			{ fr: 'Horaires de travail', ar: 'أوقات العمل' },
			{ display_template: '{{name_fr}}', sort: 31, note: '$t:casa.note.work_schedules' },
		),
		schema: {},
		fields: [
			id(),
			nameFr,
			nameAr,
			field('valid_from', 'date', {
				label: { fr: 'Du (vide : toujours)', ar: 'من (فارغ: دائماً)' },
				interface: 'datetime',
				width: 'half',
			}),
			field('valid_to', 'date', {
				label: { fr: 'Au (inclus)', ar: 'إلى (ضمنياً)' },
				interface: 'datetime',
				width: 'half',
			}),
			field('weekdays', 'csv', {
				label: { fr: 'Jours ouvrés', ar: 'أيام العمل' },
				interface: 'select-multiple-checkbox',
				special: ['cast-csv'],
				options: {
					choices: ['1', '2', '3', '4', '5', '6', '7'].map((value) => ({ value, text: `$t:casa.weekday.${value}` })),
				},
				defaultValue: '1,2,3,4,5',
			}),
			field('start_time', 'time', {
				label: { fr: 'Début', ar: 'البداية' },
				interface: 'datetime',
				width: 'half',
				required: true,
			}),
			field('end_time', 'time', {
				label: { fr: 'Fin', ar: 'النهاية' },
				interface: 'datetime',
				width: 'half',
				required: true,
			}),
			text('status', { fr: 'Statut (officiel, estimé)', ar: 'الوضعية (رسمي، تقديري)' }, { width: 'half' }),
		],
	},
	{
		collection: 'reference_counters',
		meta: meta(
			'pin',
			{ fr: 'Compteur de références', ar: 'عداد المراجع' },
			{ fr: 'Compteurs de références', ar: 'عدادات المراجع' },
			{ hidden: true, sort: 90 },
		),
		schema: {},
		fields: [
			field('year', 'integer', {
				label: { fr: 'Année', ar: 'السنة' },
				primary: true,
				interface: 'input',
				nullable: false,
			}),
			field('last_value', 'integer', {
				label: { fr: 'Dernier numéro', ar: 'آخر رقم' },
				interface: 'input',
				defaultValue: 0,
				nullable: false,
			}),
		],
	},
	{
		collection: 'intake_requests',
		meta: meta(
			'fingerprint',
			{ fr: "Clé d'idempotence", ar: 'مفتاح عدم التكرار' },
			{ fr: "Clés d'idempotence", ar: 'مفاتيح عدم التكرار' },
			{ hidden: true, sort: 91 },
		),
		schema: {},
		fields: [
			// '<source>:<client key>', e.g. 'open311:<client uuid>:<128-character key>'
			field('key', 'string', {
				label: { fr: 'Clé', ar: 'المفتاح' },
				primary: true,
				nullable: false,
				interface: 'input',
				maxLength: 192,
			}),
			manyToOne('complaint', { fr: 'Réclamation', ar: 'الشكاية' }, '{{reference}}', {
				keyType: 'uuid',
				special: ['m2o'],
			}),
			text('source', { fr: 'Canal', ar: 'القناة' }, { maxLength: 64 }),
			// sha-256 of the request (adapters/intake.ts requestHash): the same key with another body is refused
			field('body_hash', 'string', {
				label: { fr: 'Empreinte de la demande', ar: 'بصمة الطلب' },
				interface: 'input',
				readonly: true,
				maxLength: 64,
			}),
			field('date_created', 'timestamp', {
				label: { fr: 'Date', ar: 'التاريخ' },
				special: ['date-created'],
				interface: 'datetime',
				readonly: true,
			}),
		],
	},
	{
		// loi 09-08: the citizen's personal data, apart from the complaint. Scoped staff hold no permission on it;
		// the workspace shows it on request and journals each read (access_journal)
		collection: 'citizen_contacts',
		meta: meta(
			'contact_phone',
			{ fr: 'Coordonnées du citoyen', ar: 'معطيات اتصال المواطن' },
			{ fr: 'Coordonnées des citoyens', ar: 'معطيات اتصال المواطنين' },
			{
				display_template: '{{complaint.reference}} · {{name}}',
				hidden: true,
				sort: 93,
				note: '$t:casa.note.personal',
			},
		),
		schema: {},
		fields: [
			id(),
			manyToOne('complaint', { fr: 'Réclamation', ar: 'الشكاية' }, '{{reference}}', {
				keyType: 'uuid',
				special: ['m2o'],
				indexed: true,
				unique: true,
			}),
			text('name', { fr: 'Nom du citoyen', ar: 'اسم المواطن' }, { width: 'half', maxLength: TEXT_LIMITS.citizen_name }),
			text(
				'phone',
				{ fr: 'Téléphone du citoyen', ar: 'هاتف المواطن' },
				{ width: 'half', maxLength: TEXT_LIMITS.citizen_phone, indexed: true },
			),
			text(
				'email',
				{ fr: 'E-mail du citoyen', ar: 'البريد الإلكتروني للمواطن' },
				{ width: 'half', maxLength: TEXT_LIMITS.citizen_email },
			),
			text('postal_address', { fr: 'Adresse postale du citoyen', ar: 'العنوان البريدي للمواطن' }, { width: 'half' }),
		],
	},
	{
		// loi 09-08 accountability: every read of a citizen's contact details by staff (administrators only)
		collection: 'access_journal',
		meta: meta(
			'policy',
			{ fr: 'Consultation de données personnelles', ar: 'اطلاع على معطيات شخصية' },
			{ fr: 'Journal des accès', ar: 'سجل الولوج' },
			{
				display_template: '{{date_created}} · {{user.email}} · {{complaint.reference}}',
				sort: 92,
				note: '$t:casa.note.access_journal',
			},
		),
		schema: {},
		fields: [
			id(),
			manyToOne('user', { fr: 'Agent', ar: 'العون' }, '{{first_name}} {{last_name}}', {
				keyType: 'uuid',
				special: ['m2o'],
				readonly: true,
				indexed: true,
			}),
			manyToOne('complaint', { fr: 'Réclamation', ar: 'الشكاية' }, '{{reference}}', {
				keyType: 'uuid',
				special: ['m2o'],
				readonly: true,
				indexed: true,
			}),
			text('screen', { fr: 'Écran', ar: 'الشاشة' }, { width: 'half', maxLength: 64, readonly: true }),
			text(
				'data',
				{ fr: 'Données consultées', ar: 'المعطيات المطلع عليها' },
				{ width: 'half', maxLength: 255, readonly: true },
			),
			field('date_created', 'timestamp', {
				label: { fr: 'Date', ar: 'التاريخ' },
				special: ['date-created'],
				interface: 'datetime',
				readonly: true,
				display: 'datetime',
				indexed: true,
			}),
		],
	},
	{
		collection: 'outbox',
		meta: meta(
			'outbox',
			{ fr: 'Message à envoyer', ar: 'رسالة للإرسال' },
			{ fr: "Boîte d'envoi", ar: 'صندوق الإرسال' },
			{ display_template: '{{event}} · {{channel}} · {{status}}', sort: 40, note: '$t:casa.note.outbox' },
		),
		schema: {},
		fields: [
			id(),
			manyToOne('complaint', { fr: 'Réclamation', ar: 'الشكاية' }, '{{reference}}', {
				keyType: 'uuid',
				special: ['m2o'],
				indexed: true,
			}),
			text('event', { fr: 'Événement', ar: 'الحدث' }, { width: 'half', maxLength: 64 }),
			text('channel', { fr: 'Canal (email, sms, whatsapp)', ar: 'القناة' }, { width: 'half', maxLength: 32 }),
			text('recipient', { fr: 'Destinataire', ar: 'المرسل إليه' }, { width: 'half', note: '$t:casa.note.personal' }),
			select('language', { fr: 'Langue', ar: 'اللغة' }, 'casa.language', LANGUAGES, { defaultValue: 'fr' }),
			field('payload', 'json', {
				label: { fr: 'Contenu', ar: 'المحتوى' },
				interface: 'input-code',
				options: { language: 'JSON' },
				special: ['cast-json'],
			}),
			text(
				'status',
				{ fr: 'Statut (pending, sent, failed)', ar: 'الوضعية' },
				{ width: 'half', maxLength: 16, defaultValue: 'pending', indexed: true },
			),
			field('attempts', 'integer', {
				label: { fr: 'Tentatives', ar: 'المحاولات' },
				interface: 'input',
				defaultValue: 0,
				width: 'half',
			}),
			longText('last_error', { fr: 'Dernière erreur', ar: 'آخر خطأ' }),
			timestamp('next_attempt_at', { fr: 'Prochaine tentative', ar: 'المحاولة القادمة' }),
			timestamp('sent_at', { fr: 'Envoyé le', ar: 'أرسل في' }),
			field('date_created', 'timestamp', {
				label: { fr: 'Créé le', ar: 'تاريخ الإنشاء' },
				special: ['date-created'],
				interface: 'datetime',
				readonly: true,
				width: 'half',
			}),
		],
	},
	{
		collection: 'open311_clients',
		meta: meta(
			'api',
			{ fr: 'Application partenaire (Open311)', ar: 'تطبيق شريك (Open311)' },
			{ fr: 'Applications partenaires (Open311)', ar: 'التطبيقات الشريكة (Open311)' },
			{ display_template: '{{name}}', sort: 41, note: '$t:casa.note.open311_clients' },
		),
		schema: {},
		fields: [
			field('id', 'uuid', {
				label: { fr: 'Identifiant', ar: 'المعرف' },
				primary: true,
				special: ['uuid'],
				hidden: true,
				readonly: true,
				interface: 'input',
				nullable: false,
			}),
			text('name', { fr: "Nom de l'application", ar: 'اسم التطبيق' }, { required: true, width: 'half' }),
			text('contact_email', { fr: 'Contact technique', ar: 'الاتصال التقني' }, { width: 'half' }),
			text(
				'api_key',
				{ fr: 'Clé API', ar: 'مفتاح API' },
				{
					unique: true,
					maxLength: 128,
					note: '$t:casa.note.api_key',
					interface: 'input',
					options: { masked: true, placeholder: '$t:casa.note.api_key_generated' },
				},
			),
			active,
			field('rate_limit_per_minute', 'integer', {
				label: { fr: 'Demandes par minute (POST)', ar: 'الطلبات في الدقيقة (POST)' },
				interface: 'input',
				defaultValue: 60,
				width: 'half',
				note: '$t:casa.note.open311_rate',
			}),
			field('daily_quota', 'integer', {
				label: { fr: 'Quota quotidien (POST)', ar: 'الحصة اليومية (POST)' },
				interface: 'input',
				defaultValue: 5000,
				width: 'half',
				note: '$t:casa.note.open311_quota',
			}),
			field('date_created', 'timestamp', {
				label: { fr: 'Créée le', ar: 'تاريخ الإنشاء' },
				special: ['date-created'],
				interface: 'datetime',
				readonly: true,
				width: 'half',
			}),
		],
	},
	{
		collection: 'platform_settings',
		meta: meta(
			'tune',
			{ fr: 'Réglages de la plateforme', ar: 'إعدادات المنصة' },
			{ fr: 'Réglages de la plateforme', ar: 'إعدادات المنصة' },
			{ singleton: true, sort: 32 },
		),
		schema: {},
		fields: [
			id(),
			field('legal_ceiling_days', 'integer', {
				label: { fr: 'Échéance légale (jours calendaires)', ar: 'الأجل القانوني (أيام)' },
				interface: 'input',
				defaultValue: 60,
				width: 'half',
				note: '$t:casa.note.legal_ceiling_days',
			}),
			field('reopen_period_days', 'integer', {
				label: { fr: 'Délai de réouverture par le citoyen (jours)', ar: 'أجل إعادة الفتح من طرف المواطن (أيام)' },
				interface: 'input',
				defaultValue: 30,
				width: 'half',
			}),
			field('at_risk_share', 'float', {
				label: { fr: 'Seuil « à risque » (part du délai écoulée)', ar: 'عتبة «في خطر» (نسبة الأجل المنقضية)' },
				interface: 'input',
				defaultValue: 0.75,
				width: 'half',
			}),
			field('duplicate_radius_m', 'integer', {
				label: { fr: 'Rayon des réclamations proches (m)', ar: 'شعاع الشكايات القريبة (م)' },
				interface: 'input',
				defaultValue: 150,
				width: 'half',
			}),
			field('duplicate_period_days', 'integer', {
				label: { fr: 'Période des réclamations proches (jours)', ar: 'فترة الشكايات القريبة (أيام)' },
				interface: 'input',
				defaultValue: 30,
				width: 'half',
			}),
			field('auto_assign', 'boolean', {
				label: { fr: "Affectation automatique à l'agent le moins chargé", ar: 'الإسناد التلقائي للعون الأقل انشغالاً' },
				interface: 'boolean',
				special: ['cast-boolean'],
				defaultValue: false,
				width: 'half',
			}),
			// loi 09-08 retention (domain/privacy/retention.ts, docs/privacy.md): days; 0 = at the next run of the retention job
			...retentionFields(),
			// the last training of the category suggestion (adapters/suggestion/model-store.ts): when, on how many examples, held-out accuracy
			field('suggestion_model', 'json', {
				label: { fr: 'Suggestion de catégorie : dernier entraînement', ar: 'اقتراح الصنف: آخر تدريب' },
				interface: 'input-code',
				options: { language: 'json' },
				special: ['cast-json'],
				readonly: true,
				note: '$t:casa.note.suggestion_model',
			}),
			// the keys of the seed rows provisioning created once (scripts/provision/reference-data.ts): a row an administrator deleted stays deleted
			field('seeded_reference', 'json', {
				label: { fr: 'Données de référence déjà créées', ar: 'البيانات المرجعية المنشأة' },
				interface: 'input-code',
				options: { language: 'json' },
				special: ['cast-json'],
				readonly: true,
				hidden: true,
			}),
		],
	},
];

/** Fields the platform adds to Directus's own files: the way back to complaints, for scoping. */
export const fileFields = [
	field('complaint_links', 'alias', {
		label: { fr: 'Réclamations liées', ar: 'الشكايات المرتبطة' },
		special: ['m2m'],
		interface: 'list-m2m',
		readonly: true,
		hidden: true,
		options: { template: '{{complaints_id.reference}}' },
	}),
];

/** Fields the platform adds to Directus's own users. */
export const userFields = [
	manyToOne('arrondissement', { fr: 'Arrondissement (bureau d’ordre)', ar: 'المقاطعة (مكتب الضبط)' }, '{{name_fr}}'),
	manyToOne('service', { fr: 'Service (chef de service)', ar: 'المصلحة (رئيس المصلحة)' }, '{{name_fr}}'),
	field('teams', 'alias', {
		label: { fr: 'Équipes', ar: 'الفرق' },
		special: ['m2m'],
		interface: 'list-m2m',
		options: { template: '{{team.name_fr}}' },
	}),
];

const coreRelations: RelationSpec[] = [
	relation('categories', 'service', 'services', { oneField: 'categories', onDelete: 'NO ACTION' }),
	relation('arrondissements', 'prefecture', 'prefectures', { oneField: 'arrondissements' }),
	relation('teams', 'service', 'services', { onDelete: 'NO ACTION' }),
	relation('team_members', 'team', 'teams', { oneField: 'members', junctionField: 'user', onDelete: 'CASCADE' }),
	relation('team_members', 'user', 'directus_users', { oneField: 'teams', junctionField: 'team', onDelete: 'CASCADE' }),
	relation('routing_rules', 'service', 'services', { onDelete: 'CASCADE' }),
	relation('routing_rules', 'category', 'categories', { onDelete: 'CASCADE' }),
	relation('routing_rules', 'arrondissement', 'arrondissements', { onDelete: 'CASCADE' }),
	relation('routing_rules', 'team', 'teams', { onDelete: 'CASCADE' }),
	relation('complaints', 'category', 'categories', { onDelete: 'NO ACTION' }),
	relation('complaints', 'service', 'services', { onDelete: 'NO ACTION' }),
	relation('complaints', 'arrondissement', 'arrondissements', { onDelete: 'NO ACTION' }),
	// the register never changes when a team or a user is removed: the database refuses instead
	relation('complaints', 'team', 'teams', { onDelete: 'NO ACTION' }),
	relation('complaints', 'assignee', 'directus_users', { onDelete: 'NO ACTION' }),
	relation('complaints', 'duplicate_of', 'complaints'),
	relation('complaints', 'user_created', 'directus_users'),
	relation('complaints', 'user_updated', 'directus_users'),
	relation('complaint_events', 'complaint', 'complaints', { oneField: 'history', onDelete: 'NO ACTION' }),
	relation('complaint_events', 'team', 'teams', { onDelete: 'NO ACTION' }),
	relation('complaint_events', 'assignee', 'directus_users', { onDelete: 'NO ACTION' }),
	relation('complaint_events', 'actor', 'directus_users', { onDelete: 'NO ACTION' }),
	relation('citizen_contacts', 'complaint', 'complaints', { oneField: 'contact', onDelete: 'NO ACTION' }),
	relation('access_journal', 'user', 'directus_users', { onDelete: 'NO ACTION' }),
	relation('access_journal', 'complaint', 'complaints', { onDelete: 'NO ACTION' }),
	relation('complaint_files', 'complaints_id', 'complaints', {
		oneField: 'files',
		junctionField: 'directus_files_id',
		onDelete: 'CASCADE',
	}),
	relation('complaint_files', 'directus_files_id', 'directus_files', {
		oneField: 'complaint_links',
		junctionField: 'complaints_id',
		onDelete: 'SET NULL',
	}),
	relation('intake_requests', 'complaint', 'complaints', { onDelete: 'CASCADE' }),
	relation('outbox', 'complaint', 'complaints', { onDelete: 'CASCADE' }),
	relation('directus_users', 'arrondissement', 'arrondissements'),
	relation('directus_users', 'service', 'services'),
];

/** Every collection: the core model, then each channel's own (schema/mail.ts, schema/chat.ts). */
export const collections: CollectionSpec[] = [...coreCollections, ...mailCollections, ...chatCollections];
export const relations: RelationSpec[] = [...coreRelations, ...mailRelations, ...chatRelations];
