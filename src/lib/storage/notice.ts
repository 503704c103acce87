/**
 * The one wording for "this will not be kept", used by every widget and page that stores
 * something, so readers meet the same sentence for the same situation.
 */
import type { StorageState } from './store';

const reasons: Record<Exclude<StorageState, 'ok'>, string> = {
  unavailable: '浏览器不允许本站使用本地存储（可能是隐私窗口，或电脑的安全设置禁止了网站存储）',
  quota: '浏览器的存储空间已满',
};

/**
 * "{what}不会保存：{reason}。…" for a failed state, '' for 'ok'. `what` names what is lost, e.g.
 * '阅读进度和练习记录'. Says that the page still works now and that earlier records are untouched.
 */
export function storageNotice(state: StorageState, what: string): string {
  if (state === 'ok') return '';
  return `${what}不会保存：${reasons[state]}。本次浏览中照常可用，关闭或刷新页面后就没有了；以前保存的内容不受影响。`;
}
