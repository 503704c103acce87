/**
 * A value shown in the page that follows `source`, except that while a pointer is pressed it waits
 * until the press's click has happened (press-gate.ts): for a field's message line, whose
 * appearing or going would move the button being pressed. Construct it while a component starts.
 */
import { pressGate } from './press-gate';

export class Held<T> {
  value = $state() as T;

  constructor(source: () => T) {
    this.value = source();
    const key = {};
    $effect(() => {
      const next = source();
      pressGate.run(key, () => (this.value = next));
    });
  }
}
