/**
 * An assignment travels entirely in its link: versioned JSON, compressed with lz-string into
 * URL-safe text. Version 2 (`#a=2.<checksum>.<data>`) carries a checksum of the data, so a link
 * cut short or with characters added is refused as damaged instead of half-read; version 1
 * (`#a=1.<data>`) links stay readable. Decoding never throws and never trusts the link: sizes are
 * capped (ASSIGN_LIMITS) before and after decompression, every field is checked, ids must look
 * like ours, and ids the book does not have come back as "missing" rather than failing it all.
 */
import LZString from 'lz-string';
import { isAppendix, PART_LABEL } from '../book/parts';
import { checksum } from '../url/checksum';
import { DAMAGED, readFragment } from '../url/fragment';
import { ASSIGN_LIMITS as L, PRESET_PATTERN } from './limits';

// lz-string is CommonJS: Node's ES-module loader (the build) only sees its default export.
const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

export const ASSIGN_VERSION = 2;
/** Versions this page reads. */
const READABLE = [1, 2];

export type Item =
  | { k: 'sec'; id: string }
  | { k: 'para'; id: string; /** The part: a chapter number 1–99, or an appendix letter ('A'). */ ch: number | string }
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

/** Ids as the book makes them; a part is a chapter number or an appendix letter (book/parts.ts): sec-4-2, sec-6, ex-A-1. */
const EXERCISE = new RegExp(`^ex-${PART_LABEL}-\\d{1,2}$`);
const PATTERN = { sec: new RegExp(`^sec-${PART_LABEL}(-\\d{1,2})?$`), para: /^[pfm]-[0-9a-z]{7}(-\d{1,3})?$/, ex: EXERCISE, task: EXERCISE };
/** lz-string's URL-safe alphabet; a chat app may have turned its `+` into a space. */
const DATA = /^[A-Za-z0-9+$-]+$/;
const DAMAGED_MESSAGE = `作业${DAMAGED}，无法读取。请检查链接是否复制完整，或向老师要一个新的链接。`;

/** The text after `#a=` for an assignment: `2.<checksum>.<data>`. */
export function encodeAssignment(a: Assignment): string {
  const data = compressToEncodedURIComponent(JSON.stringify({ v: ASSIGN_VERSION, ...a }));
  return `${ASSIGN_VERSION}.${checksum(data)}.${data}`;
}

const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null);

function item(raw: unknown): Item | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const k = r.k;
  if ((k !== 'sec' && k !== 'para' && k !== 'ex' && k !== 'task') || typeof r.id !== 'string' || !PATTERN[k].test(r.id)) return null;
  if (k === 'para') {
    const chapter = typeof r.ch === 'number' && Number.isInteger(r.ch) && r.ch >= 1 && r.ch <= 99;
    return chapter || (typeof r.ch === 'string' && isAppendix(r.ch)) ? { k, id: r.id, ch: r.ch as number | string } : null;
  }
  if (k === 'task') {
    if (r.preset === undefined) return { k, id: r.id };
    return typeof r.preset === 'string' && PRESET_PATTERN.test(r.preset) ? { k, id: r.id, preset: r.preset } : null;
  }
  return { k, id: r.id };
}

/** The compressed data of a link, or a refusal: the version must be one we read and, from version 2, the checksum must match. */
function payload(encoded: string): { ok: true; data: string } | { ok: false; message: string } {
  const parts = encoded.split('.');
  const version = Number(parts[0]);
  if (!/^\d{1,3}$/.test(parts[0]) || parts.length < 2) return { ok: false, message: DAMAGED_MESSAGE };
  if (!READABLE.includes(version)) return { ok: false, message: `这个作业链接来自第 ${version} 版，本页只能读取第 ${READABLE.join('、')} 版。` };
  const data = parts[parts.length - 1];
  const shape = version === 1 ? parts.length === 2 : parts.length === 3 && checksum(data) === parts[1];
  return shape && DATA.test(data) ? { ok: true, data } : { ok: false, message: DAMAGED_MESSAGE };
}

/** Reads the text after `#a=` (see encodeAssignment). Never throws; a refusal carries the message to show. */
export function decodeAssignment(encoded: string, known: Known): Decoded {
  if (encoded.length > L.maxEncoded) return { ok: false, message: `作业链接太长（${Math.round(encoded.length / 1024)} KB），不是本站生成的链接。` };
  const p = payload(encoded.trim().replace(/ /g, '+'));
  if (!p.ok) return p;
  let data: unknown;
  try {
    const json = decompressFromEncodedURIComponent(p.data);
    if (!json || json.length > L.maxJson) throw new Error();
    data = JSON.parse(json);
  } catch {
    return { ok: false, message: DAMAGED_MESSAGE };
  }
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const title = text(d.title, L.maxTitle);
  const due = text(d.due, 10);
  const notes = text(d.notes, L.maxNotes);
  if (title === null || due === null || notes === null || (due && !/^\d{4}-\d{2}-\d{2}$/.test(due)) || !Array.isArray(d.items) || d.items.length > L.maxItems)
    return { ok: false, message: '作业链接的内容不符合格式，无法读取。' };
  const items = d.items.map(item);
  if (items.some((i) => i === null)) return { ok: false, message: '作业链接里有格式不对的条目，无法读取。' };
  const exists = (i: Item) =>
    i.k === 'sec'
      ? known.sections.has(i.id)
      : i.k === 'para'
        ? true /* checked by the page it links to */
        : i.k === 'ex'
          ? known.exercises.has(i.id)
          : known.tasks.has(i.id);
  const valid = items as Item[];
  return { ok: true, assignment: { title, due, notes, items: valid.filter(exists) }, missing: valid.filter((i) => !exists(i)).map((i) => i.id) };
}

/**
 * The assignment code in a page's fragment (`location.hash`), repaired as readFragment repairs it
 * and with any `+` that became a space put back; null when the fragment has no `a=`.
 */
export function assignmentCode(hash: string): string | null {
  const f = readFragment(hash);
  const code = f.kind === 'params' ? f.params.get('a') : null;
  return code === null ? null : code.trim().replace(/ /g, '+');
}
