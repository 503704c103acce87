/**
 * State of the interpretability view: the settings (all in the URL), one analysis of the text by
 * each architecture (run on 分析, TF.js loaded then), and what the reader picks afterwards (the
 * unit, the class), which needs no new computation. The numbers are src/lib/interpret's.
 */
import { FIX_FIELDS_FIRST } from '../../lib/textgen/settings';
import type { AnalysisStep, GptAnalysis, LstmAnalysis } from '../../lib/interpret/analyse';
import {
  checkWhyText,
  decodeWhy,
  encodeWhy,
  SOURCE_LABELS,
  WHY_FIELDS,
  WHY_PREFIX,
  type Repairable,
  type Source,
  type WhySettings,
} from '../../lib/interpret/settings';
import type { CharClass } from '../../lib/interpret/units';
import { TEXTGEN_BACKEND_ORDER } from '../../lib/nn/backend-names';
import { pageBackend } from '../shared/backend.svelte';
import { copyLink, hashParams, linkDamage, replaceHashParams } from '../shared/link';
import { nextTask } from '../shared/next-task';

type Runtime = typeof import('./interpret-runtime');

type FieldName = 'text' | 'unit' | 'ch';

export class InterpretViewState {
  settings = $state<WhySettings>(decodeWhy(new URLSearchParams()).settings);
  /** What the fields show, as typed (a refused value stays visible beside its message). */
  drafts = $state<Record<FieldName, string>>({ text: '', unit: '', ch: '' });
  fieldErrors = $state<Partial<Record<FieldName, string>>>({});
  linkProblems = $state<string[]>([]);
  /** What was changed in the link's applied values; each goes once the reader edits that field. */
  linkRepairs = $state<Partial<Record<Repairable, string>>>({});
  /** How the text was changed when it was entered (dropped characters, cut to length). */
  textNotices = $state<string[]>([]);
  lstm = $state.raw<LstmAnalysis | null>(null);
  gpt = $state.raw<GptAnalysis | null>(null);
  lstmLabel = $state('');
  gptLabel = $state('');
  /** Said about the models used (none saved, fell back to the checkpoint). */
  modelNotices = $state<string[]>([]);
  running = $state(false);
  /** How far the analysis under way is (null when none is). */
  progress = $state.raw<AnalysisStep | null>(null);
  /** The text and models the shown analysis is of; null before the first. */
  analysedFor = $state.raw<{ text: string; src: Source } | null>(null);
  status = $state('');
  error = $state('');
  copyStatus = $state('');
  tensors = $state(0);

  private rt: Runtime | undefined;

  constructor() {
    const { settings, problems, repairs } = decodeWhy(hashParams());
    this.settings = settings;
    this.drafts = { text: settings.text, unit: String(settings.unit), ch: settings.ch };
    this.linkProblems = [...linkDamage(), ...problems];
    this.linkRepairs = repairs;
  }

  /** True when the text or the models changed since the analysis shown. */
  get stale(): boolean {
    const a = this.analysedFor;
    return a !== null && (a.text !== this.settings.text || a.src !== this.settings.src);
  }

  /**
   * The notices about the current input only: how the text in the field was read, and (while
   * the analysis shown is of this text and these models) how each model read it and which models
   * were used. Each once.
   */
  get notices(): string[] {
    const analysed = this.stale ? [] : [...(this.lstm?.notices ?? []), ...(this.gpt?.notices ?? []), ...this.modelNotices];
    return [...new Set([...this.textNotices, ...analysed])];
  }

  async runtime(): Promise<Runtime> {
    await pageBackend.runtime(TEXTGEN_BACKEND_ORDER);
    this.rt ??= await import('./interpret-runtime');
    return this.rt;
  }

