/**
 * Reading progress on every page, without a framework: a section counts as read once the reader
 * has scrolled to its end; a 已读 button beside each section heading ticks or unticks it by hand;
 * the sidebar shows each chapter's count; bad stored data gets a notice (it was backed up).
 */
import { chapterCounts, parseOutline } from '../lib/book/outline';
import { visitKey } from '../lib/assign/status';
import { WIDGET_EVENT } from '../lib/exercises/event';
import type { TaskName } from '../lib/exercises/types';
import { openProgress, unseenBackup, updateProgress } from '../lib/progress/store';
import { local } from '../lib/storage/local';
import { storageNotice } from '../lib/storage/notice';
import { BASE } from '../widgets/shared/base';

const outline = parseOutline(document.getElementById('book-outline')?.textContent ?? '[]');

function sidebar(read: Record<string, unknown>): void {
  const counts = chapterCounts(outline, read);
  for (const c of outline) {
    const link = document.querySelector<HTMLAnchorElement>(`nav.sidebar a[href$="/${c.slug}/"]`);
    const n = counts.get(c.chapter);
    if (!link || !n) continue;
    let badge = link.querySelector<HTMLElement>('.read-count');
    if (!badge) {
      badge = Object.assign(document.createElement('span'), { className: 'read-count' });
      link.append(badge);
    }
    badge.textContent = `${n.read}/${n.total}`;
    badge.title = `已读 ${n.read} 节，共 ${n.total} 节`;
  }
}

function toggle(id: string, button: HTMLButtonElement): void {
  const on = button.getAttribute('aria-pressed') !== 'true';
  const { progress } = updateProgress(local, (p) =>
    on ? void (p.sections[id] ??= { how: 'manual', at: new Date().toISOString() }) : void delete p.sections[id],
  );
  refresh(progress.sections);
}

const buttons = new Map<string, HTMLButtonElement>();
/** Where each section ends; it counts as read once the reader has scrolled that point into view. */
const ends = new Map<string, Element>();

/**
 * Marks read the sections whose end is in view. In view, not merely above it: a jump (a link to a
 * later section, a tour step) lands past the sections in between, whose ends are then above the
 * view, and they stay unread; reading scrolls each end through the view.
 */
function checkScrolled(): void {
  const passed = [...ends].filter(([, end]) => {
    const { top, bottom } = end.getBoundingClientRect();
    return top < innerHeight && bottom > 0;
  });
  if (!passed.length) return;
  for (const [id] of passed) ends.delete(id);
  const now = new Date().toISOString();
  refresh(updateProgress(local, (p) => passed.forEach(([id]) => void (p.sections[id] ??= { how: 'scroll', at: now }))).progress.sections);
}

let queued = false;
/** Scrolling, not merely arriving, reads a section: a short one that fits the first screen needs a scroll too. */
function onScroll(): void {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    checkScrolled();
  });
}

function refresh(read: Record<string, unknown>): void {
  for (const [id, b] of buttons) {
    b.setAttribute('aria-pressed', String(id in read));
  }
  sidebar(read);
}

/** Section headings of this page; a chapter without numbered sections is one section under its title. */
function sectionHeadings(): HTMLElement[] {
  const numbered = [...document.querySelectorAll<HTMLElement>('.sl-markdown-content h2[id^="sec-"]')];
  if (numbered.length) return numbered;
  // The build marks such a chapter with a line kept under its title (PageTitle.astro).
  const line = document.querySelector<HTMLElement>('.title-read[data-section-id]');
  const title = document.querySelector<HTMLElement>('h1#_top');
  if (!line || !title) return [];
  title.dataset.sectionId = line.dataset.sectionId;
  return [title];
}

function track(): void {
  const headings = sectionHeadings();
  headings.forEach((h, k) => {
    const wrapper = h.closest('.sl-heading-wrapper') ?? h;
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'read-toggle' });
    button.textContent = '已读';
    button.setAttribute('aria-label', `已读：${h.textContent?.trim()}`);
    const id = h.dataset.sectionId ?? h.id;
    button.addEventListener('click', () => toggle(id, button));
    // In the line kept for it (book.css): a section heading's wrapper, or the title's line; nothing below moves.
    (wrapper.matches('.sl-heading-wrapper') ? wrapper : document.querySelector('.title-read'))?.append(button);
    buttons.set(id, button);
    // The section ends where the next one starts (or with the content).
    const end = headings[k + 1]?.closest('.sl-heading-wrapper') ?? document.querySelector('.sl-markdown-content > :last-child');
    if (end) ends.set(id, end);
  });
}

