/**
 * The one rule for text longer than the Transformer's context length T_max, shared by every
 * widget that feeds it text (the attention map, the generation lab): the model keeps the LAST
 * T_max characters, because that is what generation conditions on — each new character is
 * predicted from the T_max before it (textgen/generate.ts `context`), and the earlier ones fall
 * out of the window. The notice says which part was kept and how much was left out.
 */

/**
 * The last `contextLength` entries of `chars` (code points or ids; all of them when there are no
 * more than that), and how many earlier ones were left out. `contextLength` below 1 is read as 1.
 */
export function lastInContext<T>(chars: readonly T[], contextLength: number): { kept: T[]; dropped: number } {
  const limit = Math.max(1, Math.floor(contextLength));
  const dropped = Math.max(0, chars.length - limit);
  return { kept: chars.slice(dropped), dropped };
}

/**
 * What the reader is told when `what` (开头文字, 文字) has `total` characters, more than
 * `contextLength`: the model reads only the last ones, and how many earlier ones it cannot see.
 */
export function contextNotice(what: string, total: number, contextLength: number): string {
  const limit = Math.max(1, Math.floor(contextLength));
  return `${what}有 ${total} 个字符，超过了 Transformer 的上下文长度 ${limit}：模型只读最后 ${limit} 个字符，前面的 ${total - limit} 个它看不到。`;
}
