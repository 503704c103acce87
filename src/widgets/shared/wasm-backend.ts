/**
 * TF.js's WebAssembly backend on one thread, for the page itself and the workers that compute
 * one character or one small batch at a time (text generation, compression, interpretation):
 * there, waking other threads costs more than it saves, and a training worker may be using every
 * core. Training workers take the threaded build instead (shared/train-backend.ts).
 *
 * One thread means the SIMD build without threads, even where the page is cross-origin isolated:
 * the threaded build starts a pool of 8 Web Workers when it loads, whatever thread count it is
 * then given, each fetching and compiling the backend again. On a 2-core machine the page's and
 * the generation worker's pools took about 2 s of CPU while the text lab wrote its first text
 * (issue 12, `npm run bench:textgen`), for threads that never ran a kernel.
 */
import { env } from '@tensorflow/tfjs-core';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import './wasm-binaries';

env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
setThreadsCount(1);
