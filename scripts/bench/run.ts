// `npm run bench [-- --size 100000[,1000000]] [--duration 6]`: the platform's
// figures on this machine's PostgreSQL and Redis, each as a ratio against a
// baseline measured in the same run (the machine is shared and noisy).
//
// A fresh database per run (dropped at the end), one Directus provisioned as
// `npm start` does, then: intake (portal, Open311, plain Directus, raw SQL) at
// 1, 10 and 50 clients; one instance against two; memory; then for each size:
// complaints generated set-based, reads (agent queue, dashboard aggregates,
// Open311 list, tracking, clusters, officials' and public figures), the SLA sweep. Writes
// bench/results/<timestamp>.json and bench/results/latest.md.
import { type PaintFigure, measureFirstPaint } from './first-paint';
import { type OcrFigure, measureOcr } from './ocr';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import autocannon from 'autocannon';
import knexFactory, { type Knex } from 'knex';
import { type PlatformConfig, loadConfig, projectRoot } from '../../directus.config';
import { runSlaSweep } from '../../extensions/casa-core/src/adapters/sla/sla-sweep';
import { computeFigures } from '../../extensions/casa-core/src/adapters/officials/cache';
import { referenceData } from '../../extensions/casa-core/src/adapters/platform-context';
import { monthOf, shiftMonth } from '../../extensions/casa-core/src/domain/reports/month-window';
import { runRetention } from '../../extensions/casa-core/src/adapters/privacy/anonymise';
import { DEFAULT_RETENTION } from '../../extensions/casa-core/src/domain/privacy/retention';
import { runDirectusCommand, startDirectus, waitForHealth } from '../lib/directus-process';
import { DEMO_OPEN311_KEY } from '../provision/demo-data';
import { provision } from '../provision/index';
import { randomPointIn } from '../demo/generate-complaints';
import { type SuggestionFigures, suggestionFigures, suggestionMarkdown } from './suggestion';
import { generateAtScale } from './generate';
import {
	type LatencySummary,
	combineRounds,
	formatMs,
	formatRatio,
	instancesFor,
	ratio,
	summarize,
	table,
} from './stats';
import { random, weighted } from './weighting';
import type { AreaGeometry } from '../../extensions/casa-core/src/domain/geo';

// --- options ---------------------------------------------------------------------
const args = process.argv.slice(2);
const option = (name: string) => {
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? args[index + 1] : undefined;
};
const SIZES = (option('size') ?? '100000,1000000')
	.split(',')
	.map(Number)
	.filter((n) => Number.isInteger(n) && n > 0)
	.sort((a, b) => a - b);
