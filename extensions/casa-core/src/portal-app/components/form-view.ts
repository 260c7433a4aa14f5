// The complaint form, step by step. Each step is checked before the next; the
// server's field errors bring the citizen back to the step of the first one,
// next to the field, announced, with the focus on it. Without a network the
// complaint is queued on the device (see queue.ts).
import { type VNode, computed, defineComponent, h, nextTick, onBeforeUnmount, ref, watch } from 'vue';
import { ApiError, NetworkError } from '../api';
import {
	type FieldMessage,
	STEPS,
	type StepName,
	clearErrors,
	messageOfProblem,
	stepOfField,
	usePortal,
} from '../context';
import { draftFields, saveDraft } from '../draft';
import { icon } from '../icons';
import { type Receipt, enqueue, sendComplaint } from '../queue';
import { validateStep } from '../validation';
import { CategoryStep } from './category-step';
import { ContactStep } from './contact-step';
import { DescriptionStep } from './description-step';
import { LocationStep } from './location-step';
import { PhotosStep } from './photos-step';
import { type NearbyComplaint, ReviewStep, nearbyOffer } from './review-step';

export type FormOutcome =
	| { kind: 'sent'; receipt: Receipt }
	| { kind: 'queued'; key: string }
	| { kind: 'followed'; reference: string; supporters: number };

const STEP_COMPONENTS = {
	category: CategoryStep,
	description: DescriptionStep,
	location: LocationStep,
	photos: PhotosStep,
	contact: ContactStep,
};

