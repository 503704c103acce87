/**
 * A field's refusal as a reader meets it: a refused text stays in its field beside its message
 * (the message is about what the reader sees there), and the previous text typed again is taken.
 */
import { expect, type Locator } from '@playwright/test';

/** One refused text and what its message says (a part of it, or a pattern). */
export type Refusal = readonly [typed: string, says: string | RegExp];

/**
 * Types each refused text into `field` and leaves it (Tab): `message` (the field's alert) says
 * what its refusal says, and the field keeps the text as typed and is marked invalid. Then types
 * `taken` and leaves it: the message goes, and the field holds `taken` and is valid again.
 */
export async function refusedThenTaken(field: Locator, message: Locator, refusals: readonly Refusal[], taken: string): Promise<void> {
  for (const [typed, says] of refusals) {
    await field.fill(typed);
    await field.press('Tab');
    await expect(message).toContainText(says);
    await expect(field).toHaveValue(typed);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  }
  await field.fill(taken);
  await field.press('Tab');
  await expect(message).toHaveCount(0);
  await expect(field).toHaveValue(taken);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
}
