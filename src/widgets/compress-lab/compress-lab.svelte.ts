/**
 * State of the compression lab: which checkpoint, the pruning sparsity and the prompt (all in
 * the URL), and one run over every setting, with progress, a 取消, and the rows as they arrive.
 * The work runs in compress.worker.ts (lib/compress/lab.ts), never on the page's main thread;
 * its messages are checked by lib/compress/protocol.ts.
 */
import { FIX_FIELDS_FIRST } from '../../lib/parse/fields';
import type { LabRow } from '../../lib/compress/lab';
import { SCHEME_LABELS, type Scheme } from '../../lib/compress/schemes';
import type { BackendName } from '../../lib/nn/backend-names';
import { parseFromWorker, type ToCompressWorker } from '../../lib/compress/protocol';
import {
  COMPRESS_DEFAULTS,
  COMPRESS_FIELDS,
  COMPRESS_PREFIX,
  decodeCompress,
  encodeCompress,
  MODEL_LABELS,
  promptWarning,
  unknownChars,
  type CompressSettings,
  type ModelName,
} from '../../lib/compress/settings';
import { copyLink, hashParams, linkDamage, replaceHashParams } from '../shared/link';
import { startLabWorker } from '../shared/lab-worker';
import { unknownNotice } from '../../lib/transformer/map-text';
import { refusalLine } from '../shared/refuse';
import { promptVocab } from './prompt-vocab';
import type { LinkProblem } from '../../lib/url/link-problem';

/** A setting's name as the reader sees it; pruning with its sparsity. */
export const schemeLabel = (scheme: Scheme, sp: number): string => (scheme === 'pruned' ? `${SCHEME_LABELS.pruned} ${sp}%` : SCHEME_LABELS[scheme]);

export class CompressLabState {
  settings = $state<CompressSettings>(decodeCompress(new URLSearchParams()).settings);
  spText = $state(String(this.settings.sp));
  /**
   * What the prompt field shows, as typed: a refused text stays visible beside its message, and
   * `settings.prompt` (what a run reads, and the link) changes only when the text is taken.
   */
  promptDraft = $state(this.settings.prompt);
  fieldErrors = $state<{ sp?: string; prompt?: string }>({});
  linkProblems = $state<LinkProblem[]>([]);
  /** Rows of the last run, and the settings they were computed with. */
  rows = $state.raw<LabRow[]>([]);
  rowsFor = $state.raw<CompressSettings | null>(null);
  running = $state(false);
  done = $state(0);
  total = $state(0);
  step = $state('');
  /** Announced through the aria-live region: started, finished, cancelled. */
  status = $state('');
  error = $state('');
  copyStatus = $state('');
  tensors = $state(0);
  /** Held-out characters each setting is scored on, once known. */
  characters = $state(0);
  /** The prompt's characters outside the vocabulary, and for which prompt: found when the prompt is taken, and by each run. */
  unknown = $state.raw<{ prompt: string; chars: string[] }>({ prompt: '', chars: [] });
  /**
   * A broken or invisible character in the prompt, and (once the prompt is taken or a run has
   * read it) characters the models read as <unk>: said as the other text widgets say them
   * (transformer/map-text.ts).
   */
  promptNotice = $derived(
    [
      promptWarning(this.settings.prompt),
      this.unknown.prompt === this.settings.prompt && this.unknown.chars.length ? unknownNotice(this.unknown.chars, this.settings.prompt) : null,
    ]
      .filter(Boolean)
      .join(''),
  );

  /** The worker's backend, once it has said. */
  backend = $state<BackendName | null>(null);

  private worker: Worker | undefined;
  /** The job whose messages are taken; others (cancelled) are dropped. */
  private job = 0;

  constructor() {
    const { settings, problems } = decodeCompress(hashParams());
    this.settings = settings;
    this.spText = String(settings.sp);
    this.promptDraft = settings.prompt;
    this.linkProblems = [...linkDamage(COMPRESS_PREFIX), ...problems];
    // A linked prompt is taken as a typed one is; the default one is all in the vocabulary.
    if (settings.prompt !== COMPRESS_DEFAULTS.prompt) this.findUnknown();
  }

  /**
   * Names the prompt's characters outside the current checkpoint's vocabulary, once its
   * meta.json is here (no TF.js, no worker). Dropped if the prompt changed meanwhile; when the file
   * cannot be read, nothing is said here (a run reports the download itself).
   */
  private findUnknown(): void {
    const prompt = this.settings.prompt;
    promptVocab(this.settings.model).then(
      (vocab) => {
        if (this.settings.prompt === prompt) this.unknown = { prompt, chars: unknownChars(prompt, vocab) };
      },
      () => {},
    );
  }

