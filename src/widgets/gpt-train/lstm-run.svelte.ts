/**
 * 附录 A's training with 同时训练 5.2 节的 LSTM 作对比 on: the §5.2 LSTM trained on the same text
 * as the Transformer, in the text lab's own worker (startLabWorker('text-lab') runs
 * text-lab/train.worker.ts), through the TrainRun every training in the book uses. It starts from
 * the LSTM's shipped checkpoint, or from scratch when the Transformer does.
 *
 * Never saved: it is there to be compared, and the §5.2 lab's model in IndexedDB
 * (`textlab-<corpus>`) stays as the reader left it. Its failures (a worker that fails, a loss
 * that diverges) end this run only, with a message of its own; the Transformer goes on.
 */
import type { StartTraining } from '../../lib/textgen/protocol';
import { lstmEndMessage } from '../../lib/transformer/train-pair';
import { startLabWorker } from '../shared/lab-worker';
import { TrainRun, type Done } from '../shared/train-run.svelte';

/** What the Transformer's run hands over: the same text, vocabulary, numbers and starting point. */
export interface BesideJob {
  text: string;
  /** The Transformer's vocabulary, which is the LSTM checkpoint's: both read the text alike. */
  vocab: string[];
  epochs: number;
  batchSize: number;
  seed: number;
  fromCheckpoint: boolean;
}

export class LstmRun extends TrainRun {
  message = $state('');
  /** 停止训练 came while the checkpoint was still loading: the run then never starts. */
  private cancelled = false;

  /** The LSTM never reads the widget's fields on its own: the Transformer's run checked them. */
  protected fieldsInvalid(): boolean {
    return false;
  }

  /** Starts the LSTM on `b`; every failure ends in this run's `error`, never in a throw. */
  async begin(b: BesideJob): Promise<void> {
    if (this.status !== 'idle') return;
    this.error = '';
    this.message = '';
    this.notices = [];
    this.cancelled = false;
    this.status = 'preparing';
    try {
      // Loaded on first use; TF.js is already on the page for the Transformer's checkpoint.
      const base = b.fromCheckpoint ? await import('../text-lab/text-runtime').then((rt) => rt.loadCheckpoint()) : null;
      if (this.cancelled) return void (this.status = 'idle');
      const job: StartTraining = {
        type: 'start',
        model: 'lstm',
        text: b.text,
        vocab: base ? base.meta.vocab : b.vocab,
        artifacts: base?.artifacts,
        epochs: b.epochs,
        batchSize: b.batchSize,
        seed: b.seed,
        firstEpoch: base ? Math.floor(base.meta.epochs) : 0,
      };
      this.launch(startLabWorker('text-lab'), job);
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  stop(): void {
    this.cancelled = true;
    super.stop();
  }

  protected finished(m: Done): void {
    this.message = lstmEndMessage(m.reason, m.reason === 'diverged' ? undefined : this.valLosses.at(-1));
  }
}
