/**
 * State of the §4.1 forward explorer: the reader's numbers, what is wrong with any of them, and
 * the layer values TF.js computed from the valid ones.
 */
import {
  EXPLORER_DEFAULTS,
  EXPLORER_FIELDS,
  EXPLORER_PREFIX,
  EXPLORER_RULES,
  explainForward,
  explorerArrays,
  explorerSpec,
  type ExplorerKey,
} from '../../lib/nn/explorer';
import type { Activation, OutputFn } from '../../lib/nn/spec';
import { decodeFields } from '../../lib/nn/url-fields';
import { pageBackend } from '../shared/backend.svelte';
import { asText, checkField, copyLink, hashParams, linkDamage, writeHash } from '../shared/link';
import type { LinkProblem } from '../../lib/url/link-problem';

export class ExplorerState {
  values = $state({ ...EXPLORER_DEFAULTS });
  text = $state(asText(EXPLORER_DEFAULTS));
  fieldErrors = $state<Partial<Record<ExplorerKey, string>>>({});
  linkProblems = $state<LinkProblem[]>([]);
  activation = $state<Activation>('sigmoid');
  output = $state<OutputFn>('identity');
  lines = $state<string[]>([]);
  error = $state('');
  copyStatus = $state('');
  tensors = $state(0);

  constructor() {
    const { values, problems } = decodeFields(hashParams(), EXPLORER_PREFIX, EXPLORER_FIELDS);
    const { act, out, ...numbers } = values;
    this.values = { ...EXPLORER_DEFAULTS, ...numbers };
    this.text = asText(this.values);
    if (act) this.activation = act;
    if (out) this.output = out;
    this.linkProblems = [...linkDamage(EXPLORER_PREFIX), ...problems];
  }

  /** Loads TF.js on first use and recomputes every layer from the current valid numbers. */
  async compute(): Promise<void> {
    try {
      const lib = await pageBackend.runtime();
      await pageBackend.recover(lib);
      const { x, W, b } = explorerArrays(this.values);
      const forward = () => {
        const params = lib.network.paramsFrom(W, b);
        const t = lib.trace.forwardValues(explorerSpec(this.activation, this.output), params, x);
        lib.network.disposeParams(params);
        return t;
      };
      let t = forward();
      // Numbers read back from a lost WebGL context are meaningless: recompute on the fallback.
      if (await pageBackend.recover(lib)) t = forward();
      this.lines = explainForward(this.values, t, this.activation, this.output);
      this.tensors = lib.memory().numTensors;
      this.error = '';
    } catch (e) {
      this.error = `计算失败：${e instanceof Error ? e.message : String(e)}`;
    }
  }

  setField(key: ExplorerKey, text: string): void {
    this.text[key] = text;
    const value = checkField(key, text, EXPLORER_RULES, this.fieldErrors);
    if (value === undefined) return;
    this.values[key] = value;
    this.changed();
  }

  /** The σ select changed: its text goes through the same parser as a link's `fx.act`. */
  setActivation(text: string): void {
    const r = EXPLORER_FIELDS.act(text);
    if (!r.ok) return;
    this.activation = r.value;
    this.changed();
  }

  /** The f select changed (`fx.out` in a link). */
  setOutput(text: string): void {
    const r = EXPLORER_FIELDS.out(text);
    if (!r.ok) return;
    this.output = r.value;
    this.changed();
  }

  private changed(): void {
    writeHash({ ...this.values, act: this.activation, out: this.output }, EXPLORER_PREFIX);
    void this.compute();
  }

  async copyLink(): Promise<void> {
    writeHash({ ...this.values, act: this.activation, out: this.output }, EXPLORER_PREFIX);
    this.copyStatus = await copyLink();
  }
}
