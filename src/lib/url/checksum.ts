/**
 * A short checksum that tells a link that arrived whole from one that was cut short or had
 * characters added. Not a defence against tampering: anyone can compute it.
 *
 * FNV-1a, 32 bits, over the UTF-16 code units (Fowler, Noll, Vo: offset basis 2166136261,
 * prime 16777619), written as 7 base-36 digits. A random change passes with odds of 1 in 2³².
 */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}
