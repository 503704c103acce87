/**
 * 附录 A, 在页面里训练: trains the Transformer in a Web Worker (train.worker.ts) from the shipped
 * checkpoint, from the model this browser saved, or from scratch, on 唐诗, the book or the
 * reader's own text; progress, ETA, curves, pause/resume/stop come from the shared TrainRun.
 * Settings live in the URL (`gtrain.`); the trained model is saved to IndexedDB under its own
 * key and offered again after a reload. The metas are small JSON; TF.js loads on 开始训练 only.
 */
import { TEXTGEN_BACKEND_ORDER } from '../../lib/nn/backend-names';
import { storageNotice } from '../../lib/storage/notice';
import { checkFile } from '../../lib/textgen/corpus';
import type { StartTraining } from '../../lib/textgen/protocol';
import type { SavedMeta } from '../../lib/textgen/saved';
import { fromChars } from '../../lib/textgen/vocab';
import {
  checkGptText,
  decodeGtrain,
  encodeGtrain,
  GPT_CORPORA,
  GTRAIN_PREFIX,
  GTRAIN_RULES,
  type CorpusName,
  type FromName,
  type GtrainKey,
} from '../../lib/transformer/train-settings';
import { pageBackend } from '../shared/backend.svelte';
import { BASE } from '../shared/base';
import { onFocus } from '../shared/focus';
import { asText, checkField, copyLink, hashParams, linkDamage, replaceHashParams } from '../shared/link';
import { TrainRun, type Done } from '../shared/train-run.svelte';
import { peekSavedTransformer } from './peek';
import type { Saved } from './saved';
import { startLabWorker } from '../shared/lab-worker';
import type { LinkProblem } from '../../lib/url/link-problem';

type Runtime = typeof import('./runtime');

/** What the widget reads from the two checkpoints' meta.json (both shipped with the site). */
interface Metas {
  vocab: string[];
  contextLength: number;
  epochs: number;
  /** Validation losses on the 唐诗 validation characters, nats/char (float16 weights). */
  gptLoss: number | null;
  lstmLoss: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const field = (v: unknown, k: string): unknown => (typeof v === 'object' && v !== null && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined);

export class GptTrainState extends TrainRun {
  corpus = $state<CorpusName>('poetry');
  from = $state<FromName>('checkpoint');
  numbers = $state(decodeGtrain(new URLSearchParams()).settings.numbers);
  text = $state(asText(this.numbers));
  fieldErrors = $state<Partial<Record<GtrainKey, string>>>({});
  linkProblems = $state<LinkProblem[]>([]);
  myText = $state('');
  message = $state('');
  saveFailed = $state(false);
  copyStatus = $state('');
  /** The model saved in this browser: undefined until looked up, null when there is none. */
  saved = $state<SavedMeta | null | undefined>(undefined);
  /** The corpus of the run shown, so reference lines appear only beside a 唐诗 run. */
  runCorpus = $state<CorpusName | null>(null);
  metas = $state.raw<Metas | null>(null);
  /** Counts tour requests to show this widget; the component scrolls to it. */
  focusRequests = $state(0);

  private rt: Runtime | undefined;
  private run = 0;
  private fromInLink: boolean;
  private unsubscribe: () => void;

  constructor() {
    super();
    const params = hashParams();
    const { settings, problems } = decodeGtrain(params);
    this.corpus = settings.corpus;
    this.from = settings.from;
    this.numbers = settings.numbers;
    this.text = asText(settings.numbers);
    this.linkProblems = [...linkDamage(GTRAIN_PREFIX), ...problems];
    this.fromInLink = params.has(`${GTRAIN_PREFIX}.from`) && !problems.some((p) => p.text.includes('起点'));
    this.unsubscribe = onFocus('train', () => this.focusRequests++);
  }

