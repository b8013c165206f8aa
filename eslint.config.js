// Lint rules: typescript-eslint's recommended type-aware set (recommendedTypeChecked, with the
// TypeScript project service) plus the habits and fences of DESIGN.md.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Thin edges: routes, views and CLI commands never speak SQL (DESIGN.md habit 1). */
const noSql = { group: ['**/storage/**', 'kysely', 'pg', 'better-sqlite3'], message: 'Only storage/ speaks SQL; go through a service.' };
/** Inner rooms never reach out to the use cases or the edges. */
const noServices = { regex: '^(\\.\\./)+services/', message: 'Inner layers never import services/; move the shared type or rule inward (domain/).' };
const noEdges = {
  regex: '^(\\.\\./)+(web|cli)/|^(\\.\\./)+main\\.js$',
  message: 'Only the edges (web/, cli/) and main.ts may import web/ or cli/; move the shared piece inward.',
};
/** domain/ is rules without I/O: it imports only itself, and node:crypto for hashes and ids. */
const onlyDomain = { regex: '^(?!\\./[^/]+$|node:crypto$)', message: 'domain/ imports only domain/ (and node:crypto): no I/O, no outer layer, no package.' };

function fences() {
  const restrict = (files, ...patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
  return [
    restrict(['src/domain/**'], onlyDomain),
    restrict(['src/render/**'], noSql, noServices, noEdges),
    restrict(['src/storage/**', 'src/search/**', 'src/importer/**'], noServices, noEdges),
    restrict(['src/services/**'], noEdges),
    restrict(['src/web/**', 'src/cli/**'], noSql),
  ];
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { globals: { ...globals.node }, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe/it/test return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    rules: {
      // An async function is the contract of a port (a page source, a renderer): an
      // implementation that happens to need no await keeps the promise-returning shape.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Kysely's documented expression-builder style destructures `({ exists, selectFrom })`.
    files: ['src/storage/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Tests read untyped JSON, PDF internals and HTML through assertions on what they find.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  // Plain JavaScript (this file, bin/, scripts/) is outside the TypeScript project.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // Fences: dependencies point inward (docs/ARCHITECTURE.md). Each folder gets one
  // no-restricted-imports entry (a later entry for the same file would replace, not add to,
  // an earlier one), built from these pieces. test/unit/import-graph.test.ts checks the same
  // fences, and the absence of import cycles, on the whole graph.
  ...fences(),
  {
    // Services may hold a database handle and pass it to repositories, but never build a
    // query themselves: every query lives in storage/repositories (DESIGN.md habit 1).
    files: ['src/services/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/]',
          message: 'Queries live in storage/repositories; call a repository function.',
        },
      ],
    },
  },
);
