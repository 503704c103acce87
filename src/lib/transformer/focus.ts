/**
 * What 附录 A's guided tour can ask a lab widget to show. The tour's text drives the widgets: each
 * tour step sends one Focus, and the widget named by `widget` moves to that state (and writes it to
 * its URL hash as if the reader had chosen it). Fields left out keep the widget's current value.
 * Indices are 0-based; a widget clamps or ignores values outside its own limits.
 */
export type Focus =
  /** The attention stepper (one head by hand): its input, the step 1…10 to show, the layer and head. */
  | { widget: 'stepper'; text?: string; step?: number; layer?: number; head?: number }
  /** The attention map: its text, the selected character's position, and a layer/head to highlight. */
  | { widget: 'map'; text?: string; position?: number; layer?: number; head?: number }
  /** Generation: prompt, and whether the LSTM writes beside the Transformer. */
  | { widget: 'generate'; prompt?: string; compare?: boolean }
  /** Training in the page: whether the §5.2 LSTM trains beside the Transformer (the widget is brought into view either way). */
  | { widget: 'train'; compare?: boolean };

/**
 * The part of its widget a Focus talks about, as the widget marks it (`data-focus-part`): the
 * attention map's head “layer-head” (0-based), or null when the step is about the whole widget.
 * Read from the Focus itself, not from the widget's state, so a jump finds the head in the
 * server-rendered map before the island has hydrated.
 */
export const focusPart = (f: Focus): string | null => (f.widget === 'map' && f.layer !== undefined && f.head !== undefined ? `${f.layer}-${f.head}` : null);

/** The widgets a Focus can name, in the order the page shows them. */
export const FOCUS_WIDGETS = ['map', 'stepper', 'generate', 'train'] as const satisfies readonly Focus['widget'][];
