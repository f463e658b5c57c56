// Lint for the whole repository: type-aware TypeScript rules, React's rules of hooks, and
// Prettier's formatting checked separately (`npm run lint` runs both).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'test-artifacts/**', '.dev-data/**', 'node_modules/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Vitest's asymmetric matchers (`expect.stringMatching(…)` inside `toEqual`) are typed `any`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The live log's rows come from TanStack Virtual's useVirtualizer, whose answers change without a new
    // identity: the React Compiler cannot memoise this one component, which it reports as a warning. The
    // component does not rely on memoisation; every other rule still applies here.
    files: ['renderer/src/pages/LiveLog.tsx'],
    rules: { 'react-hooks/incompatible-library': 'off' },
  },
);
