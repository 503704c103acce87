/**
 * The attention stepper's model, loaded on first use: TF.js (the page's runtime), the shipped
 * checkpoint read by att-runtime.ts, and the steps' equation templates. Its shape (layers, heads)
 * and vocabulary are state the view reads; AttentionStepperState (attention.svelte.ts) extends
 * this class and computes the steps.
 */
import type { StepTemplate } from '../../lib/nn/explain-tex';
import { TANG_GPT } from '../../lib/transformer/config';
import { pageBackend } from '../shared/backend.svelte';
import { BASE } from '../shared/base';
import type { StepperModel } from './att-runtime';

type Runtime = typeof import('./att-runtime');

export abstract class AttentionModel {
  loading = $state('');
  /** Layers and heads of the model (the shipped shape until the checkpoint says otherwise). */
  layers = $state(TANG_GPT.layers);
  heads = $state(TANG_GPT.heads);
  /** The model's vocabulary, vocab[id]; empty until the checkpoint has loaded. */
  vocab = $state.raw<string[]>([]);
  templates = $state.raw<StepTemplate[] | null>(null);

  protected rt: Runtime | undefined;
  protected model: StepperModel | undefined;
  private loadingModel: Promise<StepperModel> | undefined;

  /** Loads TF.js, the equations and the checkpoint, once; later calls share the first load. */
  protected async ensure(): Promise<StepperModel> {
    if (this.model) return this.model;
    this.loadingModel ??= (async () => {
      this.loading = '正在加载 TF.js 和模型…';
      void this.loadTemplates();
      await pageBackend.runtime();
      this.rt = await import('./att-runtime');
      const model = await this.rt.loadModel();
      this.layers = model.config.layers;
      this.heads = model.config.heads;
      this.vocab = model.vocab;
      this.model = model;
      return model;
    })();
    try {
      return await this.loadingModel;
    } catch (e) {
      this.loadingModel = undefined;
      throw e;
    } finally {
      this.loading = '';
    }
  }

  private async loadTemplates(): Promise<void> {
    try {
      const response = await fetch(`${BASE}widgets/attention-steps.json`);
      if (response.ok) this.templates = await response.json();
    } catch {
      // Offline or blocked: the plain-text lines are complete on their own.
    }
  }
}
