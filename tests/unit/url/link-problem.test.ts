import { describe, expect, it } from 'vitest';
import { DAMAGED } from '../../../src/lib/url/fragment';
import { LINK_DAMAGED, linkProblemLine, unknownKeyProblem } from '../../../src/lib/url/link-problem';
import { trailingNotice } from '../../../src/lib/url/trailing';

describe("a link problem's line", () => {
  it('says a damaged link once, without the lead-in that it was a setting', () => {
    const line = linkProblemLine(LINK_DAMAGED);
    expect(line.startsWith(DAMAGED)).toBe(true);
    expect(line).not.toContain('链接中的设置有误');
    expect(line).not.toContain('已改用默认值');
  });

  it('puts one lead-in before a problem with one setting', () => {
    expect(linkProblemLine('温度必须在 0.1–2 之间。')).toBe('链接中的设置有误，已改用默认值：温度必须在 0.1–2 之间。');
  });

  it('leaves out 已改用默认值 where the problem says what was used instead', () => {
    expect(linkProblemLine('导览没有第“99”步（共 8 步），已从第 1 步开始。', false)).toBe('链接中的设置有误：导览没有第“99”步（共 8 步），已从第 1 步开始。');
  });

  it('shows a dropped trailing character’s notice as it is: nothing was wrong with a setting, nothing was reset', () => {
    expect(linkProblemLine(trailingNotice('。'))).toBe('链接末尾的“。”已忽略（转发时常有标点粘在链接末尾）。');
  });

  it('says an unknown key was ignored, without claiming a default took its place', () => {
    expect(linkProblemLine(unknownKeyProblem('gtrain.init'))).toBe('链接中的设置有误：不认识的设置“gtrain.init”，已忽略。');
  });
});
