// The citizens' app: the complaint form, its receipt, the offline queue and
// complaint tracking. The same root component runs as the standalone page
// (main.ts, /portal/) and inside the <casa-reclamation> custom element
// (embed.ts, on other sites).
import { type PropType, defineComponent, h, onBeforeUnmount, onMounted, provide, reactive, ref, watch } from 'vue';
import { createApi } from './api';
import { ChatView } from './components/chat-view';
import { FormView, type FormOutcome } from './components/form-view';
import { FollowedView, QueuedView, SentView } from './components/result-views';
import { TrackLookup, TrackingView } from './components/tracking-view';
import {
	DEFAULT_CONFIG,
	type FieldMessage,
	PORTAL,
	type PortalConfig,
	type PortalContext,
	STEPS,
	type Service,
	clearErrors,
	createErrors,
	createIds,
	findCategory,
	messageOfProblem,
	stepOfField,
} from './context';
import { type Draft, clearSavedDraft, emptyDraft, loadDraft } from './draft';
import type { Arrondissement } from './geo';
import { type Lang, createI18n, normaliseLang } from './i18n';
import { icon } from './icons';
import { type QueuedComplaint, type Receipt, flushQueue, listQueued, removeQueued } from './queue';

export type Route =
	{ name: 'form' } | { name: 'tracking'; reference: string; secret: string } | { name: 'lookup'; reference: string };

type View =
	| { name: 'form'; step: number }
	| { name: 'sent'; receipt: Receipt }
	| { name: 'queued'; key: string }
	| { name: 'followed'; reference: string; supporters: number }
	| { name: 'tracking'; reference: string; secret: string }
	| { name: 'lookup'; reference: string; failed: boolean }
	| { name: 'chat' };

type Banner = { id: string; kind: 'sent'; receipt: Receipt } | { id: string; kind: 'refused'; item: QueuedComplaint };

let photoIds = 0;

