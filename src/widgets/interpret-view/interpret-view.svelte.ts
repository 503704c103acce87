/**
 * State of the interpretability view: the settings (all in the URL; interpret-settings.svelte.ts),
 * one analysis of the text by each architecture (run on 分析, in interpret.worker.ts, never on the
 * page's main thread; its messages are checked by lib/interpret/protocol.ts), and what the reader
 * picks afterwards (the unit, the class), which needs no new computation. The numbers are
 * src/lib/interpret's.
 */
import type { AnalysisStep, GptAnalysis, LstmAnalysis } from '../../lib/interpret/analyse';
import { readNotices } from '../../lib/interpret/notices';
import type { Source } from '../../lib/interpret/settings';
import { parseFromInterpretWorker, type StartAnalysis } from '../../lib/interpret/protocol';
import { startLabWorker } from '../shared/lab-worker';
import { refusalLine } from '../shared/refuse';
import { indexedDBOpens, type StorageAnswer } from '../../lib/storage/indexed-db';
import { InterpretSettingsState } from './interpret-settings.svelte';

export class InterpretViewState extends InterpretSettingsState {
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
  tensors = $state(0);

  private worker: Worker | undefined;
  /** Whether the page may use IndexedDB, asked once (lib/storage/indexed-db.ts). */
  private storageProbe: Promise<StorageAnswer> | undefined;
  /** The analysis whose messages are taken, and what it was asked for. */
  private job = 0;
  private asked: { text: string; src: Source } | null = null;

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
    // What the text's own check already says is not repeated per model.
    const fresh = (notices: readonly string[] = []) => notices.filter((n) => !this.textNotices.includes(n));
    const analysed = this.stale ? [] : [...readNotices(fresh(this.lstm?.notices), fresh(this.gpt?.notices)), ...this.modelNotices];
    return [...new Set([...this.textNotices, ...analysed])];
  }

  /** The analysis worker, started on first use and kept (it caches the checkpoints it loaded). */
  private evaluator(): Worker {
    if (!this.worker) {
      this.worker = startLabWorker('interpret-view', { receive: (data) => this.receive(data), fail: (message) => this.fail(message, true) });
    }
    return this.worker;
  }

  /**
   * True, with the refusal shown, while the text field (the one 分析 reads) shows its error; the
   * view focuses it. Once it is valid again the refusal goes; any other error stays.
   */
  refused(): boolean {
    const bad = Boolean(this.fieldErrors.text);
    this.error = refusalLine(bad, this.error);
    return bad;
  }

  /**
   * Runs both models on the text in the worker: activations and saliency (LSTM), saliency and
   * attention (Transformer), step by step (lib/interpret/analyse.ts), saying how far it is.
   */
  analyse(): void {
    if (this.running || this.refused()) return;
    const { src, text } = this.settings;
    this.job++;
    this.running = true;
    this.asked = { text, src };
    this.error = '';
    this.progress = null;
    this.status = '正在加载模型并分析…';
    const job = this.job;
    void (src === 'mine' ? (this.storageProbe ??= indexedDBOpens()) : Promise.resolve<StorageAnswer>('ok')).then((storage) => {
      if (job !== this.job || !this.running) return;
      try {
        this.evaluator().postMessage({ type: 'start', job, text, src, storage } satisfies StartAnalysis);
      } catch (e) {
        this.fail(e instanceof Error ? e.message : String(e), true);
      }
    });
  }

  /** One message from the worker: checked, and dropped unless it answers the analysis under way. */
  private receive(data: unknown): void {
    const m = parseFromInterpretWorker(data);
    if (!m) return this.fail('计算线程发来了无法识别的消息', false);
    if (m.job !== this.job || !this.running) return;
    if (m.type === 'step') {
      this.progress = m.step;
      this.status = `正在分析：${m.step.label}（${m.step.done}/${m.step.total}）`;
    } else if (m.type === 'done') {
      this.lstm = m.lstm;
      this.gpt = m.gpt;
      this.analysedFor = this.asked;
      this.lstmLabel = m.lstmLabel;
      this.gptLabel = m.gptLabel;
      this.modelNotices = m.notices;
      this.checkUnit();
      this.tensors = m.tensors;
      this.status = `分析完成：${m.lstm.chars.length} 个字；LSTM 预测下一个字是“${m.lstm.prediction.shown}”，Transformer 预测“${m.gpt.prediction.shown}”。`;
      this.end();
    } else this.fail(m.message, false);
  }

  private end(): void {
    this.running = false;
    this.progress = null;
  }

  /** The analysis failed; `broken`: the worker itself is unusable, so the next analysis starts a fresh one. */
  private fail(message: string, broken: boolean): void {
    if (broken) {
      this.worker?.terminate();
      this.worker = undefined;
    }
    if (!this.running) return;
    this.error = `分析失败：${message}`;
    this.status = '分析失败。';
    this.end();
  }

  /** The analysed LSTM's hidden units, which bound the unit field (checkUnit). */
  protected override analysedUnits(): number | undefined {
    return this.lstm?.acts[0]?.length;
  }
}
