/**
 * Registers TF.js's WebAssembly backend with its binaries served from our own build (Vite
 * fingerprints them), never from a CDN. Threads need cross-origin isolation, which a static
 * host does not give, so only the single-threaded binaries are shipped; TF.js insists on a
 * path for the threaded one too and never loads it without SharedArrayBuffer.
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

setWasmPaths({ 'tfjs-backend-wasm.wasm': plain, 'tfjs-backend-wasm-simd.wasm': simd, 'tfjs-backend-wasm-threaded-simd.wasm': simd });
