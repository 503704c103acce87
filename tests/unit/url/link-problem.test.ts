import { describe, expect, it } from 'vitest';
import { DAMAGED } from '../../../src/lib/url/fragment';
import {
  damagedProblem,
  linkIndexName,
  linkProblemLine,
  linkProblemRole,
  settingProblem,
  unknownKeyProblem,
  type LinkProblem,
} from '../../../src/lib/url/link-problem';
import { repeatedNotice } from '../../../src/lib/url/link-change';
import { trailingNotice } from '../../../src/lib/url/trailing';

const trailing: LinkProblem = { kind: 'trailing', text: trailingNotice('。') };
const repeated: LinkProblem = { kind: 'repeated', text: repeatedNotice('gpt.t', 2) };

describe("a link problem's line", () => {
  it('says a damaged link once, without the lead-in that it was a setting', () => {
    const line = linkProblemLine(damagedProblem);
    expect(line.startsWith(DAMAGED)).toBe(true);
    expect(line).not.toContain('链接中的设置有误');
    expect(line).not.toContain('已改用默认值');
  });

  it('puts one lead-in before a problem with one setting', () => {
    expect(linkProblemLine(settingProblem('温度必须在 0.1–2 之间。'))).toBe('链接中的设置有误，已改用默认值：温度必须在 0.1–2 之间。');
  });

  it('leaves out 已改用默认值 where the problem says what was used instead', () => {
    expect(linkProblemLine(settingProblem('导览没有第“99”步（共 8 步），已从第 1 步开始。', false))).toBe(
      '链接中的设置有误：导览没有第“99”步（共 8 步），已从第 1 步开始。',
    );
  });

  it('shows a dropped trailing character’s notice as it is: nothing was wrong with a setting, nothing was reset', () => {
    expect(linkProblemLine(trailing)).toBe('链接末尾的“。”已忽略（转发时常有标点粘在链接末尾）。');
  });

  it('shows a repeated key’s notice as it is', () => {
    expect(linkProblemLine(repeated)).toBe('链接里的“gpt.t”出现了 2 次，只采用了第一个值。');
  });

  it('says an unknown key was ignored, without claiming a default took its place', () => {
    expect(linkProblemLine(unknownKeyProblem('gtrain.init'))).toBe('链接中的设置有误：不认识的设置“gtrain.init”，已忽略。');
  });

  it('takes the kind from the problem, not from its words: a setting whose message reads like a notice still gets the lead-in', () => {
    expect(linkProblemLine(settingProblem(trailingNotice('。')))).toBe(`链接中的设置有误，已改用默认值：${trailingNotice('。')}`);
  });
});

describe("a link problem's role", () => {
  it('is status for a repair the page made and says (a trailing character dropped, a repeated key)', () => {
    expect([trailing, repeated].map(linkProblemRole)).toEqual(['status', 'status']);
  });

  it('is alert for a refusal (a damaged link, a refused setting, an unknown key)', () => {
    expect([damagedProblem, settingProblem('温度必须在 0.1–2 之间。'), unknownKeyProblem('w.z')].map(linkProblemRole)).toEqual(['alert', 'alert', 'alert']);
  });
});

describe('a link’s 0-based index in a message', () => {
  it('names the setting, the link’s key and which of the page’s items, counted from 1, the link’s 0 is', () => {
    expect(linkIndexName('头', 'map.head', '头 1')).toBe('头（链接里的 map.head，0 是头 1）');
  });
});
