// The chosen category's questions (its Open311 attributes), asked with the
// description: short or long text, a number, a date, one or several choices.
// The answers go with the complaint as attribute[code] fields.
import { defineComponent, h } from 'vue';
import { type CategoryQuestion, clearErrors, findCategory, usePortal } from '../context';
import { controlAria, fieldError, inputValue } from '../ui';

export const CategoryQuestions = defineComponent({
	name: 'CategoryQuestions',
	setup() {
		const context = usePortal();
		const { draft, i18n } = context;
		const answers = () => (draft.attributes ??= {});
		const label = (question: CategoryQuestion) =>
			i18n.lang.value === 'ar' ? question.question_ar : question.question_fr;
		const help = (question: CategoryQuestion) => (i18n.lang.value === 'ar' ? question.help_ar : question.help_fr);
		const set = (question: CategoryQuestion, value: string | string[]) => {
			answers()[question.code] = value;
			clearErrors(context.errors, [`attribute[${question.code}]`]);
		};

		function control(question: CategoryQuestion) {
			const name = `attribute[${question.code}]`;
			const value = answers()[question.code];
			const text = typeof value === 'string' ? value : '';
			const common = {
				...controlAria(context, name),
				required: question.required,
				'aria-required': question.required ? 'true' : undefined,
			};
			switch (question.datatype) {
				case 'text':
					return h('textarea', {
						class: 'input textarea',
						rows: 3,
						maxlength: 2000,
						value: text,
						...common,
						onInput: (event: Event) => set(question, inputValue(event)),
					});
				case 'number':
					return h('input', {
						class: 'input',
						type: 'text',
						inputmode: 'decimal',
						value: text,
						...common,
						onInput: (event: Event) => set(question, inputValue(event)),
					});
				case 'datetime':
					return h('input', {
						class: 'input',
						type: 'datetime-local',
						value: text,
						...common,
						onInput: (event: Event) => set(question, inputValue(event)),
					});
				case 'singlevaluelist':
					return h(
						'select',
						{ class: 'input', value: text, ...common, onChange: (event: Event) => set(question, inputValue(event)) },
						[
							h('option', { value: '' }, i18n.t('questions.choose')),
							...question.values.map((choice) =>
								h(
									'option',
									{ value: choice.key, selected: text === choice.key },
									i18n.lang.value === 'ar' ? choice.name_ar : choice.name_fr,
								),
							),
						],
					);
				case 'multivaluelist': {
					const chosen = Array.isArray(value) ? value : [];
					return h(
						'div',
						{ class: 'choices', role: 'group', 'aria-labelledby': context.id(`question-${question.code}`) },
						question.values.map((choice) => {
							const id = context.id(`question-${question.code}-${choice.key}`);
							return h(
								'label',
								{
									class: ['choice', 'choice-compact', { selected: chosen.includes(choice.key) }],
									for: id,
									key: choice.key,
								},
								[
									h('input', {
										type: 'checkbox',
										id,
										checked: chosen.includes(choice.key),
										onChange: (event: Event) =>
											set(
												question,
												(event.target as HTMLInputElement).checked
													? [...chosen, choice.key]
													: chosen.filter((key) => key !== choice.key),
											),
									}),
									h('span', { class: 'choice-text' }, i18n.lang.value === 'ar' ? choice.name_ar : choice.name_fr),
								],
							);
						}),
					);
				}
				default:
					return h('input', {
						class: 'input',
						type: 'text',
						maxlength: 255,
						value: text,
						...common,
						onInput: (event: Event) => set(question, inputValue(event)),
					});
			}
		}

		return () => {
			const questions = findCategory(context.services.value, draft.category)?.category.attributes ?? [];
			if (questions.length === 0) return null;
			return h('fieldset', { class: 'questions' }, [
				h('legend', { class: 'label' }, i18n.t('questions.legend')),
				...questions.map((question) =>
					h('div', { class: 'field', key: question.code }, [
						h(
							'label',
							{
								class: 'label',
								id: context.id(`question-${question.code}`),
								for:
									question.datatype === 'multivaluelist' ? undefined : context.id(`field-attribute[${question.code}]`),
							},
							[
								label(question),
								question.required ? h('span', { class: 'required' }, ` (${i18n.t('common.required')})`) : null,
							],
						),
						help(question) ? h('p', { class: 'hint' }, help(question) ?? '') : null,
						control(question),
						fieldError(context, `attribute[${question.code}]`),
					]),
				),
			]);
		};
	},
});
