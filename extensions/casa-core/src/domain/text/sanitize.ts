// Text hygiene for everything a person types into the platform, whatever the
// road in (portal, Open311, chat, WhatsApp, the admin app): characters that
// carry no meaning in a complaint and only serve to break storage, logs or
// displays are removed before anything is stored.
//   - NUL and the other C0 controls (tab, line feed and carriage return stay),
//     DEL and the C1 controls;
//   - the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069) that can make a text read differently from what it holds
//     ("Trojan Source"); the plain marks LRM, RLM and ALM, which Arabic
//     keyboards insert, stay;
//   - unpaired surrogates and the noncharacters U+FFFE and U+FFFF.
// Bytes that are not UTF-8 are refused before this (see isWellFormedUtf8).

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const NONCHARACTERS = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** U+FFFD: what a lenient decoder leaves of bytes that were not text. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** The text without the characters above, in Unicode NFC (Arabic marks in one canonical order). */
export function cleanText(value: string): string {
	return value.replace(CONTROLS, '').replace(BIDI_CONTROLS, '').replace(NONCHARACTERS, '').normalize('NFC');
}

/** True when cleanText would change something other than the normalisation. */
export function hasForbiddenCharacters(value: string): boolean {
	CONTROLS.lastIndex = 0;
	BIDI_CONTROLS.lastIndex = 0;
	NONCHARACTERS.lastIndex = 0;
	return (
		new RegExp(CONTROLS.source).test(value) ||
		new RegExp(BIDI_CONTROLS.source).test(value) ||
		new RegExp(NONCHARACTERS.source).test(value)
	);
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Bytes that decode as UTF-8 without a single replacement. */
export function isWellFormedUtf8(bytes: Uint8Array): boolean {
	try {
		strictDecoder.decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/** UTF-8 bytes as text, or null when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
	try {
		return strictDecoder.decode(bytes);
	} catch {
		return null;
	}
}

export interface ShapeLimits {
	/** nesting of objects and arrays: 1 is a flat object */
	maxDepth: number;
	/** keys and array items, all levels together */
	maxEntries: number;
	/** characters of one string */
	maxString: number;
}

export type ShapeProblem = { kind: 'depth' | 'entries' | 'string'; path: string } | null;

/**
 * Checks the shape of a parsed JSON value without recursion (a body nested
 * 100,000 deep must not overflow the stack): the first problem found, or null.
 */
export function checkShape(value: unknown, limits: ShapeLimits): ShapeProblem {
	const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
	let entries = 0;
	while (stack.length > 0) {
		const current = stack.pop()!;
		if (typeof current.value === 'string') {
			if (current.value.length > limits.maxString) return { kind: 'string', path: current.path };
			continue;
		}
		if (current.value === null || typeof current.value !== 'object') continue;
		const depth = current.depth + 1;
		if (depth > limits.maxDepth) return { kind: 'depth', path: current.path };
		const children = Array.isArray(current.value)
			? current.value.map((item, index) => [String(index), item] as const)
			: Object.entries(current.value as Record<string, unknown>);
		entries += children.length;
		if (entries > limits.maxEntries) return { kind: 'entries', path: current.path };
		for (const [key, child] of children)
			stack.push({ value: child, depth, path: current.path ? `${current.path}.${key}` : key });
	}
	return null;
}

function isPlain(value: unknown): value is Record<string, unknown> | unknown[] {
	if (Array.isArray(value)) return true;
	if (value === null || typeof value !== 'object') return false;
	const prototype = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

/**
 * Every string of a JSON value cleaned (cleanText), keys included; numbers,
 * booleans and objects that are not plain (dates, buffers, streams) as they are. Iterative.
 */
export function cleanDeep<T>(value: T): T {
	if (typeof value === 'string') return cleanText(value) as T;
	if (!isPlain(value)) return value;
	const root: unknown = Array.isArray(value) ? [] : {};
	const stack: { from: unknown; to: Record<string, unknown> | unknown[] }[] = [
		{ from: value, to: root as Record<string, unknown> },
	];
	while (stack.length > 0) {
		const { from, to } = stack.pop()!;
		const entries = Array.isArray(from)
			? from.map((item, index) => [index, item] as const)
			: Object.entries(from as Record<string, unknown>);
		for (const [key, child] of entries) {
			const target = typeof key === 'string' ? cleanText(key) : key;
			let copy: unknown = child;
			if (typeof child === 'string') copy = cleanText(child);
			else if (isPlain(child)) {
				copy = Array.isArray(child) ? [] : {};
				stack.push({ from: child, to: copy as Record<string, unknown> });
			}
			(to as Record<string | number, unknown>)[target] = copy;
		}
	}
	return root as T;
}