const DURATION = Number(option('duration') ?? 6);
const CONCURRENCY = (option('clients') ?? '1,10,50').split(',').map(Number);
const READ_SAMPLES = Number(option('samples') ?? 40);
/** intake rounds, each target interleaved with plain Directus */
const ROUNDS = Number(option('rounds') ?? 3);
/** `--only intake`: the intake runs alone (with `--cpu-prof`, to profile the first instance) */
const ONLY_INTAKE = option('only') === 'intake';
/** `--only reads`: reads and sweeps alone (no intake, no second instance) */
const ONLY_READS = option('only') === 'reads';
/** `--only ocr`: the desk's OCR per page alone (no database, no Directus) */
const ONLY_OCR = option('only') === 'ocr';
/** `--only faults`: photo intake memory and outbox throughput alone */
const ONLY_FAULTS = option('only') === 'faults';
/** memory a Directus process may reach under photo intake: the compose file gives each replica 1 GiB */
const PHOTO_MEMORY_CEILING_MB = 800;
/** the storm's peak hour (see Capacity): the outbox must send this many an hour, with headroom */
const STORM_PEAK_PER_HOUR = 6000;
/** `--keep`: the bench database is left in place afterwards, to look at query plans */
const KEEP_DATABASE = args.includes('--keep');
/** `--only suggestion`: the category suggestion's figures alone (in process, no database) */
const ONLY_SUGGESTION = option('only') === 'suggestion';
const CPU_PROFILE = args.includes('--cpu-prof');
/** `--no-first-paint`: no Chromium run (a reads-and-sweep measure on a loaded machine) */
const FIRST_PAINT = !args.includes('--no-first-paint');
const DEMO_PASSWORD = 'Casa-demo-2026';
const OPEN = ['new', 'acknowledged', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'];

const began = Date.now();
const log = (message: string) =>
	console.log(`[bench ${String(Math.round((Date.now() - began) / 1000)).padStart(4)} s] ${message}`);

// --- results ---------------------------------------------------------------------
interface IntakeFigure {
	target: string;
	clients: number;
	instances: number;
	perSecond: number;
	p50: number;
	p99: number;
	errors: number;
	non2xx: number;
	/** median of the per-round ratios to plain Directus (interleaved rounds) */
	ratio?: number | null;
	/** CPU time of the Directus process(es) per request, and plain Directus's over this target's */
	cpuMsPerRequest?: number;
	cpuRatio?: number | null;
	rounds?: number;
}
interface ReadFigure extends LatencySummary {
	name: string;
	size: number;
	status: number;
	note?: string;
	/** the p95 goal of this read (300 ms unless said) */
	goalMs?: number;
	/** work done in the background, which nobody waits for: no goal */
	background?: boolean;
}
const results = {
	date: new Date().toISOString(),
	machine: {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? '?',
		memoryGb: Math.round(totalmem() / 2 ** 30),
		node: process.version,
	},
	options: { sizes: SIZES, duration: DURATION, clients: CONCURRENCY, readSamples: READ_SAMPLES },
	intake: [] as IntakeFigure[],
	memory: { atRestMb: 0, underLoadMb: 0, secondInstanceAtRestMb: 0 },
	baselines: [] as { size: number; countMs: LatencySummary }[],
	reads: [] as ReadFigure[],
	sweeps: [] as {
		size: number;
		open: number;
		run: string;
		ms: number;
		checked: number;
		changed: number;
		statements: number;
		countMs: number;
		goal?: string;
	}[],
	retention: [] as { size: number; run: string; ms: number; complaints: number; batches: number; countMs: number }[],
	generation: [] as { size: number; added: number; seconds: number }[],
	firstPaint: [] as PaintFigure[],
	ocr: [] as OcrFigure[],
	suggestion: null as SuggestionFigures | null,
	photos: null as null | {
		uploads: number;
		clients: number;
		photosPerUpload: number;
		photoMb: number;
		atRestMb: number;
		peakMb: number;
		afterMb: number;
		ceilingMb: number;
		statuses: Record<string, number>;
		p50: number;
		p99: number;
	},
	outbox: null as null | {
		messages: number;
		schedule: string;
		seconds: number;
		perSecond: number;
		perHour: number;
		stormPerHour: number;
		concurrency: number;
	},
	notes: [] as string[],
	totalSeconds: 0,
};

// --- platform --------------------------------------------------------------------
const pgConnection = (database: string) => ({
	host: process.env.PGHOST ?? '127.0.0.1',
	port: Number(process.env.PGPORT ?? 5432),
	user: process.env.PGUSER ?? 'postgres',
	password: process.env.PGPASSWORD ?? '',
	database,
});
const dbName = `casa_bench_${Date.now()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'casa-bench-'));
const adminKnex = knexFactory({ client: 'pg', connection: pgConnection('postgres') });
const env: Record<string, string | undefined> = {
	...process.env,
	CASA_ENV: 'test',
	CASA_DATA_DIR: dataDir,
	SECRET: randomBytes(32).toString('hex'),
	ADMIN_TOKEN: randomBytes(24).toString('hex'),
	DEMO_DATA: 'true',
	RATE_LIMITER_POINTS: '100000000',
	CASA_INTAKE_RATE_POINTS: '100000000',
	CASA_TRACKING_RATE_POINTS: '100000000',
	LOG_LEVEL: 'warn',
	DB_CLIENT: 'pg',
	DB_HOST: pgConnection('').host,
	DB_PORT: String(pgConnection('').port),
	DB_USER: pgConnection('').user,
	DB_PASSWORD: pgConnection('').password,
	DB_DATABASE: dbName,
	REDIS: process.env.BENCH_REDIS ?? 'redis://127.0.0.1:6379/9',
	QUERY_LIMIT_MAX: '1000',
};
const instanceEnv = {
	// no mail leaves the bench: the outbox worker wakes once a year
	CASA_OUTBOX_SCHEDULE: '0 0 1 1 *',
	// Directus answers 503 when its event loop lags (a shared 2-core machine under load): measure, don't shed
	PRESSURE_LIMITER_ENABLED: 'false',
};
const servers: ReturnType<typeof startDirectus>[] = [];
let knex: Knex | null = null;

async function startInstance(config: PlatformConfig, port: number, profile = false) {
	const profiling: Record<string, string> = profile
		? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${join(projectRoot, 'bench', 'results', 'profiles')}` }
		: {};
	const server = startDirectus(
		{ ...config, port, publicUrl: `http://127.0.0.1:${port}` },
		{ quiet: true, extraEnv: { ...instanceEnv, ...profiling } },
	);
	let output = '';
	server.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-5000)));
	server.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-5000)));
	servers.push(server);
	try {
		await waitForHealth(`http://127.0.0.1:${port}`, server);
	} catch (error) {
		throw new Error(`${(error as Error).message}\n${output}`);
	}
	return { server, url: `http://127.0.0.1:${port}`, output: () => output };
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** user + system CPU time a process has used so far (/proc/<pid>/stat, fields 14 and 15) */
function cpuMs(pid: number | undefined): number {
	if (!pid) return 0;
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function rssMb(pid: number | undefined): number {
	if (!pid) return 0;
	const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Math.round(Number(match[1]) / 1024) : 0;
}

async function cleanup() {
	for (const server of servers) if (server.exitCode === null) server.kill('SIGTERM');
	await new Promise((resolve) => setTimeout(resolve, 1500));
	for (const server of servers) if (server.exitCode === null) server.kill('SIGKILL');
	await knex?.destroy().catch(() => {});
	if (KEEP_DATABASE) console.log(`bench database kept: ${dbName}`);
	else await adminKnex.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((error) => console.error(error));
	await adminKnex.destroy();
	rmSync(dataDir, { recursive: true, force: true });
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

// --- HTTP helpers ------------------------------------------------------------------
/** A Directus answer, `{ data }` (a body that is not JSON has no `data`). */
async function json(url: string, init: RequestInit = {}): Promise<{ data?: unknown }> {
	const response = await fetch(url, {
		...init,
		headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
	});
	const text = await response.text();
	let body: unknown = null;
	try {
		body = JSON.parse(text);
	} catch {
		body = text;
	}
	if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text.slice(0, 500)}`);
	return body as { data?: unknown };
}

async function timeRequests(
	name: string,
	size: number,
	url: () => string,
	headers: Record<string, string>,
	samples = READ_SAMPLES,
): Promise<ReadFigure> {
	const times: number[] = [];
	let status = 0;
	const began_ = performance.now();
	for (let index = 0; index < samples + 3; index++) {
		const started = performance.now();
		const response = await fetch(url(), { headers });
		await response.arrayBuffer();
		const elapsed = performance.now() - started;
		status = response.status;
		if (status === 404 && name.startsWith('clusters'))
			return { name, size, status, ...summarize([]), note: 'not measured: endpoint absent' };
		if (!response.ok) throw new Error(`${name}: ${response.status} for ${url()}`);
		if (index >= 3) times.push(elapsed); // 3 warm-up requests
		// slow reads: 20 s of samples are enough to tell
		if (times.length >= 10 && performance.now() - began_ > 20_000) break;
	}
	const figure = { name, size, status, ...summarize(times) };
	log(`  ${name.padEnd(34)} p50 ${formatMs(figure.p50)}  p95 ${formatMs(figure.p95)}`);
	return figure;
}

async function timeSql(db: Knex, query: string, samples = 15): Promise<LatencySummary> {
	const times: number[] = [];
	for (let index = 0; index < samples + 2; index++) {
		const started = performance.now();
		await db.raw(query);
		if (index >= 2) times.push(performance.now() - started);
	}
	return summarize(times);
}

// --- intake ------------------------------------------------------------------------
type PayloadMaker = (next: () => number) => Record<string, unknown>;

async function loadTest(
	target: string,
	urls: string[],
	path: string,
	headers: Record<string, string>,
	makeBody: PayloadMaker,
	clients: number,
	samplePid: number[],
	record = true,
): Promise<IntakeFigure> {
	const next = random(clients * 7919 + target.length);
	let peak = 0;
	const sampler = setInterval(() => {
		const total = samplePid.reduce((sum, pid) => sum + rssMb(pid), 0) / Math.max(1, samplePid.length);
		peak = Math.max(peak, total);
	}, 200);
	const cpuBefore = samplePid.reduce((sum, pid) => sum + cpuMs(pid), 0);
	const result = await autocannon({
		url: urls.length === 1 ? urls[0] : urls,
		connections: clients,
		duration: DURATION,
		requests: [
			{
				method: 'POST',
				path,
				headers: { 'content-type': 'application/json', ...headers },
				setupRequest: (request) => ({ ...request, body: JSON.stringify(makeBody(next)) }),
			},
		],
	} as autocannon.Options);
	clearInterval(sampler);
	const cpuSpent = samplePid.reduce((sum, pid) => sum + cpuMs(pid), 0) - cpuBefore;
	results.memory.underLoadMb = Math.max(results.memory.underLoadMb, peak);
	const figure: IntakeFigure = {
		target,
		clients,
		instances: urls.length,
		perSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
		cpuMsPerRequest: result.requests.total > 0 ? Math.round((cpuSpent / result.requests.total) * 100) / 100 : undefined,
	};
	log(
		`  ${target.padEnd(22)} ${String(clients).padStart(2)} clients ×${urls.length}: ${figure.perSecond}/s  p50 ${figure.p50} ms  p99 ${figure.p99} ms  CPU ${figure.cpuMsPerRequest} ms/request${figure.non2xx || figure.errors ? `  (${figure.non2xx} non-2xx, ${figure.errors} errors)` : ''}`,
	);
	if (record) results.intake.push(figure);
	return figure;
}

interface IntakeTarget {
	target: string;
	path: string;
	headers: Record<string, string>;
	makeBody: PayloadMaker;
}

/** Rounds of plain Directus and each target in turn (order rotated per round); medians and the median ratio are recorded. */
async function interleavedLoadTests(
	baseline: IntakeTarget,
	targets: IntakeTarget[],
	urls: string[],
	clients: number,
	samplePid: number[],
) {
	const measured = new Map<string, IntakeFigure[]>([baseline, ...targets].map((entry) => [entry.target, []]));
	for (let round = 0; round < ROUNDS; round++) {
		const order = [baseline, ...targets];
		for (let turn = 0; turn < order.length; turn++) {
			const entry = order[(turn + round) % order.length];
			measured
				.get(entry.target)!
				.push(await loadTest(entry.target, urls, entry.path, entry.headers, entry.makeBody, clients, samplePid, false));
		}
	}
	const baselineRounds = measured.get(baseline.target)!;
	for (const entry of [baseline, ...targets]) {
		const combined = combineRounds(measured.get(entry.target)!, baselineRounds);
		results.intake.push({ target: entry.target, clients, instances: urls.length, ...combined });
		log(
			`  → ${entry.target}: median ${combined.perSecond}/s over ${combined.rounds} rounds, ×${combined.ratio} of plain; CPU ${combined.cpuMsPerRequest} ms/request, ×${combined.cpuRatio}`,
		);
	}
}

async function rawSqlLoad(db: Knex, clients: number, makeRow: PayloadMaker): Promise<IntakeFigure> {
	const next = random(clients);
	const latencies: number[] = [];
	const deadline = Date.now() + DURATION * 1000;
	let errors = 0;
	await Promise.all(
		Array.from({ length: clients }, async () => {
			while (Date.now() < deadline) {
				const started = performance.now();
				try {
					await db('bench_plain').insert(makeRow(next));
				} catch {
					errors++;
				}
				latencies.push(performance.now() - started);
			}
		}),
	);
	const summary = summarize(latencies);
	const figure: IntakeFigure = {
		target: 'raw SQL INSERT',
		clients,
		instances: 0,
		perSecond: Math.round((latencies.length / DURATION) * 10) / 10,
		p50: Math.round(summary.p50 * 100) / 100,
		p99: Math.round(summary.p99 * 100) / 100,
		errors,
		non2xx: 0,
	};
	log(
		`  ${figure.target.padEnd(22)} ${String(clients).padStart(2)} clients   : ${figure.perSecond}/s  p50 ${figure.p50} ms  p99 ${figure.p99} ms`,
	);
	results.intake.push(figure);
	return figure;
}

// --- the run -----------------------------------------------------------------------
async function main() {
	// the category suggestion first: in process, before the platform loads the machine
	results.suggestion = suggestionFigures();
	for (const line of suggestionMarkdown(results.suggestion)) if (line) log(line);
	if (ONLY_SUGGESTION) return;
	// first, while nothing else of the run is busy: OCR is CPU-bound
	log('OCR of scanned letters (tesseract.js, French + Arabic)');
	results.ocr = await measureOcr();
	for (const figure of results.ocr)
		log(
			`  ${figure.scan.padEnd(22)} ${figure.msPerPage} ms per page (${formatRatio(ratio(figure.msPerPage, figure.baselineMs))} the image decode)`,
		);
	if (ONLY_OCR) return;
	log(`sizes ${SIZES.join(', ')}; ${DURATION} s per load test; clients ${CONCURRENCY.join(', ')}; database ${dbName}`);
	await adminKnex.raw(`CREATE DATABASE ${dbName}`);
	const config = loadConfig(env);
	await runDirectusCommand(config, ['bootstrap'], { quiet: true });
	const port = 18_000 + Math.floor(Math.random() * 1000);
	const first = await startInstance(config, port, CPU_PROFILE);
	await provision({ ...config, port }, () => {});
	knex = knexFactory({ client: 'pg', connection: pgConnection(dbName), pool: { min: 0, max: 60 } });
	const db = knex;
	log('platform provisioned');
	const admin = { authorization: `Bearer ${config.adminToken}` };
	// the bench runs the sweep itself: the scheduled one would take its lock and load the machine during reads
	for (const flow of (await json(`${first.url}/flows?fields=id,name,status&limit=-1`, { headers: admin })).data as {
		id: string;
		name: string;
		status: string;
	}[])
		if (flow.status === 'active')
			await json(`${first.url}/flows/${flow.id}`, {
				method: 'PATCH',
				headers: admin,
				body: JSON.stringify({ status: 'inactive' }),
			});

	// accounts: the agent and the director general (Core: 3 active app users)
	const users = (await json(`${first.url}/users?fields=id,email,status&limit=-1`, { headers: admin })).data as {
		id: string;
		email: string;
		status: string;
	}[];
	const byEmail = new Map(users.map((user) => [user.email, user]));
	await json(`${first.url}/users/${byEmail.get('bureau.ordre@casablanca.ma')!.id}`, {
		method: 'PATCH',
		headers: admin,
		body: JSON.stringify({ status: 'suspended' }),
	});
	await json(`${first.url}/users/${byEmail.get('dgs@casablanca.ma')!.id}`, {
		method: 'PATCH',
		headers: admin,
		body: JSON.stringify({ status: 'active' }),
	});
	const login = async (email: string) =>
		(
			(
				await json(`${first.url}/auth/login`, {
					method: 'POST',
					body: JSON.stringify({ email, password: DEMO_PASSWORD }),
				})
			).data as { access_token: string }
		).access_token;

	// points inside the commune, for intake payloads
	const areas = (await db('arrondissements').select('code', 'population', 'boundary')).map((row) => ({
		population: Number(row.population ?? 1),
		boundary: (typeof row.boundary === 'string' ? JSON.parse(row.boundary) : row.boundary) as AreaGeometry,
	}));
	const pointsRandom = random(99);
	const points = Array.from({ length: 500 }, () =>
		randomPointIn(
			pointsRandom,
			weighted(
				pointsRandom,
				areas.map((area) => [area, area.population] as const),
			).boundary,
		),
	);
	const categories = (await db('categories').where({ active: true }).select('code')).map((row) => String(row.code));
	const pick = <T>(next: () => number, values: T[]) => values[Math.floor(next() * values.length)];
	const portalBody: PayloadMaker = (next) => {
		const point = pick(next, points);
		return {
			category: pick(next, categories),
			description: 'Dépôt sauvage au coin de la rue depuis plusieurs jours (banc d’essai)',
			latitude: point.lat,
			longitude: point.lng,
			lang: 'fr',
		};
	};
	const open311Body: PayloadMaker = (next) => {
		const point = pick(next, points);
		return {
			api_key: DEMO_OPEN311_KEY,
			service_code: pick(next, categories),
			lat: point.lat,
			long: point.lng,
			description: 'Lampadaire éteint (banc d’essai)',
		};
	};
	const plainBody: PayloadMaker = (next) => {
		const point = pick(next, points);
		return {
			category: pick(next, categories),
			description: 'Dépôt sauvage au coin de la rue depuis plusieurs jours (banc d’essai)',
			latitude: point.lat,
			longitude: point.lng,
			status: 'new',
			received_at: new Date().toISOString(),
			reference: `B-${Math.floor(next() * 1e12)}`,
		};
	};

	// the baseline collection: a few similar columns, no hooks
	await json(`${first.url}/collections`, {
		method: 'POST',
		headers: admin,
		body: JSON.stringify({
			collection: 'bench_plain',
			meta: { hidden: true },
			schema: {},
			fields: [
				{ field: 'id', type: 'uuid', meta: { special: ['uuid'], hidden: true }, schema: { is_primary_key: true } },
				{ field: 'reference', type: 'string', schema: {} },
				{ field: 'category', type: 'string', schema: {} },
				{ field: 'status', type: 'string', schema: {} },
				{ field: 'description', type: 'text', schema: {} },
				{ field: 'latitude', type: 'float', schema: {} },
				{ field: 'longitude', type: 'float', schema: {} },
				{ field: 'received_at', type: 'timestamp', schema: {} },
			],
		}),
	});

	// a complaint with a known tracking secret, for the tracking read
	const tracked = (
		await json(`${first.url}/portal/api/complaints`, { method: 'POST', body: JSON.stringify(portalBody(random(1))) })
	).data as { reference: string; tracking_secret: string };

	await new Promise((resolve) => setTimeout(resolve, 3000));
	results.memory.atRestMb = rssMb(first.server.pid);
	log(`memory at rest: ${results.memory.atRestMb} MB`);

	if (ONLY_FAULTS) {
		await faultFigures();
		return;
	}
	// 1. intake
	if (!ONLY_READS) await intakeFigures();
	if (ONLY_INTAKE) return;
	// the intake and two-instance load tests (skipped by `--only reads`)
	async function intakeFigures() {
		log('intake: portal, Open311, plain Directus, raw SQL');
		const pid = [first.server.pid!];
		const plainTarget: IntakeTarget = {
			target: 'plain Directus POST',
			path: '/items/bench_plain',
			headers: admin,
			makeBody: plainBody,
		};
		const portalTarget: IntakeTarget = {
			target: 'portal intake',
			path: '/portal/api/complaints',
			headers: {},
			makeBody: portalBody,
		};
		const open311Target: IntakeTarget = {
			target: 'Open311 POST',
			path: '/open311/v2/requests.json',
			headers: {},
			makeBody: open311Body,
		};
		for (const clients of CONCURRENCY) {
			await interleavedLoadTests(plainTarget, [portalTarget, open311Target], [first.url], clients, pid);
			await rawSqlLoad(db, clients, (next) => ({
				id: crypto.randomUUID(),
				...plainBody(next),
				received_at: new Date(),
			}));
		}
		log(`memory under load (peak): ${results.memory.underLoadMb} MB`);
		if (ONLY_INTAKE) {
			first.server.kill('SIGTERM');
			await new Promise((resolve) => first.server.once('exit', resolve));
			return;
		}

		// 2. one instance against two (same database and Redis), load spread round-robin
		log('two instances');
		const second = await startInstance(config, port + 1);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		results.memory.secondInstanceAtRestMb = rssMb(second.server.pid);
		const top = Math.max(...CONCURRENCY);
		await interleavedLoadTests(plainTarget, [portalTarget], [first.url, second.url], top, [
			first.server.pid!,
			second.server.pid!,
		]);
		second.server.kill('SIGTERM');
	}

	// photo intake memory and outbox throughput (also alone: `--only faults`)
	if (!ONLY_READS) await faultFigures();
	async function faultFigures() {
		// photos: concurrent uploads of five phone photos each, the process's resident memory sampled every 50 ms
		log('photo intake: memory under concurrent uploads');
		const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
		const sharp = apiRequire('sharp') as (options: object) => {
			jpeg(options: object): { toBuffer(): Promise<Buffer> };
		};
		const photo = await sharp({
			create: { width: 4000, height: 3000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 30 } },
		})
			.jpeg({ quality: 85 })
			.toBuffer();
		const clients = 8;
		const uploadsPerClient = 3;
		const photosPerUpload = 5;
		const pid = first.server.pid;
		const atRest = rssMb(pid);
		let peak = atRest;
		const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
		const statuses: Record<string, number> = {};
		const durations: number[] = [];
		const nextPoint = random(7);
		await Promise.all(
			Array.from({ length: clients }, async (_, client) => {
				for (let n = 0; n < uploadsPerClient; n++) {
					const body = portalBody(nextPoint);
					const form = new FormData();
					for (const [name, value] of Object.entries(body)) form.append(name, String(value));
					for (let i = 0; i < photosPerUpload; i++)
						form.append(
							'photos',
							new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }),
							`IMG_${client}_${n}_${i}.jpg`,
						);
					const started = performance.now();
					const response = await fetch(`${first.url}/portal/api/complaints`, {
						method: 'POST',
						body: form,
						headers: { 'idempotency-key': crypto.randomUUID() },
					});
					await response.arrayBuffer();
					durations.push(performance.now() - started);
					statuses[response.status] = (statuses[response.status] ?? 0) + 1;
				}
			}),
		);
		clearInterval(sampler);
		await new Promise((resolve) => setTimeout(resolve, 5000));
		const latency = summarize(durations);
		results.photos = {
			uploads: clients * uploadsPerClient,
			clients,
			photosPerUpload,
			photoMb: Math.round((photo.length / 2 ** 20) * 10) / 10,
			atRestMb: atRest,
			peakMb: peak,
			afterMb: rssMb(pid),
			ceilingMb: PHOTO_MEMORY_CEILING_MB,
			statuses,
			p50: Math.round(latency.p50),
			p99: Math.round(latency.p99),
		};
		log(
			`  ${clients} clients × ${uploadsPerClient} uploads of ${photosPerUpload} photos (${results.photos.photoMb} MB each): peak ${peak} MB (at rest ${atRest} MB, ceiling ${PHOTO_MEMORY_CEILING_MB} MB), 5 s later ${results.photos.afterMb} MB, statuses ${JSON.stringify(statuses)}`,
		);

		// outbox: an instance with the default schedule sends to a local SMTP sink
		log('outbox: messages per second with the default schedule');
		const { SMTPServer } = await import('smtp-server');
		let received = 0;
		const sink = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			onData(stream, _session, callback) {
				stream.on('data', () => {});
				stream.on('end', () => {
					received++;
					callback();
				});
			},
		});
		sink.on('error', () => {});
		const sinkPort = 19_000 + Math.floor(Math.random() * 1000);
		await new Promise<void>((resolve) => sink.listen(sinkPort, '127.0.0.1', () => resolve()));
		const schedule = '*/15 * * * * *';
		const sender = startDirectus(
			{ ...config, port: port + 2, publicUrl: `http://127.0.0.1:${port + 2}` },
			{
				quiet: true,
				extraEnv: {
					...instanceEnv,
					CASA_OUTBOX_SCHEDULE: schedule,
					EMAIL_TRANSPORT: 'smtp',
					EMAIL_SMTP_HOST: '127.0.0.1',
					EMAIL_SMTP_PORT: String(sinkPort),
					EMAIL_SMTP_SECURE: 'false',
					EMAIL_SMTP_IGNORE_TLS: 'true',
					EMAIL_FROM: 'reclamations@casablanca.ma',
				},
			},
		);
		servers.push(sender);
		await waitForHealth(`http://127.0.0.1:${port + 2}`, sender);
		await db('outbox')
			.whereIn('status', ['pending', 'retry', 'sending'])
			.update({ status: 'failed', last_error: 'bench: set aside' });
		const messages = 900;
		const rows = Array.from({ length: messages }, (_, index) => ({
			event: 'acknowledgment',
			channel: 'email',
			recipient: `bench.${index}@example.ma`,
			language: index % 3 ? 'fr' : 'ar',
			payload: JSON.stringify({ reference: `BENCH-${index}` }),
			status: 'pending',
			attempts: 0,
			date_created: new Date(),
		}));
		for (let start = 0; start < rows.length; start += 300) await db('outbox').insert(rows.slice(start, start + 300));
		const started = performance.now();
		let pending = messages;
		while (pending > 0 && performance.now() - started < 600_000) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			pending = Number((await db('outbox').whereIn('status', ['pending', 'retry', 'sending']).count({ n: '*' }))[0].n);
		}
		const seconds = (performance.now() - started) / 1000;
		const perSecond = Math.round(((messages - pending) / seconds) * 10) / 10;
		results.outbox = {
			messages,
			schedule,
			seconds: Math.round(seconds),
			perSecond,
			perHour: Math.round(perSecond * 3600),
			stormPerHour: STORM_PEAK_PER_HOUR,
			concurrency: 4,
		};
		log(
			`  ${messages - pending} of ${messages} sent in ${Math.round(seconds)} s (${received} reached the sink): ${perSecond}/s = ${results.outbox.perHour.toLocaleString('en')}/h, ×${ratio(results.outbox.perHour, STORM_PEAK_PER_HOUR)} the storm peak`,
		);
		sender.kill('SIGTERM');
		await new Promise<void>((resolve) => sink.close(() => resolve()));
	}

	// 3. reads, sweep and clusters at each size
	const agentToken = await login('agent.proprete@casablanca.ma');
	const dgsToken = await login('dgs@casablanca.ma');
	const agent = { authorization: `Bearer ${agentToken}` };
	const dgs = { authorization: `Bearer ${dgsToken}` };
	const agentTeam = String(
		(
			await db('team_members')
				.join('directus_users', 'directus_users.id', 'team_members.user')
				.where('directus_users.email', 'agent.proprete@casablanca.ma')
				.first('team_members.team')
		).team,
	);
	const nextPage = random(5);

	for (const size of SIZES) {
		const existing = Number((await db('complaints').count({ n: '*' }))[0].n);
		if (existing < size) {
			log(`generating ${size - existing} complaints (to ${size})`);
			const started = Date.now();
			await generateAtScale(db, { count: size - existing, seed: size, log: (message) => log(`  ${message}`) });
			results.generation.push({ size, added: size - existing, seconds: Math.round((Date.now() - started) / 100) / 10 });
			// a bulk load leaves the visibility map empty until autovacuum passes, and a
			// live table is vacuumed continuously: measure reads in that steady state
			await db.raw('VACUUM ANALYZE complaints');
			await db.raw('VACUUM ANALYZE complaint_events');
		}
		const count = Number((await db('complaints').count({ n: '*' }))[0].n);
		const open = Number((await db('complaints').whereIn('status', OPEN).count({ n: '*' }))[0].n);
		log(`reads on ${count} complaints (${open} open)`);
		const baseline = await timeSql(db, 'SELECT count(*) FROM complaints');
		results.baselines.push({ size, countMs: baseline });
		log(`  baseline SELECT count(*)             p50 ${formatMs(baseline.p50)}`);
		const add = (figure: ReadFigure) => results.reads.push(figure);
		// staff read through the workspace (no generic permission on complaints): the queue, one complaint, the figures
		const inQueue = String(
			(await db('complaints').where({ team: agentTeam }).whereIn('status', OPEN).first('id'))?.id ?? '',
		);
		const workspace = async (figure: Promise<ReadFigure>) => add({ ...(await figure), goalMs: 150 });
		await workspace(
			timeRequests(
				'workspace queue (agent: team, open, by deadline)',
				size,
				() => `${first.url}/workspace/complaints?status=open&sort=due&limit=25&page=${1 + Math.floor(nextPage() * 10)}`,
				agent,
			),
		);
		await workspace(
			timeRequests(
				'workspace "mine" (assignee, open)',
				size,
				() => `${first.url}/workspace/complaints?assignee=me&status=open&limit=25`,
				agent,
			),
		);
		if (inQueue)
			await workspace(
				timeRequests('workspace complaint view', size, () => `${first.url}/workspace/complaints/${inQueue}`, agent),
			);
		add(
			await timeRequests(
				'dashboard: open complaints (indicator)',
				size,
				() => `${first.url}/insights/indicator?name=open`,
				dgs,
			),
		);
		add(
			await timeRequests(
				'dashboard: late by priority (indicator)',
				size,
				() => `${first.url}/insights/indicator?name=breached_by_priority`,
				dgs,
			),
		);
		add(
			await timeRequests(
				'Open311 GET requests.json (1000)',
				size,
				() => `${first.url}/open311/v2/requests.json`,
				{},
				Math.min(READ_SAMPLES, 20),
			),
		);
		add(
			await timeRequests(
				'portal tracking (secret)',
				size,
				() => `${first.url}/portal/api/complaints/${tracked.reference}`,
				{ 'x-tracking-secret': tracked.tracking_secret },
			),
		);
		const clusters = await timeRequests(
			'clusters (whole city, zoom 11)',
			size,
			() => `${first.url}/insights/clusters?bbox=-7.80,33.45,-7.40,33.70&zoom=11`,
			dgs,
			20,
		);
		if (clusters.note) log(`  clusters: ${clusters.note}`);
		add(clusters);

		// the officials' screen (as the director general) and the public page of the city's figures. The figures are
		// kept per month and instance (adapters/officials/cache.ts): the months of the officials' picker (the current
		// one and the 11 before) are computed as the instance starts, then recomputed in the background; any other
		// month is computed when first asked for. Measured: the computation itself, in process (what a refresh, or the
		// first request for a month outside the picker, costs: the three aggregate queries over thirteen months); on a
		// fresh instance, how soon the current month and the picker's months are ready, then each of them as officials
		// and visitors get them, also while the figures are being recomputed on the same database
		// months on the Casablanca clock, as the platform counts them
		const monthBack = (back: number) => shiftMonth(monthOf(new Date()), -back);
		const figures = async (run: () => Promise<ReadFigure>, name: string) => {
			// at a million complaints a computation may pass the database bounds (503): a note, not a failed run
			try {
				add(await run());
			} catch (error) {
				results.notes.push(`${name} at ${size}: not measured (${(error as Error).message.split('\n')[0]})`);
				log(`  ${name}: not measured (${(error as Error).message.split('\n')[0]})`);
			}
		};
		const { legalCeilingDays } = (await referenceData(db)).settings;
		const currentMonth = monthBack(0);
		await figures(async () => {
			const times: number[] = [];
			const started = performance.now();
			for (let index = 0; index < Math.min(READ_SAMPLES, 10) + 1; index++) {
				const began_ = performance.now();
				await computeFigures(db, currentMonth, legalCeilingDays);
				if (index > 0) times.push(performance.now() - began_);
				if (times.length >= 5 && performance.now() - started > 30_000) break;
			}
			const figure: ReadFigure = {
				name: 'officials figures: one computation, 13 months (in process)',
				size,
				status: 200,
				...summarize(times),
				background: true,
			};
			log(
				`  ${figure.name.padEnd(34)} p50 ${formatMs(figure.p50)}  p95 ${formatMs(figure.p95)} (×${ratio(figure.p50, baseline.p50)} count(*))`,
			);
			return figure;
		}, 'officials figures computation');
		// a fresh instance, whose figures are those of this size (the first one kept the months an earlier size read):
		// it computes the current month as it starts, then the 11 before it; a request waits for what is not done yet
		const figuresPort = port + 10 + SIZES.indexOf(size);
		const fresh = await startInstance(config, figuresPort);
		const startedAt = performance.now();
		const ready = async (what: string, months: number[]) => {
			try {
				for (const back of months)
					await json(`${fresh.url}/officials/figures?month=${monthBack(back)}`, { headers: dgs });
				log(`  fresh instance: ${what} ready ${Math.round(performance.now() - startedAt)} ms after its health check`);
			} catch (error) {
				results.notes.push(
					`officials figures at ${size}: ${what} on a fresh instance failed (${(error as Error).message.split('\n')[0]})`,
				);
			}
		};
		await ready("the current month's figures", [0]);
		await ready(
			"the picker's 11 earlier months",
			Array.from({ length: 11 }, (_, index) => 11 - index),
		);
		// what else the instance does as it starts (the category suggestion's training) is done before measuring
		await new Promise((resolve) => setTimeout(resolve, 3000));
		let officialsMonth = 0;
		await figures(
			() =>
				timeRequests(
					"officials figures, the picker's 11 earlier months",
					size,
					() => `${fresh.url}/officials/figures?month=${monthBack(1 + (officialsMonth++ % 11))}`,
					dgs,
				),
			'officials figures, earlier months',
		);
		await figures(
			() =>
				timeRequests(
					'officials figures (director general, current month)',
					size,
					() => `${fresh.url}/officials/figures`,
					dgs,
				),
			'officials figures, current month',
		);
		// the same while the thirteen months are recomputed on the same database (a refresh, as the instance runs one)
		let recomputing = true;
		const load = (async () => {
			while (recomputing) await computeFigures(db, currentMonth, legalCeilingDays).catch(() => {});
		})();
		await figures(
			() =>
				timeRequests(
					'officials figures (current month) during a recomputation',
					size,
					() => `${fresh.url}/officials/figures`,
					dgs,
				),
			'officials figures during a recomputation',
		);
		recomputing = false;
		await load;
		await figures(
			() =>
				timeRequests('public figures page /portal/chiffres', size, () => `${fresh.url}/portal/chiffres?lang=fr`, {}),
			'public figures page',
		);
		await figures(
			() =>
				timeRequests(
					'public figures JSON, 12 months',
					size,
					() => `${fresh.url}/portal/chiffres.json`,
					{},
					Math.min(READ_SAMPLES, 20),
				),
			'public figures JSON',
		);
		fresh.server.kill('SIGTERM');
		await new Promise((resolve) =>
			fresh.server.exitCode !== null ? resolve(null) : fresh.server.once('exit', resolve),
		);

		// the SLA sweep, as the flow runs it (same function, same database), timed in-process. It reads
		// only the complaints whose next instant has passed (complaints.sla_next_check_at): the first
		// run catches up with the generated data, the steady ones (5 minutes apart, nothing to change)
		// must cost a fraction of a count(*) of the table, and one where 1,000 complaints cross a threshold under 1 s
		const sweepAt = async (run: string, now: Date, goal?: string) => {
			const started = performance.now();
			const swept = await runSlaSweep({ database: db, now });
			const ms = performance.now() - started;
			if (swept.skipped) results.notes.push(`SLA sweep ${run} at ${size}: skipped, another sweep held the lock`);
			log(
				`  SLA sweep ${run}: ${Math.round(ms)} ms, ${swept.checked} read, ${swept.changed} changed, ${swept.statements} statements (×${ratio(ms, baseline.p50)} count(*))`,
			);
			return {
				size,
				open,
				run,
				ms: Math.round(ms),
				checked: swept.checked,
				changed: swept.changed,
				statements: swept.statements,
				countMs: baseline.p50,
				goal,
			};
		};
		const minutes = (n: number) => new Date(Date.now() + n * 60_000);
		results.sweeps.push(await sweepAt('first (catch-up)', minutes(0)));
		// the catch-up rewrote most open rows: let the table be vacuumed, as autovacuum does on a live
		// table, before measuring the steady state (dead index entries would otherwise be read again)
		await db.raw('VACUUM ANALYZE complaints');
		const steady = [];
		for (let run = 1; run <= 5; run++) steady.push(await sweepAt(`steady #${run}`, minutes(5 * run)));
		steady.sort((a, b) => a.ms - b.ms);
		results.sweeps.push({ ...steady[2], run: 'steady (median of 5, 5 min apart)', goal: '< ×3 count(*)' });
		// 1,000 running complaints on track reach their at-risk instant just before the next sweep
		const crossAt = minutes(31);
		const crossing = (
			await db.raw(
				`UPDATE complaints SET resolve_at_risk_at = ?, sla_next_check_at = ? WHERE id IN (
					SELECT id FROM complaints WHERE status IN ('acknowledged', 'assigned', 'in_progress', 'reopened') AND sla_paused_at IS NULL
					AND sla_state = 'on_track' AND escalation_level = 0 AND resolve_due_at > ? AND legal_due_at > ? LIMIT 1000) RETURNING id`,
				[minutes(30), minutes(30), minutes(60 * 24), minutes(60 * 24 * 30)],
			)
		).rows.length;
		if (crossing < 1000)
			results.notes.push(`SLA sweep at ${size}: only ${crossing} complaints could be made to cross (1,000 wanted)`);
		results.sweeps.push(await sweepAt(`${crossing} crossing a threshold`, crossAt, '< 1 s'));

		// the retention job (loi 09-08), in-process as its schedule runs it: with the default periods (nothing of the
		// generated year has expired: the cost of finding that out), then five batches of closed complaints anonymised
		for (const [run, settings, maxBatches] of [
			['steady (default periods, nothing expired)', DEFAULT_RETENTION, undefined],
			['5 batches expiring (contacts kept 0 days)', { ...DEFAULT_RETENTION, contactDays: 0 }, 5],
		] as const) {
			const started = performance.now();
			const totals = await runRetention({ database: db, settings, maxBatches });
			const ms = performance.now() - started;
			results.retention.push({
				size,
				run,
				ms: Math.round(ms),
				complaints: totals.complaints,
				batches: totals.batches,
				countMs: baseline.p50,
			});
			log(
				`  retention ${run}: ${Math.round(ms)} ms, ${totals.complaints} anonymised in ${totals.batches} batches (×${ratio(ms, baseline.p50)} count(*))`,
			);
		}
	}

	// 4. the queue's first paint in Chromium (phone, CPU ×4) against Directus's own collection page, at the largest size
	if (!FIRST_PAINT) return;
	log('first paint at phone size, CPU ×4 (workspace queue against the generic collection page)');
	try {
		results.firstPaint = await measureFirstPaint(first.url, {
			agent: { email: 'agent.proprete@casablanca.ma', password: DEMO_PASSWORD },
			admin: { email: config.adminEmail, password: config.adminPassword },
		});
		for (const figure of results.firstPaint)
			log(`  ${figure.target.padEnd(52)} p50 ${figure.p50} ms  p95 ${figure.p95} ms`);
	} catch (error) {
		results.notes.push(`first paint not measured: ${(error as Error).message.split('\n')[0]}`);
	}
}

