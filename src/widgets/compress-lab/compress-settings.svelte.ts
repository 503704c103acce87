/**
 * The compression lab's settings as the reader edits them: which checkpoint, the pruning sparsity
 * and the prompt, their fields and errors, what the prompt's characters are to the models, and
 * the link (all settings live in the URL). The run that reads them is compress-lab.svelte.ts's.
 */
import { FIX_FIELDS_FIRST } from '../../lib/parse/fields';
import {
  COMPRESS_DEFAULTS,
  COMPRESS_FIELDS,
  COMPRESS_PREFIX,
  decodeCompress,
  encodeCompress,
  promptWarning,
  unknownChars,
  type CompressSettings,
  type ModelName,
} from '../../lib/compress/settings';
import { checkField, copyLink, hashParams, linkDamage, replaceHashParams } from '../shared/link';
import { unknownNotice } from '../../lib/transformer/map-text';
import { refusalLine } from '../shared/refuse';
import { promptVocab } from './prompt-vocab';
import type { LinkProblem } from '../../lib/url/link-problem';

export class CompressSettingsState {
  settings = $state<CompressSettings>(decodeCompress(new URLSearchParams()).settings);
  spText = $state(String(this.settings.sp));
  /**
   * What the prompt field shows, as typed: a refused text stays visible beside its message, and
   * `settings.prompt` (what a run reads, and the link) changes only when the text is taken.
   */
  promptDraft = $state(this.settings.prompt);
  fieldErrors = $state<{ sp?: string; prompt?: string }>({});
  linkProblems = $state<LinkProblem[]>([]);
  /** Announced through the aria-live region: started, finished, cancelled. */
  status = $state('');
  error = $state('');
  copyStatus = $state('');
  /** The prompt's characters outside the vocabulary, and for which prompt: found when the prompt is taken, and by each run. */
  unknown = $state.raw<{ prompt: string; chars: string[] }>({ prompt: '', chars: [] });
  /**
   * A broken or invisible character in the prompt, and (once the prompt is taken or a run has
   * read it) characters the models read as <unk>: said as the other text widgets say them
   * (transformer/map-text.ts).
   */
  promptNotice = $derived(
    [
      promptWarning(this.settings.prompt),
      this.unknown.prompt === this.settings.prompt && this.unknown.chars.length ? unknownNotice(this.unknown.chars, this.settings.prompt) : null,
    ]
      .filter(Boolean)
      .join(''),
  );

  constructor() {
    const { settings, problems } = decodeCompress(hashParams());
    this.settings = settings;
    this.spText = String(settings.sp);
    this.promptDraft = settings.prompt;
    this.linkProblems = [...linkDamage(COMPRESS_PREFIX), ...problems];
    // A linked prompt is taken as a typed one is; the default one is all in the vocabulary.
    if (settings.prompt !== COMPRESS_DEFAULTS.prompt) this.findUnknown();
  }

  /**
   * Names the prompt's characters outside the current checkpoint's vocabulary, once its
   * meta.json is here (no TF.js, no worker). Dropped if the prompt changed meanwhile; when the file
   * cannot be read, nothing is said here (a run reports the download itself).
   */
  private findUnknown(): void {
    const prompt = this.settings.prompt;
    promptVocab(this.settings.model).then(
      (vocab) => {
        if (this.settings.prompt === prompt) this.unknown = { prompt, chars: unknownChars(prompt, vocab) };
      },
      () => {},
    );
  }

  /**
   * True, with the refusal shown, while a field shows its error: 评估全部设置 then does not run
   * with the field's last good value (the view focuses the first marked field). Once the fields
   * are valid again the refusal goes; any other error stays.
   */
  refused(): boolean {
    const bad = Boolean(this.fieldErrors.sp || this.fieldErrors.prompt);
    this.error = refusalLine(bad, this.error);
    return bad;
  }

  /** Another checkpoint; the prompt's characters are looked up in its vocabulary. */
  setModel(model: ModelName): void {
    this.settings.model = model;
    this.findUnknown();
    this.writeHash();
  }

  /** The sparsity field changed; the same rule as a link's `zip.sp`. */
  setSparsity(text: string): void {
    this.spText = text;
    const sp = checkField('sp', text, COMPRESS_FIELDS, this.fieldErrors);
    if (sp === undefined) return;
    if (this.error === FIX_FIELDS_FIRST) this.refused();
    this.settings.sp = sp;
    this.writeHash();
  }

  /** The prompt field changed; the same rule as a link's `zip.prompt`. */
  setPrompt(text: string): void {
    this.promptDraft = text;
    const prompt = checkField('prompt', text, COMPRESS_FIELDS, this.fieldErrors);
    if (prompt === undefined) return;
    if (this.error === FIX_FIELDS_FIRST) this.refused();
    this.settings.prompt = prompt;
    this.promptDraft = prompt;
    this.findUnknown();
    this.writeHash();
  }

  private writeHash(): void {
    replaceHashParams(COMPRESS_PREFIX, encodeCompress(this.settings));
  }

  async copyLink(): Promise<void> {
    this.writeHash();
    this.copyStatus = await copyLink();
  }
}
