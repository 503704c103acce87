/**
 * Where the built site serves TF.js's wasm binaries (hashed names under dist/_astro), as the
 * file-name → URL map setWasmPaths takes in a benchmark page. TF.js loads the threaded one only
 * when the page is cross-origin isolated.
 */
import { readdirSync } from 'node:fs';

export function builtWasmPaths(dir = 'dist/_astro'): Record<string, string> {
  const assets = readdirSync(dir);
  const file = (name: string) => `/_astro/${assets.find((f) => f.startsWith(`${name}.`) && f.endsWith('.wasm'))}`;
  return {
    'tfjs-backend-wasm.wasm': file('tfjs-backend-wasm'),
    'tfjs-backend-wasm-simd.wasm': file('tfjs-backend-wasm-simd'),
    'tfjs-backend-wasm-threaded-simd.wasm': file('tfjs-backend-wasm-threaded-simd'),
  };
}
