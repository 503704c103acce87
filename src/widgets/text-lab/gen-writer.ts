/**
 * The page's side of a generation worker (gen.worker.ts): one writer per text written at once.
 * It hands the worker a model, posts a job, and hands what arrives to the lab's `deliver` at most
 * once an animation frame (FrameHandover); 停止生成 asks the worker to stop after the batch under
 * way. A worker that fails (did not load, threw, sent what the protocol does not know) rejects the
 * run with a message in words and is replaced by a fresh one, given the same model, at the next run.
 */
import type { BackendName } from '../../lib/nn/backend-names';
import { unpackChars } from '../../lib/textgen/char-batch';
import { parseFromGen, type GenModel, type StartGeneration, type ToGenWorker } from '../../lib/textgen/gen-protocol';
import type * as tf from '@tensorflow/tfjs-core';
import { startLabWorker } from '../shared/lab-worker';
import { FrameHandover, type OutChar } from './output';

export type GenJob = Omit<StartGeneration, 'type' | 'job'>;

export interface Written {
  text: string;
  /** Prompt characters outside the vocabulary, read as <unk>. */
  unknown: string[];
  /** Tensors the worker holds after the run. */
  tensors: number;
  /** The backend the worker computed on. */
  backend: BackendName;
}

interface Run {
  job: number;
  /** The vocabulary of the model the run writes with (a model loaded during the run waits for the next). */
  vocab: readonly string[];
  handover: FrameHandover;
  backend?: BackendName;
  resolve: (w: Written) => void;
  reject: (e: Error) => void;
}

export class GenWriter {
  private worker: Worker | undefined;
  private model: { model: GenModel; artifacts: tf.io.ModelArtifacts; vocab: string[] } | undefined;
  private job = 0;
  private run: Run | undefined;

  /** The weights the next runs write with (sent now if the worker is running, else when it starts). */
  load(model: GenModel, artifacts: tf.io.ModelArtifacts, vocab: string[]): void {
    this.model = { model, artifacts, vocab };
    this.worker?.postMessage({ type: 'model', ...this.model } satisfies ToGenWorker);
  }

  /**
   * Starts the worker and its `backend` now, in parallel with the page loading the model, so the
   * first character does not wait for both one after the other.
   */
  warm(backend: BackendName): void {
    if (this.worker) return;
    this.start().postMessage({ type: 'warm', backend } satisfies ToGenWorker);
  }

  private start(): Worker {
    if (!this.worker) {
      this.worker = startLabWorker('text-gen', { receive: (data) => this.receive(data), fail: (message) => this.fail(message) });
      if (this.model) this.worker.postMessage({ type: 'model', ...this.model } satisfies ToGenWorker);
    }
    return this.worker;
  }

  /**
   * Writes `job` in the worker, handing characters to `deliver` (the first at once, then once a
   * frame). Resolves when the worker has written them all or stopped; rejects with the worker's
   * error, in words. One run at a time per writer.
   */
  write(job: GenJob, deliver: (chars: OutChar[]) => void): Promise<Written> {
    if (this.run) return Promise.reject(new Error('上一次生成还没有结束'));
    const id = ++this.job;
    return new Promise<Written>((resolve, reject) => {
      this.run = { job: id, vocab: this.model?.vocab ?? [], handover: new FrameHandover(deliver), resolve, reject };
      try {
        this.start().postMessage({ type: 'generate', job: id, ...job } satisfies ToGenWorker);
      } catch (e) {
        this.fail(e instanceof Error ? e.message : String(e));
      }
    });
  }

  /** Asks the worker to stop the run under way; what it wrote until then still arrives. */
  stop(): void {
    if (this.run) this.worker?.postMessage({ type: 'stop', job: this.run.job } satisfies ToGenWorker);
  }

  private receive(data: unknown): void {
    const m = parseFromGen(data);
    if (!m) return this.fail('计算线程发来了无法识别的消息');
    const run = this.run;
    if (!run || m.job !== run.job) return;
    if (m.type === 'ready') run.backend = m.backend;
    else if (m.type === 'chars') {
      const chars = unpackChars(m.batch, run.vocab);
      if (!chars) return this.fail('计算线程发来了字符表以外的字符');
      run.handover.push(chars);
    } else {
      run.handover.flush();
      this.run = undefined;
      if (m.type === 'done') run.resolve({ text: m.text, unknown: m.unknown, tensors: m.tensors, backend: run.backend ?? 'cpu' });
      else run.reject(new Error(m.message));
    }
  }

  /** The worker is unusable: the run under way fails with `message`, and the next run starts a fresh worker. */
  private fail(message: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    const run = this.run;
    this.run = undefined;
    if (!run) return;
    run.handover.flush();
    run.reject(new Error(message));
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
