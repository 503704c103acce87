/**
 * State of the §3.2 training widget. The five steps light up as they run; mini-batch steps run
 * in the page's spare time, in short tasks between frames (SliceLoop), and each animation frame
 * reads back the losses and the heat map once and draws them.
 * The configuration, seed included, lives in the URL (`#train.…`).
 */
import { DEFAULT_CONFIG, decodeConfig, encodeConfig, labFields, LAYERS_RULE, UNITS_RULE, type LabConfig } from '../../lib/nn/config';
import { DEFAULT_SAMPLES, DEFAULT_TRAIN_FRACTION, trainCount } from '../../lib/nn/datasets';
import type { FieldParsers } from '../../lib/nn/url-fields';
import { numberField } from '../../lib/nn/validate';
import { EarlyStop } from '../../lib/nn/early-stop';
import { SliceLoop } from '../../lib/nn/slice-loop';
import type { Trainer } from '../../lib/nn/trainer';
import { pageBackend } from '../shared/backend.svelte';
import { copyLink, hashParams, linkDamage, replaceHashParams } from '../shared/link';
import { reportWidget } from '../shared/report';
import type { LinkProblem } from '../../lib/url/link-problem';

type Lib = typeof import('../shared/tf-runtime');
export const LOOP_STEPS = ['初始化模型参数', '前向传播', '计算损失函数', '反向传播', '迭代优化'];
export const GRID = 40;
/** The settings typed as text (the others are chosen from lists). */
export const TYPED_KEYS = ['noise', 'lr', 'batch', 'l2'] as const satisfies readonly (keyof LabConfig)[];
export type TypedKey = (typeof TYPED_KEYS)[number];
const draftsOf = (c: LabConfig): Record<TypedKey, string> => ({ noise: String(c.noise), lr: String(c.lr), batch: String(c.batch), l2: String(c.l2) });

/** The loss chart redraws at most this often while training, ms (the heat map and the status line: every frame). */
export const CHART_MS = 100;
/** Early stopping gives up after this many recorded frames without a better validation loss. */
export const PATIENCE = 30;

export interface TrainingOptions {
  /** URL namespace, so two widgets on one page keep separate links. */
  prefix: string;
  /** Settings that differ from Playground's defaults for this widget. */
  preset?: Partial<LabConfig>;
  /** Dataset size and the share used for training. */
  n?: number;
  trainFraction?: number;
}

export class TrainingState {
  config = $state<LabConfig>({ ...DEFAULT_CONFIG });
  linkProblems = $state<LinkProblem[]>([]);
  running = $state(false);
  /** Index into LOOP_STEPS of the step that is lit. */
  phase = $state(0);
  steps = $state(0);
  /** Losses, one per drawn frame; raw (replaced, never mutated): a proxied array costs a proxy trap per element each frame. */
  train = $state.raw<number[]>([]);
  val = $state.raw<number[]>([]);
  /**
   * What the loss chart draws: `train` and `val` as of its last redraw, at most every CHART_MS
   * while running (its re-layout and repaint cost a few ms a frame, taken from the steps), and
   * at once whenever training is not running, so a paused chart always shows the last point.
   */
  chart = $state.raw<{ train: number[]; val: number[] }>({ train: [], val: [] });
  private chartAt = -Infinity;
  message = $state('');
  /**
   * What a screen reader is told, in its own live region: the run starting, and where it stands
   * each time it stops (pause, single step). The status line under the chart changes every frame
   * while training and is not live: ~40 announcements a second would drown everything else.
   */
  announcement = $state('');
  /**
   * What the typed fields show, as typed: a refused text stays visible beside its message, and
   * `config` changes only when a text is taken.
   */
  drafts = $state<Record<TypedKey, string>>(draftsOf(DEFAULT_CONFIG));
  /** Why each field's text was refused; a field's message goes once its text is taken. */
  fieldErrors = $state<Partial<Record<keyof LabConfig, string>>>({});
  copyStatus = $state('');
  tensors = $state(0);
  fps = $state(0);
  /** Heat-map values, GRID×GRID, refreshed each frame. */
  grid = $state.raw<Float32Array | null>(null);
  points = $state.raw<{ x: [number, number][]; y: number[] }>({ x: [], y: [] });

