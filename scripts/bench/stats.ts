// Pure figures of the benchmark: percentiles of latency samples, ratios
// against the baseline of the same run, and the Markdown summary.

/** The p-th percentile (0–100) of the samples, linear between closest ranks; NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return Number.NaN;
	if (p < 0 || p > 100) throw new RangeError(`percentile must be within [0, 100], got ${p}`);
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = (p / 100) * (sorted.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export interface LatencySummary {
	count: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
	return {
		count: samples.length,
		p50: percentile(samples, 50),
		p95: percentile(samples, 95),
		p99: percentile(samples, 99),
		max: samples.length ? Math.max(...samples) : Number.NaN,
	};
}

/** value / baseline, rounded to 2 significant decimals; null when the baseline is missing or zero. */
export function ratio(value: number | null | undefined, baseline: number | null | undefined): number | null {
	if (
		value === null ||
		value === undefined ||
		baseline === null ||
		baseline === undefined ||
		!Number.isFinite(value) ||
		!Number.isFinite(baseline) ||
		baseline === 0
	)
		return null;
	const raw = value / baseline;
	return raw >= 10 ? Math.round(raw * 10) / 10 : Math.round(raw * 100) / 100;
}

export function formatRatio(value: number | null): string {
	return value === null ? 'n/a' : `×${value}`;
}

export function formatMs(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
	return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

/** A Markdown table. */
export function table(header: string[], rows: (string | number)[][]): string {
	const line = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The number of instances needed for a peak (requests per second), each holding `perInstance`, keeping `headroom` (0.5 = use half). */
export function instancesFor(peakPerSecond: number, perInstance: number, headroom = 0.5): number {
	if (perInstance <= 0) return Number.POSITIVE_INFINITY;
	return Math.max(1, Math.ceil(peakPerSecond / (perInstance * headroom)));
}

export interface RoundFigure {
	perSecond: number;
	p50: number;
	p99: number;
	errors: number;
	non2xx: number;
	/** CPU time the Directus process(es) spent per request: what throughput is on a machine of its own */
	cpuMsPerRequest?: number;
}

/**
 * A target measured in several rounds interleaved with its baseline (plain,
 * target, plain, target…): the machine's noise hits both alike within a round.
 * Medians of the rounds, and the median of the per-round ratios to the baseline.
 */
export function combineRounds(
	rounds: readonly RoundFigure[],
	baselineRounds: readonly RoundFigure[],
): RoundFigure & { ratio: number | null; cpuRatio: number | null; rounds: number } {
	if (rounds.length === 0 || rounds.length !== baselineRounds.length)
		throw new RangeError('one baseline round per round is needed');
	const median = (values: number[]) => percentile(values, 50);
	const ratios = rounds
		.map((round, index) => ratio(round.perSecond, baselineRounds[index].perSecond))
		.filter((value): value is number => value !== null);
	// the baseline's CPU per request over the target's: the throughput ratio a CPU-bound machine of its own would see
	const cpuRatios = rounds
		.map((round, index) => ratio(baselineRounds[index].cpuMsPerRequest, round.cpuMsPerRequest))
		.filter((value): value is number => value !== null);
	const cpu = rounds
		.map((round) => round.cpuMsPerRequest)
		.filter((value): value is number => value !== undefined && Number.isFinite(value));
	return {
		perSecond: Math.round(median(rounds.map((round) => round.perSecond)) * 10) / 10,
		p50: median(rounds.map((round) => round.p50)),
		p99: median(rounds.map((round) => round.p99)),
		errors: rounds.reduce((sum, round) => sum + round.errors, 0),
		non2xx: rounds.reduce((sum, round) => sum + round.non2xx, 0),
		ratio: ratios.length === 0 ? null : ratio(median(ratios), 1),
		...(cpu.length > 0 ? { cpuMsPerRequest: Math.round(median(cpu) * 100) / 100 } : {}),
		cpuRatio: cpuRatios.length === 0 ? null : ratio(median(cpuRatios), 1),
		rounds: rounds.length,
	};
}