function notice(message: string): void {
  const content = document.querySelector('.sl-markdown-content');
  const p = Object.assign(document.createElement('p'), { className: 'progress-notice', textContent: message + ' ' });
  p.setAttribute('role', 'alert');
  p.append(Object.assign(document.createElement('a'), { href: `${BASE}progress/`, textContent: '打开“我的进度”' }));
  content?.prepend(p);
}

/** Once per page, when the browser refuses storage (now or at a later write): what will not be kept. */
function storageWarning(): void {
  if (local.state === 'ok' || document.querySelector('.storage-notice')) return;
  const p = Object.assign(document.createElement('p'), {
    className: 'progress-notice storage-notice',
    textContent: storageNotice(local.state, '阅读进度、练习记录和打开过的作业'),
  });
  p.setAttribute('role', 'status');
  document.querySelector('.sl-markdown-content')?.prepend(p);
}

/**
 * Opening a paragraph, formula or figure link counts as visiting it (an assignment item). The
 * link reader loads only when there is a link to read, not with every page (issue 12: page-load JS).
 */
function recordVisit(): void {
  if (!location.hash) return;
  void import('../lib/url/fragment').then(({ readFragment }) => {
    // readFragment never throws: a malformed `%` in the link must not switch off progress for the page.
    const f = readFragment(location.hash);
    const id = f.kind === 'anchor' ? f.id : '';
    const target = id ? document.getElementById(id) : null;
    // An anchor that arrived with a 。 or ) glued on, or encoded twice: go where it meant.
    if (target && id !== location.hash.slice(1)) {
      history.replaceState(history.state, '', `#${id}`);
      target.scrollIntoView();
    }
    if (/^[pfm]-[0-9a-z]{7}(-\d+)?$/.test(id) && document.getElementById(id))
      updateProgress(local, (p) => void (p.tasks[visitKey(id)] ??= new Date().toISOString()));
  });
}

/**
 * Widget tasks on this page complete from the widgets' own reports even before (or without) the
 * exercise below hydrating: each report is checked against the page's tasks and recorded. The
 * task rules load with the first report (a widget has hydrated by then), not with the page.
 * A training widget reports every frame, so each task is recorded once (a write to localStorage
 * per frame cost ~0.2 ms of every frame), and the listener goes once all of them are.
 */
function watchTasks(): void {
  const selector = '[data-exercise-id][data-task]';
  if (!document.querySelector(selector)) return;
  const recorded = new Set<string>();
  const onReport = async () => {
    const [{ AUTOMATIC_TASKS, checkTask, reportLog }, { parseChoice }] = await Promise.all([import('../lib/exercises/tasks'), import('../lib/parse/choice')]);
    const tasks = [...document.querySelectorAll<HTMLElement>(selector)]
      .map((el) => ({ id: el.dataset.exerciseId ?? '', task: parseChoice(el.dataset.task, AUTOMATIC_TASKS) }))
      .filter((t): t is { id: string; task: TaskName } => t.id !== '' && t.task !== undefined && !recorded.has(t.id));
    if (!tasks.length) return removeEventListener(WIDGET_EVENT, onReport);
    const done = tasks.filter((t) => checkTask(t.task, reportLog()).done);
    done.forEach((t) => recorded.add(t.id));
    if (done.length) updateProgress(local, (p) => done.forEach((t) => void (p.tasks[t.id] ??= new Date().toISOString())));
  };
  addEventListener(WIDGET_EVENT, onReport);
}

try {
  const opened = openProgress(local);
  storageWarning();
  local.onChange(storageWarning);
  watchTasks();
  recordVisit();
  addEventListener('hashchange', recordVisit);
  // Whoever on the page read the bad data first made the backup; the notice shows until 我的进度 is visited.
  const unseen = unseenBackup(local);
  if (unseen && !location.pathname.endsWith('/progress/')) notice(`${unseen.message}原来的数据已另存为备份，可在“我的进度”页下载。`);
  track();
  refresh(opened.progress.sections);
  for (const id of Object.keys(opened.progress.sections)) ends.delete(id);
  addEventListener('scroll', onScroll, { passive: true });
  addEventListener('storage', () => refresh(openProgress(local).progress.sections));
} catch {
  // No localStorage (a privacy mode): the book reads the same, just without progress.
}
