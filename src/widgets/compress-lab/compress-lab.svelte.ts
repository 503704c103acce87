/**
 * State of the compression lab: the settings (all in the URL; compress-settings.svelte.ts), and
 * one run over every setting, with progress, a 取消, and the rows as they arrive. The work runs
 * in compress.worker.ts (lib/compress/lab.ts), never on the page's main thread; its messages are
 * checked by lib/compress/protocol.ts.
 */
import type { LabRow } from '../../lib/compress/lab';
import { schemeLabel } from '../../lib/compress/schemes';
import type { BackendName } from '../../lib/nn/backend-names';
import { parseFromWorker, type ToCompressWorker } from '../../lib/compress/protocol';
import { MODEL_LABELS, type CompressSettings, type ModelName } from '../../lib/compress/settings';
import { startLabWorker } from '../shared/lab-worker';
import { CompressSettingsState } from './compress-settings.svelte';

export class CompressLabState extends CompressSettingsState {
  /** Rows of the last run, and the settings they were computed with. */
  rows = $state.raw<LabRow[]>([]);
  rowsFor = $state.raw<CompressSettings | null>(null);
  running = $state(false);
  done = $state(0);
  total = $state(0);
  step = $state('');
  tensors = $state(0);
  /** Held-out characters each setting is scored on, once known. */
  characters = $state(0);

  /** The worker's backend, once it has said. */
  backend = $state<BackendName | null>(null);

  private worker: Worker | undefined;
  /** The job whose messages are taken; others (cancelled) are dropped. */
  private job = 0;

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

  /** Another checkpoint cancels the run under way (its rows would be of the old one). */
  override setModel(model: ModelName): void {
    if (model !== this.settings.model) this.cancel();
    super.setModel(model);
  }
}
