// Chat (WhatsApp and the portal widget): one row per contact (a WhatsApp
// number, a widget session) with the conversation in progress. Only what the
// conversation needs is kept (loi 09-08): the contact key, the language, the
// engine state (the draft until it is filed), the time of the last inbound
// message (WhatsApp's 24-hour window), the expiry and the last complaint.
// Updates are optimistic (`version`): concurrent messages of one contact are
// applied one after the other; `recent_messages` holds the last message ids so
// a webhook delivered twice is handled once.
import {
	type CollectionSpec,
	type RelationSpec,
	collectionTranslations,
	field,
	manyToOne,
	relation,
	text,
	timestamp,
} from './dsl';

export const CHAT_CHANNELS = ['whatsapp', 'widget'] as const;

export const chatCollections: CollectionSpec[] = [
	{
		collection: 'conversations',
		meta: {
			icon: 'forum',
			translations: collectionTranslations(
				{ fr: 'Conversation (chat)', ar: 'محادثة' },
				{ fr: 'Conversations (WhatsApp, chat)', ar: 'المحادثات (واتساب، الدردشة)' },
			),
			display_template: '{{channel}} · {{state}}',
			sort: 43,
			note: 'Conversations en cours avec les citoyens sur WhatsApp et le chat du portail. · المحادثات الجارية مع المواطنين.',
		},
		schema: {},
		fields: [
			field('id', 'integer', {
				label: { fr: 'Identifiant', ar: 'المعرف' },
				primary: true,
				autoIncrement: true,
				hidden: true,
				readonly: true,
				interface: 'input',
				nullable: false,
			}),
			text(
				'channel',
				{ fr: 'Canal (whatsapp, widget)', ar: 'القناة' },
				{ required: true, readonly: true, width: 'half', maxLength: 16 },
			),
			// 'whatsapp:<wa_id>' or 'widget:<sha-256 of the session id>' (the session id itself is never stored)
			text(
				'contact_key',
				{ fr: 'Contact', ar: 'جهة الاتصال' },
				{ unique: true, nullable: false, readonly: true, maxLength: 128, note: '$t:casa.note.personal' },
			),
			text('language', { fr: 'Langue', ar: 'اللغة' }, { width: 'half', maxLength: 8, readonly: true }),
			text('state', { fr: 'Étape', ar: 'المرحلة' }, { width: 'half', maxLength: 32, readonly: true }),
			field('conversation', 'json', {
				label: { fr: 'État de la conversation', ar: 'حالة المحادثة' },
				interface: 'input-code',
				options: { language: 'JSON' },
				special: ['cast-json'],
				readonly: true,
			}),
			field('recent_messages', 'json', {
				label: { fr: 'Derniers messages traités', ar: 'آخر الرسائل المعالجة' },
				interface: 'input-code',
				options: { language: 'JSON' },
				special: ['cast-json'],
				readonly: true,
				hidden: true,
			}),
			field('version', 'integer', {
				label: { fr: 'Version', ar: 'النسخة' },
				interface: 'input',
				defaultValue: 0,
				readonly: true,
				hidden: true,
			}),
			timestamp(
				'last_inbound_at',
				{ fr: 'Dernier message du citoyen', ar: 'آخر رسالة من المواطن' },
				{ readonly: true },
			),
			timestamp('expires_at', { fr: 'Expire le', ar: 'تنتهي في' }, { readonly: true }),
			manyToOne('complaint', { fr: 'Dernière réclamation', ar: 'آخر شكاية' }, '{{reference}}', {
				keyType: 'uuid',
				special: ['m2o'],
				readonly: true,
			}),
			field('date_created', 'timestamp', {
				label: { fr: 'Commencée le', ar: 'بدأت في' },
				special: ['date-created'],
				interface: 'datetime',
				readonly: true,
				width: 'half',
			}),
		],
	},
];

export const chatRelations: RelationSpec[] = [
	relation('conversations', 'complaint', 'complaints', { onDelete: 'SET NULL' }),
];
