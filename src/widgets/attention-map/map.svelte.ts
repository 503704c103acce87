/**
 * State of the attention map: the text (the reader's, a link's, the tour's, or continued by the
 * model), its attention weights [layers][heads][T][T], the selected character and the highlighted
 * head, all in the URL under `map.`. The default text's weights come from the build (computed
 * from the checkpoint in Node), so selecting characters needs no TF.js; any other text loads
 * TF.js and the checkpoint on first use.
 */
import { TEXTGEN_BACKEND_ORDER } from '../../lib/nn/backend-names';
import type { Focus } from '../../lib/transformer/focus';
import { MAP_CONTINUE, MAP_PREFIX, MAP_RULES, decodeMapSettings } from '../../lib/transformer/map-settings';
import { checkMapText, shownChar } from '../../lib/transformer/map-text';
import { positionLabels } from '../../lib/transformer/map-positions';
import { pageBackend } from '../shared/backend.svelte';
import { onFocus } from '../shared/focus';
import { checkField, copyLink, hashParams, linkDamage, writeHash } from '../shared/link';
import type { LinkProblem } from '../../lib/url/link-problem';

type Runtime = typeof import('./map-runtime');

/** The build's numbers for the default text. */
export interface MapInitial {
  chars: string[];
  /** [layers][heads][T][T]. */
  maps: number[][][][];
  contextLength: number;
}

const clampIndex = (v: number, n: number) => Math.min(Math.max(0, Math.trunc(v) || 0), Math.max(0, n - 1));

export class AttentionMapState {
  /** The text field's content, as typed. */
  input = $state('');
  chars = $state.raw<string[]>([]);
  /** The text `chars` were read from, as written (an emoji's joiners included): what labels name parts by. */
  source = $state('');
  maps = $state.raw<number[][][][]>([]);
  pos = $state(0);
  layer = $state(0);
  head = $state(0);
  seed = $state(1);
  seedText = $state('1');
  seedError = $state<Partial<Record<'seed', string>>>({});
  notices = $state<string[]>([]);
  error = $state('');
  loading = $state('');
  linkProblems = $state<LinkProblem[]>([]);
  copyStatus = $state('');
  /** What the model wrote last, announced once. */
  written = $state('');
  busy = $state(false);
  tensors = $state(0);
  readonly contextLength: number;

  /** Row `pos` of every head: [layers][heads][0 … pos]; the future positions are left out. */
  rows = $derived(this.maps.map((layer) => layer.map((head) => (head[this.pos] ?? []).slice(0, this.pos + 1))));
  text = $derived(this.chars.join(''));
  /** How each position is shown and named: a code point of 🇨🇳 or é as a part of it (map-positions.ts). */
  labels = $derived(positionLabels(this.chars, this.source));

  private rt: Runtime | undefined;
  /** Counts computations, so only the latest one's result is shown. */
  private ticket = 0;

  constructor(initial: MapInitial) {
    this.contextLength = initial.contextLength;
    this.chars = initial.chars;
    this.source = initial.chars.join('');
    this.maps = initial.maps;
    const { settings, problems } = decodeMapSettings(hashParams());
    this.linkProblems = [...linkDamage(MAP_PREFIX), ...problems];
    this.layer = clampIndex(settings.layer, this.layers);
    this.head = clampIndex(settings.head, this.heads);
    this.seed = settings.seed;
    this.seedText = String(settings.seed);
    this.input = settings.text;
    this.pos = clampIndex(settings.pos, this.chars.length);
    if (typeof window === 'undefined') return;
    if (settings.text !== this.text) {
      this.pos = settings.pos;
      void this.compute(settings.text);
    }
    onFocus('map', (f) => void this.applyFocus(f));
  }

  get layers(): number {
    return this.maps.length;
  }
  get heads(): number {
    return this.maps[0]?.length ?? 0;
  }

  /** What the live region says about the selection: the character, and where the highlighted head looks most. */
  get summary(): string {
    const row = this.rows[this.layer]?.[this.head];
    if (!row?.length) return '';
    const top = row.indexOf(Math.max(...row));
    const name = (i: number) => this.labels[i]?.name ?? '';
    return `选中第 ${this.pos + 1} 个字${name(this.pos)}，它能看到前面 ${this.pos + 1} 个位置（含自己）。第 ${this.layer + 1} 层头 ${this.head + 1} 给第 ${top + 1} 个字${name(top)}的权重最大：${row[top].toFixed(2)}。`;
  }

