// Builds the citizens' web app into extensions/casa-core/dist/portal/, served
// by the portal endpoint at /portal/ (see src/endpoints/portal/static-routes.ts):
//   index.html              the page (asset paths filled in per request)
//   app.js                  the standalone page (src/portal-app/main.ts)
//   embed.js                the <casa-reclamation> custom element (src/portal-app/embed.ts)
//   sw.js                   the service worker (app shell offline)
//   manifest.webmanifest    PWA manifest (French; manifest.ar.webmanifest in Arabic)
//   icons/                  PNG icons made here from an inline SVG, with sharp
//   build.json              version and content hashes (long cache for app.js?v=<hash>)
//   *.js.br, *.js.gz        the scripts compressed ahead of time
// Run after the Directus extension build:  node scripts/build-portal.mjs
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const extension = join(root, 'extensions', 'casa-core');
const source = join(extension, 'src', 'portal-app');
const out = join(extension, 'dist', 'portal');
const started = Date.now();

const hash = (...parts) => {
	const digest = createHash('sha256');
	for (const part of parts) digest.update(part);
	return digest.digest('hex').slice(0, 12);
};

/** Leaflet as an ES module (its UMD build would set window.L on the host page) and its CSS as text, without image URLs we never use. */
const leaflet = {
	name: 'leaflet',
	setup(builder) {
		builder.onResolve({ filter: /^leaflet$/ }, () => ({ path: require.resolve('leaflet/dist/leaflet-src.esm.js') }));
		builder.onLoad({ filter: /leaflet[\\/]dist[\\/]leaflet\.css$/ }, async (args) => ({
			contents: (await readFile(args.path, 'utf8')).replace(/url\((['"]?)images\/[^)]*\)/g, 'none'),
			loader: 'text',
		}));
	},
};

const common = {
	absWorkingDir: root,
	bundle: true,
	minify: true,
	write: false,
	platform: 'browser',
	format: 'iife',
	// Chrome 80+ (Android WebView, Samsung Internet), iOS 15+ Safari (esbuild cannot lower destructuring for Safari 14)
	target: ['es2020', 'chrome80', 'safari15', 'firefox80'],
	charset: 'utf8',
	legalComments: 'eof',
	logLevel: 'warning',
	loader: { '.css': 'text' },
	plugins: [leaflet],
	define: {
		'process.env.NODE_ENV': '"production"',
		__VUE_OPTIONS_API__: 'false',
		__VUE_PROD_DEVTOOLS__: 'false',
		__VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
	},
};

async function bundle(entry, extra = {}) {
	const result = await build({
		...common,
		entryPoints: [join(source, entry)],
		outfile: join(out, entry.replace(/\.ts$/, '.js')),
		...extra,
		define: { ...common.define, ...extra.define },
	});
	return result.outputFiles[0].contents;
}

// ---- icons: one SVG drawn here, PNGs by sharp (Directus's own dependency) ----
const ICON_BLUE = '#1d4f91';
function iconSvg({ maskable = false } = {}) {
	// maskable icons keep their content inside the central 80 % safe zone
	const scale = maskable ? 0.72 : 0.86;
	const offset = (512 - 512 * scale) / 2;
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
<rect width="512" height="512" rx="${maskable ? 0 : 104}" fill="${ICON_BLUE}"/>
<g transform="translate(${offset} ${offset}) scale(${scale})">
<path d="M96 112h320a40 40 0 0 1 40 40v176a40 40 0 0 1-40 40H236l-84 70v-70H96a40 40 0 0 1-40-40V152a40 40 0 0 1 40-40z" fill="#ffffff"/>
<path d="M256 150c-40 0-72 31-72 70 0 52 72 120 72 120s72-68 72-120c0-39-32-70-72-70z" fill="#c8102e"/>
<circle cx="256" cy="220" r="26" fill="#ffffff"/>
</g>
</svg>`;
}

async function icons() {
	const apiRequire = createRequire(require.resolve('@directus/api/package.json'));
	const sharp = apiRequire('sharp');
	const dir = join(out, 'icons');
	await mkdir(dir, { recursive: true });
	const plain = Buffer.from(iconSvg());
	const maskable = Buffer.from(iconSvg({ maskable: true }));
	await writeFile(join(dir, 'icon.svg'), plain);
	const files = [
		['icon-192.png', plain, 192],
		['icon-512.png', plain, 512],
		['icon-maskable-512.png', maskable, 512],
		['apple-touch-icon.png', maskable, 180],
	];
	for (const [name, svg, size] of files)
		await sharp(svg, { density: Math.ceil((72 * size) / 512) * 2 })
			.resize(size, size)
			.png({ compressionLevel: 9 })
			.toFile(join(dir, name));
	return ['icons/icon.svg', ...files.map(([name]) => `icons/${name}`)];
}

function manifest(lang) {
	const ar = lang === 'ar';
	const icons = [
		{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
		{ src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
		{ src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
		{ src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
	];
	const names = {
		fr: {
			name: 'Casa Réclamations',
			short_name: 'Réclamations',
			description: 'Signaler un problème à la Commune urbaine de Casablanca et suivre sa réponse.',
		},
		ar: {
			name: 'شكايات الدار البيضاء',
			short_name: 'شكايات',
			description: 'قدّم شكايتك إلى جماعة الدار البيضاء وتتبّع معالجتها.',
		},
	};
	const other = ar ? 'fr' : 'ar';
	return {
		id: './',
		...names[lang],
		lang,
		dir: ar ? 'rtl' : 'ltr',
		start_url: `./${ar ? '?lang=ar' : ''}`,
		scope: './',
		display: 'standalone',
		orientation: 'portrait',
		background_color: '#f4f6f9',
		theme_color: ICON_BLUE,
		categories: ['government', 'utilities'],
		icons,
		// the other language, for browsers that read localized members (Chromium's manifest localization)
		name_localized: { [other]: { value: names[other].name, lang: other, dir: other === 'ar' ? 'rtl' : 'ltr' } },
		short_name_localized: {
			[other]: { value: names[other].short_name, lang: other, dir: other === 'ar' ? 'rtl' : 'ltr' },
		},
		description_localized: {
			[other]: { value: names[other].description, lang: other, dir: other === 'ar' ? 'rtl' : 'ltr' },
		},
	};
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const [app, embed] = await Promise.all([bundle('main.ts', { outfile: join(out, 'app.js') }), bundle('embed.ts')]);
const appHash = hash(app);
const embedHash = hash(embed);
// scripts are also written compressed: the server sends what the browser accepts
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
for (const [name, content] of [
	['app.js', app],
	['embed.js', embed],
]) {
	await writeFile(join(out, name), content);
	await writeFile(
		join(out, `${name}.br`),
		await brotli(content, {
			params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
		}),
	);
	await writeFile(join(out, `${name}.gz`), await gzipped(content, { level: 9 }));
}
const iconFiles = await icons();

const manifests = { 'manifest.webmanifest': manifest('fr'), 'manifest.ar.webmanifest': manifest('ar') };
for (const [name, content] of Object.entries(manifests))
	await writeFile(join(out, name), `${JSON.stringify(content, null, '\t')}\n`);

const template = await readFile(join(source, 'index.html'), 'utf8');
const html = template.replaceAll('__VERSION__', appHash);
await writeFile(join(out, 'index.html'), html);

const version = hash(
	app,
	embed,
	html,
	JSON.stringify(manifests),
	...(await Promise.all(iconFiles.map((file) => readFile(join(out, file))))),
);
// what the service worker keeps for offline use ('' is the page itself)
const shell = ['', `app.js?v=${appHash}`, ...Object.keys(manifests), ...iconFiles];
const sw = await bundle('sw.ts', {
	define: { __PORTAL_VERSION__: JSON.stringify(version), __PORTAL_SHELL__: JSON.stringify(shell) },
});
await writeFile(join(out, 'sw.js'), sw);

const info = {
	version,
	builtAt: new Date().toISOString(),
	files: { 'app.js': appHash, 'embed.js': embedHash, 'sw.js': hash(sw) },
	shell,
};
await writeFile(join(out, 'build.json'), `${JSON.stringify(info, null, '\t')}\n`);

const kb = (bytes) => `${(bytes.length / 1024).toFixed(1)} kB`;
console.log(
	`[build-portal] ${relative(root, out)}: app.js ${kb(app)}, embed.js ${kb(embed)}, sw.js ${kb(sw)}, ${iconFiles.length} icons, version ${version} (${Date.now() - started} ms)`,
);