export const FormView = defineComponent({
	name: 'FormView',
	props: { initialStep: { type: Number, default: 0 } },
	emits: { done: (_outcome: FormOutcome) => true },
	setup(props, { emit }) {
		const context = usePortal();
		const { draft, i18n } = context;
		const step = ref(Math.min(Math.max(props.initialStep, 0), STEPS.length - 1));
		const root = ref<HTMLElement | null>(null);
		const submitting = ref(false);
		const nearby = ref<NearbyComplaint[]>([]);
		const following = ref<string | null>(null);
		const generalErrors = ref<FieldMessage[]>([]);
		const stepName = computed<StepName>(() => STEPS[step.value]);
		let saveTimer: ReturnType<typeof setTimeout> | undefined;

		watch(
			() => [draftFields(draft, i18n.lang.value), draft.key, draft.service, draft.consent, step.value],
			() => {
				clearTimeout(saveTimer);
				saveTimer = setTimeout(() => saveDraft(draft, step.value), 300);
			},
			{ deep: true },
		);
		onBeforeUnmount(() => clearTimeout(saveTimer));

		async function focusHeading() {
			await nextTick();
			root.value?.querySelector<HTMLElement>('.step-title')?.focus();
		}

		async function focusFirstError() {
			await nextTick();
			const scope = root.value;
			if (!scope) return;
			const marked = scope.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]');
			const focusable =
				'input:not([disabled]):not([type="hidden"]), textarea, select, button:not([disabled]), [tabindex]';
			let target: HTMLElement | null =
				marked && marked.matches(focusable) ? marked : (marked?.querySelector<HTMLElement>(focusable) ?? null);
			if (!target)
				target = scope.querySelector<HTMLElement>(
					'.step-body input:not([type="search"]), .step-body textarea, #' + CSS.escape(context.id('general-errors')),
				);
			if (target && !target.matches(focusable)) target.setAttribute('tabindex', '-1');
			target?.focus();
		}

		function announceErrors(errors: FieldMessage[]) {
			const texts = errors.map((error) => context.message(error));
			context.announce(`${i18n.t('errors.summary', { count: texts.length })} ${texts.join(' ')}`, true);
		}

		function showErrors(errors: Record<string, FieldMessage>) {
			clearErrors(context.errors);
			Object.assign(context.errors, errors);
		}

		async function goTo(index: number, options: { focus?: boolean } = {}) {
			step.value = index;
			// likely duplicates are offered as soon as the place is known (the step after the location), and again before sending
			if (STEPS[index] === 'review' || STEPS[index - 1] === 'location') void loadNearby();
			if (options.focus !== false) await focusHeading();
		}

		async function next() {
			const errors = validateStep(stepName.value, context);
			if (Object.keys(errors).length) {
				showErrors(errors);
				announceErrors(Object.values(errors));
				await focusFirstError();
				return;
			}
			clearErrors(context.errors);
			await goTo(step.value + 1);
		}

		async function loadNearby() {
			nearby.value = [];
			if (!draft.category || draft.latitude === null || draft.longitude === null) return;
			try {
				const response = await context.api.get<{ data: NearbyComplaint[] }>('nearby', {
					lang: i18n.lang.value,
					query: {
						category: draft.category,
						lat: draft.latitude,
						lng: draft.longitude,
						text: draft.description.slice(0, 2000),
					},
				});
				nearby.value = response.data ?? [];
				if (nearby.value.length) context.announce(i18n.t('nearby.title', { count: nearby.value.length }));
			} catch {
				// offline or refused: nothing to suggest, the complaint can still be sent
			}
		}

		async function follow(reference: string) {
			following.value = reference;
			try {
				const response = await context.api.postJson<{ data: { supporters: number } }>(
					`complaints/${encodeURIComponent(reference)}/support`,
					{ lang: i18n.lang.value },
					{ lang: i18n.lang.value },
				);
				emit('done', { kind: 'followed', reference, supporters: response.data.supporters });
			} catch (error) {
				following.value = null;
				generalErrors.value = [
					error instanceof NetworkError ? { key: 'errors.offline_follow' } : { key: 'errors.follow_failed' },
				];
				announceErrors(generalErrors.value);
				await focusFirstError();
			}
		}

		async function queue(fields: Record<string, string | string[]>) {
			try {
				await enqueue({
					key: draft.key,
					lang: i18n.lang.value,
					fields,
					photos: draft.photos.map((photo) => ({ name: photo.name, blob: photo.blob })),
					queuedAt: new Date().toISOString(),
					channel: context.channel,
				});
				emit('done', { kind: 'queued', key: draft.key });
			} catch {
				generalErrors.value = [{ key: 'errors.queue_failed' }];
				announceErrors(generalErrors.value);
				await focusFirstError();
			}
		}

		async function submit() {
			if (submitting.value) return;
			generalErrors.value = [];
			for (let index = 0; index < STEPS.length - 1; index++) {
				const errors = validateStep(STEPS[index], context);
				if (Object.keys(errors).length) {
					showErrors(errors);
					await goTo(index, { focus: false });
					announceErrors(Object.values(errors));
					await focusFirstError();
					return;
				}
			}
			submitting.value = true;
			context.announce(i18n.t('review.sending'));
			const fields = draftFields(draft, i18n.lang.value);
			try {
				if (navigator.onLine === false) return await queue(fields);
				const receipt = await sendComplaint(
					context.api,
					draft.key,
					fields,
					draft.photos.map((photo) => ({ name: photo.name, blob: photo.blob })),
					context.channel,
				);
				emit('done', { kind: 'sent', receipt });
			} catch (error) {
				if (error instanceof NetworkError) return await queue(fields);
				if (error instanceof ApiError && error.status === 400 && error.problems.length) {
					const byField: Record<string, FieldMessage> = {};
					const general: FieldMessage[] = [];
					let first = STEPS.length - 1;
					for (const problem of error.problems) {
						const target = problem.field ? stepOfField(problem.field) : 'review';
						if (target === 'review') general.push({ text: problem.message });
						else {
							const field = problem.field === 'longitude' ? 'latitude' : problem.field!;
							byField[field] ??= messageOfProblem(problem);
							first = Math.min(first, STEPS.indexOf(target));
						}
					}
					showErrors(byField);
					generalErrors.value = general;
					await goTo(first, { focus: false });
					announceErrors([...Object.values(byField), ...general]);
					await focusFirstError();
				} else {
					generalErrors.value = [
						error instanceof ApiError && error.status === 429
							? { key: 'errors.too_many_requests' }
							: { key: 'errors.server' },
					];
					announceErrors(generalErrors.value);
					await focusFirstError();
				}
			} finally {
				submitting.value = false;
			}
		}

		const offersNearby = () => STEPS[step.value] === 'review' || STEPS[step.value - 1] === 'location';
		if (offersNearby()) void loadNearby();
		// their status and category names come in the chosen language
		watch(i18n.lang, () => offersNearby() && !following.value && void loadNearby());

		return () => {
			const name = stepName.value;
			const last = step.value === STEPS.length - 1;
			const errorCount = Object.keys(context.errors).length;
			let body: VNode;
			if (name === 'review')
				body = h(ReviewStep, {
					nearby: nearby.value,
					following: following.value,
					generalErrors: generalErrors.value.map((message) => context.message(message)),
					onEdit: (target: StepName) => goTo(STEPS.indexOf(target)),
					onFollow: follow,
				});
			else if (STEPS[step.value - 1] === 'location')
				body = h('div', { class: 'step-with-nearby' }, [
					nearbyOffer(context, nearby.value, following.value, (reference) => void follow(reference)),
					h(STEP_COMPONENTS[name], { key: name }),
				]);
			else body = h(STEP_COMPONENTS[name], { key: name });
			return h('div', { class: 'form-view', ref: root }, [
				h(
					'ol',
					{ class: 'progress', 'aria-hidden': 'true' },
					STEPS.map((item, index) =>
						h('li', { key: item, class: { done: index < step.value, current: index === step.value } }, [
							h('span', { class: 'progress-dot' }, String(index + 1)),
							h('span', { class: 'progress-label' }, i18n.t(`steps.${item}`)),
						]),
					),
				),
				h(
					'form',
					{
						class: 'step',
						novalidate: true,
						'aria-labelledby': context.id('step-title'),
						onSubmit: (event: Event) => {
							event.preventDefault();
							void (last ? submit() : next());
						},
					},
					[
						h('p', { class: 'step-count' }, i18n.t('form.step_of', { current: step.value + 1, total: STEPS.length })),
						h(
							'h2',
							{ class: 'step-title', id: context.id('step-title'), tabindex: '-1' },
							i18n.t(`steps.${name}_title`),
						),
						errorCount > 0 && name !== 'review'
							? h('p', { class: 'error-summary' }, [
									icon('error'),
									h('span', i18n.t('errors.summary', { count: errorCount })),
								])
							: null,
						h('div', { class: 'step-body' }, [body]),
						// honeypot: out of sight and out of the tab order; people leave it empty
						h('div', { class: 'hp', 'aria-hidden': 'true' }, [
							h('label', { for: context.id('website') }, i18n.t('form.honeypot')),
							h('input', {
								id: context.id('website'),
								name: 'website',
								type: 'text',
								tabindex: '-1',
								autocomplete: 'off',
								value: draft.website,
								onInput: (event: Event) => (draft.website = (event.target as HTMLInputElement).value),
							}),
						]),
						h('div', { class: 'step-nav' }, [
							step.value > 0
								? h(
										'button',
										{
											type: 'button',
											class: 'button secondary',
											disabled: submitting.value,
											onClick: () => goTo(step.value - 1),
										},
										i18n.t('form.back'),
									)
								: h('span'),
							h(
								'button',
								{
									type: 'submit',
									class: 'button primary',
									disabled: submitting.value,
									'aria-disabled': submitting.value ? 'true' : undefined,
								},
								last ? (submitting.value ? i18n.t('review.sending') : i18n.t('review.submit')) : i18n.t('form.next'),
							),
						]),
					],
				),
			]);
		};
	},
});
