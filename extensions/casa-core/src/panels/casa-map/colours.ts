// Marker colours: one per status and per SLA state, readable with white text.
export const STATUS_COLOURS: Record<string, string> = {
	new: '#2563eb',
	acknowledged: '#0e7490',
	assigned: '#7c3aed',
	in_progress: '#c2410c',
	waiting_citizen: '#a16207',
	resolved: '#15803d',
	closed: '#4b5563',
	rejected: '#9f1239',
	reopened: '#dc2626',
};

export const SLA_COLOURS: Record<string, string> = {
	on_track: '#15803d',
	at_risk: '#d97706',
	breached: '#dc2626',
};

/** Diameter in pixels of a cluster marker: grows with the order of magnitude of its count. */
export function markerSize(count: number): number {
	return Math.round(26 + 7 * Math.log10(Math.max(1, count)));
}

/** A yellow → red → dark red ramp, share in [0, 1]. */
export function heatColour(share: number): string {
	const stops: [number, [number, number, number]][] = [
		[0, [253, 230, 138]],
		[0.35, [245, 158, 11]],
		[0.7, [220, 38, 38]],
		[1, [127, 29, 29]],
	];
	const s = Math.max(0, Math.min(1, share));
	for (let index = 1; index < stops.length; index++) {
		const [end, to] = stops[index];
		const [start, from] = stops[index - 1];
		if (s <= end) {
			const k = (s - start) / (end - start);
			return `rgb(${from.map((channel, i) => Math.round(channel + (to[i] - channel) * k)).join(', ')})`;
		}
	}
	return 'rgb(127, 29, 29)';
}
