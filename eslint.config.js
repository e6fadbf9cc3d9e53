// ESLint flat config: typescript-eslint strict type-checked everywhere, plus the determinism bans
// of DESIGN.md point 7 for library sources (virtual time and seeded chance only).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const determinismMessage =
  'kubesim is deterministic: take time from the engine clock and chance from a seeded stream (DESIGN.md point 7).';

export const determinismRules = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: determinismMessage },
    { object: 'Date', property: 'now', message: determinismMessage },
    { object: 'performance', property: 'now', message: determinismMessage },
    { object: 'process', property: 'hrtime', message: determinismMessage },
    { object: 'crypto', message: determinismMessage },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date']", message: determinismMessage },
    { selector: "CallExpression[callee.name='Date']", message: determinismMessage },
  ],
  'no-restricted-globals': [
    'error',
    ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'crypto'].map(
      (name) => ({ name, message: determinismMessage }),
    ),
  ],
  'no-restricted-imports': [
    'error',
    {
      paths: [
        'crypto',
        'node:crypto',
        'timers',
        'node:timers',
        'timers/promises',
        'node:timers/promises',
      ].map((name) => ({ name, message: determinismMessage })),
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    // The CLI's own folder and the API server's socket handling (connections, watch timeouts and
    // bookmarks, the speed driver, the bearer token) may use timers, wall time and crypto; they
    // never write wall time into the simulation.
    ignores: ['packages/sim/src/cli/**', 'packages/sim/src/server/socket/**'],
    rules: determinismRules,
  },
);
