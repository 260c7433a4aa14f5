// `npx tsx scripts/bench/profile-summary.ts <file.cpuprofile>`: where a
// Directus process spent its CPU (self time by package or project file), to
// explain an intake slower than plain Directus.
import { readFileSync } from 'node:fs';

interface Node {
	id: number;
	callFrame: { functionName: string; url: string };
	hitCount?: number;
}
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as {
	nodes: Node[];
	samples: number[];
	timeDeltas: number[];
};
const self = new Map<number, number>();
profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
	const micros = self.get(node.id) ?? 0;
	total += micros;
	const url = node.callFrame.url;
	const area =
		url === ''
			? `(${node.callFrame.functionName || 'native'})`
			: (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
				(url.includes('/extensions/') ? 'casa-core extension' : url.startsWith('node:') ? 'node core' : url));
	byArea.set(area, (byArea.get(area) ?? 0) + micros);
	const name = `${node.callFrame.functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*extensions\//, 'extensions/')}`;
	byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
}
const top = (map: Map<string, number>, n: number) =>
	[...map]
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([key, micros]) => `${((micros / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
console.log(
	`total ${(total / 1e6).toFixed(1)} s of samples\n\nby package:\n${top(byArea, 15).join('\n')}\n\nby function:\n${top(byFunction, 25).join('\n')}`,
);
