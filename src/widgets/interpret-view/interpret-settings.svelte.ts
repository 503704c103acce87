/**
 * The interpretability view's settings as the reader edits them: the fields (text, unit, class,
 * character), their drafts and errors, what the link said and repaired, and the link itself (all
 * settings live in the URL). The analysis that reads them is interpret-view.svelte.ts's.
 */
import {
  checkWhyText,
  decodeWhy,
  encodeWhy,
  SOURCE_LABELS,
  WHY_FIELDS,
  WHY_PREFIX,
  type Repairable,
  type Source,
  type WhySettings,
} from '../../lib/interpret/settings';
import type { CharClass } from '../../lib/interpret/units';
import { copyLink, hashParams, linkDamage, replaceHashParams } from '../shared/link';
import type { LinkProblem } from '../../lib/url/link-problem';

type FieldName = 'text' | 'unit' | 'ch';

export class InterpretSettingsState {
  settings = $state<WhySettings>(decodeWhy(new URLSearchParams()).settings);
  /** What the fields show, as typed (a refused value stays visible beside its message). */
  drafts = $state<Record<FieldName, string>>({ text: '', unit: '', ch: '' });
  fieldErrors = $state<Partial<Record<FieldName, string>>>({});
  linkProblems = $state<LinkProblem[]>([]);
  /** What was changed in the link's applied values; each goes once the reader edits that field. */
  linkRepairs = $state<Partial<Record<Repairable, string>>>({});
  /** How the text was changed when it was entered (dropped characters, cut to length). */
  textNotices = $state<string[]>([]);
  status = $state('');
  error = $state('');
  copyStatus = $state('');

  constructor() {
    const { settings, problems, repairs } = decodeWhy(hashParams());
    this.settings = settings;
    this.drafts = { text: settings.text, unit: String(settings.unit), ch: settings.ch };
    this.linkProblems = [...linkDamage(WHY_PREFIX), ...problems];
    this.linkRepairs = repairs;
  }

  /** The hidden units of the model analysed, once an analysis is shown (the analysis overrides this). */
  protected analysedUnits(): number | undefined {
    return undefined;
  }

  /** A unit beyond the analysed model's units (a link's, or a smaller trained model) is flagged, not clamped. */
  protected checkUnit(): void {
    const units = this.analysedUnits();
    if (units !== undefined && this.settings.unit >= units) this.fieldErrors.unit = `这个模型只有 ${units} 个隐藏单元（编号 0 到 ${units - 1}）。`;
    else if (this.fieldErrors.unit?.startsWith('这个模型')) delete this.fieldErrors.unit;
  }

  setSource(src: Source): void {
    this.settings.src = src;
    this.error = '';
    this.status = `模型来源：${SOURCE_LABELS[src]}。请按“分析”。`;
    this.writeHash();
  }

  setText(raw: string): void {
    this.drafts.text = raw;
    this.error = '';
    delete this.linkRepairs.text;
    // The same rule as WHY_FIELDS.text (a link's `why.text`), with its notices kept for the reader.
    const r = checkWhyText(raw);
    if (!r.ok) {
      this.fieldErrors.text = r.message;
      this.textNotices = [];
      return;
    }
    delete this.fieldErrors.text;
    this.textNotices = r.notices;
    this.settings.text = r.text;
    // The field keeps the reader's text as typed (a family emoji's joiners, a text past MAX_TEXT), as the
    // attention map's does: the notices say what is read of it, and the analysis shows exactly that.
    this.writeHash();
  }

  /** The unit field or slider changed; the same rule as a link's `why.unit`. */
  setUnit(text: string): void {
    this.drafts.unit = text;
    delete this.linkRepairs.unit;
    const r = WHY_FIELDS.unit(text);
    if (!r.ok) {
      this.fieldErrors.unit = r.message;
      return;
    }
    delete this.fieldErrors.unit;
    this.settings.unit = r.value;
    this.checkUnit();
    this.writeHash();
  }

  /** Shows a unit from the ranking, and says so. */
  pickUnit(unit: number): void {
    this.setUnit(String(unit));
    this.status = `已选中隐藏单元 ${unit}。`;
  }

  setClass(cls: CharClass): void {
    this.settings.cls = cls;
    this.writeHash();
  }

  setChar(raw: string): void {
    this.drafts.ch = raw;
    const r = WHY_FIELDS.ch(raw);
    if (!r.ok) {
      this.fieldErrors.ch = r.message;
      return;
    }
    delete this.fieldErrors.ch;
    this.settings.ch = r.value;
    this.writeHash();
  }

  private writeHash(): void {
    replaceHashParams(WHY_PREFIX, encodeWhy(this.settings));
  }

  async copyLink(): Promise<void> {
    this.writeHash();
    this.copyStatus = await copyLink();
  }
}
