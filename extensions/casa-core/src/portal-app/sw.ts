// The service worker of /portal/: keeps the app shell (page, script, icons,
// manifests) and the reference data (categories, map settings, boundaries) so
// the page opens and the form can be filled offline. Complaints written
// offline wait in IndexedDB and are sent by the page (queue.ts) when the
// network returns. POSTs and tracking look-ups are never cached.
export {};

interface ExtendableEventLike extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
	request: Request;
	respondWith(response: Response | Promise<Response>): void;
}
interface WorkerScope {
	registration: { scope: string };
	skipWaiting(): Promise<void>;
	clients: { claim(): Promise<void> };
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

declare const __PORTAL_SHELL__: string[];

const worker = self as unknown as WorkerScope;
const PREFIX = 'casa-portal-';
const CACHE = `${PREFIX}${__PORTAL_VERSION__}`;
const scope = worker.registration.scope;
/** reference data: fresh from the network when possible, from the cache otherwise */
const DATA = ['api/categories', 'api/config', 'api/arrondissements'];
/** the page served for any /portal/suivi/… address when offline */
const TRACKING_SHELL = 'suivi/_';

const at = (path: string) => new URL(path, scope).toString();

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll([...__PORTAL_SHELL__, TRACKING_SHELL].map(at));
			// best effort: the data may be refused (rate limit) without failing the install
			await Promise.all(DATA.map((path) => cache.add(at(path)).catch(() => undefined)));
			await worker.skipWaiting();
		})(),
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
			await worker.clients.claim();
		})(),
	);
});

async function networkFirst(request: Request, fallback: string, store: boolean): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (store && response.ok) await cache.put(fallback, response.clone());
		return response;
	} catch (error) {
		const cached = await cache.match(fallback, { ignoreSearch: true });
		if (cached) return cached;
		throw error;
	}
}

async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(request);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

worker.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
	const url = new URL(request.url);
	const path = url.pathname.slice(new URL(scope).pathname.length);
	if (request.mode === 'navigate') {
		const shell = path.startsWith('suivi/') ? TRACKING_SHELL : '';
		event.respondWith(networkFirst(request, at(shell), path === ''));
		return;
	}
	if (DATA.includes(path)) {
		event.respondWith(networkFirst(request, at(path), true));
		return;
	}
	// the citizens' API (tracking, nearby) always goes to the network
	if (path.startsWith('api/')) return;
	event.respondWith(cacheFirst(request));
});
