/**
 * 附录 A, 在页面里训练: trains the Transformer in a Web Worker (train.worker.ts) from the shipped
 * checkpoint, from the model this browser saved, or from scratch, on 唐诗, the book or the
 * reader's own text; progress, ETA, curves, pause/resume/stop come from the shared TrainRun.
 * Settings live in the URL (`gtrain.`, settings.svelte.ts); the trained model is saved to IndexedDB
 * under its own key and offered again after a reload. With `compare` on, the §5.2 LSTM trains on
 * the same text beside it (lstm-run.svelte.ts), and is not saved. The metas are small JSON; TF.js loads on 开始训练 only.
 */
import { TEXTGEN_BACKEND_ORDER } from '../../lib/nn/backend-names';
import { storageNotice } from '../../lib/storage/notice';
import { checkFile } from '../../lib/textgen/corpus';
import type { StartTraining } from '../../lib/textgen/protocol';
import type { SavedMeta } from '../../lib/textgen/saved';
import { fromChars } from '../../lib/textgen/vocab';
import { endMessage, NO_SAVED_MODEL, savedLabel } from '../../lib/transformer/train-messages';
import { checkpointRefs, parseMetas, type Metas } from '../../lib/transformer/train-metas';
import { checkGptText, type CorpusName, type FromName } from '../../lib/transformer/train-settings';
import { pageBackend } from '../shared/backend.svelte';
import { BASE } from '../shared/base';
import { onFocus } from '../shared/focus';
import { startLabWorker } from '../shared/lab-worker';
import type { Done } from '../shared/train-run.svelte';
import { peekSavedTransformer } from './peek';
import type { Saved } from './saved';
import { LstmRun } from './lstm-run.svelte';
import { GptTrainSettings } from './settings.svelte';

type Runtime = typeof import('./runtime');

export class GptTrainState extends GptTrainSettings {
  myText = $state('');
  message = $state('');
  saveFailed = $state(false);
  /** The model saved in this browser: undefined until looked up, null when there is none. */
  saved = $state<SavedMeta | null | undefined>(undefined);
  /** The corpus of the run shown, so reference lines appear only beside a 唐诗 run. */
  runCorpus = $state<CorpusName | null>(null);
  metas = $state.raw<Metas | null>(null);
  /** Counts tour requests to show this widget; the component scrolls to it. */
  focusRequests = $state(0);
  /** Why the starting point is not the one the link asked for (a link's 从本浏览器保存的模型继续 with none saved); '' otherwise. */
  fromNotice = $state('');
  /** The §5.2 LSTM trained beside the Transformer when `compare` is on. */
  readonly lstm = new LstmRun();

  private rt: Runtime | undefined;
  private run = 0;
  private unsubscribe: () => void;

  constructor() {
    super();
    this.unsubscribe = onFocus('train', (f) => {
      if (f.compare !== undefined && !this.busy) this.setCompare(f.compare);
      this.focusRequests++;
    });
  }

  /** After hydration: is a trained model saved here? (No TF.js: a read of the store's metadata.) */
  async init(): Promise<void> {
    const saved = await peekSavedTransformer();
    this.saved = saved;
    if (saved && !this.fromInLink && this.from === 'checkpoint') this.from = 'saved';
    if (!saved && this.from === 'saved') {
      this.from = 'checkpoint';
      this.fromNotice = NO_SAVED_MODEL;
    }
    void this.loadMetas().catch(() => {});
  }

  dispose(): void {
    this.unsubscribe();
  }

  /** Either model is training (or getting ready to): the settings and 开始训练 wait for both. */
  get busy(): boolean {
    return this.status !== 'idle' || this.lstm.status !== 'idle';
  }

  setFrom(from: FromName): void {
    this.fromNotice = '';
    super.setFrom(from);
  }

  private async loadMetas(): Promise<Metas> {
    if (this.metas) return this.metas;
    const get = async (dir: string) => {
      const r = await fetch(`${BASE}models/${dir}/meta.json`);
      if (!r.ok) throw new Error(`无法下载 ${dir}/meta.json（HTTP ${r.status}）`);
      return (await r.json()) as unknown;
    };
    const [gpt, lstm] = await Promise.all([get('transformer'), get('poetry').catch(() => null)]);
    this.metas = parseMetas(gpt, lstm);
    return this.metas;
  }

  /** Chart reference lines: the two checkpoints' validation losses, measured on 唐诗's validation characters. */
  get refs(): { label: string; value: number }[] {
    return checkpointRefs(this.metas, this.runCorpus);
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

  async start(): Promise<void> {
    if (this.busy || this.refused()) return;
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
      // Same text, vocabulary and numbers; from scratch only when the Transformer starts from scratch.
      if (this.compare)
        void this.lstm.begin({
          text,
          vocab: metas.vocab,
          epochs: job.epochs,
          batchSize: job.batchSize,
          seed: job.seed,
          fromCheckpoint: this.from !== 'scratch',
        });
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
      this.message = endMessage(reason, outcome.ok, lost);
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

  /** How the saved model is described to the reader. */
  get savedLabel(): string {
    return savedLabel(this.saved);
  }
}
