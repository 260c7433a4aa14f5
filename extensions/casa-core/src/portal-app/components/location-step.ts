// Step 3: where. A Leaflet map centred on Casablanca with the 16
// arrondissements drawn from the API. The pin is placed by click or tap, by
// dragging it, by keyboard (arrow keys move it while the map has focus, Enter
// puts it at the centre, + and - zoom) or from the phone's position. Without
// tiles (offline, blocked) the boundaries still show and the pin still works.
import * as L from 'leaflet';
import { computed, defineComponent, h, onBeforeUnmount, onMounted, ref, watch } from 'vue';
import { type FieldMessage, categoryName, clearErrors, usePortal } from '../context';
import { locate } from '../geo';
import { PIN_SVG, icon } from '../icons';
import { controlAria, errorId, fieldError, inputValue } from '../ui';
import { TEXT_LIMITS } from '../../domain/complaint/vocabulary';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const round = (value: number) => Math.round(value * 1e6) / 1e6;

export const LocationStep = defineComponent({
	name: 'LocationStep',
	setup() {
		const context = usePortal();
		const { draft, i18n } = context;
		const mapElement = ref<HTMLElement | null>(null);
		const tilesFailed = ref(false);
		const locating = ref(false);
		const geoMessage = ref<FieldMessage | null>(null);
		let map: L.Map | null = null;
		let marker: L.Marker | null = null;
		let boundaries: L.GeoJSON | null = null;
		let tiles: L.TileLayer | null = null;
		let announceTimer: ReturnType<typeof setTimeout> | undefined;
		let tilesLoaded = 0;

		const area = computed(() =>
			draft.latitude !== null && draft.longitude !== null
				? locate(draft.latitude, draft.longitude, context.areas.value)
				: null,
		);

		function pinDescription(): string {
			if (draft.latitude === null || draft.longitude === null) return i18n.t('location.no_pin');
			// isolated left to right (LRI … PDI): the minus sign stays with its number in Arabic
			const coordinates = `\u2066${draft.latitude.toFixed(5)}, ${draft.longitude.toFixed(5)}\u2069`;
			if (context.areas.value.length === 0) return i18n.t('location.pin_at', { coordinates });
			return area.value
				? i18n.t('location.pin_in', { area: categoryName(area.value, i18n.lang.value), coordinates })
				: i18n.t('location.pin_outside', { coordinates });
		}

		function styleArea(feature?: GeoJSON.Feature) {
			const selected = !!feature && feature.properties?.code === area.value?.code;
			return {
				color: '#1d4f91',
				weight: selected ? 3 : 1.5,
				opacity: 0.9,
				fillColor: '#1d4f91',
				fillOpacity: selected ? 0.16 : 0.04,
			};
		}

		function drawBoundaries(fit: boolean) {
			if (!map) return;
			boundaries?.remove();
			boundaries = null;
			if (context.areas.value.length === 0) return;
			boundaries = L.geoJSON(
				{
					type: 'FeatureCollection',
					features: context.areas.value.map((item) => ({
						type: 'Feature',
						properties: { code: item.code },
						geometry: item.boundary as GeoJSON.Geometry,
					})),
				} as GeoJSON.FeatureCollection,
				{ interactive: false, style: styleArea },
			).addTo(map);
			if (fit && draft.latitude === null) map.fitBounds(boundaries.getBounds(), { padding: [8, 8], animate: false });
		}

		function setPin(latlng: L.LatLng, options: { announce?: boolean; pan?: boolean } = {}) {
			if (!map) return;
			draft.latitude = round(latlng.lat);
			draft.longitude = round(latlng.lng);
			const position = L.latLng(draft.latitude, draft.longitude);
			if (!marker) {
				marker = L.marker(position, {
					icon: L.divIcon({ html: PIN_SVG, className: 'casa-pin', iconSize: [32, 44], iconAnchor: [16, 43] }),
					draggable: true,
					keyboard: false,
					autoPan: true,
				}).addTo(map);
				marker.on('dragend', () => marker && setPin(marker.getLatLng()));
			} else marker.setLatLng(position);
			// a pin placed at city scale: zoom in around it, so it can be adjusted at street scale
			if (map.getZoom() < 15) map.setView(position, 15, { animate: false });
			else if (options.pan !== false && !map.getBounds().pad(-0.1).contains(position)) map.panTo(position);
			clearErrors(context.errors, ['latitude', 'longitude']);
			boundaries?.setStyle(styleArea as L.PathOptions);
			if (options.announce !== false) {
				clearTimeout(announceTimer);
				announceTimer = setTimeout(() => context.announce(pinDescription()), 450);
			}
		}

		function removePin() {
			marker?.remove();
			marker = null;
			draft.latitude = null;
			draft.longitude = null;
			boundaries?.setStyle(styleArea as L.PathOptions);
			context.announce(i18n.t('location.pin_removed'));
		}

		function onMapKey(event: KeyboardEvent) {
			if (!map) return;
			const step = event.shiftKey ? 60 : 12;
			const moves: Record<string, [number, number]> = {
				ArrowUp: [0, -step],
				ArrowDown: [0, step],
				ArrowLeft: [-step, 0],
				ArrowRight: [step, 0],
			};
			const move = moves[event.key];
			if (move) {
				event.preventDefault();
				const start =
					draft.latitude !== null && draft.longitude !== null
						? L.latLng(draft.latitude, draft.longitude)
						: map.getCenter();
				const point = map.latLngToContainerPoint(start).add(L.point(move[0], move[1]));
				setPin(map.containerPointToLatLng(point));
			} else if (event.key === 'Enter') {
				event.preventDefault();
				setPin(map.getCenter(), { pan: false });
			} else if (event.key === '+' || event.key === '=') {
				event.preventDefault();
				map.zoomIn();
			} else if (event.key === '-' || event.key === '_') {
				event.preventDefault();
				map.zoomOut();
			}
		}

		function useMyPosition() {
			geoMessage.value = null;
			if (!('geolocation' in navigator)) {
				geoMessage.value = { key: 'location.geo_unsupported' };
				return;
			}
			locating.value = true;
			context.announce(i18n.t('location.geo_searching'));
			navigator.geolocation.getCurrentPosition(
				(position) => {
					locating.value = false;
					const latlng = L.latLng(position.coords.latitude, position.coords.longitude);
					map?.setView(latlng, Math.max(map.getZoom(), 17));
					setPin(latlng, { pan: false });
				},
				(error) => {
					locating.value = false;
					geoMessage.value = {
						key: error.code === error.PERMISSION_DENIED ? 'location.geo_denied' : 'location.geo_failed',
					};
					context.announce(i18n.t(geoMessage.value.key!), true);
				},
				{ enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
			);
		}

		onMounted(() => {
			const config = context.config.value;
			const hasPin = draft.latitude !== null && draft.longitude !== null;
			map = L.map(mapElement.value!, {
				center: hasPin ? [draft.latitude!, draft.longitude!] : config.center,
				zoom: hasPin ? 16 : config.zoom,
				minZoom: 10,
				maxZoom: 19,
				keyboard: false,
				zoomControl: false,
				attributionControl: true,
			});
			map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
			tiles = L.tileLayer(config.tileUrl, { attribution: escapeHtml(config.tileAttribution), maxZoom: 19 })
				.on('tileload', () => {
					tilesLoaded += 1;
					tilesFailed.value = false;
				})
				.on('tileerror', () => {
					if (tilesLoaded === 0) tilesFailed.value = true;
				})
				.addTo(map);
			drawBoundaries(true);
			if (hasPin) setPin(L.latLng(draft.latitude!, draft.longitude!), { announce: false, pan: false });
			map.on('click', (event: L.LeafletMouseEvent) => setPin(event.latlng));
			// the container was hidden or resized while the step appeared
			requestAnimationFrame(() => map?.invalidateSize());
		});
		watch(
			() => context.areas.value,
			() => drawBoundaries(true),
		);
		watch(
			() => context.config.value.tileUrl,
			(url) => tiles?.setUrl(url),
		);
		onBeforeUnmount(() => {
			clearTimeout(announceTimer);
			// a pan or zoom still running would fire on a removed map
			map?.stop();
			map?.off();
			map?.remove();
			map = null;
			marker = null;
		});

		return () => {
			const hasPin = draft.latitude !== null;
			return h('div', { class: 'location-step' }, [
				h('p', { class: 'hint', id: context.id('map-help') }, i18n.t('location.map_help')),
				h('div', { class: 'map-frame' }, [
					h('div', {
						ref: mapElement,
						class: 'map',
						dir: 'ltr',
						tabindex: '0',
						role: 'application',
						'aria-roledescription': i18n.t('location.map_role'),
						'aria-label': i18n.t('location.map_label'),
						'aria-describedby': [
							context.id('map-help'),
							context.id('pin-status'),
							context.errors.latitude ? errorId(context, 'latitude') : null,
						]
							.filter(Boolean)
							.join(' '),
						'data-invalid': context.errors.latitude ? 'true' : undefined,
						onKeydown: onMapKey,
					}),
					h('div', { class: 'map-crosshair', 'aria-hidden': 'true' }),
				]),
				tilesFailed.value ? h('p', { class: 'notice small', role: 'status' }, i18n.t('location.tiles_failed')) : null,
				h(
					'p',
					{
						class: ['pin-status', { 'pin-outside': hasPin && context.areas.value.length > 0 && !area.value }],
						id: context.id('pin-status'),
					},
					[icon('pin'), h('span', pinDescription())],
				),
				fieldError(context, 'latitude'),
				h('div', { class: 'map-tools' }, [
					h('button', { type: 'button', class: 'button secondary', disabled: locating.value, onClick: useMyPosition }, [
						icon('locate'),
						h('span', locating.value ? i18n.t('location.geo_searching') : i18n.t('location.use_position')),
					]),
					h(
						'button',
						{
							type: 'button',
							class: 'button secondary',
							onClick: () => map && setPin(map.getCenter(), { pan: false }),
						},
						[icon('center'), h('span', i18n.t('location.pin_center'))],
					),
					h(
						'button',
						{
							type: 'button',
							class: 'button secondary icon-only',
							'aria-label': i18n.t('location.zoom_in'),
							title: i18n.t('location.zoom_in'),
							onClick: () => map?.zoomIn(),
						},
						[icon('plus')],
					),
					h(
						'button',
						{
							type: 'button',
							class: 'button secondary icon-only',
							'aria-label': i18n.t('location.zoom_out'),
							title: i18n.t('location.zoom_out'),
							onClick: () => map?.zoomOut(),
						},
						[icon('minus')],
					),
					hasPin
						? h('button', { type: 'button', class: 'button link', onClick: removePin }, i18n.t('location.remove_pin'))
						: null,
				]),
				geoMessage.value
					? h('p', { class: 'field-error', role: 'alert' }, [
							icon('error'),
							h('span', context.message(geoMessage.value)),
						])
					: null,
				h('div', { class: 'field' }, [
					h('label', { class: 'label', for: context.id('field-address') }, i18n.t('location.address_label')),
					h('p', { class: 'hint', id: context.id('address-hint') }, i18n.t('location.address_hint')),
					h('input', {
						type: 'text',
						class: 'input',
						autocomplete: 'street-address',
						maxlength: TEXT_LIMITS.address,
						value: draft.address,
						...controlAria(context, 'address', context.id('address-hint')),
						onInput: (event: Event) => {
							draft.address = inputValue(event);
							clearErrors(context.errors, ['address']);
							if (draft.address.trim() && context.errors.latitude?.key === 'errors.required.location')
								clearErrors(context.errors, ['latitude']);
						},
					}),
					fieldError(context, 'address'),
				]),
			]);
		};
	},
});
