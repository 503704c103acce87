/**
 * 在本页训练: trains the model for the chosen corpus in a Web Worker, with progress, ETA, loss
 * curves and a sample after each epoch; pause, resume and stop; the result is saved to
 * IndexedDB and taken into use. A reader's own text is checked before anything starts.
 */
import { checkFile, checkText } from '../../lib/textgen/corpus';
import type { StartTraining } from '../../lib/textgen/protocol';
import type { TextgenKey } from '../../lib/textgen/settings';
import { storageNotice } from '../../lib/storage/notice';
import { buildVocab } from '../../lib/textgen/vocab';
import { BASE } from '../shared/base';
import { TrainRun, type Done } from '../shared/train-run.svelte';
import type { TextLabState } from './text-lab.svelte';
import type { Saved } from './text-runtime';
import { startLabWorker } from '../shared/lab-worker';

export type { TrainStatus } from '../shared/train-run.svelte';

/** The lab's fields a training run reads (the others only matter to 生成). */
export const TRAIN_KEYS = ['epochs', 'batch', 'seed'] as const satisfies readonly TextgenKey[];

export class TextTrainState extends TrainRun {
  from = $state<'checkpoint' | 'scratch'>('checkpoint');
  myText = $state('');
  message = $state('');
  /** The last trained model could not be saved (the message says why). */
  saveFailed = $state(false);

  /** Counts trainings started, so a slow save does not overwrite a newer training's message. */
  private run = 0;

  constructor(private readonly lab: TextLabState) {
    super();
  }

  /** A .txt file chosen by the reader: checked as bytes, then kept as text. */
  async loadFile(file: File): Promise<void> {
    const r = checkFile(new Uint8Array(await file.arrayBuffer()));
    this.error = r.ok ? '' : r.message;
    this.notices = r.ok ? r.notices : [];
    if (r.ok) this.myText = r.text;
  }

  private async corpusText(): Promise<string | null> {
    if (this.lab.corpus === 'mine') {
      const r = checkText(this.myText);
      if (!r.ok) {
        this.error = r.message;
        return null;
      }
      this.notices = r.notices;
      return r.text;
    }
    const file = this.lab.corpus === 'poetry' ? 'poetry.txt' : 'book.txt';
    const response = await fetch(`${BASE}corpora/${file}`);
    if (!response.ok) throw new Error(`无法下载语料（HTTP ${response.status}）`);
    return response.text();
  }

  /** 训练轮数, 批大小 and the lab's 随机种子: what a run reads from the fields. */
  protected fieldsInvalid(): boolean {
    return TRAIN_KEYS.some((k) => this.lab.fieldErrors[k] !== undefined);
  }

  async start(): Promise<void> {
    if (this.status !== 'idle' || this.refused()) return;
    this.error = '';
    this.message = '';
    this.saveFailed = false;
    this.run++;
    this.status = 'preparing';
    try {
      const text = await this.corpusText();
      if (text === null) return void (this.status = 'idle');
      // Only the 唐诗 model has weights to continue from before any training in this page.
      const continuing = this.from === 'checkpoint' && this.lab.corpus === 'poetry' && (await this.lab.ensureModel()) && this.lab.current;
      const base = continuing ? this.lab.current : null;
      const job: StartTraining = {
        type: 'start',
        model: 'lstm',
        text,
        vocab: base ? base.meta.vocab : buildVocab(text).vocab.chars,
        artifacts: base ? { ...base.artifacts, weightData: (base.artifacts.weightData as ArrayBuffer).slice(0) } : undefined,
        epochs: this.lab.numbers.epochs,
        batchSize: this.lab.numbers.batch,
        seed: this.lab.numbers.seed,
        firstEpoch: base ? base.meta.epochs : 0,
      };
      this.lab.error = '';
      this.launch(startLabWorker('text-lab'), job);
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  protected finished(m: Done, job: StartTraining): void {
    void this.keep({ artifacts: m.artifacts, meta: { vocab: job.vocab, epochs: m.epochsDone, corpus: this.lab.corpus } }, m.reason);
  }

  /**
   * Takes the trained weights into use, then saves them; the message says they are saved only
   * once the save has been read back, and says plainly when they were not.
   */
  private async keep(saved: Saved, reason: 'done' | 'stopped' | 'diverged'): Promise<void> {
    const run = this.run;
    this.message = '正在把模型保存到本浏览器…';
    try {
      const rt = await this.lab.runtime();
      this.lab.use(saved, `在本页训练的模型（共 ${saved.meta.epochs} 轮）`);
      const outcome = await rt.save(this.lab.corpus, saved);
      if (run !== this.run) return; // a new training has started; its own message will follow
      const lost = outcome.ok ? '' : storageNotice(outcome.state, '这个模型');
      this.message = {
        done: outcome.ok ? '训练完成，模型已保存在本浏览器中，下次打开本页会自动载入。' : `训练完成。${lost}`,
        stopped: outcome.ok ? '已停止：保留了最后一个完整批次之后的权重，并已保存。' : `已停止：保留了最后一个完整批次之后的权重。${lost}`,
        diverged: `训练发散：损失变成了非有限值。已恢复到出错前那一批的权重并停止。${lost}`,
      }[reason];
      this.saveFailed = !outcome.ok;
    } catch (e) {
      this.message = '';
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }
}
