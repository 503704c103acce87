/**
 * Models trained in the page, kept in IndexedDB through tf.io under `indexeddb://<prefix>-<name>`:
 * the §5.2 text lab's per corpus (prefix 'textlab'), 附录 A's Transformer (prefix 'transformer'),
 * so neither overwrites the other. Saving never throws: it says whether the model was kept, and
 * why not (no IndexedDB, or no room). What is read back is untrusted: its metadata goes through
 * parseSavedMeta and its weights through the caller's `check`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { parseSavedMeta, toMetadata, type SavedMeta } from '../../lib/textgen/saved';
import { classifyStorageError, type StorageState } from '../../lib/storage/store';

export interface Saved {
  artifacts: tf.io.ModelArtifacts;
  /** The vocabulary and training so far, kept with the weights. */
  meta: SavedMeta;
}

/** How a save ended: kept, or not kept and why (see src/lib/storage). */
export type SaveOutcome = { ok: true } | { ok: false; state: Exclude<StorageState, 'ok'> };

const saveId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * The store for one kind of model. `check` throws (an Error in words) when artifacts read back
 * are not a usable model of this kind; it must free whatever it allocates.
 */
export function modelStore(prefix: string, check: (saved: Saved) => void) {
  const key = (name: string) => `indexeddb://${prefix}-${name}`;

  /** The model stored under this name, read through tf.io; throws when it is missing or unreadable. */
  async function read(name: string): Promise<{ artifacts: tf.io.ModelArtifacts; meta: SavedMeta | null }> {
    const handler = tf.io.getLoadHandlers(key(name))[0];
    if (!handler?.load) throw new Error('浏览器不支持 IndexedDB');
    const artifacts = await handler.load();
    return { artifacts, meta: parseSavedMeta(artifacts.userDefinedMetadata) };
  }

  /** Forgets the model saved under `name`; never throws (there may be nothing to forget). */
  const removeSaved = (name: string): Promise<void> =>
    tf.io.removeModel(key(name)).then(
      () => undefined,
      () => undefined,
    );

  /**
   * Saves the model under `name` and reads it back. IndexedDB reports a write as done before it
   * commits, and a full disk aborts the commit afterwards (tf.io resolves all the same), so only
   * a read-back that finds this very save counts as kept; one that does not is taken as 'quota',
   * the reason a write accepted by an open database fails to commit. A model saved earlier stays
   * as it was when this save fails.
   */
  async function save(name: string, saved: Saved): Promise<SaveOutcome> {
    const id = saveId();
    try {
      const handler = tf.io.getSaveHandlers(key(name))[0];
      if (!handler?.save) return { ok: false, state: 'unavailable' };
      await handler.save({ ...saved.artifacts, userDefinedMetadata: toMetadata({ ...saved.meta, saveId: id }) });
    } catch (e) {
      return { ok: false, state: classifyStorageError(e) };
    }
    const back = await read(name).catch(() => null);
    if (back?.meta?.saveId === id) return { ok: true };
    // Nothing older under this name: drop the index entry the aborted save left behind.
    if (!back) await removeSaved(name);
    return { ok: false, state: 'quota' };
  }

  /**
   * A model saved earlier under `name`, or null. A saved model that cannot be read back (a
   * browser crash mid-write, storage edited by hand) is deleted, and the error says so.
   */
  async function loadSaved(name: string): Promise<Saved | null> {
    const models = await tf.io.listModels().catch(() => ({}));
    if (!Object.hasOwn(models, key(name))) return null;
    try {
      const { artifacts, meta } = await read(name);
      if (!meta) throw new Error('缺少字符表');
      check({ artifacts, meta });
      return { artifacts, meta };
    } catch (e) {
      await removeSaved(name);
      throw new Error(`浏览器里保存的模型已损坏（${e instanceof Error ? e.message : String(e)}），已删除。`);
    }
  }

  return { save, loadSaved, removeSaved };
}
