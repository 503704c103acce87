// @ts-check
/**
 * ESLint flat config: the ecosystem's recommended sets for JavaScript, TypeScript, Svelte 5 and
 * Astro, with eslint-config-prettier last so that layout is Prettier's business alone.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', 'public/', 'diagrams/', 'docs/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  astro.configs['flat/recommended'],
  // The site runs in the browser; scripts, configs and tests also run in Node (e2e callbacks run in the page).
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    rules: {
      // Our lists are fixed option lists or rebuilt wholesale, with no per-item state; keying repeatable strings (generated characters, messages) would throw on duplicates.
      'svelte/require-each-key': 'off',
      // It flags temporaries (URLSearchParams read from the hash, Sets handed to a decoder, Vite's `new URL(…, import.meta.url)`); our state is replaced, never mutated.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte'],
    // Markup text is Chinese, where U+3000 (the ideographic space) is deliberate; the rule's skip options do not cover Svelte text.
    rules: { 'no-irregular-whitespace': 'off' },
  },
  prettier,
);
