/**
 * The page's side of a training worker, shared by the §5.2 text lab and 附录 A's Transformer
 * training: it starts the worker with a job, turns its messages into progress (batch, epoch,
 * ETA from the mean time per batch so far), loss curves and samples, and passes pause, resume
 * and stop on. What a finished run's weights become (taken into use, saved) is the subclass's.
 */
import { FIX_FIELDS_FIRST } from '../../lib/parse/fields';
import type { FromWorker, StartTraining } from '../../lib/textgen/protocol';
import { workerErrorText } from '../../lib/workers/labs';

/** 'pausing': asked the worker to pause; it finishes the batch under way and confirms with 'paused'. */
export type TrainStatus = 'idle' | 'preparing' | 'running' | 'pausing' | 'paused';

export type Done = Extract<FromWorker, { type: 'done' }>;

export abstract class TrainRun {
  status = $state<TrainStatus>('idle');
  batch = $state(0);
  batches = $state(0);
  /** The epoch under way, 0-based and counted as the worker counts it: from the job's firstEpoch. */
  epoch = $state(0);
  /** Epochs the model had already been trained for when this run started (the job's firstEpoch). */
  firstEpoch = $state(0);
  /** Epochs this run was asked for (the job's epochs), so a chart can place its curves on the whole run. */
  epochsPlanned = $state(0);
  /** Loss of every batch, and validation loss per epoch (nats per character). */
  losses = $state<number[]>([]);
  valLosses = $state<number[]>([]);
  /** Validation loss of the starting weights, when the worker measures it. */
  baseline = $state<number | null>(null);
  samples = $state<string[]>([]);
  etaSeconds = $state<number | null>(null);
  charsPerSecond = $state(0);
  backend = $state('');
  /** Threads the worker's backend computes with. */
  threads = $state(1);
  error = $state('');
  notices = $state<string[]>([]);
  /** Tensors the worker held after its last run, when it reports them. */
  workerTensors = $state<number | null>(null);

  private worker: Worker | undefined;
  private started = 0;
  private batchesDone = 0;
  /** 开始训练 was refused; the refusal shows while a field the run reads still shows its error. */
  private refusedPress = $state(false);

  /** What to do with a finished run's weights. */
  protected abstract finished(m: Done, job: StartTraining): void;

  /** True while a field the run reads (训练轮数, 批大小, 随机种子…) shows its error. */
  protected abstract fieldsInvalid(): boolean;

  /**
   * 开始训练 pressed: true when a field the run reads shows its error. Training then does not
   * start with the field's last good value; `refusal` says so and the view focuses the field.
   */
  refused(): boolean {
    this.refusedPress = this.fieldsInvalid();
    return this.refusedPress;
  }

  /** FIX_FIELDS_FIRST after a refused 开始训练 until the fields it reads are fixed; else ''. */
  get refusal(): string {
    return this.refusedPress && this.fieldsInvalid() ? FIX_FIELDS_FIRST : '';
  }

  /** Starts `worker` on `job` (clearing the last run's curves); the job's weights are transferred, not copied. */
  protected launch(worker: Worker, job: StartTraining): void {
    this.losses = [];
    this.valLosses = [];
    this.baseline = null;
    this.samples = [];
    this.batchesDone = 0;
    this.batch = 0;
    this.batches = 0;
    this.epoch = job.firstEpoch;
    this.firstEpoch = job.firstEpoch;
    this.epochsPlanned = job.epochs;
    this.etaSeconds = null;
    this.started = performance.now();
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data, job);
    worker.onerror = (e) => this.fail(workerErrorText(e.message, '训练线程出错'));
    worker.postMessage(job, job.artifacts ? [job.artifacts.weightData as ArrayBuffer] : []);
    this.status = 'running';
  }

  private receive(m: FromWorker, job: StartTraining): void {
    if (m.type === 'ready') {
      this.backend = m.backend;
      this.threads = m.threads;
      if (m.notice) this.notices = [...this.notices, m.notice];
    } else if (m.type === 'baseline') {
      this.baseline = m.valLoss;
    } else if (m.type === 'batch') {
      this.batch = m.batch + 1;
      this.batches = m.batches;
      this.epoch = m.epoch;
      this.batchesDone++;
      this.losses.push(m.loss);
      this.charsPerSecond = m.charsPerSecond;
      const perBatch = (performance.now() - this.started) / 1000 / this.batchesDone;
      this.etaSeconds = Math.round(perBatch * (m.batches * job.epochs - this.batchesDone));
    } else if (m.type === 'paused') {
      if (this.status === 'pausing') this.status = 'paused';
    } else if (m.type === 'epoch') {
      this.valLosses.push(m.valLoss);
      this.samples.push(m.sample);
    } else if (m.type === 'done') {
      if (m.tensors !== undefined) this.workerTensors = m.tensors;
      this.finish();
      this.finished(m, job);
    } else if (m.type === 'error') {
      this.fail(m.message);
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

  protected fail(message: string): void {
    this.error = `训练失败：${message}`;
    this.finish();
  }

  protected finish(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.status = 'idle';
    this.etaSeconds = null;
  }
}
