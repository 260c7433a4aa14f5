// <casa-reclamation lang="ar"></casa-reclamation> on any allowed site
// (attributes: lang="fr|ar", api-base="https://…/portal/", channel="mobile" in a store app):
//   <script src="https://reclamations.casablancacity.ma/portal/embed.js" defer></script>
// A Vue custom element with its own shadow root: the host page's styles do
// not reach the form, and the form's (Leaflet's included) do not leak out.
// The API is the one the script came from (or the `api-base` attribute); the
// site must be listed in PORTAL_EMBED_ORIGINS (CORS).
import leafletCss from 'leaflet/dist/leaflet.css';
import { defineCustomElement, h, ref, useHost, watch, watchEffect } from 'vue';
import { PortalApp } from './app';
import { type Lang, normaliseLang } from './i18n';
import appCss from './styles.css';

function scriptUrl(): string {
	const current = document.currentScript as HTMLScriptElement | null;
	if (current?.src) return current.src;
	const tag = document.querySelector<HTMLScriptElement>('script[src*="/portal/embed.js"]');
	return tag?.src ?? location.href;
}
const defaultBase = new URL('./', scriptUrl()).toString();

const HOST_CSS = `:host{all:initial;display:block;contain:content}:host([hidden]){display:none}`;

export const CasaReclamation = defineCustomElement(
	{
		name: 'CasaReclamation',
		props: {
			lang: { type: String, default: 'fr' },
			apiBase: { type: String, default: '' },
			channel: { type: String, default: '' },
		},
		styles: [HOST_CSS, leafletCss, appCss],
		setup(props) {
			const host = useHost();
			const lang = ref<Lang>(normaliseLang(props.lang) ?? 'fr');
			watch(
				() => props.lang,
				(value) => {
					const next = normaliseLang(value);
					if (next) lang.value = next;
				},
			);
			watchEffect(() => {
				host?.setAttribute('dir', lang.value === 'ar' ? 'rtl' : 'ltr');
				if (host && host.getAttribute('lang') !== lang.value) host.setAttribute('lang', lang.value);
			});
			const portalBase = () =>
				props.apiBase ? new URL(props.apiBase.replace(/\/?$/, '/'), location.href).toString() : defaultBase;
			return () =>
				h(PortalApp, {
					lang: lang.value,
					portalBase: portalBase(),
					embedded: true,
					channel: props.channel,
					onLanguage: (next: Lang) => (lang.value = next),
				});
		},
	},
	{ shadowRoot: true },
);

if (!customElements.get('casa-reclamation')) customElements.define('casa-reclamation', CasaReclamation);
