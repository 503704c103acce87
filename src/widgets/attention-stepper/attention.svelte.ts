/**
 * State of 附录 A's attention stepper: one head of the shipped Transformer computed by hand on a
 * short input, one step per press of 下一步. The settings (text, step, layer, head) live in the
 * URL hash under `att.` and can be set by the guided tour (onFocus). The model loads on first
 * use (stepper-model.svelte.ts); the steps are plain numbers, and the TF.js check frees what it makes.
 */
import { TANG_GPT } from '../../lib/transformer/config';
import type { Focus } from '../../lib/transformer/focus';
import type { HandSteps } from '../../lib/transformer/hand';
import {
  clampIndex,
  HAND_DEFAULTS,
  HAND_PREFIX,
  HAND_STEP_COUNT,
  handTextProblem,
  parseHandText,
  readHandLink,
  type HandSettings,
} from '../../lib/transformer/hand-input';
import { onFocus } from '../shared/focus';
import { FIX_FIELDS_FIRST } from '../../lib/parse/fields';
import { refusalLine } from '../shared/refuse';
import { copyLink, hashParams, linkDamage, writeHash } from '../shared/link';
import type { StepperModel } from './att-runtime';
import { AttentionModel } from './stepper-model.svelte';
import { settingProblem, type LinkProblem } from '../../lib/url/link-problem';

export class AttentionStepperState extends AttentionModel {
  settings = $state<HandSettings>({ ...HAND_DEFAULTS });
  /**
   * The field's draft (bound to it): what the reader typed, checked by setText on change and kept
   * even when refused, so the notice sits beside it. Only the tour and a refused link replace it.
   */
  typed = $state(HAND_DEFAULTS.text);
  /** Why the typed or linked text was not used (the field shows it, marked invalid); empty when it was. */
  notice = $state('');
  linkProblems = $state<LinkProblem[]>([]);
  copyStatus = $state('');
  error = $state('');
  busy = $state(false);
  steps = $state.raw<HandSteps | null>(null);
  /** Characters of the computed text (row labels). */
  chars = $state.raw<string[]>([]);
  /** max |hand − model| over the head's weights and every probability; null before the check. */
  diff = $state<number | null>(null);
  tensors = $state(0);
  canPrev = $derived(this.settings.step > 1 && !this.busy);
  canNext = $derived(this.settings.step < HAND_STEP_COUNT);
  canReset = $derived(this.settings.step > 0 && !this.busy);
  /** The step on screen: numbers only once they are computed for the current settings. */
  shown = $derived(this.steps && this.settings.step > 0 ? this.settings.step : 0);

  /** Presses of 下一步 not yet carried out: each one is a step, even those made while the model loads. */
  private queued = 0;
  /** The last text the steps were computed for (the default until then): used, and named, while the field shows an error. */
  good = $state(HAND_DEFAULTS.text);
  /** The text is still the one the link gave (not yet typed over, nor set by the tour): its refusal is the link's problem. */
  private textFromLink = false;

  constructor() {
    super();
    const { settings, problems } = readHandLink(hashParams(), TANG_GPT);
    this.settings = settings;
    this.typed = settings.text;
    this.textFromLink = hashParams().has(`${HAND_PREFIX}.text`);
    this.linkProblems = [...linkDamage(HAND_PREFIX), ...problems];
  }

  /** Follows the guided tour (lib/transformer/focus.ts); returns the unsubscribe function, for an $effect. */
  subscribe(): () => void {
    if (this.settings.step > 0) void this.refresh(); // a link that opens on a step shows it at once
    return onFocus('stepper', (f) => this.focus(f));
  }

  /** The tour asks for text, step, layer, head: clamped, applied as if chosen, written to the link. */
  focus(f: Extract<Focus, { widget: 'stepper' }>): void {
    if (f.text !== undefined) this.setText(String(f.text), false);
    if (f.layer !== undefined) this.settings.layer = clampIndex(f.layer, this.layers - 1);
    if (f.head !== undefined) this.settings.head = clampIndex(f.head, this.heads - 1);
    if (f.step !== undefined) this.settings.step = clampIndex(f.step, HAND_STEP_COUNT);
    this.save();
    void this.refresh();
  }