  private lib: Lib | undefined;
  private trainer: Trainer | undefined;
  /** pageBackend.generation when the trainer was made; a change means its tensors died with a WebGL context. */
  private generation = 0;
  private frame = 0;
  /** The running loop's steps, between frames; undefined when paused. */
  private loop: SliceLoop | undefined;
  private readonly earlyStop = new EarlyStop(PATIENCE);
  readonly prefix: string;
  /** What each setting accepts, for this widget's training set: fields and link alike. */
  readonly fields: FieldParsers<LabConfig>;

  constructor(private readonly options: TrainingOptions) {
    this.prefix = options.prefix;
    this.fields = labFields(trainCount(options.n ?? DEFAULT_SAMPLES, options.trainFraction ?? DEFAULT_TRAIN_FRACTION));
    const base = { ...DEFAULT_CONFIG, ...options.preset };
    this.config = base;
    this.drafts = draftsOf(base);
    if (typeof location === 'undefined') return;
    const { config, problems } = decodeConfig(hashParams().toString(), this.prefix, base, this.fields);
    this.config = config;
    this.drafts = draftsOf(config);
    this.linkProblems = [...linkDamage(this.prefix), ...problems];
  }

  private async ensure(): Promise<Trainer> {
    this.lib = await pageBackend.runtime();
    if (await this.lostTensors()) this.reset();
    return this.trainer ?? this.build(this.lib);
  }

  /** A fresh network from the settings and seed, shown at step 0 (its loss and decision boundary). */
  private build(lib: Lib): Trainer {
    this.generation = pageBackend.generation;
    this.trainer = new lib.trainer.Trainer($state.snapshot(this.config) as LabConfig, this.options.n, this.options.trainFraction);
    this.points = this.trainer.data.train;
    this.phase = 0;
    this.record();
    return this.trainer;
  }

  /** True when the WebGL context is gone (the page has then moved to the next backend). */
  private async lostTensors(): Promise<boolean> {
    if (!this.lib) return false;
    return (await pageBackend.recover(this.lib)) || (this.trainer !== undefined && this.generation !== pageBackend.generation);
  }

  private record(): void {
    if (!this.trainer || !this.lib) return;
    const { train, val, grid } = this.trainer.snapshot(GRID);
    this.train = [...this.train, train];
    this.val = [...this.val, val];
    this.redrawChart(!this.running);
    this.steps = this.trainer.steps;
    this.grid = grid;
    this.tensors = this.lib.memory().numTensors;
    const { dataset, hidden, lr } = this.config;
    reportWidget({ widget: 'train', dataset, hidden: [...hidden], trainLoss: train, diverged: this.trainer.diverged, lr });
    if (this.trainer.diverged) {
      this.pause();
      this.message = `训练发散了：学习率 ${this.config.lr} 太大，权重或损失变得过大，已停止。请调小学习率后按“重置”。`;
    }
    this.checkEarlyStop(val);
  }

  /** 已训练 n 步，训练损失 x。 — the status line's words. */
  standing(): string {
    return `已训练 ${this.steps} 步${this.train.length ? `，训练损失 ${this.train.at(-1)!.toFixed(4)}` : ''}。`;
  }

  /** Hands the chart the losses so far when `now` or CHART_MS after its last redraw. */
  private redrawChart(now: boolean): void {
    const t = performance.now();
    if (!now && t - this.chartAt < CHART_MS) return;
    this.chartAt = t;
    this.chart = { train: this.train, val: this.val };
  }

  /** Early stopping: pause once the validation loss has not improved for PATIENCE records. */
  private checkEarlyStop(val: number): void {
    if (this.earlyStop.observe(val) && this.config.earlyStop && this.running) {
      this.pause();
      this.message = `早停：验证损失已连续 ${PATIENCE} 次没有下降（最好 ${this.earlyStop.best.toFixed(4)}），训练停止。`;
    }
  }

  async run(): Promise<void> {
    const trainer = await this.ensure();
    if (this.running || trainer.diverged) return;
    this.running = true;
    this.announcement = '训练中……';
    const loop = new SliceLoop(
      () => {
        trainer.step();
        return !trainer.diverged;
      },
      // While the reader switches backend from the badge, TF.js may not accept work.
      { ready: () => !pageBackend.busy, onEnd: (error) => error !== undefined && this.fail(error) },
    );
    this.loop = loop;
    let last = performance.now();
    const tick = () => {
      if (!this.running || this.loop !== loop) return;
      const start = performance.now();
      this.fps = Math.round(1000 / Math.max(1, start - last));
      last = start;
      if (!pageBackend.busy && (this.lib?.contextLost() || this.generation !== pageBackend.generation)) {
        // Training state lived on the lost context: start again from the same settings and seed.
        this.pause();
        void this.lostTensors().then(() => this.reset());
        return;
      }
      if (!pageBackend.busy && !this.display()) return;
      loop.frame();
      this.frame = requestAnimationFrame(tick);
    };
    loop.start();
    this.frame = requestAnimationFrame(tick);
  }

