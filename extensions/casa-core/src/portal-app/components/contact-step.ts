// Step 5: optional contact details, with the information notice of loi 09-08
// (controller, purpose, recipients, rights, retention) and the consent box.
// Without contact the complaint is anonymous: followed with its tracking link.
import { defineComponent, h } from 'vue';
import { clearErrors, usePortal } from '../context';
import { givesContact } from '../draft';
import { controlAria, fieldError, inputValue } from '../ui';
import { TEXT_LIMITS } from '../../domain/complaint/vocabulary';

export const ContactStep = defineComponent({
	name: 'ContactStep',
	setup() {
		const context = usePortal();
		const { draft, i18n } = context;

		const text = (
			field: 'citizen_name' | 'citizen_phone' | 'citizen_email',
			type: string,
			autocomplete: string,
			extra: Record<string, unknown> = {},
		) =>
			h('div', { class: 'field' }, [
				h('label', { class: 'label', for: context.id(`field-${field}`) }, [
					i18n.t(`contact.${field}`),
					h('span', { class: 'optional' }, ` (${i18n.t('common.optional')})`),
				]),
				extra.hint ? h('p', { class: 'hint', id: context.id(`${field}-hint`) }, String(extra.hint)) : null,
				h('input', {
					type,
					class: 'input',
					autocomplete,
					value: draft[field],
					...(extra.attrs as Record<string, unknown>),
					...controlAria(context, field, extra.hint ? context.id(`${field}-hint`) : null),
					onInput: (event: Event) => {
						draft[field] = inputValue(event);
						clearErrors(context.errors, [field]);
						if (!givesContact(draft)) clearErrors(context.errors, ['consent']);
					},
				}),
				fieldError(context, field),
			]);

		return () =>
			h('div', { class: 'contact-step' }, [
				h('p', { class: 'hint' }, i18n.t('contact.intro')),
				text('citizen_name', 'text', 'name', { attrs: { maxlength: TEXT_LIMITS.citizen_name } }),
				text('citizen_phone', 'tel', 'tel', {
					hint: i18n.t('contact.phone_hint'),
					attrs: { inputmode: 'tel', maxlength: TEXT_LIMITS.citizen_phone, dir: 'ltr' },
				}),
				text('citizen_email', 'email', 'email', {
					hint: i18n.t('contact.email_hint'),
					attrs: { maxlength: TEXT_LIMITS.citizen_email, dir: 'ltr' },
				}),
				h('section', { class: 'privacy', 'aria-labelledby': context.id('privacy-title'), id: context.id('privacy') }, [
					h('h3', { id: context.id('privacy-title') }, i18n.t('privacy.title')),
					h('dl', [
						['controller', 'purpose', 'recipients', 'retention', 'rights'].map((item) => [
							h('dt', i18n.t(`privacy.${item}_label`)),
							// the retention period is the one the administrator set (platform_settings), said by the server
							h(
								'dd',
								item === 'retention' && context.config.value.retentionNotice
									? context.config.value.retentionNotice[i18n.lang.value]
									: i18n.t(`privacy.${item}`),
							),
						]),
					]),
					h('p', { class: 'small' }, i18n.t('privacy.cndp')),
				]),
				h('div', { class: ['field', 'checkbox-field', { disabled: !givesContact(draft) }] }, [
					h('input', {
						type: 'checkbox',
						checked: draft.consent,
						...controlAria(context, 'consent'),
						onChange: (event: Event) => {
							draft.consent = (event.target as HTMLInputElement).checked;
							if (draft.consent) clearErrors(context.errors, ['consent']);
						},
					}),
					h('label', { for: context.id('field-consent') }, i18n.t('contact.consent')),
				]),
				fieldError(context, 'consent'),
			]);
	},
});
