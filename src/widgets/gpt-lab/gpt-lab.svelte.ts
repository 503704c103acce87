/**
 * State of 附录 A's generation lab: the settings (in the URL under `gpt.`), the Transformer's
 * text and, side by side when `compare` is on, the §5.2 LSTM's from the same prompt, seed,
 * temperature, top-k and length. Each text is written in a generation worker of its own (the
 * text lab's GenWriter), so the two stream side by side in parallel.
 */
import { backendLabel, TEXTGEN_BACKEND_ORDER } from '../../lib/nn/backend-names';
import { readable } from '../../lib/textgen/unreadable';
import { codePoints } from '../../lib/textgen/vocab';
import { FIX_FIELDS_FIRST } from '../../lib/parse/fields';
import { MAX_PROMPT, parsePrompt } from '../../lib/textgen/settings';
import type { Focus } from '../../lib/transformer/focus';
import { cleanPrompt, decodeGptSettings, encodeGptSettings, GPT_PREFIX, GPT_RULES, promptNotices, type GptKey } from '../../lib/transformer/generate-settings';
import { pageBackend } from '../shared/backend.svelte';
import { refusalLine } from '../shared/refuse';
import { onFocus } from '../shared/focus';
import { asText, checkField, copyLink, hashParams, linkDamage, replaceHashParams } from '../shared/link';
import { GenWriter, type Written } from '../text-lab/gen-writer';
import type { LoadedModel } from './gpt-runtime';
import { Track, type RunSettings } from '../text-lab/track.svelte';
import type { LinkProblem } from '../../lib/url/link-problem';

type Runtime = typeof import('./gpt-runtime');

export class GptLabState {
  prompt = $state('');
  /**
   * What the prompt field shows, as typed: a refused text stays visible beside its message, and
   * `prompt` (what 生成 reads, and the link) changes only when the text is taken.
   */
  promptDraft = $state('');
  /** The prompt as shown and read: without unreadable characters (textgen/unreadable.ts). */
  readonly shownPrompt = $derived(readable(this.prompt).text);
  numbers = $state(decodeGptSettings(new URLSearchParams()).settings.numbers);
  text = $state(asText(this.numbers));
  compare = $state(false);
  fieldErrors = $state<Partial<Record<GptKey, string>>>({});
  linkProblems = $state<LinkProblem[]>([]);
  /** Both sides show the same fields' prompt (as read) and temperature until each has a run. */
  gpt = new Track(() => this.fieldRun);
  lstm = new Track(() => this.fieldRun);
  generating = $state(false);
  loading = $state('');
  /** About the prompt of the text shown, from its run (empty, unknown characters, longer than the context). */
  notices = $state<string[]>([]);
  /** A typed prompt that was refused. */
  promptError = $state('');
  /** The unreadable characters dropped from the prompt as it was typed or linked (cleanPrompt). */
  promptNotice = $state('');
  error = $state('');
  copyStatus = $state('');
  /** Tensors the generation workers hold after their last runs (each keeps its model's weights). */
  tensors = $state(0);

  /** The prompt and temperature a run started now would be written with. */
  private get fieldRun(): RunSettings {
    return { prompt: this.shownPrompt, temperature: this.numbers.t };
  }

  private rt: Runtime | undefined;
  private transformer: (LoadedModel & { contextLength: number }) | undefined;
  private lstmModel: LoadedModel | undefined;
  private readonly writers = { gpt: new GenWriter(), lstm: new GenWriter() };
  /** Each worker's tensors after its last run. */
  private held = { gpt: 0, lstm: 0 };
  private stopRequested = false;

  constructor() {
    const { settings, problems } = decodeGptSettings(hashParams());
    this.keepPrompt(settings.prompt);
    this.numbers = settings.numbers;
    this.text = asText(settings.numbers);
    this.compare = settings.compare;
    this.linkProblems = [...linkDamage(GPT_PREFIX), ...problems];
    onFocus('generate', (f) => this.focus(f));
  }

  /** The tour's step: a prompt (cut to the longest allowed) and whether to compare, as if chosen here. */
  focus(f: Extract<Focus, { widget: 'generate' }>): void {
    if (this.generating) this.stop();
    if (typeof f.prompt === 'string') this.setPrompt(codePoints(f.prompt).slice(0, MAX_PROMPT).join(''));
    if (typeof f.compare === 'boolean') this.setCompare(f.compare);
  }

