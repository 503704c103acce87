/**
 * 在本页训练: trains the model for the chosen corpus in a Web Worker, with progress, ETA, loss
 * curves and a sample after each epoch; pause, resume and stop; the result is saved to
 * IndexedDB and taken into use. A reader's own text is checked before anything starts.
 */
import { checkFile, checkText } from '../../lib/textgen/corpus';
import type { FromWorker, StartTraining } from '../../lib/textgen/protocol';
import { storageNotice } from '../../lib/storage/notice';
import { buildVocab } from '../../lib/textgen/vocab';
import { BASE } from '../shared/base';
import type { TextLabState } from './text-lab.svelte';
import type { Saved } from './text-runtime';

/** 'pausing': asked the worker to pause; it finishes the batch under way and confirms with 'paused'. */
export type TrainStatus = 'idle' | 'preparing' | 'running' | 'pausing' | 'paused';

export class TextTrainState {
  from = $state<'checkpoint' | 'scratch'>('checkpoint');
  myText = $state('');
  status = $state<TrainStatus>('idle');
  batch = $state(0);
  batches = $state(0);
  epoch = $state(0);
  /** Loss of every batch, and validation loss per epoch (nats per character). */
  losses = $state<number[]>([]);
  valLosses = $state<number[]>([]);
  samples = $state<string[]>([]);
  etaSeconds = $state<number | null>(null);
  charsPerSecond = $state(0);
  backend = $state('');
  message = $state('');
  /** The last trained model could not be saved (the message says why). */
  saveFailed = $state(false);
  error = $state('');
  notices = $state<string[]>([]);

  private worker: Worker | undefined;
  /** Counts trainings started, so a slow save does not overwrite a newer training's message. */
  private run = 0;
  private started = 0;
  private batchesDone = 0;
  private totalBatches = 0;

  constructor(private readonly lab: TextLabState) {}

  /** A .txt file chosen by the reader: checked as bytes, then kept as text. */
  async loadFile(file: File): Promise<void> {
    const r = checkFile(new Uint8Array(await file.arrayBuffer()));
    this.error = r.ok ? '' : r.message;
    this.notices = r.ok ? r.notices : [];
    if (r.ok) this.myText = r.text;
  }

  private async corpusText(): Promise<string | null> {
    if (this.lab.corpus === 'mine') {
      const r = checkText(this.myText);
      if (!r.ok) {
        this.error = r.message;
        return null;
      }
      this.notices = r.notices;
      return r.text;
    }
    const file = this.lab.corpus === 'poetry' ? 'poetry.txt' : 'book.txt';
    const response = await fetch(`${BASE}corpora/${file}`);
    if (!response.ok) throw new Error(`无法下载语料（HTTP ${response.status}）`);
    return response.text();
  }

  async start(): Promise<void> {
    if (this.status !== 'idle') return;
    this.error = '';
    this.message = '';
    this.saveFailed = false;
    this.run++;
    this.status = 'preparing';
    try {
      const text = await this.corpusText();
      if (text === null) return void (this.status = 'idle');
      // Only the 唐诗 model has weights to continue from before any training in this page.
      const continuing = this.from === 'checkpoint' && this.lab.corpus === 'poetry' && (await this.lab.ensureModel()) && this.lab.current;
      const base = continuing ? this.lab.current : null;
      const job: StartTraining = {
        type: 'start',
        text,
        vocab: base ? base.meta.vocab : buildVocab(text).vocab.chars,
        artifacts: base ? { ...base.artifacts, weightData: (base.artifacts.weightData as ArrayBuffer).slice(0) } : undefined,
        epochs: this.lab.numbers.epochs,
        batchSize: this.lab.numbers.batch,
        seed: this.lab.numbers.seed,
        firstEpoch: base ? base.meta.epochs : 0,
      };
      this.lab.error = '';
      this.losses = [];
      this.valLosses = [];
      this.samples = [];
      this.batchesDone = 0;
      this.totalBatches = 0;
      this.etaSeconds = null;
      this.started = performance.now();
      this.worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data, job);
      this.worker.onerror = (e) => this.fail(e.message || '训练线程出错');
      this.worker.postMessage(job, job.artifacts ? [job.artifacts.weightData as ArrayBuffer] : []);
      this.status = 'running';
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  private receive(m: FromWorker, job: StartTraining): void {
    if (m.type === 'ready') {
      this.backend = m.backend;
      if (m.notice) this.notices = [...this.notices, m.notice];
    } else if (m.type === 'batch') {
      this.batch = m.batch + 1;
      this.batches = m.batches;
      this.epoch = m.epoch;
      this.totalBatches = m.batches * job.epochs;
      this.batchesDone++;
      this.losses.push(m.loss);
      this.charsPerSecond = m.charsPerSecond;
      const perBatch = (performance.now() - this.started) / 1000 / this.batchesDone;
      this.etaSeconds = Math.round(perBatch * (this.totalBatches - this.batchesDone));
    } else if (m.type === 'paused') {
      if (this.status === 'pausing') this.status = 'paused';
    } else if (m.type === 'epoch') {
      this.valLosses.push(m.valLoss);
      this.samples.push(m.sample);
    } else if (m.type === 'done') {
      const saved = { artifacts: m.artifacts, meta: { vocab: job.vocab, epochs: m.epochsDone, corpus: this.lab.corpus } };
      this.finish();
      void this.keep(saved, m.reason);
    } else if (m.type === 'error') {
      this.fail(m.message);
    }
  }

  /**
   * Takes the trained weights into use, then saves them; the message says they are saved only
   * once the save has been read back, and says plainly when they were not.
   */
  private async keep(saved: Saved, reason: 'done' | 'stopped' | 'diverged'): Promise<void> {
    const run = this.run;
    this.message = '正在把模型保存到本浏览器…';
    try {
      const rt = await this.lab.runtime();
      this.lab.use(saved, `在本页训练的模型（共 ${saved.meta.epochs} 轮）`);
      const outcome = await rt.save(this.lab.corpus, saved);
      if (run !== this.run) return; // a new training has started; its own message will follow
      const lost = outcome.ok ? '' : storageNotice(outcome.state, '这个模型');
      this.message = {
        done: outcome.ok ? '训练完成，模型已保存在本浏览器中，下次打开本页会自动载入。' : `训练完成。${lost}`,
        stopped: outcome.ok ? '已停止：保留了最后一个完整批次之后的权重，并已保存。' : `已停止：保留了最后一个完整批次之后的权重。${lost}`,
        diverged: `训练发散：损失变成了非有限值。已恢复到出错前那一批的权重并停止。${lost}`,
      }[reason];
      this.saveFailed = !outcome.ok;
    } catch (e) {
      this.message = '';
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  pause(): void {
    this.worker?.postMessage({ type: 'pause' });
    this.status = 'pausing';
  }

  resume(): void {
    this.worker?.postMessage({ type: 'resume' });
    this.status = 'running';
  }

  stop(): void {
    this.worker?.postMessage({ type: 'stop' });
  }

  private fail(message: string): void {
    this.error = `训练失败：${message}`;
    this.finish();
  }

  private finish(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.status = 'idle';
    this.etaSeconds = null;
  }
}
