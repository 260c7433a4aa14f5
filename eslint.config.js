// ESLint for the whole tree (flat config), the stack Directus itself uses:
// @eslint/js and typescript-eslint recommended, eslint-plugin-vue for the
// modules' single-file components, and eslint-config-prettier so that layout is
// Prettier's alone (`npm run lint` runs both; `npm test` runs it first).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'**/dist/**',
			'**/node_modules/**',
			'data/**',
			'bench/results/**',
			'deploy/vendor/**',
			'tests/.tmp/**',
			'**/*.d.ts',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	...vue.configs['flat/recommended'],
	{
		files: ['**/*.vue'],
		languageOptions: { parserOptions: { parser: tseslint.parser } },
	},
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			// `const { secret, ...rest } = row` leaves a field out on purpose; `_name` marks a parameter kept for its position
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
			],
		},
	},
	{
		// the portal's components are render functions (no single-file components), a view and its small parts in one .ts file by design
		files: ['extensions/casa-core/src/portal-app/**'],
		rules: { 'vue/one-component-per-file': 'off' },
	},
	{
		// tests read JSON answers of any shape
		files: ['tests/**', '**/*.test.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
	prettier,
);