  /** Loads TF.js and the models this run needs, once each. False (with the error shown) when one cannot load. */
  private async ensureModels(): Promise<boolean> {
    try {
      await pageBackend.runtime(TEXTGEN_BACKEND_ORDER);
      this.rt ??= await import('./gpt-runtime');
      if (!this.transformer) {
        this.loading = '正在加载 Transformer 检查点…';
        this.transformer = await this.rt.loadTransformer();
        this.writers.gpt.load('transformer', this.transformer.artifacts, this.transformer.vocab.chars);
        this.gpt.label = this.transformer.label;
      }
      if (this.compare && !this.lstmModel) {
        this.loading = '正在加载 LSTM 检查点…';
        this.lstmModel = await this.rt.loadLstm();
        this.writers.lstm.load('lstm', this.lstmModel.artifacts, this.lstmModel.vocab.chars);
        this.lstm.label = this.lstmModel.label;
      }
      return true;
    } catch (e) {
      this.error = `无法加载模型：${e instanceof Error ? e.message : String(e)}`;
      return false;
    } finally {
      this.loading = '';
    }
  }

  /**
   * True, with the refusal shown, when a field shows its error: 生成 then does not run with the
   * field's last good value. The view focuses the first marked field.
   */
  refused(): boolean {
    const bad = this.promptError !== '' || Object.keys(this.fieldErrors).length > 0;
    this.error = refusalLine(bad, this.error);
    return bad;
  }

  async generate(): Promise<void> {
    if (this.generating || this.refused()) return;
    this.error = '';
    // The settings are taken now, at 生成: the fields may change while the models load.
    const prompt = this.prompt;
    const opts = { prompt: this.shownPrompt, length: this.numbers.len, temperature: this.numbers.t, topK: this.numbers.topk, seed: this.numbers.seed };
    const ran = { prompt: opts.prompt, temperature: opts.temperature };
    // The last run's text and its notices go together, at once, whatever this run comes to.
    this.notices = [];
    this.gpt.clear();
    this.lstm.clear();
    this.generating = true;
    this.stopRequested = false;
    this.writers.gpt.warm(pageBackend.name ?? TEXTGEN_BACKEND_ORDER[0]);
    if (this.compare) this.writers.lstm.warm(pageBackend.name ?? TEXTGEN_BACKEND_ORDER[0]);
    try {
      if (!(await this.ensureModels()) || !this.transformer || this.stopRequested) return;
      const { vocab, contextLength } = this.transformer;
      this.notices = promptNotices(prompt, vocab, contextLength);
      // The workers compute on the backend the badge names (and say when they could not).
      const backend = pageBackend.name ?? TEXTGEN_BACKEND_ORDER[0];
      const job = { ...opts, backend };
      const side = (name: 'gpt' | 'lstm') =>
        this[name]
          .write(ran, (deliver) => this.writers[name].write(job, deliver))
          .then((w: Written) => {
            this.held[name] = w.tensors;
            return w;
          });
      const runs = [side('gpt')];
      if (this.compare && this.lstmModel) runs.push(side('lstm'));
      // If one model fails, the other stops too, and the first error is shown.
      const fail = (e: unknown) => {
        this.stop();
        throw e;
      };
      const written = await Promise.all(runs.map((r) => r.catch(fail)));
      const used = written.find((w) => w.backend !== backend)?.backend;
      if (used) this.notices = [...this.notices, `计算线程无法使用 ${backendLabel(backend)}，已改用 ${backendLabel(used)}。`];
    } catch (e) {
      this.error = `生成失败：${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.tensors = this.held.gpt + this.held.lstm;
      this.generating = false;
    }
  }

  stop(): void {
    this.stopRequested = true;
    this.writers.gpt.stop();
    this.writers.lstm.stop();
  }

  /** The prompt field changed; the same rule as a link's `gpt.prompt`. */
  setPrompt(text: string): void {
    this.promptDraft = text;
    const r = parsePrompt(text);
    if (!r.ok) {
      this.promptError = r.message;
      return;
    }
    this.promptError = '';
    this.keepPrompt(r.value);
    this.writeHash();
  }

  /** `text` as the field keeps (and shows) it: without unreadable characters, with the notice saying so. */
  private keepPrompt(text: string): void {
    const { prompt, notice } = cleanPrompt(text);
    this.prompt = prompt;
    this.promptDraft = prompt;
    this.promptNotice = notice ?? '';
    if (this.error === FIX_FIELDS_FIRST) this.refused();
  }

  setCompare(on: boolean): void {
    this.compare = on;
    this.writeHash();
  }

  setField(key: GptKey, text: string): void {
    this.text[key] = text;
    const value = checkField(key, text, GPT_RULES, this.fieldErrors);
    if (this.error === FIX_FIELDS_FIRST) this.refused();
    if (value === undefined) return;
    this.numbers[key] = value;
    this.writeHash();
  }

  private writeHash(): void {
    replaceHashParams(GPT_PREFIX, encodeGptSettings({ prompt: this.prompt, numbers: this.numbers, compare: this.compare }));
  }

  async copyLink(): Promise<void> {
    this.writeHash();
    this.copyStatus = await copyLink();
  }
}
