/**
 * State of the scale calculator (§2.1, §10.1, §10.2): the model chosen (a preset or a custom
 * Transformer), the training run's tokens and hardware, and the report computed from them.
 * Every setting is in the URL hash under `scale.`; fields and links share one parser each.
 */
import { decodeFields } from '../../lib/nn/url-fields';
import { presetById } from '../../lib/scale/presets';
import { defaultTokens, scaleReport } from '../../lib/scale/report';
import { SCALE_DEFAULTS, SCALE_FIELDS, SCALE_PREFIX, SHAPE_KEYS, type ScaleKey, type ScaleSettings } from '../../lib/scale/settings';
import { trailingCut } from '../../lib/url/trailing';
import { asText, copyLink, hashParams, linkDamage, writeHash } from '../shared/link';
import type { LinkProblem } from '../../lib/url/link-problem';

export class ScaleState {
  values = $state<ScaleSettings>({ ...SCALE_DEFAULTS });
  text = $state<Record<ScaleKey, string>>(asText<ScaleKey>(SCALE_DEFAULTS));
  fieldErrors = $state<Partial<Record<ScaleKey, string>>>({});
  linkProblems = $state<LinkProblem[]>([]);
  /** What the link repair dropped from a hand-typed link (a glued-on 。 or ）), said rather than done silently. */
  linkNotices = $state<string[]>([]);
  copyStatus = $state('');

  /**
   * Fields with an error that matters for the current model (the shape only counts for `custom`).
   * While any is listed, no result is shown: results from the last valid values would be stale.
   */
  blocking = $derived(Object.keys(this.fieldErrors).filter((k) => this.values.m === 'custom' || !(SHAPE_KEYS as readonly string[]).includes(k)));
  result = $derived(scaleReport(this.values));

  constructor() {
    const hash = typeof location === 'undefined' ? '' : location.hash;
    const { values, problems, notices } = decodeFields(hashParams(), SCALE_PREFIX, SCALE_FIELDS, trailingCut(hash));
    const preset = values.m === undefined ? undefined : presetById(values.m);
    // A link that picks a preset without D trains it on the preset's own tokens.
    const D = values.D ?? (preset ? defaultTokens(preset.params, preset.tokens) : SCALE_DEFAULTS.D);
    this.values = { ...SCALE_DEFAULTS, D, ...values };
    this.text = asText<ScaleKey>(this.values);
    this.linkProblems = [...linkDamage(SCALE_PREFIX, { trailing: false }), ...problems];
    this.linkNotices = notices;
  }

  /** A typed field changed: checked by the same rule a link's value is. */
  setField(key: ScaleKey, text: string): void {
    this.text[key] = text;
    const parsed = SCALE_FIELDS[key](text);
    if (!parsed.ok) {
      this.fieldErrors[key] = parsed.message;
      return;
    }
    delete this.fieldErrors[key];
    this.values[key] = parsed.value;
    this.save();
  }

  /** The model menu changed: a preset also sets D to its published tokens (else 20·N). */
  setModel(id: string): void {
    const r = SCALE_FIELDS.m(id);
    if (!r.ok) return;
    this.values.m = r.value;
    const preset = presetById(r.value);
    if (preset) {
      this.values.D = defaultTokens(preset.params, preset.tokens);
      this.text.D = String(this.values.D);
      delete this.fieldErrors.D;
    }
    this.save();
  }

  setAccelerator(id: string): void {
    const r = SCALE_FIELDS.g(id);
    if (!r.ok) return;
    this.values.g = r.value;
    this.save();
  }

  private save(): void {
    writeHash({ ...this.values }, SCALE_PREFIX);
  }

  async copyLink(): Promise<void> {
    this.save();
    this.copyStatus = await copyLink();
  }
}
