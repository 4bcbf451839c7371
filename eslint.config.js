// ESLint catches mistakes; Prettier owns formatting.
import { defineConfig } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist.*/',
      '.astro/',
      'node_modules/',
      'tests/.output/',
      '.ci/.tools/',
      'bench/.out/',
      'bench/.corpus/',
      'bench/.peer/',
    ],
  },
  tseslint.configs.recommended,
  eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Every problem is made by `problem()` (src/diagnostics/problem.ts), so its shape and wording rules live in one place.
    files: ['src/**/*.ts', 'src/**/*.astro', 'scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/diagnostics/problem.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ObjectExpression:has(> Property[key.name='severity'][value.type!='CallExpression']):has(> Property[key.name='message']):has(> Property[key.name='field'])",
          message: 'Make a problem with problem() from src/diagnostics/problem.ts, not an object literal.',
        },
      ],
    },
  },
  {
    // Every word a reader sees comes from the strings tables (src/i18n/), in the site's language: no literal text in templates.
    files: ['src/components/**/*.astro', 'src/layouts/**/*.astro', 'src/pages/**/*.astro'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/[A-Za-z]{2,}/]',
          message: 'Reader-facing text comes from the strings tables: add it to src/i18n/ and use say().',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|title|alt|placeholder|aria-description)$/] > Literal[value=/[A-Za-z]{2,}/]',
          message: 'Reader-facing text comes from the strings tables: add it to src/i18n/ and use say().',
        },
      ],
    },
  },
);