  private async runtime(): Promise<Runtime> {
    await pageBackend.runtime(TEXTGEN_BACKEND_ORDER);
    this.rt ??= await import('./map-runtime');
    return this.rt;
  }

  /**
   * Checks `raw`, then computes its attention maps; bad text leaves the map as it was and says why.
   * The field keeps the reader's text as typed (a family emoji with its joiners, a text past the
   * context): the notices say how the model reads it. `show` puts the text read into the field
   * (the model's continuation).
   */
  async compute(raw: string, show = false): Promise<void> {
    const first = checkMapText(raw, this.contextLength);
    if (!first.ok) {
      this.notices = [`${first.message}图中仍是上一段文字。`];
      return;
    }
    // The notices follow the new text at once (cut to the context, dropped characters): none about the last text outlives it.
    this.notices = first.notices;
    const ticket = ++this.ticket;
    this.busy = true;
    this.error = '';
    this.loading = '正在加载模型并计算注意力…';
    try {
      const rt = await this.runtime();
      const ck = await rt.loadCheckpoint();
      const checked = checkMapText(raw, ck.config.contextLength, ck.vocab);
      if (!checked.ok || ticket !== this.ticket) return;
      const maps = rt.maps(ck, checked.ids);
      if (ticket !== this.ticket) return;
      this.maps = maps;
      this.chars = checked.chars;
      this.source = raw;
      this.notices = checked.notices;
      if (show) this.input = checked.text;
      this.pos = clampIndex(this.pos, this.chars.length);
      this.tensors = rt.memory().numTensors;
      this.writeHash();
    } catch (e) {
      this.error = `无法计算注意力：${e instanceof Error ? e.message : String(e)}`;
    } finally {
      if (ticket === this.ticket) {
        this.busy = false;
        this.loading = '';
      }
    }
  }

  /** 让模型续写: MAP_CONTINUE.chars more characters (fewer near the context length), then their map. */
  async continueText(): Promise<void> {
    if (this.busy) return;
    const room = this.contextLength - this.chars.length;
    if (room <= 0) {
      this.notices = [`文字已有 ${this.chars.length} 个字，到了模型的上下文长度，不能再续写。可以先删掉一些字。`];
      return;
    }
    this.busy = true;
    this.loading = '模型正在续写…';
    this.error = '';
    try {
      const rt = await this.runtime();
      const ck = await rt.loadCheckpoint();
      const written = await rt.continueText(ck, this.text, Math.min(MAP_CONTINUE.chars, room), MAP_CONTINUE.temperature, this.seed);
      this.busy = false;
      this.pos = this.chars.length + [...written].length - 1;
      await this.compute(this.text + written, true);
      this.written = `模型续写了 ${[...written].length} 个字：${[...written].map(shownChar).join('')}`;
    } catch (e) {
      this.error = `续写失败：${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.busy = false;
      this.loading = '';
    }
  }

  /** Selects position `i` (clamped to the text). */
  select(i: number): void {
    this.pos = clampIndex(i, this.chars.length);
    this.writeHash();
  }

  highlight(layer: number, head: number): void {
    this.layer = clampIndex(layer, this.layers);
    this.head = clampIndex(head, this.heads);
    this.writeHash();
  }

  setSeed(text: string): void {
    this.seedText = text;
    const value = checkField('seed', text, MAP_RULES, this.seedError);
    if (value === undefined) return;
    this.seed = value;
    this.writeHash();
  }

  /** The tour asks for this text, character and head, as if the reader had chosen them. */
  async applyFocus(f: Extract<Focus, { widget: 'map' }>): Promise<void> {
    if (f.layer !== undefined || f.head !== undefined) this.highlight(f.layer ?? this.layer, f.head ?? this.head);
    if (f.text !== undefined && f.text !== this.text) {
      this.input = f.text;
      if (f.position !== undefined) this.pos = f.position;
      await this.compute(f.text);
    } else if (f.position !== undefined) this.select(f.position);
  }

  private writeHash(): void {
    writeHash({ text: this.text, pos: this.pos, layer: this.layer, head: this.head, seed: this.seed }, MAP_PREFIX);
  }

  async copyLink(): Promise<void> {
    this.writeHash();
    this.copyStatus = await copyLink();
  }
}
