// Lint rules: typescript-eslint's recommended type-aware set plus a few habits from DESIGN.md.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Thin edges: routes, views and CLI commands never speak SQL (DESIGN.md habit 1).
    files: ['src/web/**', 'src/cli/**', 'src/render/**', 'src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/storage/**', 'kysely', 'pg', 'better-sqlite3'], message: 'Only storage/ speaks SQL; go through a service.' }] }],
    },
  },
  {
    // Services may hold a database handle and pass it to repositories, but never build a
    // query themselves: every query lives in storage/repositories (DESIGN.md habit 1).
    files: ['src/services/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/]",
          message: 'Queries live in storage/repositories; call a repository function.',
        },
      ],
    },
  },
);
