// The standalone page at /portal/ (and /portal/suivi/<reference>#<secret>).
// Sets <html lang dir>, keeps the URL in step with the view, registers the
// service worker that makes the page open offline.
import leafletCss from 'leaflet/dist/leaflet.css';
import { createApp, h, ref } from 'vue';
import { PortalApp, type Route } from './app';
import { type Lang, normaliseLang } from './i18n';
import ar from './locales/ar.json';
import fr from './locales/fr.json';
import appCss from './styles.css';

const script = document.currentScript as HTMLScriptElement | null;
const portalBase = new URL('./', script?.src || location.href).toString();
const portalPath = new URL(portalBase).pathname;
const LANG_KEY = 'casa-portal-lang';

function storedLang(): Lang | null {
	try {
		return normaliseLang(localStorage.getItem(LANG_KEY));
	} catch {
		return null;
	}
}

function initialLang(): Lang {
	const fromQuery = normaliseLang(new URLSearchParams(location.search).get('lang'));
	if (fromQuery) return fromQuery;
	const stored = storedLang();
	if (stored) return stored;
	for (const candidate of navigator.languages ?? [navigator.language]) {
		const lang = normaliseLang(candidate);
		if (lang) return lang;
	}
	return 'fr';
}

function routeFromLocation(): Route {
	const rest = location.pathname.startsWith(portalPath) ? location.pathname.slice(portalPath.length) : '';
	const match = /^suivi\/([^/]+)\/?$/.exec(rest);
	if (match)
		return {
			name: 'tracking',
			reference: decodeURIComponent(match[1]).toUpperCase(),
			secret: decodeURIComponent(location.hash.slice(1)),
		};
	if (/^suivi\/?$/.test(rest)) return { name: 'lookup', reference: '' };
	return { name: 'form' };
}

function urlOf(route: Route): string {
	if (route.name === 'tracking')
		return `${portalBase}suivi/${encodeURIComponent(route.reference)}#${encodeURIComponent(route.secret)}`;
	if (route.name === 'lookup') return `${portalBase}suivi/`;
	return portalBase;
}

function applyLang(lang: Lang) {
	const root = document.documentElement;
	root.lang = lang;
	root.dir = lang === 'ar' ? 'rtl' : 'ltr';
	document.title = (lang === 'ar' ? ar : fr).app.page_title;
	const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
	if (manifest)
		manifest.href = new URL(lang === 'ar' ? 'manifest.ar.webmanifest' : 'manifest.webmanifest', portalBase).toString();
	try {
		localStorage.setItem(LANG_KEY, lang);
	} catch {
		// private mode: the choice lasts for this page only
	}
}

const style = document.createElement('style');
style.textContent = `html,body{margin:0;background:#f4f6f9}${leafletCss}\n${appCss}`;
document.head.append(style);

const lang = ref<Lang>(initialLang());
const route = ref<Route>(routeFromLocation());
applyLang(lang.value);

createApp({
	name: 'CasaPortalPage',
	render: () =>
		h(PortalApp, {
			lang: lang.value,
			portalBase,
			route: route.value,
			onLanguage: (next: Lang) => {
				lang.value = next;
				applyLang(next);
			},
			onNavigate: (next: Route) => {
				const url = urlOf(next);
				if (url !== location.href) history.pushState(null, '', url);
			},
		}),
}).mount('#app');

const followLocation = () => (route.value = routeFromLocation());
window.addEventListener('popstate', followLocation);
window.addEventListener('hashchange', followLocation);

if (
	'serviceWorker' in navigator &&
	(location.protocol === 'https:' || location.hostname === 'localhost' || location.hostname === '127.0.0.1')
) {
	window.addEventListener('load', () => {
		navigator.serviceWorker.register(new URL('sw.js', portalBase), { scope: portalPath }).catch(() => {
			// no offline mode, the page still works online
		});
	});
}
