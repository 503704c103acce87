/**
 * 附录 A, 在页面里训练: the widget's settings (corpus, starting point, epochs, batch, seed, and
 * whether the §5.2 LSTM trains beside the Transformer) as the
 * reader edits them and as they live in the URL (`gtrain.`). A link's problems are kept to show;
 * a field showing its error keeps 开始训练 from starting (fieldsInvalid). The run itself is
 * GptTrainState's (gpt-train.svelte.ts), which extends this class.
 */
import { decodeGtrain, encodeGtrain, GTRAIN_PREFIX, GTRAIN_RULES, type CorpusName, type FromName, type GtrainKey } from '../../lib/transformer/train-settings';
import type { LinkProblem } from '../../lib/url/link-problem';
import { asText, checkField, copyLink, hashParams, linkDamage, replaceHashParams } from '../shared/link';
import { TrainRun } from '../shared/train-run.svelte';

export abstract class GptTrainSettings extends TrainRun {
  corpus = $state<CorpusName>('poetry');
  from = $state<FromName>('checkpoint');
  /** 同时训练 5.2 节的 LSTM 作对比 (`gtrain.cmp`). */
  compare = $state(false);
  numbers = $state(decodeGtrain(new URLSearchParams()).settings.numbers);
  text = $state(asText(this.numbers));
  fieldErrors = $state<Partial<Record<GtrainKey, string>>>({});
  linkProblems = $state<LinkProblem[]>([]);
  copyStatus = $state('');

  /** Whether the link named the starting point (and it was valid): then a saved model does not replace it. */
  protected readonly fromInLink: boolean;

  constructor() {
    super();
    const params = hashParams();
    const { settings, problems } = decodeGtrain(params);
    this.corpus = settings.corpus;
    this.from = settings.from;
    this.compare = settings.compare;
    this.numbers = settings.numbers;
    this.text = asText(settings.numbers);
    this.linkProblems = [...linkDamage(GTRAIN_PREFIX), ...problems];
    this.fromInLink = params.has(`${GTRAIN_PREFIX}.from`) && !problems.some((p) => p.text.includes('起点'));
  }

  protected fieldsInvalid(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }

  setCorpus(corpus: CorpusName): void {
    this.corpus = corpus;
    this.error = '';
    this.writeHash();
  }

  setFrom(from: FromName): void {
    this.from = from;
    this.writeHash();
  }

  setCompare(on: boolean): void {
    this.compare = on;
    this.writeHash();
  }

  setField(key: GtrainKey, text: string): void {
    this.text[key] = text;
    const value = checkField(key, text, GTRAIN_RULES, this.fieldErrors);
    if (value === undefined) return;
    this.numbers[key] = value;
    this.writeHash();
  }

  protected writeHash(): void {
    replaceHashParams(GTRAIN_PREFIX, encodeGtrain({ corpus: this.corpus, from: this.from, numbers: this.numbers, compare: this.compare }));
  }

  async copyLink(): Promise<void> {
    this.writeHash();
    this.copyStatus = await copyLink();
  }
}
