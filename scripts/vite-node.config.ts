/**
 * vite-node settings for Node jobs that run TF.js (training, speed checks): the same ES-module
 * build of TF.js as the site and the unit tests, so one engine holds the kernels and gradients.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const esm = (pkg: string) => fileURLToPath(new URL(`../node_modules/${pkg}/dist/index.js`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: ['tfjs-core', 'tfjs-backend-cpu', 'tfjs-layers', 'tfjs-backend-wasm'].map((name) => ({
      find: new RegExp(`^@tensorflow/${name}$`),
      replacement: esm(`@tensorflow/${name}`),
    })),
  },
  ssr: { noExternal: [/@tensorflow\//] },
});
