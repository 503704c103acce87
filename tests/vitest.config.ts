import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The real-Chromium mermaid test launches a browser; give it room on a 2-core machine.
    testTimeout: 60_000,
    reporters: ['default'],
  },
});
