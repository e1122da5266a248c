// ESLint (flat config). Run by `npm test` (a lint error is a failed test) and `npm run lint`.
// Beyond typescript-eslint's recommended rules, the house rules (docs/ARCHITECTURE.md, docs/modules.md)
// that a machine can check: module boundaries, one reader of the environment, one clock.
// Not type-aware on purpose: the whole repository lints in seconds.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Another module, reached from a file `depth` folders below its own module's root, by anything but its index. */
const otherModuleInternals = (depth) => ({
  // `../` × (depth + 1) lands in src/modules/; then a module name and a file other than index
  // (or shared: the pure values a pure file of another module may import without loading its I/O).
  regex: `^(\\.\\./){${depth + 1}}[^./][^/]*/(?!(index|shared)(\\.ts)?$).+`,
  message: 'A module uses another only through its index.ts (or its shared.ts, pure values): import from "../<module>" (docs/modules.md).',
});

const srcNeverImportsWeb = {
  regex: '^(\\.\\./)+web(/|$)',
  message: 'Server code never imports the web app (web/ depends on src/, not the other way round).',
};

/** Outside src/modules, only the registry knows the modules (the platform never imports one; the CLI and app wire the list). */
const onlyTheRegistry = {
  regex: '^(\\./|(\\.\\./)+)modules/(?!registry$).+',
  message: 'The platform, the CLI and the app reach the modules only through src/modules/registry.ts (hooks are declared by the modules, docs/modules.md).',
};

/** What the browser may take from src/: a module's shared.ts (values) and its index.ts (types only). */
const webFromSrc = [
  {
    regex: '^(\\.\\./)+src/(?!modules/[^/]+/(index|shared)$|modules/[^/]+$|platform/platform\\.schemas$)',
    message:
      "The web app imports from src/ only a module's shared.ts (pure code both sides run) and the types of its index.ts or of the platform's platform.schemas.ts (docs/modules.md).",
  },
  {
    regex: '^(\\.\\./)+src/(modules/[^/]+(/index)?|platform/platform\\.schemas)$',
    allowTypeImports: true,
    message: "Only `import type` from a module's index.ts: a value would pull server code into the browser bundle.",
  },
];

/** A module's pages are its own: another feature reaches them only through the app (its pages.ts); shared pieces go to web/ui. */
const otherFeature = {
  // From web/features/<m>/x.tsx: `../<other>/…`; the shell's own pages (account, admin, home) share among themselves.
  regex: '^\\.\\./(?!\\.\\./)[^/]+/',
  message: "A web feature never imports another feature's files: move what both need to web/ui (or the module's shared.ts).",
};

const envFromProcess = [
  { name: 'process', importNames: ['env'], message: 'Only src/config.ts reads the environment.' },
  { name: 'node:process', importNames: ['env'], message: 'Only src/config.ts reads the environment.' },
];

const clockMessage =
  'Time comes from the clock: ctx.now() in a use case, systemClock.now() (src/platform/clock.ts) elsewhere; performance.now() for durations.';

export default tseslint.config(
  {
    ignores: ['dist/**', 'data/**', '.tmp/**', 'node_modules/**', 'test-results/**', 'web/public/**', '**/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc --strict already refuses implicit any; an explicit one is a visible choice (test
      // responses, Fastify and pg-boss plumbing). 104 today, a third of them outside tests.
      '@typescript-eslint/no-explicit-any': 'off',
      // Unused names are noise; a leading underscore says "on purpose" (callbacks' positional arguments).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // One reader of the environment: src/config.ts validates every variable at start.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/config.ts reads the environment (validated at start): add the variable there.' },
      ],
      'no-restricted-imports': ['error', { paths: envFromProcess }],
    },
  },

  // ── src/: modules talk through index.ts, never to web/; time from the clock ──
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: envFromProcess, patterns: [srcNeverImportsWeb] }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: clockMessage },
        { selector: "CallExpression[callee.name='Date']", message: clockMessage },
      ],
    },
  },
  ...[0, 1, 2].map((depth) => ({
    files: [`src/modules/*/${'*/'.repeat(depth)}*.ts`],
    ignores: ['src/modules/registry.ts'], // the registry imports each module's ModuleDef file, by design
    rules: { 'no-restricted-imports': ['error', { paths: envFromProcess, patterns: [srcNeverImportsWeb, otherModuleInternals(depth)] }] },
  })),
  ...[0, 1, 2].map((depth) => ({
    // Tests too never import the web app: logic both sides need is in the module's shared.ts.
    files: [`src/modules/*/${'*/'.repeat(depth)}*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { paths: envFromProcess, patterns: [srcNeverImportsWeb, otherModuleInternals(depth)] }] },
  })),
  {
    files: ['src/*.ts', 'src/platform/**/*.ts', 'src/cli/**/*.ts'],
    // The contract test reads the extension points' wiring of dossiers and droits-potentiels on purpose.
    ignores: ['src/platform/module-contract.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: envFromProcess, patterns: [srcNeverImportsWeb, onlyTheRegistry] }] },
  },
  {
    // The clock itself; tests (they set the clock they inject, and may read the real one);
    // the test harness's cookie jar, which expires cookies like a browser does.
    files: ['src/platform/clock.ts', 'src/platform/testing.ts', 'src/**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },

  // ── web/: the browser app ──
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      // A missing dependency is a stale value on screen (a word in the old language, an option ignored): an error, not a warning.
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { paths: envFromProcess, patterns: webFromSrc }],
    },
  },
  {
    files: ['web/features/*/*.{ts,tsx}'],
    ignores: ['web/features/{account,admin,home}/*'],
    rules: { 'no-restricted-imports': ['error', { paths: envFromProcess, patterns: [...webFromSrc, otherFeature] }] },
  },

  // ── Where reading the environment is the point ──
  {
    files: [
      'src/config.ts', // the one reader
      'src/platform/testing.ts', // the test harness reads what scripts/test-global-setup.ts exported to the test workers
      'src/platform/testing-multiprocess.ts', // hands the parent's environment to the server processes it starts
      'src/**/*.test.ts', // tests set variables to test config.ts and the CLI
      'scripts/**/*.ts', // the test runner and build scripts hand variables to child processes
      'bench/**/*.ts',
      'e2e/**/*.ts', // the journeys' harness (CHROMIUM_PATH, like scripts/)
      'vite.config.ts',
      'vitest.config.ts',
      'eslint.config.js',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