  /** The evaluation worker, started on first use and kept (it caches the checkpoints it loaded). */
  private evaluator(): Worker {
    if (!this.worker) {
      this.worker = startLabWorker('compress-lab', { receive: (data) => this.receive(data), fail: (message) => this.fail(message, true) });
    }
    return this.worker;
  }

  /**
   * Compresses the chosen checkpoint every way and scores each, in the worker; rows appear as
   * they arrive. A run already under way is cancelled first.
   */
  run(): void {
    if (this.refused()) return;
    if (this.running) this.cancel();
    const settings = { ...this.settings };
    this.job++;
    this.running = true;
    this.error = '';
    this.rows = [];
    this.rowsFor = settings;
    this.done = 0;
    this.total = 0;
    this.step = '正在加载检查点和语料…';
    this.status = `开始评估 ${MODEL_LABELS[settings.model]}的各种压缩设置。`;
    try {
      this.evaluator().postMessage({
        type: 'start',
        job: this.job,
        model: settings.model,
        sparsity: settings.sp / 100,
        prompt: settings.prompt,
      } satisfies ToCompressWorker);
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e), true);
    }
  }

  /**
   * True, with the refusal shown, while a field shows its error: 评估全部设置 then does not run
   * with the field's last good value (the view focuses the first marked field). Once the fields
   * are valid again the refusal goes; any other error stays.
   */
  refused(): boolean {
    const bad = Boolean(this.fieldErrors.sp || this.fieldErrors.prompt);
    this.error = refusalLine(bad, this.error);
    return bad;
  }

  /** One message from the worker: checked, and dropped unless it belongs to the current job. */
  private receive(data: unknown): void {
    const m = parseFromWorker(data);
    if (!m) return this.fail('计算线程发来了无法识别的消息', false);
    if (m.job !== this.job || !this.running || !this.rowsFor) return;
    const sp = this.rowsFor.sp;
    if (m.type === 'ready') this.backend = m.backend;
    else if (m.type === 'loaded') {
      this.characters = m.characters;
      this.unknown = { prompt: this.rowsFor.prompt, chars: m.unknown };
    } else if (m.type === 'progress') {
      this.done = m.done;
      this.total = m.total;
      this.step = `正在评估：${schemeLabel(m.scheme, sp)}`;
    } else if (m.type === 'row') this.rows = [...this.rows, m.row];
    else if (m.type === 'done') {
      this.tensors = m.tensors;
      this.end(m.cancelled ? `已取消：完成了 ${this.rows.length} 种设置。` : `评估完成：${this.rows.length} 种设置。`);
    } else this.fail(m.message, false);
  }

  private end(status: string): void {
    this.status = status;
    this.running = false;
    this.step = '';
  }

  /** The run failed; `broken`: the worker itself is unusable, so the next run starts a fresh one. */
  private fail(message: string, broken: boolean): void {
    if (broken) {
      this.worker?.terminate();
      this.worker = undefined;
    }
    if (!this.running) return;
    this.error = `评估失败：${message}`;
    this.end('评估失败。');
  }

  /** Stops the run at once for the page; the worker stops at its next step and its late messages are dropped. */
  cancel(): void {
    if (!this.running) return;
    this.worker?.postMessage({ type: 'cancel', job: this.job } satisfies ToCompressWorker);
    this.job++;
    this.end(`已取消：完成了 ${this.rows.length} 种设置。`);
  }

  setModel(model: ModelName): void {
    if (model !== this.settings.model) this.cancel();
    this.settings.model = model;
    this.findUnknown();
    this.writeHash();
  }

  /** The sparsity field changed; the same rule as a link's `zip.sp`. */
  setSparsity(text: string): void {
    this.spText = text;
    const r = COMPRESS_FIELDS.sp(text);
    if (!r.ok) {
      this.fieldErrors.sp = r.message;
      return;
    }
    delete this.fieldErrors.sp;
    if (this.error === FIX_FIELDS_FIRST) this.refused();
    this.settings.sp = r.value;
    this.writeHash();
  }

  /** The prompt field changed; the same rule as a link's `zip.prompt`. */
  setPrompt(text: string): void {
    this.promptDraft = text;
    const r = COMPRESS_FIELDS.prompt(text);
    if (!r.ok) {
      this.fieldErrors.prompt = r.message;
      return;
    }
    delete this.fieldErrors.prompt;
    if (this.error === FIX_FIELDS_FIRST) this.refused();
    this.settings.prompt = r.value;
    this.promptDraft = r.value;
    this.findUnknown();
    this.writeHash();
  }

  private writeHash(): void {
    replaceHashParams(COMPRESS_PREFIX, encodeCompress(this.settings));
  }

  async copyLink(): Promise<void> {
    this.writeHash();
    this.copyStatus = await copyLink();
  }
}
