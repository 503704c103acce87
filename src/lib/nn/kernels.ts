/**
 * The few TF.js kernels the training widget's step needs, called as the engine calls them
 * (`kernelFunc({ inputs, attrs, backend })`, the function the backend registered) but without
 * the engine around each call. At 2-4-2-1 and batch 10 a step is ~34 kernels on ~40 numbers each;
 * per call, `tf.engine().runKernel` looks the kernel up, opens a scope, builds a tf.Tensor for the
 * output and tracks it, and tf.tidy disposes it again. A KernelScope instead hands each output
 * back as the backend's bare TensorInfo and frees them all at once; only what the caller keeps
 * becomes a tf.Tensor. Measured in Node (CPU backend, 1,300 steps of the §3.2 widget's Trainer from
 * cold, alternating): 306–349 ms against 334–356 ms through the engine, within the run-to-run
 * spread; in the browser, `npm run bench:nn`'s ratio went from 0.74 to 0.63 with this change alone.
 * Same kernels on the same inputs: the same numbers as the ops. Inputs must be float32 tensors of
 * compatible shapes (the caller's invariant: the widget's own parameters and batches); nothing
 * here checks them, as tf.matMul and the other ops would.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from './spec';

type T = tf.TensorInfo;

/** Registered kernel functions by backend and kernel name, looked up once. */
const registry = new Map<string, tf.KernelFunc>();
/** Called with each kernel's name as a scope runs it (tests count a step's kernels). */
let observer: ((kernel: string) => void) | undefined;

/** Calls `fn(kernelName)` for every kernel a KernelScope runs until the returned function is called. */
export function observeKernels(fn: (kernel: string) => void): () => void {
  observer = fn;
  return () => {
    if (observer === fn) observer = undefined;
  };
}

function kernelFunc(name: string, backendName: string): tf.KernelFunc {
  const key = `${backendName}/${name}`;
  let fn = registry.get(key);
  if (!fn) {
    fn = tf.getKernel(name, backendName)?.kernelFunc;
    if (!fn) throw new Error(`Kernel '${name}' is not registered for backend '${backendName}'`);
    registry.set(key, fn);
  }
  return fn;
}

/**
 * One step's worth of kernel calls on the current backend. Every output stays owned by the scope
 * until `dispose()` frees it, unless `keep()` turned it into a tf.Tensor first. Use in try/finally.
 */
export class KernelScope {
  private readonly backendName = tf.getBackend();
  private readonly backend = tf.backend();
  /** Outputs to free, as backend data (released with disposeData) or adopted tf.Tensors. */
  private readonly owned: (T | tf.Tensor)[] = [];

  private run(name: string, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap = {}): T {
    observer?.(name);
    const out = kernelFunc(name, this.backendName)({ inputs, attrs, backend: this.backend }) as T;
    this.owned.push(out);
    return out;
  }

  /** A float32 scalar, owned by the scope. */
  scalar(value: number): T {
    const out: T = { dataId: this.backend.write(new Float32Array([value]), [], 'float32'), shape: [], dtype: 'float32' };
    this.owned.push(out);
    return out;
  }

  /** a·b with optional transposes, [m, k]·[k, n] → [m, n]. */
  matMul = (a: T, b: T, transposeA = false, transposeB = false): T => this.run(tf.BatchMatMul, { a, b }, { transposeA, transposeB });
  /** Elementwise with broadcasting (b may be a row [n] or a scalar). */
  add = (a: T, b: T): T => this.run(tf.Add, { a, b });
  sub = (a: T, b: T): T => this.run(tf.Sub, { a, b });
  mul = (a: T, b: T): T => this.run(tf.Multiply, { a, b });
  div = (a: T, b: T): T => this.run(tf.RealDiv, { a, b });
  /** Column sums of [m, n] → [n]. */
  sumRows = (x: T): T => this.run(tf.Sum, { x }, { axis: [0], keepDims: false });

  /** σ(z) for the network's activation. */
  activate(kind: Activation, z: T): T {
    return this.run(kind === 'tanh' ? tf.Tanh : kind === 'sigmoid' ? tf.Sigmoid : tf.Relu, { x: z });
  }

  /**
   * σ′(z) from the unit's output a = σ(z), so the forward pass need not keep z: sigmoid
   * a(1 − a), tanh 1 − a², ReLU 1[a > 0] (= 1[z > 0]); bit for bit what activations.ts
   * activationGrad gives, since σ(z) is the same kernel on the same input. `one` is a float32 scalar 1.
   */
  activationGradFromOutput(kind: Activation, a: T, one: T): T {
    if (kind === 'tanh') return this.sub(one, this.run(tf.Square, { x: a }));
    if (kind === 'sigmoid') return this.mul(a, this.sub(one, a));
    return this.run(tf.Step, { x: a }, { alpha: 0 });
  }

  /** The values of an output (or any tensor on this backend), without copying on the CPU backend. */
  read(x: T): tf.TypedArray {
    return this.backend.readSync(x.dataId) as tf.TypedArray;
  }

  /**
   * `x`, an output of this scope's kernels, as a tf.Tensor the caller owns: the scope no longer
   * frees it. Throws for anything else (an input, or a tensor already adopted): a second handle on
   * data someone else owns would free it under them.
   */
  keep<R extends tf.Rank>(x: T): tf.Tensor<R> {
    const i = this.owned.lastIndexOf(x);
    if (i < 0 || x instanceof tf.Tensor) throw new Error('KernelScope.keep: not a bare output of this scope');
    this.owned.splice(i, 1);
    return tf.engine().makeTensorFromTensorInfo(x, this.backend) as tf.Tensor<R>;
  }

  /** `x` as a tf.Tensor that the scope frees with its outputs (for tf ops that take tensors); a tf.Tensor as it is. */
  borrow<R extends tf.Rank>(x: T): tf.Tensor<R> {
    if (x instanceof tf.Tensor) return x as tf.Tensor<R>;
    const t = this.keep<R>(x);
    this.owned.push(t);
    return t;
  }

  /** Frees `t` (a tensor some tf op made) with the scope's outputs. */
  adopt<X extends tf.Tensor>(t: X): X {
    this.owned.push(t);
    return t;
  }

  /** Frees every output not kept. */
  dispose(): void {
    for (const x of this.owned.splice(0)) {
      if (x instanceof tf.Tensor) x.dispose();
      else this.backend.disposeData(x.dataId);
    }
  }
}
