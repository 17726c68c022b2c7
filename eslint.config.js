import js from '@eslint/js';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Where code runs decides what it may import (see docs/architecture.md): shared/ is pure,
// renderer/ runs in a sandboxed page. Breaking a boundary is a build error, not a review comment.
const nodeBuiltins = ['node:*', ...builtinModules.flatMap((name) => [name, `${name}/*`])];
// Node's globals are typed everywhere (tsconfig), so the pure and browser layers refuse them by name.
const nodeGlobals = ['process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate'].map(
  (name) => ({ name, message: 'Node globals are not available here.' }),
);
// Packages that run in Node only (native code, sockets, the file system): the core's and the shells' business.
const nodeOnlyPackages = [
  'nodemailer',
  'csv-parse',
  'csv-parse/*',
  'csv-stringify',
  'csv-stringify/*',
  'qrcode',
  'selfsigned',
  'ws',
];
const nativeAndElectron = ['electron', 'electron/*', 'sqlite3', 'node-cron', ...nodeOnlyPackages];

// Time comes from the injected clock (electron/core/clock.ts), so a test can fix it and no check
// depends on the day it runs; the renderer's idle timers read renderer/clock.ts, which a test's
// page.clock controls.
const realClock = 'Read the time through the injected clock (electron/core/clock.ts; renderer/clock.ts in the page).';
const clockModules = ['electron/core/clock.ts', 'renderer/clock.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'test-output/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...nodeGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, ...nativeAndElectron],
              message: 'shared/ is pure: no Node, Electron or sqlite3.',
            },
            {
              group: ['**/electron/**', '**/renderer/**', '../electron', '../renderer'],
              message: 'shared/ depends on nothing in this project.',
            },
          ],
        },
      ],
    },
  },
  {
    // The one core every shell wraps: it knows no shell, and no Electron (browser mode and the CLI run without it).
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'electron/core runs without Electron.' },
            {
              group: [
                '**/shell',
                '**/shell/**',
                '**/browser',
                '**/browser/**',
                '**/cli',
                '**/cli/**',
                '**/electron/main',
                '../main',
                '../../main',
                '**/preload',
              ],
              message: 'electron/core imports no shell: the shells import the core.',
            },
            { group: ['**/renderer', '**/renderer/**'], message: 'electron/core never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', ...nodeGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, ...nativeAndElectron],
              message: 'renderer/ runs in a sandboxed page: no Node, Electron or sqlite3.',
            },
            {
              group: ['**/electron/**', '../electron'],
              message: 'renderer/ reaches the core only through the API client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: clockModules,
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: realClock },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: realClock },
        { selector: "CallExpression[callee.name='Date']", message: realClock },
      ],
    },
  },
);