export const PortalApp = defineComponent({
	name: 'CasaPortal',
	props: {
		lang: { type: String, default: 'fr' },
		/** absolute URL of the portal, ending in /portal/ */
		portalBase: { type: String, required: true },
		embedded: { type: Boolean, default: false },
		/** 'mobile' when packaged as a store app: complaints are recorded on the mobile channel */
		channel: { type: String, default: '' },
		route: { type: Object as PropType<Route>, default: () => ({ name: 'form' }) },
	},
	emits: { language: (_lang: Lang) => true, navigate: (_route: Route) => true },
	setup(props, { emit }) {
		const i18n = createI18n(normaliseLang(props.lang) ?? 'fr');
		const api = createApi(props.portalBase);
		const saved = loadDraft();
		const draft = reactive<Draft>(saved?.draft ?? emptyDraft());
		const errors = createErrors();
		const config = ref<PortalConfig>(DEFAULT_CONFIG);
		const services = ref<Service[] | null>(null);
		const servicesFailed = ref(false);
		const embedRefused = ref<string | null>(null);
		const areas = ref<Arrondissement[]>([]);
		const polite = ref('');
		const urgent = ref('');
		const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine !== false);
		const sending = ref(false);
		const banners = ref<Banner[]>([]);
		const waiting = ref(0);
		const formKey = ref(0);
		const view = ref<View>(viewOf(props.route, saved?.step ?? 0));

		function viewOf(route: Route, step = 0): View {
			if (route.name === 'tracking')
				return route.secret ? { ...route } : { name: 'lookup', reference: route.reference, failed: false };
			if (route.name === 'lookup') return { name: 'lookup', reference: route.reference, failed: false };
			return { name: 'form', step };
		}

		const announceTimers: Record<string, ReturnType<typeof setTimeout>> = {};
		const context: PortalContext = {
			i18n,
			api,
			embedded: props.embedded,
			channel: props.channel === 'mobile' ? 'mobile' : null,
			config,
			services,
			servicesFailed,
			embedRefused,
			areas,
			draft,
			errors,
			id: createIds(),
			message: (message?: FieldMessage) =>
				message ? (message.key ? i18n.t(message.key, message.values) : (message.text ?? '')) : '',
			announce: (text, isUrgent = false) => {
				const region = isUrgent ? urgent : polite;
				const name = isUrgent ? 'urgent' : 'polite';
				region.value = '';
				clearTimeout(announceTimers[name]);
				// emptied first, so the same sentence twice is read twice
				announceTimers[name] = setTimeout(() => (region.value = text), 60);
			},
			reloadReference: loadReference,
		};
		provide(PORTAL, context);

		async function loadReference() {
			servicesFailed.value = false;
			const [categories, settings, boundaries] = await Promise.allSettled([
				api.get<{ data: Service[] }>('categories'),
				api.get<{ data: PortalConfig }>('config'),
				api.get<{ data: Arrondissement[] }>('arrondissements'),
			]);
			if (categories.status === 'fulfilled') services.value = categories.value.data;
			else if (!services.value) {
				servicesFailed.value = true;
				// inside another site, a refusal by CORS looks like a network failure: ask the platform plainly
				if (props.embedded) {
					const check = await api
						.get<{ data: { allowed: boolean; origin: string | null } }>('embed-check')
						.catch(() => null);
					if (check && !check.data.allowed) embedRefused.value = check.data.origin ?? location.origin;
				}
			}
			if (settings.status === 'fulfilled') config.value = { ...DEFAULT_CONFIG, ...settings.value.data };
			if (boundaries.status === 'fulfilled') areas.value = boundaries.value.data;
		}

		function setLang(lang: Lang) {
			if (lang === i18n.lang.value) return;
			i18n.setLang(lang);
			emit('language', lang);
			context.announce(i18n.t('app.language_changed'));
		}
		watch(
			() => props.lang,
			(value) => {
				const lang = normaliseLang(value);
				if (lang) setLang(lang);
			},
		);
		watch(
			() => props.route,
			(route) => (view.value = viewOf(route)),
		);

		function navigate(route: Route) {
			view.value = viewOf(route, loadDraft()?.step ?? 0);
			clearErrors(errors);
			emit('navigate', route);
		}

		function newDraft() {
			for (const photo of draft.photos) URL.revokeObjectURL(photo.url);
			Object.assign(draft, emptyDraft());
			clearSavedDraft();
			clearErrors(errors);
			formKey.value += 1;
			navigate({ name: 'form' });
		}

		function finished(outcome: FormOutcome) {
			const keep = outcome.kind === 'queued';
			if (outcome.kind === 'sent') view.value = { name: 'sent', receipt: outcome.receipt };
			else if (outcome.kind === 'queued') view.value = { name: 'queued', key: outcome.key };
			else view.value = { name: 'followed', reference: outcome.reference, supporters: outcome.supporters };
			if (keep) void refreshWaiting();
			// the draft is done with: the next complaint gets a new Idempotency-Key
			for (const photo of draft.photos) URL.revokeObjectURL(photo.url);
			Object.assign(draft, emptyDraft());
			clearSavedDraft();
			formKey.value += 1;
		}

		async function refreshWaiting() {
			waiting.value = (await listQueued()).filter((item) => !item.problems).length;
			const refused = (await listQueued()).filter((item) => item.problems);
			for (const item of refused)
				if (!banners.value.some((banner) => banner.kind === 'refused' && banner.item.key === item.key))
					banners.value.push({ id: `refused-${item.key}`, kind: 'refused', item });
		}

		async function flush() {
			if (sending.value) return;
			sending.value = true;
			try {
				const outcomes = await flushQueue(api);
				for (const outcome of outcomes) {
					if ('receipt' in outcome) {
						if (view.value.name === 'queued' && view.value.key === outcome.key)
							view.value = { name: 'sent', receipt: outcome.receipt };
						else banners.value.push({ id: `sent-${outcome.key}`, kind: 'sent', receipt: outcome.receipt });
						context.announce(i18n.t('queued.sent', { reference: outcome.receipt.reference }));
					}
				}
			} catch {
				// IndexedDB unavailable: nothing was queued here
			} finally {
				sending.value = false;
				await refreshWaiting().catch(() => undefined);
			}
		}

		/** a complaint the server refused after it waited offline comes back into the form with its errors */
		async function reviewRefused(item: QueuedComplaint) {
			for (const photo of draft.photos) URL.revokeObjectURL(photo.url);
			// answers (attribute[…]) come back from their own entries; the rest are single texts
			const fields = Object.fromEntries(
				Object.entries(item.fields).filter(([, value]) => typeof value === 'string'),
			) as Record<string, string>;
			const attributes: Record<string, string | string[]> = {};
			for (const [name, value] of Object.entries(item.fields)) {
				const match = /^attribute\[([^\]]*)\](\[\])?$/.exec(name);
				if (match) attributes[match[1]] = value;
			}
			Object.assign(draft, emptyDraft(), {
				key: item.key,
				type: (fields.type as Draft['type']) ?? 'reclamation',
				category: fields.category || null,
				service: findCategory(services.value, fields.category ?? null)?.service.code ?? null,
				description: fields.description ?? '',
				attributes,
				latitude: fields.latitude ? Number(fields.latitude) : null,
				longitude: fields.longitude ? Number(fields.longitude) : null,
				address: fields.address ?? '',
				citizen_name: fields.citizen_name ?? '',
				citizen_phone: fields.citizen_phone ?? '',
				citizen_email: fields.citizen_email ?? '',
				consent: fields.consent === 'true',
			});
			draft.photos = item.photos.map((photo) => ({
				id: `restored-${++photoIds}`,
				blob: photo.blob,
				name: photo.name,
				url: URL.createObjectURL(photo.blob),
			}));
			clearErrors(errors);
			let first = STEPS.length - 1;
			for (const problem of item.problems ?? []) {
				if (!problem.field) continue;
				errors[problem.field === 'longitude' ? 'latitude' : problem.field] = messageOfProblem(problem);
				first = Math.min(first, STEPS.indexOf(stepOfField(problem.field)));
			}
			await removeQueued(item.key);
			banners.value = banners.value.filter((banner) => banner.kind !== 'refused' || banner.item.key !== item.key);
			formKey.value += 1;
			view.value = { name: 'form', step: first };
		}

		const onOnline = () => {
			online.value = true;
			void flush();
			if (servicesFailed.value || areas.value.length === 0) void loadReference();
		};
		const onOffline = () => (online.value = false);
		onMounted(() => {
			void loadReference();
			void flush();
			window.addEventListener('online', onOnline);
			window.addEventListener('offline', onOffline);
		});
		onBeforeUnmount(() => {
			window.removeEventListener('online', onOnline);
			window.removeEventListener('offline', onOffline);
		});

		const other = () => (i18n.lang.value === 'ar' ? 'fr' : 'ar');

		function renderBanner(banner: Banner) {
			if (banner.kind === 'sent')
				return h('div', { class: 'banner ok', key: banner.id }, [
					icon('check'),
					h('p', [
						i18n.t('queued.sent', { reference: banner.receipt.reference }),
						' ',
						h('a', { href: banner.receipt.tracking_url, dir: 'ltr' }, i18n.t('success.track')),
					]),
					h(
						'button',
						{
							type: 'button',
							class: 'button link',
							onClick: () => (banners.value = banners.value.filter((item) => item !== banner)),
						},
						i18n.t('common.close'),
					),
				]);
			return h('div', { class: 'banner warn', key: banner.id }, [
				icon('error'),
				h('p', i18n.t('queued.refused')),
				h(
					'button',
					{ type: 'button', class: 'button secondary', onClick: () => reviewRefused(banner.item) },
					i18n.t('queued.review'),
				),
			]);
		}

		function renderView() {
			const current = view.value;
			switch (current.name) {
				case 'form':
					return h(FormView, { key: `form-${formKey.value}`, initialStep: current.step, onDone: finished });
				case 'sent':
					return h(SentView, { receipt: current.receipt, onAgain: newDraft });
				case 'queued':
					return h(QueuedView, { sending: sending.value, onRetry: flush, onAgain: newDraft });
				case 'followed':
					return h(FollowedView, { reference: current.reference, supporters: current.supporters, onAgain: newDraft });
				case 'tracking':
					return h(TrackingView, {
						reference: current.reference,
						secret: current.secret,
						onLookup: () => navigate({ name: 'lookup', reference: current.reference }),
					});
				case 'chat':
					return h(ChatView);
				case 'lookup':
					return h(TrackLookup, {
						key: `lookup-${current.reference}`,
						reference: current.reference,
						failed: current.failed,
						onTrack: (reference: string, secret: string) => navigate({ name: 'tracking', reference, secret }),
					});
			}
		}

		return () => {
			const lang = i18n.lang.value;
			const tracking = view.value.name === 'tracking' || view.value.name === 'lookup';
			const chatting = view.value.name === 'chat';
			return h('div', { class: ['casa-root', { embedded: props.embedded }], lang, dir: i18n.dir.value }, [
				h('header', { class: 'app-header' }, [
					h('div', { class: 'brand' }, [
						h('img', {
							class: 'brand-logo',
							src: new URL('icons/icon.svg', props.portalBase).toString(),
							alt: '',
							width: 40,
							height: 40,
						}),
						h('div', [
							h(props.embedded ? 'p' : 'h1', { class: 'app-title' }, i18n.t('app.title')),
							h('p', { class: 'app-subtitle' }, i18n.t('app.subtitle')),
						]),
					]),
					h('button', { type: 'button', class: 'button lang-switch', lang: other(), onClick: () => setLang(other()) }, [
						icon('globe'),
						h('span', i18n.t('app.switch_to')),
					]),
				]),
				h('nav', { class: 'app-nav', 'aria-label': i18n.t('app.nav') }, [
					h(
						'button',
						{
							type: 'button',
							class: ['tab', { active: !tracking && !chatting }],
							'aria-current': !tracking && !chatting ? 'page' : undefined,
							onClick: () => (view.value.name === 'form' ? undefined : newDraftOrForm()),
						},
						i18n.t('app.new_complaint'),
					),
					// inside another site, tracking opens the platform's own page (the tracking secret never crosses origins)
					props.embedded
						? h(
								'a',
								{
									class: 'tab',
									href: new URL('suivi/', props.portalBase).toString(),
									target: '_blank',
									rel: 'noopener',
								},
								[i18n.t('app.track'), h('span', { class: 'visually-hidden' }, ` (${i18n.t('app.new_tab')})`)],
							)
						: h(
								'button',
								{
									type: 'button',
									class: ['tab', { active: tracking }],
									'aria-current': tracking ? 'page' : undefined,
									onClick: () => navigate({ name: 'lookup', reference: '' }),
								},
								i18n.t('app.track'),
							),
					// the same conversation as on WhatsApp
					h(
						'button',
						{
							type: 'button',
							class: ['tab', { active: chatting }],
							'aria-current': chatting ? 'page' : undefined,
							onClick: () => (view.value = { name: 'chat' }),
						},
						i18n.t('chat.tab'),
					),
				]),
				!online.value
					? h('div', { class: 'banner offline', role: 'status' }, [icon('cloud_off'), h('p', i18n.t('app.offline'))])
					: null,
				waiting.value > 0 && view.value.name !== 'queued'
					? h('div', { class: 'banner warn' }, [
							icon('cloud_off'),
							h('p', i18n.t('queued.waiting', { count: waiting.value })),
						])
					: null,
				banners.value.map(renderBanner),
				h('main', { class: 'app-main', id: context.id('main') }, [renderView()]),
				h('footer', { class: 'app-footer' }, [h('p', i18n.t('app.footer'))]),
				h(
					'div',
					{ class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' },
					polite.value,
				),
				h(
					'div',
					{ class: 'visually-hidden', role: 'alert', 'aria-live': 'assertive', 'aria-atomic': 'true' },
					urgent.value,
				),
			]);
		};

		function newDraftOrForm() {
			if (view.value.name === 'sent' || view.value.name === 'followed' || view.value.name === 'queued') newDraft();
			else navigate({ name: 'form' });
		}
	},
});