  /** The reader typed a new input (or the tour set one): used when valid, else explained and the old one kept. */
  setText(text: string, refresh = true): void {
    this.textFromLink = false;
    this.typed = text;
    const problem = this.model ? (parseHandText(text, this.model.vocab) as { message?: string }).message : handTextProblem(text);
    this.notice = problem ?? '';
    if (this.error === FIX_FIELDS_FIRST) this.refused();
    if (problem) return;
    this.settings.text = text;
    this.save();
    if (refresh) void this.refresh();
  }

  setLayer(layer: number): void {
    this.settings.layer = clampIndex(layer, this.layers - 1);
    this.save();
    void this.refresh();
  }

  setHead(head: number): void {
    this.settings.head = clampIndex(head, this.heads - 1);
    this.save();
    void this.refresh();
  }

  private save(): void {
    writeHash({ ...this.settings }, HAND_PREFIX);
  }

  async copyLink(): Promise<void> {
    this.save();
    this.copyStatus = await copyLink();
  }

  /** Computes the steps for the current settings (loading the model first); errors become a message. */
  async refresh(): Promise<void> {
    try {
      const model = await this.ensure();
      this.recompute(model);
    } catch (e) {
      this.error = `无法计算：${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private recompute(model: StepperModel): void {
    let parsed = parseHandText(this.settings.text, model.vocab);
    if (!parsed.ok) {
      // Text only the vocabulary refuses (typed before the model had loaded, or from a link): the
      // field keeps it and shows why, 下一步 refuses, and the steps stay on the last good text.
      // From a link, it is the link's problem: the field, the link and the steps all take the good text.
      if (this.textFromLink && this.typed === this.settings.text) {
        this.linkProblems = [...this.linkProblems, settingProblem(parsed.message)];
        this.typed = this.good;
        this.notice = '';
      } else this.notice = parsed.message;
      this.settings.text = this.good;
      this.save();
      parsed = parseHandText(this.good, model.vocab);
      if (!parsed.ok) throw new Error(parsed.message);
    }
    this.good = this.settings.text;
    this.textFromLink = false;
    this.settings.layer = clampIndex(this.settings.layer, model.config.layers - 1);
    this.settings.head = clampIndex(this.settings.head, model.config.heads - 1);
    const { steps, diff } = this.rt!.compute(model, parsed.value.ids, this.settings.layer, this.settings.head);
    this.chars = parsed.value.chars;
    this.steps = steps;
    this.diff = diff;
    this.error = '';
    this.tensors = this.rt!.memory().numTensors;
  }

  /**
   * True, with the refusal shown, while the input shows its error: 下一步 then does not step on
   * the last good text. The view focuses the input.
   */
  refused(): boolean {
    const bad = this.notice !== '';
    this.error = refusalLine(bad, this.error);
    return bad;
  }

  /**
   * One step forward per press; presses made while the model loads are queued, not dropped.
   * False when refused (the input shows its error, perhaps found only once the model's
   * vocabulary had loaded): no step is taken.
   */
  async next(): Promise<boolean> {
    if (this.refused()) return false;
    this.queued++;
    if (this.busy) return true;
    this.busy = true;
    try {
      if (!this.steps) await this.refresh();
      if (!this.steps) return true;
      if (this.refused()) return false;
      for (; this.queued > 0; this.queued--) if (this.settings.step < HAND_STEP_COUNT) this.settings.step++;
      this.save();
      return true;
    } finally {
      this.queued = 0;
      this.busy = false;
    }
  }

  prev(): void {
    if (this.settings.step > 1) this.settings.step--;
    this.save();
  }

  /** 重来: back to before step 1, with the same input, layer and head. */
  reset(): void {
    this.settings.step = 0;
    this.save();
    if (this.rt) this.tensors = this.rt.memory().numTensors;
  }
}
