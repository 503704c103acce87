/**
 * The builder's checks on an assignment's size, against the caps the codec enforces
 * (ASSIGN_LIMITS), so a teacher is never handed a link the student's page would refuse.
 */
import { ASSIGN_LIMITS as L } from './limits';

export interface SizeCheck {
  /** Reasons no link can be made. */
  problems: string[];
  /** Set when the link can be made but is long enough that chat apps, mail or an LMS may cut it. */
  warning: string;
}

const HOW_TO_SHORTEN = '缩短方法：删减“说明”（它通常占链接的大部分），少选几项（尤其是指定段落和组件设置），或把作业拆成几份分别发送。';

/**
 * Checks an assignment of `items` items whose encoded text (after `#a=`) is `code` and whose
 * whole link is `link`. Lengths are in UTF-16 characters, as the codec counts them.
 */
export function checkSize(items: number, code: string, link: string): SizeCheck {
  const problems: string[] = [];
  if (items > L.maxItems) problems.push(`一份作业最多 ${L.maxItems} 项，现在有 ${items} 项。请少选几项，或把作业拆成几份。`);
  if (code.length > L.maxEncoded)
    problems.push(`作业链接太长（${Math.ceil(code.length / 1024)} KB，上限 ${L.maxEncoded / 1024} KB），学生的页面会拒绝它。${HOW_TO_SHORTEN}`);
  const warning =
    !problems.length && link.length > L.warnLink
      ? `这个链接有 ${link.length.toLocaleString('en-US')} 个字符，超过 ${L.warnLink.toLocaleString('en-US')} 个：有些聊天软件、邮件和学习平台会截断这么长的链接，学生打开时只会看到“链接不完整或已损坏”。${HOW_TO_SHORTEN}`
      : '';
  return { problems, warning };
}
