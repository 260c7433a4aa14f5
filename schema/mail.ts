// E-mail intake: the ledger of messages read from the mailbox. One row per
// message identity (Message-ID, or a hash of the message when it has none):
// it is written before anything else, so a crash between reading and storing
// neither loses the message (its raw text is kept until it is processed) nor
// imports it twice (the key is unique, the complaint and the status change
// commit together).
import {
	type CollectionSpec,
	type RelationSpec,
	collectionTranslations,
	field,
	longText,
	manyToOne,
	relation,
	text,
	timestamp,
} from './dsl';

export const MAIL_STATUSES = ['received', 'processing', 'processed', 'ignored', 'failed'] as const;

export const mailCollections: CollectionSpec[] = [
	{
		collection: 'mail_messages',
		meta: {
			icon: 'mail',
			translations: collectionTranslations(
				{ fr: 'Message reçu', ar: 'رسالة واردة' },
				{ fr: 'Messages reçus (e-mail)', ar: 'الرسائل الواردة (البريد الإلكتروني)' },
			),
			display_template: '{{status}} · {{subject}}',
			sort: 42,
			note: 'Registre des e-mails lus dans la boîte de réception : chaque message est importé une seule fois ; les échecs restent ici avec leur motif. · سجل الرسائل المقروءة من صندوق البريد.',
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
			// 'mid:<Message-ID>' or 'sha256:<hash of the raw message>'
			text(
				'message_key',
				{ fr: 'Identité du message', ar: 'هوية الرسالة' },
				{ unique: true, nullable: false, readonly: true, maxLength: 255 },
			),
			text('message_id', { fr: 'Message-ID', ar: 'معرف الرسالة' }, { readonly: true, maxLength: 255, width: 'half' }),
			field('content_hash', 'string', {
				label: { fr: 'Empreinte (SHA-256)', ar: 'البصمة' },
				interface: 'input',
				readonly: true,
				maxLength: 64,
				width: 'half',
			}),
			text('mailbox', { fr: 'Dossier IMAP', ar: 'مجلد IMAP' }, { readonly: true, width: 'half', maxLength: 255 }),
			field('uid', 'bigInteger', {
				label: { fr: 'UID IMAP', ar: 'UID IMAP' },
				interface: 'input',
				readonly: true,
				width: 'half',
			}),
			field('uid_validity', 'string', {
				label: { fr: 'UIDVALIDITY', ar: 'UIDVALIDITY' },
				interface: 'input',
				readonly: true,
				width: 'half',
				maxLength: 32,
			}),
			text(
				'from_address',
				{ fr: 'Expéditeur', ar: 'المرسل' },
				{ readonly: true, width: 'half', note: '$t:casa.note.personal' },
			),
			text('subject', { fr: 'Objet', ar: 'الموضوع' }, { readonly: true, maxLength: 998 }),
			text(
				'status',
				{ fr: 'Statut (received, processing, processed, ignored, failed)', ar: 'الوضعية' },
				{ readonly: true, width: 'half', maxLength: 16, defaultValue: 'received', indexed: true },
			),
			text(
				'outcome',
				{ fr: 'Résultat (complaint, reply)', ar: 'النتيجة' },
				{ readonly: true, width: 'half', maxLength: 16 },
			),
			manyToOne('complaint', { fr: 'Réclamation', ar: 'الشكاية' }, '{{reference}}', {
				keyType: 'uuid',
				special: ['m2o'],
				readonly: true,
			}),
			longText('reason', { fr: "Motif de l'échec", ar: 'سبب الفشل' }, { readonly: true }),
			field('attempts', 'integer', {
				label: { fr: 'Tentatives', ar: 'المحاولات' },
				interface: 'input',
				defaultValue: 0,
				readonly: true,
				width: 'half',
			}),
			timestamp(
				'lease_until',
				{ fr: 'Traitement en cours jusqu’au', ar: 'قيد المعالجة إلى غاية' },
				{ readonly: true, hidden: true },
			),
			// base64 of the message as received; cleared once it is processed
			field('raw', 'text', {
				label: { fr: 'Message brut', ar: 'الرسالة الخام' },
				interface: 'input-multiline',
				readonly: true,
				hidden: true,
			}),
			field('mailbox_done', 'boolean', {
				label: { fr: 'Marqué dans la boîte', ar: 'مُعلَّم في صندوق البريد' },
				interface: 'boolean',
				special: ['cast-boolean'],
				defaultValue: false,
				readonly: true,
				width: 'half',
			}),
			timestamp('processed_at', { fr: 'Traité le', ar: 'عولج في' }, { readonly: true }),
			field('date_created', 'timestamp', {
				label: { fr: 'Reçu le', ar: 'تاريخ التوصل' },
				special: ['date-created'],
				interface: 'datetime',
				readonly: true,
				width: 'half',
				display: 'datetime',
			}),
		],
	},
];

export const mailRelations: RelationSpec[] = [
	relation('mail_messages', 'complaint', 'complaints', { onDelete: 'SET NULL' }),
];
