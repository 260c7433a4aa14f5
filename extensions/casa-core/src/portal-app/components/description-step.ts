// Step 2: what kind of message, and what happened.
import { defineComponent, h } from 'vue';
import { clearErrors, usePortal } from '../context';
import { COMPLAINT_TYPES, type ComplaintType } from '../draft';
import { controlAria, fieldError, inputValue } from '../ui';
import { DESCRIPTION_LIMIT } from '../validation';
import { CategoryQuestions } from './questions';

export const DescriptionStep = defineComponent({
	name: 'DescriptionStep',
	setup() {
		const context = usePortal();
		const { draft, i18n } = context;
		return () =>
			h('div', { class: 'description-step' }, [
				h('fieldset', { class: 'choices inline-choices' }, [
					h('legend', { class: 'label' }, i18n.t('description.type_legend')),
					COMPLAINT_TYPES.map((type: ComplaintType) => {
						const id = context.id(`type-${type}`);
						return h(
							'label',
							{ class: ['choice', 'choice-compact', { selected: draft.type === type }], for: id, key: type },
							[
								h('input', {
									type: 'radio',
									id,
									name: context.id('type'),
									value: type,
									checked: draft.type === type,
									onChange: () => (draft.type = type),
								}),
								h('span', { class: 'choice-text' }, [
									h('span', { class: 'choice-title' }, i18n.t(`type.${type}`)),
									h('span', { class: 'choice-sub' }, i18n.t(`type.${type}_hint`)),
								]),
							],
						);
					}),
				]),
				h('div', { class: 'field' }, [
					h('label', { class: 'label', for: context.id('field-description') }, [
						i18n.t('description.label'),
						h('span', { class: 'required' }, ` (${i18n.t('common.required')})`),
					]),
					h('p', { class: 'hint', id: context.id('description-hint') }, i18n.t('description.hint')),
					h('textarea', {
						class: 'input textarea',
						rows: 6,
						maxlength: DESCRIPTION_LIMIT,
						required: true,
						'aria-required': 'true',
						value: draft.description,
						...controlAria(context, 'description', context.id('description-hint'), context.id('description-count')),
						onInput: (event: Event) => {
							draft.description = inputValue(event);
							if (draft.description.trim()) clearErrors(context.errors, ['description']);
						},
					}),
					h(
						'p',
						{ class: 'hint counter', id: context.id('description-count') },
						i18n.t('description.count', { count: draft.description.length, limit: DESCRIPTION_LIMIT }),
					),
					fieldError(context, 'description'),
				]),
				h(CategoryQuestions),
			]);
	},
});
