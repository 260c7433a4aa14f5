// Step 1: the service, then the category, with icons; or a search: as the
// citizen types, the category suggestion (GET /portal/api/categories/suggest,
// French, Arabic and Darija in both scripts) comes first, then the categories
// whose names or keywords contain every word typed.
import { computed, defineComponent, h, ref } from 'vue';
import { type Category, type Service, categoryName, clearErrors, usePortal } from '../context';
import { icon } from '../icons';
import { fieldError, foldText, inputValue } from '../ui';

export const CategoryStep = defineComponent({
	name: 'CategoryStep',
	setup() {
		const context = usePortal();
		const { draft, i18n } = context;
		const query = ref('');
		let announceTimer: ReturnType<typeof setTimeout> | undefined;

		const index = computed(() =>
			(context.services.value ?? []).flatMap((service) =>
				service.categories.map((category) => ({
					service,
					category,
					text: foldText(
						[
							category.name_fr,
							category.name_ar,
							category.keywords ?? '',
							service.name_fr,
							service.name_ar,
							category.code,
						].join(' '),
					),
				})),
			),
		);
		// the server's suggestion for the text typed (codes, best first), kept with the text it answers
		const suggested = ref<{ text: string; codes: string[] }>({ text: '', codes: [] });
		let suggestTimer: ReturnType<typeof setTimeout> | undefined;
		let suggestSeq = 0;
		function askSuggestion(text: string) {
			clearTimeout(suggestTimer);
			if (!text.trim()) {
				suggested.value = { text: '', codes: [] };
				return;
			}
			suggestTimer = setTimeout(() => {
				const seq = ++suggestSeq;
				context.api
					.get<{ data: { code: string }[] }>('categories/suggest', { query: { text, lang: i18n.lang.value, limit: 3 } })
					.then((answer) => {
						if (seq === suggestSeq) suggested.value = { text, codes: answer.data.map((item) => item.code) };
					})
					.catch(() => undefined); // offline: the search by words still answers
			}, 200);
		}
		const matches = computed(() => {
			const words = foldText(query.value).split(' ').filter(Boolean);
			if (words.length === 0) return [];
			const byCode = new Map(index.value.map((entry) => [entry.category.code, entry]));
			const fresh = suggested.value.text.trim() === query.value.trim() ? suggested.value.codes : [];
			const first = fresh
				.map((code) => byCode.get(code))
				.filter((entry): entry is NonNullable<typeof entry> => entry !== undefined);
			const taken = new Set(first.map((entry) => entry.category.code));
			return [
				...first,
				...index.value.filter(
					(entry) => !taken.has(entry.category.code) && words.every((word) => entry.text.includes(word)),
				),
			];
		});
		const selectedService = computed(
			() => (context.services.value ?? []).find((service) => service.code === draft.service) ?? null,
		);

		function chooseCategory(service: Service, category: Category) {
			draft.service = service.code;
			draft.category = category.code;
			clearErrors(context.errors, ['category']);
		}
		function chooseService(service: Service) {
			if (draft.service !== service.code) draft.category = null;
			draft.service = service.code;
		}
		function onSearch(event: Event) {
			query.value = inputValue(event);
			askSuggestion(query.value);
			clearTimeout(announceTimer);
			announceTimer = setTimeout(() => {
				if (query.value.trim()) context.announce(i18n.t('category.results', { count: matches.value.length }));
			}, 600);
		}

		const categoryRadio = (service: Service, category: Category, withService: boolean) => {
			const id = context.id(`category-${category.code}`);
			return h(
				'label',
				{
					class: ['choice', 'choice-category', { selected: draft.category === category.code }],
					for: id,
					key: category.code,
				},
				[
					h('input', {
						type: 'radio',
						id,
						name: context.id('category'),
						value: category.code,
						checked: draft.category === category.code,
						'aria-describedby': context.errors.category ? context.id('error-category') : undefined,
						onChange: () => chooseCategory(service, category),
					}),
					withService ? icon(service.icon, 'icon choice-icon') : null,
					h('span', { class: 'choice-text' }, [
						h('span', { class: 'choice-title' }, categoryName(category, i18n.lang.value)),
						withService ? h('span', { class: 'choice-sub' }, categoryName(service, i18n.lang.value)) : null,
					]),
				],
			);
		};

		return () => {
			const lang = i18n.lang.value;
			const services = context.services.value;
			if (!services) {
				return h('div', { class: 'notice' }, [
					context.embedRefused.value
						? h('div', { role: 'alert' }, [
								h('p', { class: 'label' }, i18n.t('embed.not_allowed_title')),
								h('p', i18n.t('embed.not_allowed', { origin: context.embedRefused.value })),
								h(
									'a',
									{ class: 'button', href: context.api.portalBase, target: '_blank', rel: 'noopener' },
									i18n.t('embed.open_portal'),
								),
							])
						: h('p', context.servicesFailed.value ? i18n.t('category.unavailable') : i18n.t('common.loading')),
					context.servicesFailed.value && !context.embedRefused.value
						? h(
								'button',
								{ type: 'button', class: 'button secondary', onClick: () => context.reloadReference() },
								i18n.t('common.retry'),
							)
						: null,
				]);
			}
			const searching = query.value.trim() !== '';
			return h('div', { class: 'category-step' }, [
				h('div', { class: 'field' }, [
					h('label', { for: context.id('search'), class: 'label' }, i18n.t('category.search_label')),
					h('p', { id: context.id('search-hint'), class: 'hint' }, i18n.t('category.search_hint')),
					h('div', { class: 'search-box' }, [
						icon('search'),
						h('input', {
							id: context.id('search'),
							type: 'search',
							class: 'input',
							value: query.value,
							autocomplete: 'off',
							enterkeyhint: 'search',
							'aria-describedby': context.id('search-hint'),
							onInput: onSearch,
							onKeydown: (event: KeyboardEvent) => {
								if (event.key === 'Enter') event.preventDefault();
							},
						}),
					]),
				]),
				fieldError(context, 'category'),
				searching
					? h('fieldset', { class: 'choices', 'data-invalid': context.errors.category ? 'true' : undefined }, [
							h('legend', { class: 'label' }, i18n.t('category.results', { count: matches.value.length })),
							matches.value.length === 0
								? h('p', { class: 'hint' }, i18n.t('category.no_result'))
								: matches.value.map((entry) => categoryRadio(entry.service, entry.category, true)),
						])
					: [
							h('fieldset', { class: 'choices services' }, [
								h('legend', { class: 'label' }, i18n.t('category.service_legend')),
								h(
									'div',
									{ class: 'service-grid' },
									services.map((service) => {
										const id = context.id(`service-${service.code}`);
										return h(
											'label',
											{
												class: ['choice', 'choice-service', { selected: draft.service === service.code }],
												for: id,
												key: service.code,
											},
											[
												h('input', {
													type: 'radio',
													id,
													name: context.id('service'),
													value: service.code,
													checked: draft.service === service.code,
													onChange: () => chooseService(service),
												}),
												icon(service.icon, 'icon choice-icon'),
												h('span', { class: 'choice-title' }, categoryName(service, lang)),
											],
										);
									}),
								),
							]),
							selectedService.value
								? h(
										'fieldset',
										{
											class: 'choices',
											id: context.id('field-category'),
											'data-invalid': context.errors.category ? 'true' : undefined,
										},
										[
											h(
												'legend',
												{ class: 'label' },
												i18n.t('category.category_legend', { service: categoryName(selectedService.value, lang) }),
											),
											selectedService.value.categories.map((category) =>
												categoryRadio(selectedService.value!, category, false),
											),
										],
									)
								: null,
						],
			]);
		};
	},
});
