/**
 * 附录 A's training widget: the words that describe the model saved in this browser and how a
 * run ended, kept apart from the state so they can be read (and tested) without a browser.
 */
import type { FromWorker } from '../textgen/protocol';
import type { SavedMeta } from '../textgen/saved';
import { GPT_CORPORA, type CorpusName } from './train-settings';

/** How a run ended, as the training worker reports it. */
export type EndReason = Extract<FromWorker, { type: 'done' }>['reason'];

/** How the saved model is described to the reader: its corpus by the name the reader sees, epochs, and validation loss (nats/char) when known. */
export function savedLabel(s: SavedMeta | null | undefined): string {
  if (!s) return '';
  const corpus = Object.hasOwn(GPT_CORPORA, s.corpus) ? GPT_CORPORA[s.corpus as CorpusName] : s.corpus;
  return `语料：${corpus}，共 ${s.epochs} 轮${s.valLoss !== undefined ? `，验证损失 ${s.valLoss.toFixed(3)}` : ''}`;
}

/**
 * The message after a run ended for `reason` and its weights were saved (`saved`), or not, with
 * `lost` saying why not (storageNotice's words). It says "saved" only when the save was read back.
 */
export function endMessage(reason: EndReason, saved: boolean, lost: string): string {
  return {
    done: saved ? '训练完成，模型已保存在本浏览器中：下次打开本页可以从它继续训练，上面的生成演示也可以用它。' : `训练完成。${lost}`,
    stopped: saved ? '已停止：保留了最后一个完整批次之后的权重，并已保存。' : `已停止：保留了最后一个完整批次之后的权重。${lost}`,
    diverged: `训练发散：损失变成了非有限值。已恢复到出错前那一批的权重并停止。${saved ? '这些权重已保存。' : lost}`,
  }[reason];
}

/**
 * The notice when a link asks to continue from the model saved in this browser and none is saved:
 * training goes on from the shipped checkpoint instead, and the reader is told so.
 */
export const NO_SAVED_MODEL = '链接要求从本浏览器保存的模型继续，但本浏览器里没有保存的 Transformer，已改为从本书的 Transformer 检查点继续。';
