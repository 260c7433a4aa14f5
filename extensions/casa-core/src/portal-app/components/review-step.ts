// Step 6: everything at a glance before sending, and the open complaints
// nearby that may be the same problem, which the citizen may follow instead.
import { defineComponent, h, type PropType } from 'vue';
import { type StepName, categoryName, findCategory, usePortal } from '../context';
import { givesContact } from '../draft';
import { locate } from '../geo';
import { icon } from '../icons';

export interface NearbyComplaint {
	reference: string;
	status_label: string;
	category: string;
	distance_m: number;
	received_at: string | null;
	supporters: number;
}

/**
 * The open complaints nearby that may be the same problem (GET /portal/api/nearby, ranked by
 * meaning and place), each with a button to follow it instead of filing a duplicate. Shown
 * right after the location step, and again before sending.
 */
export function nearbyOffer(
	context: ReturnType<typeof usePortal>,
	nearby: NearbyComplaint[],
	following: string | null,
	onFollow: (reference: string) => void,
) {
	const { i18n } = context;
	if (nearby.length === 0) return null;
	return h('section', { class: 'nearby', 'aria-labelledby': context.id('nearby-title') }, [
		h('h3', { id: context.id('nearby-title') }, i18n.t('nearby.title', { count: nearby.length })),
		h('p', { class: 'hint' }, i18n.t('nearby.hint')),
		h(
			'ul',
			{ class: 'nearby-list' },
			nearby.map((item) => {
				const describedBy = context.id(`nearby-${item.reference}`);
				return h('li', { key: item.reference, class: 'nearby-item' }, [
					h('div', { id: describedBy, class: 'nearby-text' }, [
						h('strong', { dir: 'ltr' }, item.reference),
						h('span', item.category),
						h('span', [
							h('span', { class: 'badge' }, item.status_label),
							' · ',
							i18n.t('nearby.distance', { distance: i18n.formatNumber(item.distance_m) }),
						]),
						h('span', i18n.t('nearby.received', { date: i18n.formatDate(item.received_at) })),
						h('span', [icon('people'), ' ', i18n.t('nearby.supporters', { count: item.supporters })]),
					]),
					h(
						'button',
						{
							type: 'button',
							class: 'button secondary',
							disabled: following !== null,
							'aria-describedby': describedBy,
							onClick: () => onFollow(item.reference),
						},
						following === item.reference ? i18n.t('nearby.following') : i18n.t('nearby.follow'),
					),
				]);
			}),
		),
		h('p', { class: 'hint' }, i18n.t('nearby.or_submit')),
	]);
}

export const ReviewStep = defineComponent({
	name: 'ReviewStep',
	props: {
		nearby: { type: Array as PropType<NearbyComplaint[]>, default: () => [] },
		following: { type: String as PropType<string | null>, default: null },
		generalErrors: { type: Array as PropType<string[]>, default: () => [] },
	},
	emits: { edit: (_step: StepName) => true, follow: (_reference: string) => true },
	setup(props, { emit }) {
		const context = usePortal();
		const { draft, i18n } = context;

		const row = (label: string, step: StepName, value: unknown) =>
			h('div', { class: 'summary-row' }, [
				h('dt', label),
				h('dd', [
					h('div', { class: 'summary-value' }, value as never),
					h('button', { type: 'button', class: 'button link', onClick: () => emit('edit', step) }, [
						i18n.t('review.edit'),
						h('span', { class: 'visually-hidden' }, ` : ${label}`),
					]),
				]),
			]);

		return () => {
			const lang = i18n.lang.value;
			const found = findCategory(context.services.value, draft.category);
			const area =
				draft.latitude !== null && draft.longitude !== null
					? locate(draft.latitude, draft.longitude, context.areas.value)
					: null;
			const place = [
				area ? categoryName(area, lang) : null,
				draft.latitude !== null && draft.longitude !== null
					? `\u2066${draft.latitude.toFixed(5)}, ${draft.longitude.toFixed(5)}\u2069`
					: null,
				draft.address.trim() || null,
			].filter(Boolean) as string[];
			const contact = givesContact(draft)
				? [draft.citizen_name, draft.citizen_phone, draft.citizen_email].filter((value) => value.trim())
				: [];
			return h('div', { class: 'review-step' }, [
				props.generalErrors.length
					? h(
							'div',
							{ class: 'error-box', id: context.id('general-errors') },
							props.generalErrors.map((text) => h('p', { class: 'field-error' }, [icon('error'), h('span', text)])),
						)
					: null,
				h('dl', { class: 'summary' }, [
					row(
						i18n.t('review.category'),
						'category',
						found ? `${categoryName(found.service, lang)} — ${categoryName(found.category, lang)}` : '—',
					),
					row(i18n.t('review.type'), 'description', i18n.t(`type.${draft.type}`)),
					row(i18n.t('review.description'), 'description', h('p', { class: 'pre' }, draft.description)),
					row(
						i18n.t('review.location'),
						'location',
						place.length ? place.map((line) => h('span', { class: 'line' }, line)) : '—',
					),
					row(
						i18n.t('review.photos'),
						'photos',
						draft.photos.length
							? h(
									'ul',
									{ class: 'thumbs small' },
									draft.photos.map((photo, index) =>
										h('li', { key: photo.id, class: 'thumb' }, [
											h('img', {
												src: photo.url,
												alt: i18n.t('photos.alt', { number: index + 1 }),
												width: 56,
												height: 56,
											}),
										]),
									),
								)
							: i18n.t('review.no_photo'),
					),
					row(
						i18n.t('review.contact'),
						'contact',
						contact.length
							? contact.map((line) => h('span', { class: 'line', dir: 'auto' }, line))
							: i18n.t('review.anonymous'),
					),
				]),
				nearbyOffer(context, props.nearby, props.following, (reference) => emit('follow', reference)),
			]);
		};
	},
});
