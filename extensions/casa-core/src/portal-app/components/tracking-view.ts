// Following a complaint: /portal/suivi/<reference>#<secret>. The secret stays
// in the URL fragment (never sent in a path or logged by a server) and goes to
// the API in the X-Tracking-Secret header. An unknown reference and a wrong
// code get the same neutral answer.
import { defineComponent, h, onBeforeUnmount, ref, watch } from 'vue';
import { ApiError, NetworkError } from '../api';
import { usePortal } from '../context';
import { icon } from '../icons';
import { controlAria, fieldError, inputValue } from '../ui';

export interface TrackedComplaint {
	reference: string;
	status: string;
	status_label: string;
	open: boolean;
	category: string | null;
	service: string | null;
	arrondissement: string | null;
	received_at: string | null;
	expected_resolution_at: string | null;
	resolved_at: string | null;
	public_reply: string | null;
	rejection_reason: string | null;
	redirected_to: string | null;
	rating: number | null;
	supporters: number;
	canRate: boolean;
	canReopen: boolean;
	/** loi 09-08: the complaint is finished and the contact details are still kept */
	canErase?: boolean;
	contactErased?: boolean;
	timeline: { type: string; status: string | null; status_label: string | null; text: string | null; at: string }[];
	/** the citizen's photos and the after-photos (proof of closure), served one by one with the tracking secret */
	photos?: { id: string; kind: 'photo' | 'after_photo' }[];
}

export const REFERENCE_PATTERN = /^CAS-\d{4}-\d{6}$/i;