  /**
   * Runs both models on the text: activations and saliency (LSTM), saliency and attention
   * (Transformer), step by step (lib/interpret/analyse.ts), giving the page a turn between steps
   * and saying how far it is.
   */
  async analyse(): Promise<void> {
    if (this.running) return;
    if (this.fieldErrors.text) {
      this.error = FIX_FIELDS_FIRST;
      return;
    }
    const { src, text } = this.settings;
    this.running = true;
    this.error = '';
    this.status = '正在加载模型并分析…';
    try {
      const rt = await this.runtime();
      const notices: string[] = [];
      const [lstmSaved, gptSaved] = src === 'mine' ? await rt.readerModels(notices) : [null, null];
      const lstmModel = lstmSaved ?? (await rt.checkpointLstm());
      const gptModel = gptSaved ?? (await rt.checkpointGpt());
      let result;
      try {
        result = await this.stepThrough(rt.analyseSteps(lstmModel, gptModel, text));
      } finally {
        if (lstmSaved) rt.disposeModel(lstmSaved);
        if (gptSaved) rt.disposeModel(gptSaved);
      }
      this.lstm = result.lstm;
      this.gpt = result.gpt;
      this.analysedFor = { text, src };
      this.lstmLabel = lstmModel.label;
      this.gptLabel = gptModel.label;
      this.modelNotices = notices;
      this.checkUnit();
      this.tensors = rt.memory().numTensors;
      this.status = `分析完成：${result.lstm.chars.length} 个字；LSTM 预测下一个字是“${result.lstm.prediction.shown}”，Transformer 预测“${result.gpt.prediction.shown}”。`;
    } catch (e) {
      this.error = `分析失败：${e instanceof Error ? e.message : String(e)}`;
      this.status = '分析失败。';
    } finally {
      this.running = false;
      this.progress = null;
    }
  }

  /** Takes the analysis's steps one task each, showing each step; the last step's value is the analysis. */
  private async stepThrough<T>(steps: Generator<AnalysisStep, T>): Promise<T> {
    this.progress = { done: 0, total: 1, label: '模型已加载' };
    await nextTask();
    for (;;) {
      const s = steps.next();
      if (s.done) return s.value;
      this.progress = s.value;
      this.status = `正在分析：${s.value.label}（${s.value.done}/${s.value.total}）`;
      await nextTask();
    }
  }

  /** A unit beyond the analysed model's units (a link's, or a smaller trained model) is flagged, not clamped. */
  private checkUnit(): void {
    const units = this.lstm?.acts[0]?.length;
    if (units !== undefined && this.settings.unit >= units) this.fieldErrors.unit = `这个模型只有 ${units} 个隐藏单元（编号 0 到 ${units - 1}）。`;
    else if (this.fieldErrors.unit?.startsWith('这个模型')) delete this.fieldErrors.unit;
  }

  setSource(src: Source): void {
    this.settings.src = src;
    this.error = '';
    this.status = `模型来源：${SOURCE_LABELS[src]}。请按“分析”。`;
    this.writeHash();
  }

  setText(raw: string): void {
    this.drafts.text = raw;
    this.error = '';
    delete this.linkRepairs.text;
    // The same rule as WHY_FIELDS.text (a link's `why.text`), with its notices kept for the reader.
    const r = checkWhyText(raw);
    if (!r.ok) {
      this.fieldErrors.text = r.message;
      this.textNotices = [];
      return;
    }
    delete this.fieldErrors.text;
    this.textNotices = r.notices;
    this.settings.text = r.text;
    this.writeHash();
  }

  /** The unit field or slider changed; the same rule as a link's `why.unit`. */
  setUnit(text: string): void {
    this.drafts.unit = text;
    delete this.linkRepairs.unit;
    const r = WHY_FIELDS.unit(text);
    if (!r.ok) {
      this.fieldErrors.unit = r.message;
      return;
    }
    delete this.fieldErrors.unit;
    this.settings.unit = r.value;
    this.checkUnit();
    this.writeHash();
  }

  /** Shows a unit from the ranking, and says so. */
  pickUnit(unit: number): void {
    this.setUnit(String(unit));
    this.status = `已选中隐藏单元 ${unit}。`;
  }

  setClass(cls: CharClass): void {
    this.settings.cls = cls;
    this.writeHash();
  }

  setChar(raw: string): void {
    this.drafts.ch = raw;
    const r = WHY_FIELDS.ch(raw);
    if (!r.ok) {
      this.fieldErrors.ch = r.message;
      return;
    }
    delete this.fieldErrors.ch;
    this.settings.ch = r.value;
    this.writeHash();
  }

  private writeHash(): void {
    replaceHashParams(WHY_PREFIX, encodeWhy(this.settings));
  }

  async copyLink(): Promise<void> {
    this.writeHash();
    this.copyStatus = await copyLink();
  }
}
