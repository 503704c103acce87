/**
 * State of the compression lab: which checkpoint, the pruning sparsity and the prompt (all in
 * the URL), and one run over every setting, with progress, a 取消 that stops it between
 * chunks, and the rows as they finish. The work itself is lib/compress/lab.ts.
 */
import { FIX_FIELDS_FIRST } from '../../lib/textgen/settings';
import type { LabRow } from '../../lib/compress/lab';
import { SCHEME_LABELS, type Scheme } from '../../lib/compress/schemes';
import {
  CHUNK_WINDOWS,
  COMPRESS_FIELDS,
  COMPRESS_PREFIX,
  decodeCompress,
  encodeCompress,
  EVAL_WINDOWS,
  GENERATE_LENGTH,
  MODEL_LABELS,
  promptWarning,
  type CompressSettings,
  type ModelName,
} from '../../lib/compress/settings';
import { TEXTGEN_BACKEND_ORDER } from '../../lib/nn/backend-names';
import { pageBackend } from '../shared/backend.svelte';
import { nextTask } from '../shared/next-task';
import { copyLink, hashParams, linkDamage, replaceHashParams } from '../shared/link';

type Runtime = typeof import('./compress-runtime');

/** A setting's name as the reader sees it; pruning with its sparsity. */
export const schemeLabel = (scheme: Scheme, sp: number): string => (scheme === 'pruned' ? `${SCHEME_LABELS.pruned} ${sp}%` : SCHEME_LABELS[scheme]);

export class CompressLabState {
  settings = $state<CompressSettings>(decodeCompress(new URLSearchParams()).settings);
  spText = $state(String(this.settings.sp));
  fieldErrors = $state<{ sp?: string; prompt?: string }>({});
  linkProblems = $state<string[]>([]);
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
  /** A broken or invisible character in the prompt, said as the other text widgets say it. */
  promptNotice = $derived(promptWarning(this.settings.prompt));

  private rt: Runtime | undefined;
  private cancelRequested = false;

  constructor() {
    const { settings, problems } = decodeCompress(hashParams());
    this.settings = settings;
    this.spText = String(settings.sp);
    this.linkProblems = [...linkDamage(), ...problems];
  }

  async runtime(): Promise<Runtime> {
    await pageBackend.runtime(TEXTGEN_BACKEND_ORDER);
    this.rt ??= await import('./compress-runtime');
    return this.rt;
  }

  /** Compresses the chosen checkpoint every way and scores each; rows appear as they finish. */
  async run(): Promise<void> {
    if (this.running) return;
    if (this.fieldErrors.sp || this.fieldErrors.prompt) {
      this.error = FIX_FIELDS_FIRST;
      return;
    }
    const settings = { ...this.settings };
    this.running = true;
    this.cancelRequested = false;
    this.error = '';
    this.rows = [];
    this.rowsFor = settings;
    this.done = 0;
    this.total = 0;
    this.step = '正在加载检查点和语料…';
    this.status = `开始评估 ${MODEL_LABELS[settings.model]} 的各种压缩设置。`;
    try {
      const rt = await this.runtime();
      const data = await rt.loadModel(settings.model);
      const starts = data.val.slice(0, EVAL_WINDOWS);
      this.characters = starts.length * data.len;
      const rows = await rt.runLab(
        { ...data, starts, prompt: settings.prompt, sparsity: settings.sp / 100, generateLength: GENERATE_LENGTH, chunk: CHUNK_WINDOWS },
        {
          progress: async (done, total, scheme) => {
            this.done = done;
            this.total = total;
            this.step = `正在评估：${schemeLabel(scheme, settings.sp)}`;
            await nextTask();
          },
          cancelled: () => this.cancelRequested,
          row: (row) => (this.rows = [...this.rows, row]),
        },
      );
      this.status = this.cancelRequested ? `已取消：完成了 ${rows.length} 种设置。` : `评估完成：${rows.length} 种设置。`;
      this.tensors = rt.memory().numTensors;
    } catch (e) {
      this.error = `评估失败：${e instanceof Error ? e.message : String(e)}`;
      this.status = '评估失败。';
    } finally {
      this.running = false;
      this.step = '';
    }
  }

  cancel(): void {
    if (this.running) this.cancelRequested = true;
  }

  setModel(model: ModelName): void {
    this.settings.model = model;
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
    this.settings.sp = r.value;
    this.writeHash();
  }

  setPrompt(text: string): void {
    const r = COMPRESS_FIELDS.prompt(text);
    if (!r.ok) {
      this.fieldErrors.prompt = r.message;
      return;
    }
    delete this.fieldErrors.prompt;
    this.settings.prompt = r.value;
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
