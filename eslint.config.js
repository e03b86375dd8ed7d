// Lint rules, including the layer rules of HOUSE-STYLE.md: shared/ depends on nothing,
// renderer/ and electron/ never import each other, features never import each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

const restrict = (patterns) => ['error', { patterns }];

/** Layer rules, exported so tests/lint can prove they fire. */
export const layerRules = {
  shared: restrict([
    { regex: '(^|/)(renderer|electron)(/|$)', message: 'shared/ is pure: it must not import renderer/ or electron/.' },
    { regex: '^(react|react-dom|react-router|dexie|dexie-react-hooks|@tiptap/.*)(/.*)?$', message: 'shared/ is pure: no React, Dexie or TipTap.' },
    { regex: `^(${nodeBuiltins.map((n) => n.replace(/[/]/g, '\\/')).join('|')})$`, message: 'shared/ is pure: no Node built-ins.' },
  ]),
  renderer: restrict([
    { regex: '(^|/)electron(/|$)', message: 'renderer/ must not import electron/ or Electron; use renderer/platform.' },
    { regex: '^node:', message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
  ]),
  server: restrict([
    { regex: '(^|/)(renderer|electron)(/|$)', message: 'server/ is plain Node: it must not import renderer/ or electron/.' },
    { regex: '^(react|react-dom|react-router|dexie|dexie-react-hooks)(/.*)?$', message: 'server/ has no UI or Dexie code.' },
  ]),
  electron: restrict([
    { regex: '(^|/)renderer(/|$)', message: 'electron/ must not import renderer/.' },
    { regex: '^(react|react-dom|react-router|dexie|dexie-react-hooks)(/.*)?$', message: 'electron/ has no UI or database code.' },
  ]),
  // A feature file one level deep reaching `../x` leaves its own feature folder.
  featureTopLevel: restrict([
    { regex: '(^|/)features/', message: 'Features do not import each other; move shared code to renderer/components or shared/.' },
    { regex: '^\\.\\./(?!\\.)', message: 'Features do not import each other; move shared code to renderer/components or shared/.' },
    { regex: '(^|/)electron(/|$)', message: 'renderer/ must not import electron/ or Electron; use renderer/platform.' },
  ]),
  featureNested: restrict([
    { regex: '(^|/)features/', message: 'Features do not import each other; move shared code to renderer/components or shared/.' },
    { regex: '^\\.\\./\\.\\./(?!\\.)', message: 'Features do not import each other; move shared code to renderer/components or shared/.' },
    { regex: '(^|/)electron(/|$)', message: 'renderer/ must not import electron/ or Electron; use renderer/platform.' },
  ]),
};

const TIMED_ASSERTION = 'No timed assertions in unit tests: a machine under load fails them. Measure speed in tests/bench; a slow test states its timeout.';

/** Rules for unit and component tests (not tests/bench or tests/e2e), exported so tests/lint can prove they fire. */
export const unitTestRules = {
  'no-restricted-properties': [
    'error',
    { object: 'performance', property: 'now', message: TIMED_ASSERTION },
    { object: 'process', property: 'hrtime', message: TIMED_ASSERTION },
    { object: 'console', property: 'time', message: TIMED_ASSERTION },
    { object: 'console', property: 'timeEnd', message: TIMED_ASSERTION },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
    { selector: "CallExpression[callee.name='expect'] CallExpression[callee.object.name='Date'][callee.property.name='now']", message: TIMED_ASSERTION },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRules.shared,
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': layerRules.renderer },
  },
  { files: ['renderer/features/*/*.{ts,tsx}'], rules: { 'no-restricted-imports': layerRules.featureTopLevel } },
  { files: ['renderer/features/*/*/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': layerRules.featureNested } },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': layerRules.electron },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': layerRules.server },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  { files: ['tests/**/*.{ts,tsx}'], ignores: ['tests/bench/**', 'tests/e2e/**'], rules: unitTestRules },
  {
    files: ['eslint.config.js', 'vite.config.ts', 'vite.participant.config.ts', 'vitest.config.ts', 'playwright.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
