// The chat widget: the same conversation as on WhatsApp (/chat/widget), in the
// portal. The server asks, the citizen answers by typing, by a choice button,
// by a point on the map or with a photo. The session id stays in this tab's
// sessionStorage; the server keeps only its hash.
import * as L from 'leaflet';
import { defineComponent, h, nextTick, onBeforeUnmount, onMounted, ref, watch } from 'vue';
import { usePortal } from '../context';
import { PIN_SVG, icon } from '../icons';

interface Choice {
	id: string;
	title: string;
}
interface Reply {
	text: string;
	choices?: Choice[];
	location?: boolean;
	photo?: boolean;
}
interface Answer {
	session?: string;
	replies: Reply[];
	state: string | null;
	language: string | null;
	reference?: string;
	tracking_url?: string;
	duplicate?: boolean;
}
interface Line {
	id: number;
	from: 'bot' | 'me';
	text: string;
}

const STORAGE_KEY = 'casa-chat-session';
let lineIds = 0;

export const ChatView = defineComponent({
	name: 'ChatView',
	setup() {
		const context = usePortal();
		const { i18n } = context;
		const base = new URL('../chat/widget/', context.api.portalBase);
		const session = ref<string | null>(readSession());
		const lines = ref<Line[]>([]);
		const last = ref<Reply | null>(null);
		const state = ref<string | null>(null);
		const done = ref<{ reference: string; url: string } | null>(null);
		const text = ref('');
		const busy = ref(false);
		const failed = ref(false);
		const logElement = ref<HTMLElement | null>(null);
		const mapElement = ref<HTMLElement | null>(null);
		const point = ref<{ latitude: number; longitude: number } | null>(null);
		let map: L.Map | null = null;
		let marker: L.Marker | null = null;

		function readSession(): string | null {
			try {
				return sessionStorage.getItem(STORAGE_KEY);
			} catch {
				return null;
			}
		}
		function keepSession(value: string | null) {
			session.value = value;
			try {
				if (value) sessionStorage.setItem(STORAGE_KEY, value);
				else sessionStorage.removeItem(STORAGE_KEY);
			} catch {
				// private mode: the session lives as long as the page
			}
		}

		async function request(method: string, path: string, body?: BodyInit, json = true): Promise<Answer> {
			const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.lang.value };
			if (json && body !== undefined) headers['content-type'] = 'application/json';
			if (session.value) headers['x-chat-session'] = session.value;
			const response = await fetch(new URL(path, base), {
				method,
				headers,
				body,
				credentials: 'omit',
				cache: 'no-store',
			});
			if (response.status === 403 && path !== 'sessions') {
				keepSession(null);
				throw new Error('session');
			}
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			return (await response.json()).data as Answer;
		}

		function show(answer: Answer) {
			if (answer.duplicate) return;
			for (const reply of answer.replies) lines.value.push({ id: ++lineIds, from: 'bot', text: reply.text });
			last.value = answer.replies.at(-1) ?? last.value;
			state.value = answer.state;
			if (answer.reference && answer.tracking_url)
				done.value = { reference: answer.reference, url: answer.tracking_url };
			const spoken = answer.replies.map((reply) => reply.text).join(' ');
			if (spoken) context.announce(spoken);
			void nextTick(() => {
				logElement.value?.scrollTo({ top: logElement.value.scrollHeight });
				setUpMap();
			});
		}

		async function start() {
			busy.value = true;
			failed.value = false;
			try {
				if (session.value) {
					try {
						show(await request('GET', 'session'));
						return;
					} catch {
						// expired or unknown: a new session
					}
				}
				const answer = await request('POST', 'sessions', JSON.stringify({ lang: i18n.lang.value }));
				keepSession(answer.session ?? null);
				lines.value = [];
				done.value = null;
				show(answer);
			} catch {
				failed.value = true;
			} finally {
				busy.value = false;
			}
		}

		async function send(body: Record<string, unknown> | FormData, echo: string) {
			if (busy.value) return;
			busy.value = true;
			failed.value = false;
			if (echo) lines.value.push({ id: ++lineIds, from: 'me', text: echo });
			const id = `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
			try {
				let answer: Answer;
				if (body instanceof FormData) {
					body.set('id', id);
					answer = await request('POST', 'messages', body, false);
				} else answer = await request('POST', 'messages', JSON.stringify({ ...body, id }));
				show(answer);
			} catch (error) {
				failed.value = true;
				if ((error as Error).message === 'session') void start();
			} finally {
				busy.value = false;
			}
		}

		function sendText(event: Event) {
			event.preventDefault();
			const value = text.value.trim();
			if (!value) return;
			text.value = '';
			void send({ text: value }, value);
		}

		function sendPhoto(event: Event) {
			const input = event.target as HTMLInputElement;
			const file = input.files?.[0];
			input.value = '';
			if (!file) return;
			const form = new FormData();
			form.append('photos', file, file.name || 'photo.jpg');
			void send(form, i18n.t('chat.photo_sent'));
		}

		function sendPoint() {
			if (!point.value) return;
			void send({ location: point.value }, i18n.t('chat.location_sent'));
		}

		function setUpMap() {
			if (!last.value?.location || !mapElement.value || map) return;
			const config = context.config.value;
			map = L.map(mapElement.value, {
				center: config.center as L.LatLngExpression,
				zoom: config.zoom,
				attributionControl: true,
			});
			L.tileLayer(config.tileUrl, {
				attribution: config.tileAttribution.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`),
				maxZoom: 19,
			}).addTo(map);
			if (context.areas.value.length > 0) {
				L.geoJSON(
					{
						type: 'FeatureCollection',
						features: context.areas.value.map((area) => ({
							type: 'Feature',
							properties: {},
							geometry: area.boundary as GeoJSON.Geometry,
						})),
					} as GeoJSON.FeatureCollection,
					{
						interactive: false,
						style: { color: '#1d4f91', weight: 1.5, fillOpacity: 0.04 },
					},
				).addTo(map);
			}
			map.on('click', (event: L.LeafletMouseEvent) => place(event.latlng));
		}

		function place(latlng: L.LatLng) {
			if (!map) return;
			point.value = { latitude: Math.round(latlng.lat * 1e6) / 1e6, longitude: Math.round(latlng.lng * 1e6) / 1e6 };
			if (!marker)
				marker = L.marker(latlng, {
					icon: L.divIcon({ html: PIN_SVG, className: 'casa-pin', iconSize: [32, 44], iconAnchor: [16, 43] }),
					keyboard: false,
					interactive: false,
				}).addTo(map);
			else marker.setLatLng(latlng);
		}

		function placeAtCentre() {
			if (map) place(map.getCenter());
		}

		function dropMap() {
			map?.remove();
			map = null;
			marker = null;
			point.value = null;
		}

		watch(
			() => last.value,
			(reply) => {
				if (!reply?.location) dropMap();
			},
		);
		// the conversation follows the page's language
		watch(
			() => i18n.lang.value,
			(lang) => {
				if (session.value && state.value && !['done', 'cancelled', 'expired'].includes(state.value))
					void send({ text: lang }, '');
			},
		);
		onMounted(() => void start());
		onBeforeUnmount(dropMap);

		return () => {
			const reply = last.value;
			const finished = state.value === 'done' || state.value === 'cancelled' || state.value === 'expired';
			return h('section', { class: 'chat', 'aria-labelledby': context.id('chat-title') }, [
				h('h2', { id: context.id('chat-title'), class: 'step-title' }, i18n.t('chat.title')),
				h('p', { class: 'hint' }, i18n.t('chat.intro')),
				h(
					'div',
					{
						ref: logElement,
						class: 'chat-log',
						role: 'log',
						'aria-live': 'off',
						tabindex: 0,
						'aria-label': i18n.t('chat.log'),
					},
					lines.value.map((line) => h('p', { key: line.id, class: ['chat-line', line.from], dir: 'auto' }, line.text)),
				),
				done.value
					? h('p', { class: 'banner ok' }, [
							icon('check'),
							h('span', [
								i18n.t('chat.done', { reference: done.value.reference }),
								' ',
								h('a', { href: done.value.url, dir: 'ltr' }, i18n.t('chat.track')),
							]),
						])
					: null,
				failed.value
					? h('p', { class: 'field-error', role: 'alert' }, [icon('error'), h('span', i18n.t('chat.failed'))])
					: null,
				!finished && reply?.choices?.length
					? h(
							'div',
							{ class: 'chat-choices', role: 'group', 'aria-label': i18n.t('chat.choices') },
							reply.choices.map((choice) =>
								h(
									'button',
									{
										type: 'button',
										class: 'button secondary',
										disabled: busy.value,
										onClick: () => send({ choice: choice.id }, choice.title),
									},
									choice.title,
								),
							),
						)
					: null,
				!finished && reply?.location
					? h('div', { class: 'chat-map-block' }, [
							h('p', { class: 'hint' }, i18n.t('chat.map_hint')),
							h('div', {
								ref: mapElement,
								class: 'chat-map',
								role: 'application',
								'aria-label': i18n.t('chat.map_label'),
							}),
							h('div', { class: 'chat-actions' }, [
								h('button', { type: 'button', class: 'button secondary', onClick: placeAtCentre }, [
									icon('center'),
									h('span', i18n.t('chat.map_centre')),
								]),
								h(
									'button',
									{ type: 'button', class: 'button', disabled: !point.value || busy.value, onClick: sendPoint },
									[icon('pin'), h('span', i18n.t('chat.send_location'))],
								),
							]),
						])
					: null,
				!finished && reply?.photo
					? h('label', { class: 'button secondary chat-photo' }, [
							icon('camera'),
							h('span', i18n.t('chat.add_photo')),
							h('input', {
								type: 'file',
								accept: 'image/jpeg,image/png,image/webp',
								class: 'visually-hidden',
								disabled: busy.value,
								onChange: sendPhoto,
							}),
						])
					: null,
				finished
					? h(
							'button',
							{
								type: 'button',
								class: 'button',
								onClick: () => {
									keepSession(null);
									void start();
								},
							},
							i18n.t('chat.restart'),
						)
					: h('form', { class: 'chat-input', onSubmit: sendText }, [
							h('label', { for: context.id('chat-text'), class: 'visually-hidden' }, i18n.t('chat.message')),
							h('input', {
								id: context.id('chat-text'),
								type: 'text',
								dir: 'auto',
								value: text.value,
								maxlength: 2000,
								autocomplete: 'off',
								placeholder: i18n.t('chat.placeholder'),
								onInput: (event: Event) => (text.value = (event.target as HTMLInputElement).value),
							}),
							h(
								'button',
								{ type: 'submit', class: 'button', disabled: busy.value || !session.value },
								i18n.t('chat.send'),
							),
						]),
			]);
		};
	},
});
