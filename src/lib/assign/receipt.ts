/**
 * The completion receipt: what was done and when, with a SHA-256 checksum over exactly that
 * content. The checksum shows the file was not edited by accident after it was made; it cannot
 * prove honesty, since the student's browser made it, and the receipt says so.
 */
import type { Assignment } from './codec';
import type { ItemStatus } from './status';

export const DISCLAIMER = '本回执由学生自己的浏览器生成，内容为自我报告，不能防止篡改；校验值只用于发现文件在生成后被意外改动。';

export interface Receipt {
  assignment: { title: string; due: string; link: string };
  generatedAt: string;
  items: { kind: string; id: string; done: boolean; at: string | null; attempts: number | null }[];
  summary: { done: number; total: number };
  disclaimer: string;
  /** SHA-256 (hex) of the JSON of every field above, in this order. */
  checksum: string;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function makeReceipt(a: Assignment, link: string, status: ItemStatus[], now = new Date()): Promise<Receipt> {
  const body = {
    assignment: { title: a.title, due: a.due, link },
    generatedAt: now.toISOString(),
    items: status.map((s) => ({ kind: s.item.k, id: s.item.id, done: s.done, at: s.at ?? null, attempts: s.attempts ?? null })),
    summary: { done: status.filter((s) => s.done).length, total: status.length },
    disclaimer: DISCLAIMER,
  };
  return { ...body, checksum: await sha256(JSON.stringify(body)) };
}

/** Recomputes the checksum: true when the receipt is as it was generated. */
export async function verifyReceipt(r: Receipt): Promise<boolean> {
  const { checksum, ...body } = r;
  return (await sha256(JSON.stringify(body))) === checksum;
}
