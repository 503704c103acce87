/**
 * The caps on an assignment link, defined once: the codec refuses what exceeds them, the builder
 * stops the teacher before making such a link, and the tests check both against these numbers.
 */
export const ASSIGN_LIMITS = {
  /** Items in one assignment (a whole book's sections and exercises is well under this). */
  maxItems: 300,
  /** Characters of the encoded assignment after `#a=` (a full-book assignment is a few KB). */
  maxEncoded: 16 * 1024,
  /** Characters of decompressed JSON the codec will parse. */
  maxJson: 64 * 1024,
  maxTitle: 200,
  maxNotes: 4000,
  /** Characters of one widget preset (a widget link's #fragment). */
  maxPreset: 500,
  /** Past this many characters a whole link is often cut short by chat apps, mail and LMSs: the builder warns. */
  warnLink: 2000,
} as const;

/** A widget preset is only ever used as our own page's #fragment: URL-parameter characters only. */
export const PRESET_PATTERN = new RegExp(`^[\\w.=&%+~-]{1,${ASSIGN_LIMITS.maxPreset}}$`);
