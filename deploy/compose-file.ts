// Reads docker-compose.yml as Docker Compose would for what the tests check:
// YAML 1.1 merge keys resolved, ${VAR}, ${VAR:-default} and ${VAR:?message}
// interpolated from a given environment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../directus.config';

export const COMPOSE_FILE = join(projectRoot, 'docker-compose.yml');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ComposeDocument = Record<string, any>;

export function readCompose(text = readFileSync(COMPOSE_FILE, 'utf8')): ComposeDocument {
	return parse(text, { merge: true }) as ComposeDocument;
}

const REFERENCE = /\$\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?\}/g;

/** the variables a compose text reads, and whether each is required (`:?`) */
export function composeVariables(text: string): Map<string, { required: boolean }> {
	const found = new Map<string, { required: boolean }>();
	for (const match of text.replaceAll('$$', '').matchAll(REFERENCE)) {
		const required = match[2] === ':?' || match[2] === '?';
		found.set(match[1], { required: required || (found.get(match[1])?.required ?? false) });
	}
	return found;
}

/** replaces ${…} in every string of a value, as Compose does */
export function interpolate<T>(value: T, env: Record<string, string | undefined>): T {
	if (typeof value === 'string') {
		return value.replace(
			REFERENCE,
			(_all, name: string, operator: string | undefined, argument: string | undefined) => {
				const current = env[name];
				if (operator?.endsWith('?') && !current) throw new Error(`${name}: ${argument}`);
				if (operator?.endsWith('-') && !current) return argument ?? '';
				return current ?? '';
			},
		) as T;
	}
	if (Array.isArray(value)) return value.map((entry) => interpolate(entry, env)) as T;
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, interpolate(entry, env)])) as T;
	return value;
}

/** KEY=value lines of an env file (comments and blank lines skipped) */
export function readEnvFile(text: string): Map<string, string> {
	const entries = new Map<string, string>();
	for (const line of text.split('\n')) {
		const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
		if (match) entries.set(match[1], match[2]);
	}
	return entries;
}
