/**
 * A generated text in the page, kept as DOM that only grows: the prompt, then one button per
 * character (its accessible name says which character it is), one block per line. A frame's new
 * characters are appended and nothing already shown is touched, so the page's work per frame
 * grows with what was written in that frame, not with the whole text; a new selection changes
 * two buttons. While the text grows the box follows its last line, unless the reader has
 * scrolled up from the end. Text goes in as textContent only, never as HTML.
 *
 * Each character is an inline `<span role="button" tabindex="0">`, not a `<button>`: a button is
 * an inline block with its own line box, laid out and its text shaped one character at a time,
 * while spans share their line's, and a frame's layout took about 3× as long with buttons
 * (issue 12, `scripts/bench/profile-stream.ts`). The keys a button answers, Enter and Space,
 * are handled by `pressed` (the view's one keydown listener passes them on as clicks).
 */
import { visible, type OutChar } from './output';

/** Pixels from the end within which the box counts as showing the end (rounding of scroll positions). */
const AT_END_PX = 8;

/** Whether `box` is scrolled to (about) its end. */
const atEnd = (box: HTMLElement) => box.scrollHeight - box.scrollTop - box.clientHeight <= AT_END_PX;

/** The character's button `target` is in, or null. */
const charOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('.ch[role="button"]') : null);

export class TextView {
  private box: HTMLElement | null = null;
  private prompt = '';
  /** What is shown, as last handed in; its items are compared by identity. */
  private shown: readonly OutChar[] = [];
  private buttons: HTMLElement[] = [];
  private line: HTMLElement | null = null;
  private selected = -1;
  /** Whether the box shows the end of the text, as of its last scroll: it then follows the text. */
  private following = true;

  /**
   * Shows `prompt` and `output` in `box`. When `output` continues what is shown (the same items,
   * then more), only the new characters are added; otherwise the text is drawn again.
   */
  update(box: HTMLElement, prompt: string, output: readonly OutChar[]): void {
    const n = this.buttons.length;
    const continues = box === this.box && prompt === this.prompt && output.length >= n && (n === 0 || output[n - 1] === this.shown[n - 1]);
    if (!continues) this.restart(box, prompt);
    const grows = output.length > this.buttons.length;
    for (let i = this.buttons.length; i < output.length; i++) this.append(output[i].char, i);
    // One layout (the frame needs it anyway); reading whether the box is at its end here would
    // force another, so that is read when the box scrolls instead.
    if (grows && this.following) box.scrollTop = box.scrollHeight;
    this.shown = output;
    this.mark(this.selected, true);
  }

  /** Marks character `i` (an index into the output; −1 for none) as the one whose bars show. */
  select(i: number): void {
    this.mark(this.selected, false);
    this.selected = i;
    this.mark(i, true);
  }

  /** The character index a click landed on (through its button), or null. */
  static indexAt(target: EventTarget | null): number | null {
    const button = charOf(target);
    const i = Number(button?.dataset.i);
    return button && Number.isInteger(i) ? i : null;
  }

  /**
   * Enter or Space on a character does what a click does, as on a `<button>`; true when `e` was
   * such a key (the caller then prevents its default: Space would scroll the box).
   */
  static pressed(e: KeyboardEvent): boolean {
    const button = e.key === 'Enter' || e.key === ' ' ? charOf(e.target) : null;
    if (!button) return false;
    if (!e.repeat) button.click();
    return true;
  }

  private restart(box: HTMLElement, prompt: string): void {
    box.replaceChildren();
    if (box !== this.box) box.addEventListener('scroll', () => (this.following = atEnd(box)), { passive: true });
    this.following = true;
    this.box = box;
    this.prompt = prompt;
    this.buttons = [];
    this.line = this.newLine();
    const span = document.createElement('span');
    span.className = 'prompt';
    span.textContent = prompt;
    this.line.append(span);
  }

  private newLine(): HTMLElement {
    const line = document.createElement('div');
    line.className = 'line';
    this.box!.append(line);
    return line;
  }

  private append(char: string, i: number): void {
    const b = document.createElement('span');
    b.setAttribute('role', 'button');
    b.tabIndex = 0;
    b.className = 'ch';
    b.dataset.i = String(i);
    b.setAttribute('aria-pressed', 'false');
    b.setAttribute('aria-label', `第 ${i + 1} 个字“${visible(char)}”`);
    b.textContent = char === '\n' ? '↵' : char;
    this.line!.append(b);
    this.buttons.push(b);
    if (char === '\n') this.line = this.newLine();
  }

  private mark(i: number, on: boolean): void {
    const b = this.buttons[i];
    if (!b) return;
    b.classList.toggle('selected', on);
    b.setAttribute('aria-pressed', String(on));
  }
}
