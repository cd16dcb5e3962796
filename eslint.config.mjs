// ESLint flat config: type-aware typescript-eslint + prettier compatibility (STYLE.md §10), plus the architecture:
// no import cycles anywhere, and users-rooms' bounded contexts depending downwards only, never on another
// context's schemas.
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * users-rooms' bounded contexts and the contexts each may import (transitively closed below). A folder not
 * listed here is not a context and fails lint, so a new context is declared with its place in the order.
 */
const USERS_ROOMS_CONTEXTS = {
  common: [],
  settings: ['common'],
  authorization: ['settings'],
  mail: ['settings'],
  trash: [],
  subscriptions: ['settings', 'authorization', 'trash'],
  users: ['subscriptions', 'mail'],
  auth: ['users'],
  rooms: ['users'],
  invites: ['rooms'],
  directory: ['rooms'],
  avatars: ['users'],
  'data-export': ['rooms'],
  'server-info': ['users'],
  bootstrap: ['rooms'],
};

function closure(name, seen = new Set()) {
  for (const dep of USERS_ROOMS_CONTEXTS[name] ?? []) {
    if (!seen.has(dep)) {
      seen.add(dep);
      closure(dep, seen);
    }
  }
  return seen;
}

const contextRules = Object.keys(USERS_ROOMS_CONTEXTS).map((name) => {
  const allowed = new Set([name, ...closure(name)]);
  const forbidden = Object.keys(USERS_ROOMS_CONTEXTS).filter((c) => !allowed.has(c));
  const patterns = [
    {
      regex: `^(\\.\\./)+(?!${name}/)[\\w-]+/schemas/`,
      message: `Another context's schema: only its owning context registers and reads it; call its repository or service.`,
    },
  ];
  if (forbidden.length) {
    patterns.push({
      regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
      message: `The ${name} context may depend on ${[...allowed].filter((c) => c !== name).join(', ') || 'no other context'} only (see USERS_ROOMS_CONTEXTS in eslint.config.mjs).`,
    });
  }
  return {
    files: [`apps/users-rooms/src/${name}/**/*.ts`],
    // tests assemble several contexts, as the app module does
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@app/*/*'], message: 'Import libs through @app/<lib> only.' }, ...patterns] },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'coverage/**', '.data/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: 'error',
      curly: 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@app/*/*'], message: 'Import libs through @app/<lib> only.' }] },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  ...contextRules,
  {
    files: ['apps/users-rooms/src/*/**/*.ts'],
    ignores: Object.keys(USERS_ROOMS_CONTEXTS).map((name) => `apps/users-rooms/src/${name}/**`),
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program',
          message: 'Not a declared users-rooms context: add it to USERS_ROOMS_CONTEXTS in eslint.config.mjs.',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
);