  /** After hydration: is a trained model saved here? (No TF.js: a read of the store's metadata.) */
  async init(): Promise<void> {
    const saved = await peekSavedTransformer();
    this.saved = saved;
    if (saved && !this.fromInLink && this.from === 'checkpoint') this.from = 'saved';
    if (!saved && this.from === 'saved') this.from = 'checkpoint';
    void this.loadMetas().catch(() => {});
  }

  dispose(): void {
    this.unsubscribe();
  }

  private async loadMetas(): Promise<Metas> {
    if (this.metas) return this.metas;
    const get = async (dir: string) => {
      const r = await fetch(`${BASE}models/${dir}/meta.json`);
      if (!r.ok) throw new Error(`无法下载 ${dir}/meta.json（HTTP ${r.status}）`);
      return (await r.json()) as unknown;
    };
    const [gpt, lstm] = await Promise.all([get('transformer'), get('poetry').catch(() => null)]);
    const vocab = field(gpt, 'vocab');
    const contextLength = num(field(field(gpt, 'config'), 'contextLength'));
    if (!Array.isArray(vocab) || !vocab.every((c) => typeof c === 'string') || !contextLength) throw new Error('Transformer 检查点的说明文件无效');
    this.metas = {
      vocab,
      contextLength,
      epochs: num(field(gpt, 'epochs')) ?? 0,
      gptLoss: num(field(field(gpt, 'validation'), 'lossFloat16')),
      lstmLoss: num(field(field(lstm, 'validation'), 'lossFloat16')),
    };
    return this.metas;
  }

  /** Chart reference lines: the two checkpoints' validation losses, measured on 唐诗's validation characters. */
  get refs(): { label: string; value: number }[] {
    if (this.runCorpus !== 'poetry' || !this.metas) return [];
    const out: { label: string; value: number }[] = [];
    if (this.metas.lstmLoss !== null) out.push({ label: '5.2 节 LSTM 检查点的验证损失', value: this.metas.lstmLoss });
    if (this.metas.gptLoss !== null) out.push({ label: 'Transformer 检查点的验证损失', value: this.metas.gptLoss });
    return out;
  }

  async runtime(): Promise<Runtime> {
    await pageBackend.runtime(TEXTGEN_BACKEND_ORDER);
    this.rt ??= await import('./runtime');
    return this.rt;
  }

  /** A .txt file chosen by the reader: checked as bytes, then kept as text (checked again on 开始训练). */
  async loadFile(file: File): Promise<void> {
    const r = checkFile(new Uint8Array(await file.arrayBuffer()));
    this.error = r.ok ? '' : r.message;
    if (r.ok) this.myText = r.text;
  }

  private async corpusText(metas: Metas): Promise<string | null> {
    if (this.corpus === 'mine') {
      const r = checkGptText(this.myText, fromChars(metas.vocab), metas.contextLength);
      if (!r.ok) {
        this.error = r.message;
        return null;
      }
      this.notices = r.notices;
      return r.text;
    }
    const response = await fetch(`${BASE}corpora/${this.corpus === 'poetry' ? 'poetry' : 'book'}.txt`);
    if (!response.ok) throw new Error(`无法下载语料（HTTP ${response.status}）`);
    return response.text();
  }

  protected fieldsInvalid(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }

