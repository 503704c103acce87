/**
 * The one refusal of every button that reads a widget's fields (生成, 开始训练, 下一步): while a
 * field it reads shows its error, the button does not run with that field's last good value.
 * The widget's state says FIX_FIELDS_FIRST (lib/parse/fields.ts) and the view moves focus to the
 * first such field, so a keyboard or screen-reader user lands where the fix is.
 */
import { FIX_FIELDS_FIRST } from '../../lib/parse/fields';

/** Every field marked invalid, in document order. */
export const INVALID_FIELDS = '[aria-invalid="true"]';

/**
 * The marked fields among the NumberFields with these `id`s (NumberField.svelte ties its input
 * to `${id}-err` while it shows an error), for a button that reads only some of a widget's fields.
 */
export const invalidFieldsOf = (ids: readonly string[]): string => ids.map((id) => `${INVALID_FIELDS}[aria-describedby="${id}-err"]`).join(', ');

/**
 * The widget's error line once its fields were checked: FIX_FIELDS_FIRST while `bad`; when they
 * are fixed the refusal goes away, and any other message (`line`) stays.
 */
export const refusalLine = (bad: boolean, line: string): string => (bad ? FIX_FIELDS_FIRST : line === FIX_FIELDS_FIRST ? '' : line);

/** Focuses the first field inside `root` that `fields` selects (document order); false when there is none. */
export function focusInvalid(root: ParentNode | null | undefined, fields = INVALID_FIELDS): boolean {
  const field = root?.querySelector<HTMLElement>(fields);
  field?.focus();
  return field !== null && field !== undefined;
}

/**
 * A press of a button that reads fields: `refused()` checks them and shows the refusal; when it
 * is true the first marked field (`fields`, inside `root`) takes focus and `run` is not called.
 */
export function unlessRefused(refused: () => boolean, run: () => void, root: ParentNode | null | undefined, fields = INVALID_FIELDS): void {
  if (refused()) focusInvalid(root, fields);
  else run();
}
