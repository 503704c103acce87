import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const esm = (pkg: string) => fileURLToPath(new URL(`../node_modules/${pkg}/dist/index.js`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The real-Chromium mermaid test launches a browser; give it room on a 2-core machine.
    testTimeout: 60_000,
    reporters: ['default'],
    // TF.js as the site bundles it: ES modules, one engine. Left to Node, `@tensorflow/tfjs-core`
    // would load its CommonJS bundle while deep imports such as register_all_gradients load the
    // ES modules: two engines, and gradients registered in the wrong one.
    alias: [
      { find: /^@tensorflow\/tfjs-core$/, replacement: esm('@tensorflow/tfjs-core') },
      { find: /^@tensorflow\/tfjs-backend-cpu$/, replacement: esm('@tensorflow/tfjs-backend-cpu') },
      { find: /^@tensorflow\/tfjs-layers$/, replacement: esm('@tensorflow/tfjs-layers') },
      { find: /^@tensorflow\/tfjs-backend-wasm$/, replacement: esm('@tensorflow/tfjs-backend-wasm') },
    ],
    server: { deps: { inline: [/@tensorflow\//] } },
  },
});
