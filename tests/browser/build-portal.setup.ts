// Builds the citizens' web app before the browser tests (the Directus
// extension itself is built by `npm run build:extensions`).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup() {
	const root = fileURLToPath(new URL('../..', import.meta.url));
	execFileSync(process.execPath, ['scripts/build-portal.mjs'], { cwd: root, stdio: 'inherit' });
}
