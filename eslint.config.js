// ESLint (flat config): typescript-eslint's recommended rules for the API, the web app and the
// tests, plus the project's seams: no import cycles, `rules/` stays pure, only `config/` reads
// `process.env`. `npm run lint` runs it together with Prettier's check.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The API's layers, lowest first: a folder may import from lower layers only (and from itself). Data flows one way: controller → service → rules/entities.
 * Entry points (main, bootstrap, app/core modules, the CLIs, the demo seed and the entity
 * registry in database/) sit above every layer and may import anything.
 */
const LAYERS = [
  ['rules'],
  ['common'],
  ['config'],
  ['users', 'courts', 'organizations', 'sms'],
  ['audit'],
  ['auth'],
  ['calendar', 'case-records'],
  ['documents'],
  ['stats'],
  ['cases'],
  ['queue', 'reference', 'health', 'followup', 'review', 'party', 'admin'],
];
const ENTRY_POINTS = ['database', 'seed'];
const layerZones = LAYERS.flatMap((layer, i) =>
  layer.map((folder) => ({
    target: `./api/src/${folder}`,
    from: [...LAYERS.slice(i + 1).flat(), ...layer.filter((f) => f !== folder), ...ENTRY_POINTS].map((f) => `./api/src/${f}`),
    message: `api/src/${folder} sits in layer ${i} (${layer.join(', ')}): it may import only lower layers (eslint.config.js LAYERS).`,
  })),
);

const processEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration in api/src/config/ (typed and validated at boot), not process.env.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.angular/**',
      '.data/**',
      'coverage/**',
      'docs/**',
      'test/bench/.*',
      'test/openapi-client/.generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse TypeScript dependencies too: without it no-cycle cannot follow a .ts file's imports.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.test.json', 'web/tsconfig.app.json', 'web/tsconfig.spec.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      // Sanitizers match control characters on purpose (NUL, C0 controls in PDFs and XLSX).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The pure legal rules: plain functions and tables, importable by the API and the web app alike.
    files: ['api/src/rules/**/*.ts'],
    ignores: ['api/src/rules/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'express', '@angular/*'],
              message: 'rules/ is pure: no framework or database imports.',
            },
            { group: ['../*', '../**'], message: 'rules/ imports nothing from the rest of the app.' },
            { group: ['node:*'], message: 'rules/ runs in the browser too: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // Folder-level layering (import-x/no-cycle above catches file-level cycles).
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/**/*-cli.ts', 'api/src/**/*.spec.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/config/**', 'api/src/**/*.spec.ts'],
    rules: { 'no-restricted-syntax': ['error', processEnv] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        globalThis: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        AbortController: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
