/**
 * An assignment travels entirely in its link: versioned JSON, compressed with lz-string into
 * URL-safe text (`#a=1.<data>`). Decoding never throws and never trusts the link: sizes are
 * capped before and after decompression, every field is checked, ids must look like ours, and
 * ids the book does not have come back as "missing" rather than failing the whole assignment.
 */
import LZString from 'lz-string';

// lz-string is CommonJS: Node's ES-module loader (the build) only sees its default export.
const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

export const ASSIGN_VERSION = 1;
/** A link this long is not one our builder made (a full-book assignment is a few KB). */
export const MAX_ENCODED = 16 * 1024;
const MAX_JSON = 64 * 1024;

export type Item =
  | { k: 'sec'; id: string }
  | { k: 'para'; id: string; ch: number }
  | { k: 'ex'; id: string }
  | { k: 'task'; id: string; preset?: string };

export interface Assignment {
  title: string;
  /** YYYY-MM-DD, or empty. */
  due: string;
  notes: string;
  items: Item[];
}

export interface Known {
  sections: Set<string>;
  exercises: Set<string>;
  tasks: Set<string>;
}

export type Decoded = { ok: true; assignment: Assignment; missing: string[] } | { ok: false; message: string };

const PATTERN = { sec: /^sec-\d{1,2}(-\d{1,2})?$/, para: /^[pfm]-[0-9a-z]{7}(-\d{1,3})?$/, ex: /^ex-\d{1,2}-\d{1,2}$/, task: /^ex-\d{1,2}-\d{1,2}$/ };
/** A widget preset is only ever used as our own page's #fragment: URL-parameter characters only. */
const PRESET = /^[\w.=&%+~-]{0,500}$/;

export function encodeAssignment(a: Assignment): string {
  return `${ASSIGN_VERSION}.${compressToEncodedURIComponent(JSON.stringify({ v: ASSIGN_VERSION, ...a }))}`;
}

const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null);

function item(raw: unknown): Item | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const k = r.k;
  if ((k !== 'sec' && k !== 'para' && k !== 'ex' && k !== 'task') || typeof r.id !== 'string' || !PATTERN[k].test(r.id)) return null;
  if (k === 'para') return Number.isInteger(r.ch) && (r.ch as number) >= 1 && (r.ch as number) <= 99 ? { k, id: r.id, ch: r.ch as number } : null;
  if (k === 'task') {
    if (r.preset === undefined) return { k, id: r.id };
    return typeof r.preset === 'string' && PRESET.test(r.preset) ? { k, id: r.id, preset: r.preset } : null;
  }
  return { k, id: r.id };
}

export function decodeAssignment(encoded: string, known: Known): Decoded {
  if (encoded.length > MAX_ENCODED) return { ok: false, message: `作业链接太长（${Math.round(encoded.length / 1024)} KB），不是本站生成的链接。` };
  const dot = encoded.indexOf('.');
  const version = Number(encoded.slice(0, dot));
  if (dot < 1 || !Number.isInteger(version)) return { ok: false, message: '作业链接不完整或格式不对，无法读取。请向老师要一个新的链接。' };
  if (version !== ASSIGN_VERSION) return { ok: false, message: `这个作业链接来自第 ${version} 版，本页只能读取第 ${ASSIGN_VERSION} 版。` };
  let data: unknown;
  try {
    const json = decompressFromEncodedURIComponent(encoded.slice(dot + 1));
    if (!json || json.length > MAX_JSON) throw new Error();
    data = JSON.parse(json);
  } catch {
    return { ok: false, message: '作业链接已损坏（无法解码）。请检查链接是否复制完整。' };
  }
  const d = data as Record<string, unknown>;
  const title = text(d?.title, 200);
  const due = text(d?.due, 10);
  const notes = text(d?.notes, 4000);
  if (title === null || due === null || notes === null || (due && !/^\d{4}-\d{2}-\d{2}$/.test(due)) || !Array.isArray(d.items) || d.items.length > 300)
    return { ok: false, message: '作业链接的内容不符合格式，无法读取。' };
  const items = d.items.map(item);
  if (items.some((i) => i === null)) return { ok: false, message: '作业链接里有格式不对的条目，无法读取。' };
  const exists = (i: Item) =>
    i.k === 'sec' ? known.sections.has(i.id) : i.k === 'para' ? true /* checked by the page it links to */ : i.k === 'ex' ? known.exercises.has(i.id) : known.tasks.has(i.id);
  const valid = items as Item[];
  return { ok: true, assignment: { title, due, notes, items: valid.filter(exists) }, missing: valid.filter((i) => !exists(i)).map((i) => i.id) };
}
