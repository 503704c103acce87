/**
 * State of the text lab: which corpus and model, the settings (in the URL), and generation —
 * one character at a time, each with the distribution it was drawn from, written in a worker
 * (gen-writer.ts) with the weights in use. Training lives in training.svelte.ts and hands back
 * new weights through `use`.
 */
import { backendLabel, TEXTGEN_BACKEND_ORDER } from '../../lib/nn/backend-names';
import {
  CORPORA,
  decodeSettings,
  encodeSettings,
  parsePrompt,
  TEXTGEN_PREFIX,
  TEXTGEN_RULES,
  type CorpusName,
  type TextgenKey,
} from '../../lib/textgen/settings';
import { FIX_FIELDS_FIRST, unknownNotice } from '../../lib/parse/fields';
import { pageBackend } from '../shared/backend.svelte';
import { refusalLine } from '../shared/refuse';
import { asText, checkField, copyLink, hashParams, linkDamage, replaceHashParams } from '../shared/link';
import { reportWidget } from '../shared/report';
import { GenWriter } from './gen-writer';
import { Track } from './track.svelte';
import type { Saved } from './text-runtime';
import type { LinkProblem } from '../../lib/url/link-problem';

type Runtime = typeof import('./text-runtime');
/** The fields 生成 reads (the training panel's 训练轮数 and 批大小 do not block it). */
export const GENERATE_KEYS = ['t', 'len', 'seed', 'topk'] as const satisfies readonly TextgenKey[];

export class TextLabState {
  corpus = $state<CorpusName>('poetry');
  prompt = $state('春眠不觉晓');
  /**
   * What the prompt field shows, as typed: a refused text stays visible beside its message, and
   * `prompt` (what 生成 reads, and the link) changes only when the text is taken.
   */
  promptDraft = $state('春眠不觉晓');
  numbers = $state(decodeSettings(new URLSearchParams()).settings.numbers);
  text = $state(asText(this.numbers));
  fieldErrors = $state<Partial<Record<TextgenKey, string>>>({});
  linkProblems = $state<LinkProblem[]>([]);
  /** The text written and the character whose bars show. */
  track = new Track(() => ({ prompt: this.prompt, temperature: this.numbers.t }));
  generating = $state(false);
  loading = $state('');
  /** About the model or its storage; the prompt's own notice is separate so a new run keeps these. */
  notices = $state<string[]>([]);
  /** About the prompt of the text shown (characters read as <unk>): it goes when that text goes. */
  promptNotice = $state('');
  /** A typed prompt that was refused (too long); the last good one is kept but 生成 refuses. */
  promptError = $state('');
  error = $state('');
  copyStatus = $state('');
  /** Tensors the generation worker holds after its last run (it keeps the model's weights between runs). */
  tensors = $state(0);
  /** Where the current weights came from, for the reader. */
  modelLabel = $state('');
  /** The weights in use, so training can continue from them. */
  current = $state.raw<Saved | null>(null);

  private rt: Runtime | undefined;
  private readonly writer = new GenWriter();
  private stopRequested = false;

  constructor() {
    const { settings, problems } = decodeSettings(hashParams());
    this.corpus = settings.corpus;
    this.prompt = settings.prompt;
    this.promptDraft = settings.prompt;
    this.numbers = settings.numbers;
    this.text = asText(settings.numbers);
    this.linkProblems = [...linkDamage(TEXTGEN_PREFIX), ...problems];
  }

  async runtime(): Promise<Runtime> {
    await pageBackend.runtime(TEXTGEN_BACKEND_ORDER);
    this.rt ??= await import('./text-runtime');
    return this.rt;
  }

  /** The model for the current corpus: one saved in this browser, else the checkpoint (唐诗 only). */
  async ensureModel(): Promise<boolean> {
    if (this.current) return true;
    const rt = await this.runtime();
    this.loading = '正在加载模型…';
    try {
      let saved: Saved | null = null;
      try {
        saved = await rt.loadSaved(this.corpus);
      } catch (e) {
        this.notices = [...this.notices, `${e instanceof Error ? e.message : String(e)}${this.corpus === 'poetry' ? '已改用预训练检查点。' : ''}`];
      }
      if (saved) {
        this.use(saved, `本浏览器中保存的模型（已训练 ${saved.meta.epochs} 轮）`);
      } else if (this.corpus === 'poetry') {
        const { artifacts, meta } = await rt.loadCheckpoint();
        this.use(
          { artifacts, meta: { vocab: meta.vocab, epochs: meta.epochs, corpus: 'poetry' } },
          `预训练检查点（${meta.epochs} 轮，验证困惑度 ${meta.validation.perplexityFloat16.toFixed(1)}）`,
        );
      } else {
        this.error = `“${CORPORA[this.corpus]}”还没有模型：请先在下方“在本页训练”。`;
        return false;
      }
      return true;
    } catch (e) {
      this.error = `无法加载模型：${e instanceof Error ? e.message : String(e)}`;
      return false;
    } finally {
      this.loading = '';
    }
  }

