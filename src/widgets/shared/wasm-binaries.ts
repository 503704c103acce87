/**
 * Registers TF.js's WebAssembly backend with its binaries served from our own build (Vite
 * fingerprints them), never from a CDN. All three builds ship: TF.js picks the threaded SIMD one
 * by itself when the page (or worker) is cross-origin isolated, so that SharedArrayBuffer exists
 * (src/lib/pwa/isolation.ts says how the book gets there), and the plain SIMD one otherwise,
 * unless the importer says otherwise (wasm-backend.ts: one thread).
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

setWasmPaths({ 'tfjs-backend-wasm.wasm': plain, 'tfjs-backend-wasm-simd.wasm': simd, 'tfjs-backend-wasm-threaded-simd.wasm': threaded });
