// Lint configuration.
//
// Shipped code (nodes/, credentials/, package.json) gets exactly the rules n8n's verification
// scanner applies (eslint.verify.config.mjs: the community rules in their strict n8n Cloud form,
// which also ban timers, `process` and imports outside n8n's allow-list, plus
// eslint-plugin-n8n-nodes-base's node, credential and package rules), and ESLint's and
// TypeScript's recommended rules on top.
//
// Tests, scripts, the benchmark and the mock gateway run only on developer machines and in CI,
// never inside n8n: they use Node's APIs freely (timers, http, child processes), so they get the
// relaxed block at the end (`npm run lint:dev`): TypeScript's recommended rules only.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

import n8nScannerRules from './eslint.verify.config.mjs';

const SHIPPED_TS = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default defineConfig(
	globalIgnores(['dist/**', 'node_modules/**', 'coverage/**']),
	{ files: SHIPPED_TS, extends: [js.configs.recommended, tseslint.configs.recommended] },
	{ files: [...SHIPPED_TS, 'nodes/**/*.json', 'package.json'], extends: [n8nScannerRules] },
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: {
			globals: Object.fromEntries(
				['process', 'console', 'setTimeout', 'clearTimeout', 'setImmediate', 'Buffer', '__dirname', 'require', 'module'].map(
					(name) => [name, 'readonly'],
				),
			),
		},
	},
);