  async start(): Promise<void> {
    if (this.status !== 'idle' || this.refused()) return;
    this.error = '';
    this.message = '';
    this.notices = [];
    this.saveFailed = false;
    this.run++;
    this.status = 'preparing';
    try {
      const metas = await this.loadMetas();
      const text = await this.corpusText(metas);
      if (text === null) return void (this.status = 'idle');
      const rt = await this.runtime();
      let artifacts: StartTraining['artifacts'];
      let firstEpoch = 0;
      if (this.from === 'saved') {
        const saved = await rt.loadSavedTransformer().catch((e: unknown) => {
          this.notices = [...this.notices, `${e instanceof Error ? e.message : String(e)}已改从检查点开始。`];
          return null;
        });
        if (!saved) this.saved = null;
        artifacts = saved?.artifacts;
        firstEpoch = saved?.meta.epochs ?? Math.floor(metas.epochs);
      }
      if (this.from === 'checkpoint' || (this.from === 'saved' && !artifacts)) {
        artifacts = await rt.loadTransformerArtifacts();
        firstEpoch = Math.floor(metas.epochs);
      }
      const job: StartTraining = {
        type: 'start',
        model: 'transformer',
        text,
        vocab: metas.vocab,
        artifacts: artifacts && { ...artifacts, weightData: (artifacts.weightData as ArrayBuffer).slice(0) },
        epochs: this.numbers.epochs,
        batchSize: this.numbers.batch,
        seed: this.numbers.seed,
        firstEpoch,
      };
      this.runCorpus = this.corpus;
      this.launch(startLabWorker('gpt-train'), job);
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  protected finished(m: Done, job: StartTraining): void {
    const valLoss = m.reason === 'done' ? this.valLosses.at(-1) : undefined;
    const meta: SavedMeta = { vocab: job.vocab, epochs: m.epochsDone, corpus: this.runCorpus ?? this.corpus };
    if (valLoss !== undefined && Number.isFinite(valLoss)) meta.valLoss = valLoss;
    void this.keep({ artifacts: m.artifacts, meta }, m.reason);
  }

  /** Saves the trained weights; the message says they are saved only once the save was read back. */
  private async keep(saved: Saved, reason: Done['reason']): Promise<void> {
    const run = this.run;
    this.message = '正在把模型保存到本浏览器…';
    try {
      const rt = await this.runtime();
      const outcome = await rt.saveTransformer(saved);
      if (run !== this.run) return;
      if (outcome.ok) this.saved = saved.meta;
      const lost = outcome.ok ? '' : storageNotice(outcome.state, '这个模型');
      this.message = {
        done: outcome.ok ? '训练完成，模型已保存在本浏览器中：下次打开本页可以从它继续训练，上面的生成演示也可以用它。' : `训练完成。${lost}`,
        stopped: outcome.ok ? '已停止：保留了最后一个完整批次之后的权重，并已保存。' : `已停止：保留了最后一个完整批次之后的权重。${lost}`,
        diverged: `训练发散：损失变成了非有限值。已恢复到出错前那一批的权重并停止。${outcome.ok ? '这些权重已保存。' : lost}`,
      }[reason];
      this.saveFailed = !outcome.ok;
    } catch (e) {
      this.message = '';
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  /** Forgets the saved model; training starts from the checkpoint again. */
  async forget(): Promise<void> {
    const rt = await this.runtime();
    await rt.removeSavedTransformer();
    this.saved = null;
    if (this.from === 'saved') this.setFrom('checkpoint');
    this.message = '已删除本浏览器里保存的 Transformer。';
  }

  setCorpus(corpus: CorpusName): void {
    this.corpus = corpus;
    this.error = '';
    this.writeHash();
  }

  setFrom(from: FromName): void {
    this.from = from;
    this.writeHash();
  }

  setField(key: GtrainKey, text: string): void {
    this.text[key] = text;
    const value = checkField(key, text, GTRAIN_RULES, this.fieldErrors);
    if (value === undefined) return;
    this.numbers[key] = value;
    this.writeHash();
  }

  private writeHash(): void {
    replaceHashParams(GTRAIN_PREFIX, encodeGtrain({ corpus: this.corpus, from: this.from, numbers: this.numbers }));
  }

  async copyLink(): Promise<void> {
    this.writeHash();
    this.copyStatus = await copyLink();
  }

  /** How the saved model is described to the reader. */
  get savedLabel(): string {
    const s = this.saved;
    if (!s) return '';
    const corpus = Object.hasOwn(GPT_CORPORA, s.corpus) ? GPT_CORPORA[s.corpus as CorpusName] : s.corpus;
    return `语料：${corpus}，共 ${s.epochs} 轮${s.valLoss !== undefined ? `，验证损失 ${s.valLoss.toFixed(3)}` : ''}`;
  }
}