/** Asks for the reference and the tracking code when the link is not at hand. */
export const TrackLookup = defineComponent({
	name: 'TrackLookup',
	props: { reference: { type: String, default: '' }, failed: { type: Boolean, default: false } },
	emits: { track: (_reference: string, _secret: string) => true },
	setup(props, { emit }) {
		const context = usePortal();
		const { i18n } = context;
		const reference = ref(props.reference);
		const secret = ref('');
		function submit(event: Event) {
			event.preventDefault();
			const found: Record<string, string> = {};
			if (!REFERENCE_PATTERN.test(reference.value.trim())) found.reference = 'errors.reference';
			if (secret.value.trim().length < 8) found.secret = 'errors.secret';
			for (const key of ['reference', 'secret']) {
				const field = `lookup_${key}`;
				if (found[key]) context.errors[field] = { key: found[key] };
				else delete context.errors[field];
			}
			if (Object.keys(found).length) {
				context.announce(
					Object.values(found)
						.map((key) => i18n.t(key))
						.join(' '),
					true,
				);
				(event.target as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
				return;
			}
			emit('track', reference.value.trim().toUpperCase(), secret.value.trim());
		}
		return () =>
			h(
				'form',
				{ class: 'lookup', novalidate: true, onSubmit: submit, 'aria-labelledby': context.id('lookup-title') },
				[
					h(
						'h2',
						{ id: context.id('lookup-title'), class: 'step-title', tabindex: '-1' },
						i18n.t('tracking.lookup_title'),
					),
					props.failed
						? h('p', { class: 'error-box', role: 'alert' }, [icon('error'), h('span', i18n.t('tracking.not_found'))])
						: null,
					h('p', { class: 'hint' }, i18n.t('tracking.lookup_hint')),
					h('div', { class: 'field' }, [
						h(
							'label',
							{ class: 'label', for: context.id('field-lookup_reference') },
							i18n.t('tracking.reference_label'),
						),
						h('input', {
							class: 'input',
							type: 'text',
							dir: 'ltr',
							autocomplete: 'off',
							autocapitalize: 'characters',
							placeholder: 'CAS-2026-000123',
							value: reference.value,
							...controlAria(context, 'lookup_reference'),
							onInput: (event: Event) => (reference.value = inputValue(event)),
						}),
						fieldError(context, 'lookup_reference'),
					]),
					h('div', { class: 'field' }, [
						h('label', { class: 'label', for: context.id('field-lookup_secret') }, i18n.t('tracking.secret_label')),
						h('input', {
							class: 'input',
							type: 'text',
							dir: 'ltr',
							autocomplete: 'off',
							spellcheck: 'false',
							value: secret.value,
							...controlAria(context, 'lookup_secret'),
							onInput: (event: Event) => (secret.value = inputValue(event)),
						}),
						fieldError(context, 'lookup_secret'),
					]),
					h('button', { type: 'submit', class: 'button primary' }, i18n.t('tracking.lookup_submit')),
				],
			);
	},
});

export const TrackingView = defineComponent({
	name: 'TrackingView',
	props: { reference: { type: String, required: true }, secret: { type: String, required: true } },
	emits: ['lookup'],
	setup(props, { emit }) {
		const context = usePortal();
		const { i18n } = context;
		const state = ref<'loading' | 'ok' | 'not_found' | 'offline' | 'error'>('loading');
		const complaint = ref<TrackedComplaint | null>(null);
		const rating = ref(0);
		const comment = ref('');
		const reason = ref('');
		const actionError = ref<string | null>(null);
		const actionDone = ref<string | null>(null);
		const busy = ref(false);
		const heading = ref<HTMLElement | null>(null);
		let focused = false;

		const headers = () => ({ 'X-Tracking-Secret': props.secret });

		// photos come with the secret in a header, so not as <img src>: each is fetched once and shown from a blob URL
		const photoUrls = ref<Record<string, string>>({});
		async function loadPhotos(photos: TrackedComplaint['photos']) {
			for (const photo of photos ?? []) {
				if (photoUrls.value[photo.id]) continue;
				try {
					const url = new URL(
						`api/complaints/${encodeURIComponent(props.reference)}/photos/${photo.id}`,
						context.api.portalBase,
					);
					const response = await fetch(url, { headers: headers(), credentials: 'omit', cache: 'no-store' });
					if (!response.ok) continue;
					photoUrls.value = { ...photoUrls.value, [photo.id]: URL.createObjectURL(await response.blob()) };
				} catch {
					// offline: the rest of the page is still useful
				}
			}
		}
		onBeforeUnmount(() => {
			for (const url of Object.values(photoUrls.value)) URL.revokeObjectURL(url);
		});
		function gallery(data: TrackedComplaint) {
			const photos = data.photos ?? [];
			if (photos.length === 0) return null;
			const group = (kind: 'photo' | 'after_photo', title: string, alt: string) => {
				const items = photos.filter((photo) => photo.kind === kind);
				if (items.length === 0) return null;
				return h('figure', { class: ['photo-group', kind] }, [
					h('figcaption', title),
					h(
						'ul',
						{ class: 'photo-list' },
						items.map((photo, index) =>
							h(
								'li',
								{ key: photo.id },
								photoUrls.value[photo.id]
									? h('img', {
											src: photoUrls.value[photo.id],
											alt: i18n.t(alt, { n: index + 1 }),
											loading: 'lazy',
											'data-kind': kind,
										})
									: h('span', { class: 'photo-placeholder', 'aria-hidden': 'true' }),
							),
						),
					),
				]);
			};
			return h('section', { class: 'card photos', 'aria-labelledby': context.id('photos-title') }, [
				h('h3', { id: context.id('photos-title') }, i18n.t('tracking.photos_title')),
				h('div', { class: 'photo-groups' }, [
					group('photo', i18n.t('tracking.photos_own'), 'tracking.photo_own_alt'),
					group('after_photo', i18n.t('tracking.photos_after'), 'tracking.photo_after_alt'),
				]),
			]);
		}

		async function load() {
			if (!complaint.value) state.value = 'loading';
			try {
				const response = await context.api.get<{ data: TrackedComplaint }>(
					`complaints/${encodeURIComponent(props.reference)}`,
					{ lang: i18n.lang.value, headers: headers() },
				);
				complaint.value = response.data;
				state.value = 'ok';
				void loadPhotos(response.data.photos);
				if (!focused) {
					focused = true;
					context.announce(
						`${i18n.t('tracking.title', { reference: response.data.reference })} — ${response.data.status_label}`,
					);
				}
			} catch (error) {
				complaint.value = null;
				state.value =
					error instanceof ApiError && error.status === 404
						? 'not_found'
						: error instanceof NetworkError
							? 'offline'
							: 'error';
				context.announce(i18n.t(`tracking.${state.value}`), true);
			}
		}
		watch(() => [props.reference, props.secret, i18n.lang.value], load, { immediate: true });

		async function act(path: 'rating' | 'reopen' | 'erase', body: Record<string, unknown>, done: string) {
			busy.value = true;
			actionError.value = null;
			actionDone.value = null;
			delete context.errors.reason;
			delete context.errors.rating;
			try {
				const response = await context.api.postJson<{ data: TrackedComplaint }>(
					`complaints/${encodeURIComponent(props.reference)}/${path}`,
					{ ...body, lang: i18n.lang.value },
					{ lang: i18n.lang.value, headers: headers() },
				);
				complaint.value = response.data;
				actionDone.value = done;
				context.announce(i18n.t(done));
			} catch (error) {
				const problem = error instanceof ApiError ? error.problems.find((item) => item.field) : null;
				if (problem?.field) context.errors[problem.field] = { text: problem.message };
				actionError.value =
					error instanceof NetworkError ? 'errors.offline_action' : problem ? null : 'errors.action_failed';
				context.announce(problem ? problem.message : i18n.t(actionError.value ?? 'errors.action_failed'), true);
			} finally {
				busy.value = false;
			}
		}

		function submitRating(event: Event) {
			event.preventDefault();
			if (rating.value < 1) {
				context.errors.rating = { key: 'errors.rating' };
				context.announce(i18n.t('errors.rating'), true);
				(event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
				return;
			}
			void act('rating', { rating: rating.value, comment: comment.value.trim() }, 'tracking.rated');
		}

		function submitReopen(event: Event) {
			event.preventDefault();
			if (!reason.value.trim()) {
				context.errors.reason = { key: 'errors.required.reason' };
				context.announce(i18n.t('errors.required.reason'), true);
				(event.target as HTMLFormElement).querySelector<HTMLElement>('textarea')?.focus();
				return;
			}
			void act('reopen', { reason: reason.value.trim() }, 'tracking.reopened');
		}

		const detail = (label: string, value: string | null | undefined) =>
			value ? [h('dt', label), h('dd', value)] : null;

		function ratingForm() {
			return h(
				'form',
				{ class: 'card', novalidate: true, onSubmit: submitRating, 'aria-labelledby': context.id('rating-title') },
				[
					h('h3', { id: context.id('rating-title') }, i18n.t('tracking.rating_title')),
					h('fieldset', { class: 'stars', 'data-invalid': context.errors.rating ? 'true' : undefined }, [
						h('legend', { class: 'label' }, i18n.t('tracking.rating_legend')),
						h(
							'div',
							{ class: 'star-row' },
							[1, 2, 3, 4, 5].map((value) => {
								const id = context.id(`star-${value}`);
								return h('span', { class: 'star', key: value }, [
									h('input', {
										type: 'radio',
										id,
										name: context.id('rating'),
										value,
										checked: rating.value === value,
										'aria-describedby': context.errors.rating ? context.id('error-rating') : undefined,
										onChange: () => {
											rating.value = value;
											delete context.errors.rating;
										},
									}),
									h('label', { for: id, class: { lit: value <= rating.value } }, [
										icon('star'),
										h('span', { class: 'visually-hidden' }, i18n.t('tracking.stars', { count: value })),
									]),
								]);
							}),
						),
						h(
							'p',
							{ class: 'hint', 'aria-hidden': 'true' },
							rating.value ? i18n.t('tracking.stars', { count: rating.value }) : '',
						),
					]),
					fieldError(context, 'rating'),
					h('div', { class: 'field' }, [
						h('label', { class: 'label', for: context.id('field-comment') }, [
							i18n.t('tracking.comment_label'),
							h('span', { class: 'optional' }, ` (${i18n.t('common.optional')})`),
						]),
						h('textarea', {
							class: 'input textarea',
							rows: 3,
							maxlength: 1000,
							id: context.id('field-comment'),
							value: comment.value,
							onInput: (event: Event) => (comment.value = inputValue(event)),
						}),
					]),
					h(
						'button',
						{ type: 'submit', class: 'button primary', disabled: busy.value },
						i18n.t('tracking.rating_submit'),
					),
				],
			);
		}

		function eraseForm() {
			return h(
				'form',
				{ class: 'card', novalidate: true, onSubmit: submitErase, 'aria-labelledby': context.id('erase-title') },
				[
					h('h3', { id: context.id('erase-title') }, i18n.t('tracking.erase_title')),
					h('p', { class: 'hint' }, i18n.t('tracking.erase_hint')),
					h(
						'button',
						{ type: 'submit', class: 'button secondary', disabled: busy.value },
						i18n.t('tracking.erase_submit'),
					),
				],
			);
		}

		function submitErase(event: Event) {
			event.preventDefault();
			if (!window.confirm(i18n.t('tracking.erase_confirm'))) return;
			void act('erase', {}, 'tracking.erased');
		}

		function reopenForm() {
			return h(
				'form',
				{ class: 'card', novalidate: true, onSubmit: submitReopen, 'aria-labelledby': context.id('reopen-title') },
				[
					h('h3', { id: context.id('reopen-title') }, i18n.t('tracking.reopen_title')),
					h('p', { class: 'hint', id: context.id('reopen-hint') }, i18n.t('tracking.reopen_hint')),
					h('div', { class: 'field' }, [
						h('label', { class: 'label', for: context.id('field-reason') }, i18n.t('tracking.reopen_label')),
						h('textarea', {
							class: 'input textarea',
							rows: 3,
							maxlength: 2000,
							value: reason.value,
							...controlAria(context, 'reason', context.id('reopen-hint')),
							onInput: (event: Event) => {
								reason.value = inputValue(event);
								delete context.errors.reason;
							},
						}),
						fieldError(context, 'reason'),
					]),
					h(
						'button',
						{ type: 'submit', class: 'button secondary', disabled: busy.value },
						i18n.t('tracking.reopen_submit'),
					),
				],
			);
		}

		return () => {
			if (state.value === 'loading') return h('p', { class: 'notice', role: 'status' }, i18n.t('common.loading'));
			if (state.value !== 'ok' || !complaint.value)
				return h('section', { class: 'result', 'aria-labelledby': context.id('tracking-title') }, [
					h('h2', { id: context.id('tracking-title'), tabindex: '-1' }, i18n.t('tracking.problem_title')),
					h('p', { class: 'error-box' }, [icon('error'), h('span', i18n.t(`tracking.${state.value}`))]),
					h('div', { class: 'button-row' }, [
						h('button', { type: 'button', class: 'button primary', onClick: load }, i18n.t('common.retry')),
						h(
							'button',
							{ type: 'button', class: 'button secondary', onClick: () => emit('lookup') },
							i18n.t('tracking.lookup_title'),
						),
					]),
				]);
			const data = complaint.value;
			return h('section', { class: 'tracking', 'aria-labelledby': context.id('tracking-title') }, [
				h('h2', { id: context.id('tracking-title'), class: 'step-title', tabindex: '-1', ref: heading }, [
					i18n.t('tracking.heading'),
					' ',
					h('span', { dir: 'ltr', class: 'nowrap' }, data.reference),
				]),
				h('p', { class: 'status-line' }, [
					h('span', { class: 'label' }, i18n.t('tracking.status')),
					' ',
					h('span', { class: ['badge', 'status-badge', `status-${data.status}`] }, data.status_label),
				]),
				h('dl', { class: 'details' }, [
					detail(i18n.t('tracking.category'), data.category),
					detail(i18n.t('tracking.service'), data.service),
					detail(i18n.t('tracking.arrondissement'), data.arrondissement),
					detail(i18n.t('tracking.received'), i18n.formatDate(data.received_at, true)),
					detail(i18n.t('tracking.expected'), i18n.formatDate(data.expected_resolution_at)),
					detail(i18n.t('tracking.resolved'), i18n.formatDate(data.resolved_at, true)),
					detail(
						i18n.t('tracking.supporters_label'),
						data.supporters ? i18n.t('tracking.supporters', { count: data.supporters }) : null,
					),
					detail(
						i18n.t('tracking.rating_label'),
						data.rating ? i18n.t('tracking.stars', { count: data.rating }) : null,
					),
				]),
				data.public_reply
					? h('div', { class: 'card reply' }, [
							h('h3', i18n.t('tracking.reply')),
							h('p', { class: 'pre', dir: 'auto' }, data.public_reply),
						])
					: null,
				data.rejection_reason
					? h('div', { class: 'card' }, [
							h('h3', i18n.t('tracking.rejection')),
							h('p', { class: 'pre', dir: 'auto' }, data.rejection_reason),
						])
					: null,
				data.redirected_to
					? h('div', { class: 'card' }, [
							h('h3', i18n.t('tracking.redirected')),
							h('p', { dir: 'auto' }, data.redirected_to),
						])
					: null,
				gallery(data),
				h('h3', i18n.t('tracking.timeline')),
				h(
					'ol',
					{ class: 'timeline' },
					data.timeline.map((event, index) =>
						h('li', { key: index }, [
							h('time', { datetime: event.at }, i18n.formatDate(event.at, true)),
							h(
								'span',
								{ class: 'timeline-text' },
								event.type === 'public_reply'
									? i18n.t('tracking.event_reply')
									: event.type === 'rated'
										? i18n.t('tracking.event_rated')
										: event.type === 'created'
											? i18n.t('tracking.event_created')
											: (event.status_label ?? event.type),
							),
							event.text ? h('p', { class: 'pre', dir: 'auto' }, event.text) : null,
						]),
					),
				),
				actionDone.value ? h('p', { class: 'notice ok' }, [icon('check'), h('span', i18n.t(actionDone.value))]) : null,
				actionError.value
					? h('p', { class: 'error-box' }, [icon('error'), h('span', i18n.t(actionError.value))])
					: null,
				data.canRate ? ratingForm() : null,
				data.canReopen ? reopenForm() : null,
				data.canErase ? eraseForm() : null,
				data.contactErased ? h('p', { class: 'hint' }, i18n.t('tracking.erased')) : null,
			]);
		};
	},
});
