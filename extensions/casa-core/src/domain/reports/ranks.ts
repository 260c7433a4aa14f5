// Competition ranking ("1, 2, 2, 4"): shared by the monthly report's league
// table and the officials' screens. Plain function.

/** Rank of each item by `compare` (best first); items that compare equal share a rank; `key` breaks display order. */
export function competitionRanks<T>(
	items: T[],
	key: (item: T) => string,
	compare: (a: T, b: T) => number,
): Map<string, number> {
	const ordered = [...items].sort((a, b) => compare(a, b) || key(a).localeCompare(key(b)));
	const result = new Map<string, number>();
	ordered.forEach((item, index) => {
		const before = ordered[index - 1];
		const tied = before !== undefined && compare(before, item) === 0;
		result.set(key(item), tied ? result.get(key(before))! : index + 1);
	});
	return result;
}
