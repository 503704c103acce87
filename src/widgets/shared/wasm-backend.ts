/**
 * TF.js's WebAssembly backend on one thread, for the page itself and the workers that compute
 * one character or one small batch at a time (text generation, compression, interpretation):
 * there, waking other threads costs more than it saves, and a training worker may be using every
 * core. Training workers take the threaded build instead (shared/train-backend.ts).
 *
 * One thread means the SIMD build without threads, even where the page is cross-origin isolated:
 * the threaded build starts a pool of 8 Web Workers when it loads, whatever thread count it is
 * then given, each fetching and compiling the backend again. The page's and the generation
 * worker's pools (16 workers that never ran a kernel) started while the text lab wrote its first
 * characters; without them the first character came after a median 275 ms instead of 487 ms
 * (issue 12, `npm run bench:textgen`, one run after the other on a 2-core machine).
 */
import { env } from '@tensorflow/tfjs-core';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import './wasm-binaries';

env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
setThreadsCount(1);