// --- report --------------------------------------------------------------------------
function capacity(): string[] {
	const one = results.intake.filter((figure) => figure.target === 'portal intake' && figure.instances === 1);
	const best = one.reduce((max, figure) => Math.max(max, figure.perSecond), 0);
	if (best === 0) return [];
	// a storm day: a tenth of a year's 300,000 complaints in one day, a fifth of it in the peak hour
	const peakHour = 6000;
	const perSecond = peakHour / 3600;
	return [
		'## Capacity',
		'',
		`- One instance on this machine holds about **${best} complaints/s** through the full portal intake path at best (${Math.round(best * 3600).toLocaleString('en')} an hour).`,
		`- Assumption for a storm day: 30,000 complaints in the day (a tenth of a year's 300,000 for 3.2 million inhabitants), 20 % of them in the peak hour: ${peakHour.toLocaleString('en')} complaints/hour = ${perSecond.toFixed(2)}/s, plus staff reads.`,
		`- Instances needed at 50 % headroom: **${instancesFor(perSecond, best)}** (the peak is ${ratio(perSecond, best)} of one instance's intake capacity); a second instance is for availability, not load.`,
	];
}

function markdown(): string {
	const plain = (clients: number, instances = 1) =>
		results.intake.find(
			(figure) =>
				figure.target === 'plain Directus POST' && figure.clients === clients && figure.instances === instances,
		);
	const intakeRows = results.intake
		.filter((figure) => figure.instances <= 1)
		.map((figure) => [
			figure.target,
			figure.clients,
			`${figure.perSecond}/s`,
			formatRatio(
				figure.ratio !== undefined ? figure.ratio : ratio(figure.perSecond, plain(figure.clients)?.perSecond),
			),
			figure.cpuMsPerRequest === undefined ? 'n/a' : `${figure.cpuMsPerRequest} ms`,
			formatRatio(figure.cpuRatio ?? null),
			`${figure.p50} ms`,
			`${figure.p99} ms`,
			figure.non2xx + figure.errors,
		]);
	const top = Math.max(...CONCURRENCY);
	const twoRows = ['portal intake', 'plain Directus POST'].map((target) => {
		const single = results.intake.find(
			(figure) => figure.target === target && figure.clients === top && figure.instances === 1,
		);
		const double = results.intake.find(
			(figure) => figure.target === target && figure.clients === top && figure.instances === 2,
		);
		return [
			target,
			top,
			`${single?.perSecond ?? 'n/a'}/s`,
			`${double?.perSecond ?? 'n/a'}/s`,
			formatRatio(ratio(double?.perSecond, single?.perSecond)),
			`${double?.p99 ?? 'n/a'} ms`,
		];
	});
	const readRows = results.reads.map((figure) => {
		const baseline = results.baselines.find((entry) => entry.size === figure.size)?.countMs.p50;
		const goal = figure.goalMs ?? 300;
		const verdict = figure.background
			? 'no goal (background work)'
			: `${figure.p95 < goal ? 'yes' : '**no**'} (< ${goal} ms)`;
		return figure.note
			? [figure.size.toLocaleString('en'), figure.name, figure.note, '', '', '']
			: [
					figure.size.toLocaleString('en'),
					figure.name,
					formatMs(figure.p50),
					formatMs(figure.p95),
					formatRatio(ratio(figure.p95, baseline)),
					verdict,
				];
	});
	const fullPath = results.intake.filter(
		(figure) =>
			(figure.target === 'portal intake' || figure.target === 'Open311 POST') &&
			figure.instances === 1 &&
			figure.ratio !== undefined &&
			figure.ratio !== null,
	);
	const lowest = fullPath.reduce<IntakeFigure | null>(
		(min, figure) => (min === null || (figure.ratio ?? 0) < (min.ratio ?? 0) ? figure : min),
		null,
	);
	const lowestCpu = fullPath
		.filter((figure) => figure.cpuRatio !== undefined && figure.cpuRatio !== null)
		.reduce<IntakeFigure | null>(
			(min, figure) => (min === null || (figure.cpuRatio ?? 0) < (min.cpuRatio ?? 0) ? figure : min),
			null,
		);
	return [
		`# Benchmarks — ${results.date.slice(0, 16).replace('T', ' ')} UTC`,
		'',
		`Machine: ${results.machine.cpus} cores (${results.machine.cpuModel}), ${results.machine.memoryGb} GB, Node ${results.machine.node}, PostgreSQL and Redis local, shared with other work (noisy): read ratios, not absolute figures.`,
		`Run: sizes ${SIZES.map((size) => size.toLocaleString('en')).join(' and ')}, ${DURATION} s per load test, total ${Math.round(results.totalSeconds / 60)} min.`,
		'',
		`## Intake (baseline: plain Directus \`POST /items/bench_plain\`, no hooks, same clients; ${ROUNDS} interleaved rounds, medians)`,
		'',
		table(
			[
				'target',
				'clients',
				'throughput',
				'ratio to plain',
				'CPU per request',
				'CPU ratio (plain / target)',
				'p50',
				'p99',
				'failed',
			],
			intakeRows,
		),
		'',
		"The throughput ratio depends on what else the machine runs during each round; the CPU ratio (plain Directus's CPU time per request over the target's, in the Directus process) is what a CPU-bound instance on a machine of its own would show.",
		'',
		`Goal: the full intake path keeps at least half of plain Directus's throughput — lowest median ratio: ${lowest ? `${lowest.target} at ${lowest.clients} clients, ${formatRatio(lowest.ratio ?? null)}` : 'n/a'} (${lowest && (lowest.ratio ?? 0) >= 0.5 ? 'met' : '**not met**'}); lowest CPU ratio: ${lowestCpu ? `${lowestCpu.target} at ${lowestCpu.clients} clients, ${formatRatio(lowestCpu.cpuRatio ?? null)}` : 'n/a'} (${lowestCpu && (lowestCpu.cpuRatio ?? 0) >= 0.5 ? 'met' : '**not met**'}).`,
		'',
		'## One instance against two (same machine, same PostgreSQL and Redis, round-robin)',
		'',
		table(['target', 'clients', 'one instance', 'two instances', 'ratio', 'p99 (two)'], twoRows),
		'',
		'## Memory (VmRSS of a Directus process)',
		'',
		`At rest ${results.memory.atRestMb} MB; under intake load (peak) ${results.memory.underLoadMb} MB: ${formatRatio(ratio(results.memory.underLoadMb, results.memory.atRestMb))} at rest.`,
		'',
		'## Reads (baseline: `SELECT count(*) FROM complaints` in the same run)',
		'',
		table(['complaints', 'read', 'p50', 'p95', 'p95 / count(*)', 'p95 under goal'], readRows),
		'',
		"## First paint at phone size, CPU throttled 4× (Chromium; baseline: Directus's own collection page in the same run)",
		'',
		results.firstPaint.length === 0
			? 'Not measured in this run.'
			: table(
					['screen', 'samples', 'p50', 'p95', 'p95 / baseline'],
					results.firstPaint.map((figure) => [
						figure.target,
						figure.samples,
						`${figure.p50} ms`,
						`${figure.p95} ms`,
						formatRatio(ratio(figure.p95, results.firstPaint[results.firstPaint.length - 1].p95)),
					]),
				),
		'',
		results.baselines
			.map((entry) => `Baseline count(*) at ${entry.size.toLocaleString('en')}: p50 ${formatMs(entry.countMs.p50)}.`)
			.join(' '),
		'',
		'## OCR of paper mail at the desk (baseline: decoding the same image with sharp)',
		'',
		results.ocr.length === 0
			? 'Not measured in this run.'
			: table(
					['scan', 'pages read', 'time per page (median of 3)', 'baseline', 'ratio', 'confidence'],
					results.ocr.map((figure) => [
						figure.scan,
						figure.pages,
						`${figure.msPerPage} ms`,
						`${figure.baselineMs} ms`,
						formatRatio(ratio(figure.msPerPage, figure.baselineMs)),
						figure.confidence ?? '—',
					]),
				),
		'',
		'## SLA sweep (baseline: the same `SELECT count(*)`)',
		'',
		table(
			['complaints', 'open', 'sweep', 'time', 'ratio to count(*)', 'goal', 'rows read', 'changed', 'statements'],
			results.sweeps.map((sweep) => [
				sweep.size.toLocaleString('en'),
				sweep.open.toLocaleString('en'),
				sweep.run,
				formatMs(sweep.ms),
				formatRatio(ratio(sweep.ms, sweep.countMs)),
				sweep.goal ?? '',
				sweep.checked.toLocaleString('en'),
				sweep.changed,
				sweep.statements,
			]),
		),
		'',
		'## Retention job, loi 09-08 (baseline: the same `SELECT count(*)`)',
		'',
		results.retention.length === 0
			? 'Not measured in this run.'
			: table(
					['complaints', 'run', 'time', 'ratio to count(*)', 'anonymised', 'batches', 'per batch'],
					results.retention.map((entry) => [
						entry.size.toLocaleString('en'),
						entry.run,
						formatMs(entry.ms),
						formatRatio(ratio(entry.ms, entry.countMs)),
						entry.complaints,
						entry.batches,
						entry.batches > 0 ? formatMs(Math.round(entry.ms / entry.batches)) : '—',
					]),
				),
		'',
		'## Data generation',
		'',
		table(
			['to size', 'complaints added', 'seconds'],
			results.generation.map((entry) => [
				entry.size.toLocaleString('en'),
				entry.added.toLocaleString('en'),
				entry.seconds,
			]),
		),
		'',
		...capacity(),
		'',
		...(results.suggestion ? [...suggestionMarkdown(results.suggestion), ''] : []),
		...(results.photos
			? [
					'## Photo intake memory (VmRSS of the Directus process; ceiling for a 1 GiB container)',
					'',
					`${results.photos.clients} clients × ${results.photos.uploads / results.photos.clients} uploads of ${results.photos.photosPerUpload} photos of ${results.photos.photoMb} MB (12 MP): peak **${results.photos.peakMb} MB** (${formatRatio(ratio(results.photos.peakMb, results.photos.atRestMb))} at rest, ${results.photos.atRestMb} MB), ${results.photos.peakMb <= results.photos.ceilingMb ? 'under' : '**over**'} the ${results.photos.ceilingMb} MB ceiling; 5 s later ${results.photos.afterMb} MB. Answers ${JSON.stringify(results.photos.statuses)}, p50 ${results.photos.p50} ms, p99 ${results.photos.p99} ms.`,
					'',
				]
			: []),
		...(results.outbox
			? [
					'## Outbox throughput (baseline: the storm peak, 6,000 messages an hour)',
					'',
					`${results.outbox.messages} e-mails to a local SMTP sink, default schedule \`${results.outbox.schedule}\`, ${results.outbox.concurrency} sends at once: ${results.outbox.seconds} s, **${results.outbox.perSecond}/s = ${results.outbox.perHour.toLocaleString('en')} an hour**, ${formatRatio(ratio(results.outbox.perHour, results.outbox.stormPerHour))} the storm peak.`,
					'',
				]
			: []),
		...(results.notes.length ? ['## Notes', '', ...results.notes.map((note) => `- ${note}`)] : []),
		'',
	].join('\n');
}

let failed: unknown = null;
try {
	await main();
} catch (error) {
	failed = error;
	console.error(error);
	results.notes.push(`run failed: ${(error as Error).message.split('\n')[0]}`);
} finally {
	results.totalSeconds = Math.round((Date.now() - began) / 1000);
	const dir = join(projectRoot, 'bench', 'results');
	mkdirSync(dir, { recursive: true });
	const stamp = results.date.replace(/[:.]/g, '-');
	writeFileSync(join(dir, `${stamp}.json`), JSON.stringify(results, null, 2));
	if (ONLY_SUGGESTION && results.suggestion && !failed) {
		writeFileSync(
			join(dir, 'suggestion-latest.md'),
			[
				`# Category suggestion — ${results.date.slice(0, 16).replace('T', ' ')} UTC`,
				'',
				...suggestionMarkdown(results.suggestion),
				'',
			].join('\n'),
		);
		log('written bench/results/suggestion-latest.md');
	} else {
		writeFileSync(join(dir, `${stamp}.json`), JSON.stringify(results, null, 2));
		writeFileSync(join(dir, 'latest.md'), markdown());
		log(`written bench/results/${stamp}.json and bench/results/latest.md`);
	}
	await cleanup();
}
process.exit(failed ? 1 : 0);
