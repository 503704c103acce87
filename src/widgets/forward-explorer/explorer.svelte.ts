/**
 * State of the §4.1 forward explorer: the reader's numbers, what is wrong with any of them, and
 * the layer values TF.js computed from the valid ones.
 */
import {
  EXPLORER_DEFAULTS, EXPLORER_PREFIX, EXPLORER_RULES, explainForward, explorerArrays, explorerSpec, type ExplorerKey,
} from '../../lib/nn/explorer';
import type { Activation, OutputFn } from '../../lib/nn/spec';
import { decodeNumbers } from '../../lib/nn/url-numbers';
import { pageBackend } from '../shared/backend.svelte';
import { asText, checkField, copyLink, hashParams, linkDamage, writeHash } from '../shared/link';

const ACTIVATIONS: Activation[] = ['sigmoid', 'tanh', 'relu'];
const OUTPUTS: OutputFn[] = ['identity', 'sigmoid'];

export class ExplorerState {
  values = $state({ ...EXPLORER_DEFAULTS });
  text = $state(asText(EXPLORER_DEFAULTS));
  fieldErrors = $state<Partial<Record<ExplorerKey, string>>>({});
  linkProblems = $state<string[]>([]);
  activation = $state<Activation>('sigmoid');
  output = $state<OutputFn>('identity');
  lines = $state<string[]>([]);
  error = $state('');
  copyStatus = $state('');
  tensors = $state(0);

  constructor() {
    const params = hashParams();
    const { values, problems } = decodeNumbers(params, EXPLORER_PREFIX, EXPLORER_RULES, EXPLORER_DEFAULTS);
    this.values = values;
    this.text = asText(values);
    const act = params.get(`${EXPLORER_PREFIX}.act`);
    const out = params.get(`${EXPLORER_PREFIX}.out`);
    if (act !== null) {
      if ((ACTIVATIONS as string[]).includes(act)) this.activation = act as Activation;
      else problems.push(`未知的激活函数“${act.slice(0, 20)}”。`);
    }
    if (out !== null) {
      if ((OUTPUTS as string[]).includes(out)) this.output = out as OutputFn;
      else problems.push(`未知的输出函数“${out.slice(0, 20)}”。`);
    }
    this.linkProblems = [...linkDamage(), ...problems];
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

  setFunctions(activation: Activation, output: OutputFn): void {
    this.activation = activation;
    this.output = output;
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

export { ACTIVATIONS, OUTPUTS };
