/**
 * What §10.4 says when 我在本书里训练的模型 is chosen but the browser's model storage (IndexedDB)
 * cannot be read, and the analysis goes on with the shipped checkpoints. The worker decides with
 * storage/indexed-db.ts's storageAnswer; the sentences follow the book's other storage notices.
 */
import { STORAGE_WAIT_MS, type StorageAnswer } from '../storage/indexed-db';

/** Said when the browser refuses the site its storage (no IndexedDB, or opening it fails). */
export const STORAGE_REFUSED =
  '读不到你在本书里训练的模型：浏览器不允许本站使用本地存储（可能是隐私窗口，或电脑的安全设置禁止了网站存储）。已改用预训练检查点。';

/** Said when storage has not answered within STORAGE_WAIT_MS (Safari can leave a request pending for good). */
export const STORAGE_LATE = `读不到你在本书里训练的模型：浏览器的本地存储 ${STORAGE_WAIT_MS / 1000} 秒内没有响应。已改用预训练检查点。`;

/**
 * The notice for a storage answer, or null for 'ok' (the saved models are then read, each with its
 * own notice when missing or damaged).
 */
export const readerStorageNotice = (answer: StorageAnswer): string | null => (answer === 'ok' ? null : answer === 'late' ? STORAGE_LATE : STORAGE_REFUSED);
