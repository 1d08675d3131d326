// ESLint flat config: typescript-eslint's recommended rules, eslint-plugin-svelte's for the components, type-aware
// promise rules for the code tsconfig.json covers, and the project's purity rules for sim/: no randomness or
// clock of its own, no Node built-ins outside sim/node/.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const SIM_ONLY = ['sim/**/*.{ts,js,mjs}'];
const SIM_NODE_EDGE = ['sim/node/**'];
// What tsconfig.json covers (test/ is outside it), where the type-aware rules can ask the type checker.
const TYPED = ['{sim,src,bench,notebooks,scripts}/**/*.ts', 'src/**/*.svelte'];

const nodeBuiltinPaths = builtinModules
  .filter((name) => !name.startsWith('_'))
  .map((name) => ({
    name,
    message: 'sim/ is pure TypeScript: Node built-ins belong in sim/node/ (or a *.test.ts file).',
  }));

// The few Node/browser globals our plain .js/.mjs files use (scripts/, bin/, configs); TypeScript checks the .ts ones.
const scriptGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'queueMicrotask',
    'structuredClone',
    'TextEncoder',
    'TextDecoder',
    'performance',
    'fetch',
    'globalThis',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  {
    ignores: ['node_modules/**', 'dist/**', 'datasets/**', 'coverage/**', 'out/**', '.tmp/**', 'test-results/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: scriptGlobals },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    files: TYPED,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    files: SIM_ONLY,
    ignores: SIM_NODE_EDGE,
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Take a RandomSource (sim/random/random.ts, randomSeeded(seed)) instead of Math.random.',
        },
        {
          object: 'Date',
          property: 'now',
          message: 'sim/ never reads the wall clock: take the time as a parameter (epochMillis).',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'sim/ never reads the wall clock: `new Date()` without an argument is the current time.',
        },
      ],
    },
  },
  {
    files: SIM_ONLY,
    ignores: [...SIM_NODE_EDGE, '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths,
          patterns: [
            {
              group: ['node:*'],
              message: 'sim/ is pure TypeScript: Node built-ins belong in sim/node/ (or a *.test.ts file).',
            },
          ],
        },
      ],
    },
  },
  ...oneDoorRules(),
);

/**
 * sim/index.ts is the one door into sim/ from outside it; Node-side code (notebooks, bench, scripts, tests) may also
 * use sim/node/index.ts, the browser (src/) may not. Static imports and re-exports, `import()` and `new URL()` (worker
 * entries) are checked. A regex rather than globs: a path like `../../sim/x/y.ts` has any number of `../`.
 */
function oneDoorRules() {
  const deepOrNode = String.raw`^(\.{1,2}/)+sim/(?!index\.ts$)`;
  const deep = String.raw`^(\.{1,2}/)+sim/(?!index\.ts$|node/index\.ts$)`;
  const message = 'Import sim/ through its one door, sim/index.ts (Node-only: sim/node/index.ts), never a deep path.';
  const srcMessage = 'src/ imports sim/ only through sim/index.ts (no deep paths, no Node-only sim/node/).';
  // esquery regexes cannot contain a slash: \x2F stands for it.
  const selectors = (pattern, text) =>
    [`ImportExpression > Literal.source`, `NewExpression[callee.name='URL'] > Literal`].map((node) => ({
      selector: `${node}[value=/${pattern.replaceAll('/', String.raw`\x2F`)}/]`,
      message: text,
    }));
  const rules = (pattern, text) => ({
    'no-restricted-imports': ['error', { patterns: [{ regex: pattern, message: text }] }],
    'no-restricted-syntax': ['error', ...selectors(pattern, text)],
  });
  const files = ['**/*.{ts,mts,cts,js,mjs,cjs,svelte}'];
  return [
    { files, ignores: ['sim/**'], rules: rules(deep, message) },
    { files: ['src/**/*.{ts,svelte}'], rules: rules(deepOrNode, srcMessage) },
  ];
}