  /** Takes these weights into use (from the checkpoint, storage or training). */
  use(saved: Saved, label: string): void {
    this.writer.load('lstm', saved.artifacts, saved.meta.vocab);
    this.current = saved;
    this.modelLabel = label;
  }

  /**
   * True, with the refusal shown, when a field shows its error: 生成 then does not run with the
   * field's last good value. The view focuses the first marked field.
   */
  refused(): boolean {
    const bad = this.promptError !== '' || GENERATE_KEYS.some((k) => this.fieldErrors[k] !== undefined);
    this.error = refusalLine(bad, this.error);
    return bad;
  }

  async generate(): Promise<void> {
    if (this.generating || this.refused()) return;
    this.error = '';
    // The last run's notice is about its prompt: it goes now, whatever this run comes to.
    this.promptNotice = '';
    this.generating = true;
    this.stopRequested = false;
    this.writer.warm(pageBackend.name ?? TEXTGEN_BACKEND_ORDER[0]);
    try {
      if (!(await this.ensureModel()) || this.stopRequested) return;
      // The worker computes on the backend the badge names (and says when it could not).
      const backend = pageBackend.name ?? TEXTGEN_BACKEND_ORDER[0];
      const opts = { prompt: this.prompt, length: this.numbers.len, temperature: this.numbers.t, topK: this.numbers.topk, seed: this.numbers.seed };
      const ran = { prompt: opts.prompt, temperature: opts.temperature };
      const written = await this.track.write(ran, (deliver) => this.writer.write({ ...opts, backend }, deliver));
      const { unknown, text } = written;
      this.promptNotice = unknown.length ? `开头文字里的 ${unknownNotice(unknown, opts.prompt)}` : '';
      this.tensors = written.tensors;
      const fellBack = written.backend === backend ? '' : `计算线程无法使用 ${backendLabel(backend)}，已改用 ${backendLabel(written.backend)}。`;
      if (fellBack && !this.notices.includes(fellBack)) this.notices = [...this.notices, fellBack];
      reportWidget({ widget: 'textgen', temperature: this.numbers.t, text });
    } catch (e) {
      this.error = `生成失败：${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.generating = false;
    }
  }

  stop(): void {
    this.stopRequested = true;
    this.writer.stop();
  }

  setCorpus(corpus: CorpusName): void {
    this.corpus = corpus;
    this.current = null;
    this.track.clear();
    this.promptNotice = '';
    this.modelLabel = '';
    this.error = '';
    this.writeHash();
  }

  /** The prompt field changed; the same rule as a link's `tg.prompt`. */
  setPrompt(text: string): void {
    this.promptDraft = text;
    const r = parsePrompt(text);
    this.promptError = r.ok ? '' : r.message;
    if (this.error === FIX_FIELDS_FIRST) this.refused();
    if (!r.ok) return;
    this.prompt = r.value;
    this.promptDraft = r.value;
    this.writeHash();
  }

  setField(key: TextgenKey, text: string): void {
    this.text[key] = text;
    const value = checkField(key, text, TEXTGEN_RULES, this.fieldErrors);
    if (this.error === FIX_FIELDS_FIRST) this.refused();
    if (value === undefined) return;
    this.numbers[key] = value;
    this.writeHash();
  }

  private writeHash(): void {
    replaceHashParams(TEXTGEN_PREFIX, encodeSettings({ corpus: this.corpus, prompt: this.prompt, numbers: this.numbers }));
  }

  async copyLink(): Promise<void> {
    this.writeHash();
    this.copyStatus = await copyLink();
  }

  /** Forget weights trained in this browser for this corpus and go back to the checkpoint. */
  async reset(): Promise<void> {
    const rt = await this.runtime();
    await rt.removeSaved(this.corpus);
    this.setCorpus(this.corpus);
    this.notices = [];
    if (this.corpus === 'poetry') await this.ensureModel();
  }
}
