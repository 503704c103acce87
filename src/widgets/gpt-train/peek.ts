/**
 * Whether a trained Transformer is saved in this browser, and what it is, without loading TF.js:
 * a read of tf.io's own IndexedDB layout (database 'tensorflowjs', store 'models_store', keyed by
 * 'modelPath'). Only a database that already exists is opened (opening a missing one would
 * create it without tf.io's stores). The metadata is untrusted: parseSavedMeta checks it. Never
 * throws; anything unexpected reads as "nothing saved".
 */
import { parseSavedMeta, type SavedMeta } from '../../lib/textgen/saved';

const DB = 'tensorflowjs';
const STORE = 'models_store';

export async function peekSavedTransformer(path = 'transformer-trained'): Promise<SavedMeta | null> {
  try {
    if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
    if (!(await indexedDB.databases()).some((d) => d.name === DB)) return null;
    return await new Promise<SavedMeta | null>((resolve) => {
      const req = indexedDB.open(DB);
      req.onerror = () => resolve(null);
      req.onsuccess = () => {
        const db = req.result;
        try {
          if (!db.objectStoreNames.contains(STORE)) {
            db.close();
            return resolve(null);
          }
          const tx = db.transaction(STORE, 'readonly');
          const get = tx.objectStore(STORE).get(path);
          get.onsuccess = () => {
            const record: unknown = get.result;
            const artifacts =
              typeof record === 'object' && record !== null && Object.hasOwn(record, 'modelArtifacts')
                ? (record as { modelArtifacts: unknown }).modelArtifacts
                : null;
            const meta =
              typeof artifacts === 'object' && artifacts !== null && Object.hasOwn(artifacts, 'userDefinedMetadata')
                ? (artifacts as { userDefinedMetadata: unknown }).userDefinedMetadata
                : null;
            resolve(parseSavedMeta(meta));
          };
          get.onerror = () => resolve(null);
          tx.oncomplete = () => db.close();
        } catch {
          db.close();
          resolve(null);
        }
      };
    });
  } catch {
    return null;
  }
}
