/**
 * State of the §4.2 stepper: one sample through the §4.1 network (2-2-1, sigmoid, squared error),
 * revealed one step at a time. Tensors live only inside the library calls; the state holds
 * plain numbers, so nothing here can leak.
 */
import type { Params } from '../../lib/nn/network';
import { planSteps, STEPPER_SPEC, STEPPER_DEFAULTS, STEPPER_FIELDS, STEPPER_PREFIX, STEPPER_RULES, type StepperKey } from '../../lib/nn/stepper';
import type { StepTemplate } from '../../lib/nn/explain-tex';
import type { Trace } from '../../lib/nn/trace';
import { decodeFields } from '../../lib/nn/url-fields';
import { pageBackend } from '../shared/backend.svelte';
import { BASE } from '../shared/base';
import { asText, checkField, copyLink, hashParams, linkDamage, writeHash } from '../shared/link';
import type { LinkProblem } from '../../lib/url/link-problem';

type Lib = typeof import('../shared/tf-runtime');

export const SPEC = STEPPER_SPEC;

export class StepperState {
  readonly steps = planSteps(SPEC.sizes);
  /** The numbers in use; a link (`#bp.x1=…`) sets them for a whole class. */
  settings = $state({ ...STEPPER_DEFAULTS });
  /** What the reader typed, kept even when invalid so the message sits beside it. */
  text = $state(asText(STEPPER_DEFAULTS));
  fieldErrors = $state<Partial<Record<StepperKey, string>>>({});
  /** Problems with the link this page was opened from. */
  linkProblems = $state<LinkProblem[]>([]);
  copyStatus = $state('');
  x = $derived([this.settings.x1, this.settings.x2]);
  y = $derived([this.settings.y]);
  alpha = $derived(this.settings.alpha);
  /** -1 before the first step. */
  index = $state(-1);
  trace = $state.raw<Trace | null>(null);
  /** ℒ before each completed update, so readers see it fall. */
  losses = $state<number[]>([]);
  autodiffDiff = $state<number | null>(null);
  error = $state('');
  busy = $state(false);
  canPrev = $derived(this.index > 0 && !this.busy);
  canReset = $derived(this.index >= 0 && !this.busy);
  tensors = $state(0);
  step = $derived(this.index >= 0 ? this.steps[this.index] : null);
  /** The equations KaTeX typeset at build time; until they arrive (or if they can't), lines show as text. */
  templates = $state.raw<StepTemplate[] | null>(null);
  template = $derived(this.index >= 0 ? this.templates?.[this.index] : undefined);

  private lib: Lib | undefined;
  private params: Params | undefined;
  /** pageBackend.generation when params were made; a change means they died with a WebGL context. */
  private generation = 0;

  constructor() {
    const { values, problems } = decodeFields(hashParams(), STEPPER_PREFIX, STEPPER_FIELDS);
    this.settings = { ...STEPPER_DEFAULTS, ...values };
    this.text = asText(this.settings);
    this.linkProblems = [...linkDamage(STEPPER_PREFIX), ...problems];
  }

  /** A reader edits a field: valid values restart the pass and update the link; invalid ones only explain. */
  setField(key: StepperKey, text: string): void {
    this.text[key] = text;
    const value = checkField(key, text, STEPPER_RULES, this.fieldErrors);
    if (value === undefined) return;
    this.settings[key] = value;
    this.reset();
    writeHash(this.settings, STEPPER_PREFIX);
  }

  /** Copies a link that reproduces exactly these numbers. */
  async copyLink(): Promise<void> {
    writeHash(this.settings, STEPPER_PREFIX);
    this.copyStatus = await copyLink();
  }

  private async ensureLib(): Promise<Lib> {
    // TF.js is fetched the first time the reader presses a button, not when the page loads.
    if (!this.lib) void this.loadTemplates();
    this.lib = await pageBackend.runtime();
    return this.lib;
  }

  /**
   * If the WebGL context was lost (here or by another widget on the page), rebuild the
   * parameters from the last numbers shown on the new backend, so the reader loses nothing.
   */
  private async survive(lib: Lib): Promise<void> {
    const lost = await pageBackend.recover(lib);
    if (!lost && this.generation === pageBackend.generation) return;
    this.generation = pageBackend.generation;
    if (!this.trace) return;
    try {
      if (this.params) lib.network.disposeParams(this.params);
    } catch {
      // Their memory went with the context.
    }
    this.params = lib.network.paramsFrom(this.trace.W, this.trace.b);
    this.recompute(lib);
  }

  private async loadTemplates(): Promise<void> {
    try {
      const response = await fetch(`${BASE}widgets/backprop-steps.json`);
      if (response.ok) this.templates = await response.json();
    } catch {
      // Offline or blocked: the plain-text lines are complete on their own.
    }
  }

  private recompute(lib: Lib): void {
    if (!this.params) {
      this.params = lib.network.initParams(SPEC, this.settings.seed);
      this.generation = pageBackend.generation;
    }
    this.trace = lib.trace.traceStep(SPEC, this.params, this.x, this.y, this.alpha);
    this.autodiffDiff = null;
    this.tensors = lib.memory().numTensors;
  }

  /** Presses of 下一步 not yet carried out: each one is a step, even those made while busy. */
  private queued = 0;

  /**
   * One step forward per press. A press while a step is computing (the first one loads TF.js)
   * is queued, not dropped, so five quick presses always take five steps.
   */
  async next(): Promise<void> {
    this.queued++;
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      for (; this.queued > 0; this.queued--) await this.advance();
    } catch (e) {
      this.error = `计算失败：${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.queued = 0;
      this.busy = false;
    }
  }

  private async advance(): Promise<void> {
    const lib = await this.ensureLib();
    await this.survive(lib);
    if (!this.trace) this.recompute(lib);
    if (this.index === this.steps.length - 1) {
      this.applyUpdate(lib);
      this.index = 0;
    } else {
      this.index++;
    }
    await this.survive(lib);
    if (this.step?.kind === 'gradients' && this.params && this.trace) {
      const { autodiffMaxDiff } = await import('../shared/autodiff-runtime');
      this.autodiffDiff = autodiffMaxDiff(SPEC, this.params, this.x, this.y, this.trace);
    }
  }

  prev(): void {
    if (this.index > 0) this.index--;
  }

  reset(): void {
    if (this.lib && this.params) this.lib.network.disposeParams(this.params);
    this.params = undefined;
    this.trace = null;
    this.index = -1;
    this.losses = [];
    this.autodiffDiff = null;
    if (this.lib) this.tensors = this.lib.memory().numTensors;
  }

  /** θ ← θ − α∂ℒ/∂θ with the numbers shown, then a fresh pass with the new parameters. */
  private applyUpdate(lib: Lib): void {
    if (!this.trace || !this.params) return;
    this.losses = [...this.losses, this.trace.loss];
    lib.network.disposeParams(this.params);
    this.params = lib.network.paramsFrom(this.trace.nextW, this.trace.nextB);
    this.recompute(lib);
  }
}