  /** What the steps since the last frame did: losses, heat map, the lit step; false (paused, with a message) if TF.js failed. */
  private display(): boolean {
    try {
      this.phase = 1 + (this.steps % 4);
      this.record();
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  private fail(e: unknown): void {
    this.pause();
    this.message = `训练中断：${e instanceof Error ? e.message : String(e)}。请按“重置”后再运行。`;
  }

  pause(): void {
    const wasRunning = this.running;
    this.running = false;
    this.loop?.stop();
    this.loop = undefined;
    cancelAnimationFrame(this.frame);
    // Steps ran after the last frame: show where training really stopped (record() may call pause() again, now a no-op).
    try {
      if (wasRunning && this.trainer && this.generation === pageBackend.generation && !this.lib?.contextLost() && !pageBackend.busy) this.record();
    } catch {
      // TF.js failed (the reason is already the message, or will be): the last frame's figures stay.
    }
    this.redrawChart(true);
    if (wasRunning) this.announcement = `已暂停：${this.standing()}`;
  }

  /** One mini-batch, lighting steps 2 → 3 → 4 → 5 in turn. */
  async stepOnce(): Promise<void> {
    const trainer = await this.ensure();
    if (this.running || trainer.diverged) return;
    // 重置, a changed setting or 运行 during the 360 ms: that network is gone or busy, and the lit step is theirs.
    const superseded = () => trainer !== this.trainer || this.running;
    for (const phase of [1, 2, 3]) {
      this.phase = phase;
      await new Promise((r) => setTimeout(r, 120));
      if (superseded()) return;
    }
    trainer.step();
    this.phase = 4;
    this.record();
    this.announcement = this.standing();
  }

  reset(): void {
    this.pause();
    this.discard();
    this.train = [];
    this.val = [];
    this.chart = { train: [], val: [] };
    this.steps = 0;
    this.grid = null;
    this.phase = 0;
    this.message = '';
    this.announcement = '';
    this.earlyStop.reset();
    if (!this.lib) return;
    this.tensors = this.lib.memory().numTensors;
    // Once TF.js is loaded, the new network is built now, as Playground's reset does: the reader
    // sees where it starts (and a new dataset's points), and 运行 starts stepping at once.
    if (pageBackend.busy || this.lib.contextLost()) return;
    try {
      this.build(this.lib);
    } catch (e) {
      this.discard();
      this.message = `无法重建网络：${e instanceof Error ? e.message : String(e)}。请再按“重置”。`;
    }
  }

  /** Frees the network's tensors and forgets it. */
  private discard(): void {
    this.trainer?.dispose();
    this.trainer = undefined;
  }

  /** A field or select changed: its text goes through the same parser as the link's `prefix.key`. */
  setField<K extends keyof LabConfig>(key: K, text: string): void {
    if (Object.hasOwn(this.drafts, key)) this.drafts[key as TypedKey] = text;
    const r = this.fields[key](text);
    if (!r.ok) {
      this.fieldErrors[key] = r.message;
      return;
    }
    delete this.fieldErrors[key];
    const patch: Partial<LabConfig> = {};
    patch[key] = r.value;
    this.update(patch);
  }

  /** The 隐藏层数 select: keep the first layers' sizes, new layers get 2 units. */
  setLayers(text: string): void {
    const r = numberField(LAYERS_RULE)(text);
    if (r.ok) this.update({ hidden: Array.from({ length: r.value }, (_, i) => this.config.hidden[i] ?? 2) });
  }

  /** A layer's 神经元 select. */
  setUnits(layer: number, text: string): void {
    const r = numberField(UNITS_RULE)(text);
    if (r.ok) this.update({ hidden: this.config.hidden.map((v, i) => (i === layer ? r.value : v)) });
  }

  /** A control changed: start over with the new configuration and keep the link current. */
  update(patch: Partial<LabConfig>): void {
    this.config = { ...this.config, ...patch };
    this.reset();
    this.writeHash();
  }

  private writeHash(): void {
    replaceHashParams(this.prefix, new URLSearchParams(encodeConfig(this.config, this.prefix)));
  }

  async copyLink(): Promise<void> {
    this.writeHash();
    this.copyStatus = await copyLink();
  }
}
