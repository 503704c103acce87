/**
 * Backend names, labels and preference orders, free of TF.js so a widget's badge can use them
 * without pulling TF.js into the page before the reader touches the widget.
 */
export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** The general preference for large work: GPU first, then WebAssembly, then plain JavaScript. */
export const BACKEND_ORDER: BackendName[] = ['webgl', 'wasm', 'cpu'];

/**
 * The order for the neural-network lab's tiny networks, as `npm run bench:nn` measured it in
 * headless Chromium on a 2-core machine (median ms per forward+backward+update step of the
 * 2-2-1 network): CPU 0.10, WebAssembly 0.20, WebGL 2.8. Per-op dispatch dominates at this size,
 * and WebGL pays a GPU round trip for every read-back.
 */
export const NN_BACKEND_ORDER: BackendName[] = ['cpu', 'wasm', 'webgl'];

/**
 * The order for the text lab's LSTM (64-wide embedding, 128 units, a 3,000-way softmax), from
 * `npm run bench:textgen` on the same machine, in generated characters/s: WebAssembly 5,622,
 * CPU 600, WebGL 72. Used when the text lab is the first widget on the page to need TF.js.
 */
export const TEXTGEN_BACKEND_ORDER: BackendName[] = ['wasm', 'cpu', 'webgl'];

const LABEL: Record<BackendName, string> = { webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' };

export const backendLabel = (name: BackendName) => LABEL[name];
