/**
 * OpenCC only on text served in Traditional (issue 9 class 7, CONTRACT.md): Simplified pages keep every character,
 * including the ones tw→cn would rewrite (濛→蒙, 於→于, 乾→干) and the phrase-level ones (瞭, 藉). Synthetic pages
 * written for these tests; expected texts written by hand.
 */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../../lambdas/normalize/clean/clean-text.js';
import { detectScript, simplifyForScript } from '../../../../lambdas/normalize/clean/simplified.js';
import { normalize } from '../../../../lambdas/normalize/index.js';

const SIMPLIFIED_PARAGRAPHS = [
  '本报讯（记者 魏其濛 通讯员 於海涛）清明前后细雨濛濛，乾隆年间修建的古桥迎来了不少游客。',
  '於女士说，她每年都来这里瞭望江景，借着春色慰藉思乡之情，桥下的乾坤湾风景如画。',
  '据了解，景区今年新增了瞭望台和步道，游客可以在濛濛细雨中登高远眺，狼藉的垃圾也得到了清理。',
  '负责人於建国表示，景区将继续完善服务设施，乾净整洁的环境是吸引游客的关键，凭藉口碑赢得回头客。',
];

function page(title: string, paragraphs: readonly string[]): Uint8Array {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="nav"><a href="/">首页</a></div><h1>${title}</h1><div class="article-content">${body}</div></body></html>`);
}

describe('simplifyForScript', () => {
  it('leaves a Simplified page character for character', () => {
    for (const p of SIMPLIFIED_PARAGRAPHS) expect(simplifyForScript(p, 'Hans')).toBe(p);
  });

  it('on a Simplified page converts a sentence that is plainly Traditional, not one with a stray 濛 or 於', () => {
    const text = '本站首页 博客列表。距墨爾本西北約百公里處，是當年發現黃金的地方。细雨濛濛，於先生说。';
    expect(simplifyForScript(text, 'Hans')).toBe('本站首页 博客列表。距墨尔本西北约百公里处，是当年发现黄金的地方。细雨濛濛，於先生说。');
  });

  it('converts a Traditional page with phrases', () => {
    expect(simplifyForScript('記者於台北報導，細雨濛濛中乾杯', 'Hant')).toBe('记者于台北报导，细雨蒙蒙中干杯');
  });

  it('converts a Traditional sentence holding one leftover Simplified-only character (筑, 游), not one holding two', () => {
    // 這 許 華 麗 園 are Traditional-only; 筑 and 游 are characters a Traditional converter leaves as served.
    const oneLeftover = '这座城市很美。這座城市保留著許多華麗的建筑和花園。';
    expect(simplifyForScript(oneLeftover, 'Hans')).toBe('这座城市很美。这座城市保留着许多华丽的建筑和花园。');
    const twoLeftovers = '这座城市很美。這座城市保留著許多華麗的建筑和游泳池。';
    expect(simplifyForScript(twoLeftovers, 'Hans')).toBe(twoLeftovers);
    // Below three Traditional-only characters no leftover is allowed: 這 and 園 with 筑 stay as served.
    const weak = '这座城市很美。這里有建筑和花園。';
    expect(simplifyForScript(weak, 'mixed')).toBe(weak);
  });

  it('on a mixed page converts only the sentences that read as Traditional', () => {
    const text = '记者魏其濛报道。這是繁體中文的句子，來自香港。细雨濛濛，於先生说。';
    expect(simplifyForScript(text, 'mixed')).toBe('记者魏其濛报道。这是繁体中文的句子，来自香港。细雨濛濛，於先生说。');
  });
});

describe('detectScript', () => {
  it('does not count 於 濛 乾 as Traditional evidence', () => {
    expect(detectScript(SIMPLIFIED_PARAGRAPHS.join(''))).toBe('Hans');
    expect(detectScript('於濛乾')).toBe('Hans');
  });
});

describe('cleanText with the page script', () => {
  it('keeps a name-only line on a Simplified page, which alone would look Traditional', () => {
    expect(cleanText('魏其濛 於乾', 'Hans').text).toBe('魏其濛 於乾');
    expect(cleanText('記者 魏其濛', 'Hant').text).toBe('记者 魏其蒙');
  });
});

describe('normalize: script of the page decides', () => {
  it('a Simplified page full of 濛/於/乾/藉/瞭 in names and words comes out as served', () => {
    const record = normalize(page('细雨濛濛中的乾隆古桥 於姓老人瞭望六十年', SIMPLIFIED_PARAGRAPHS));
    expect(record.sourceScript).toBe('Hans');
    expect(record.title).toBe('细雨濛濛中的乾隆古桥 於姓老人瞭望六十年');
    expect(record.paragraphs).toEqual(SIMPLIFIED_PARAGRAPHS);
  });

  it('a Traditional page is converted', () => {
    const record = normalize(page('細雨中的古橋迎來遊客', ['記者報導，清明前後細雨濛濛，乾隆年間修建的古橋迎來了不少遊客。', '於女士說，她每年都來這裡瞭望江景，藉著春色慰藉思鄉之情。', '負責人表示，景區將繼續完善服務設施，讓遊客在綿綿細雨中也能安心遊覽。']));
    expect(record.sourceScript).toBe('Hant');
    expect(record.title).toBe('细雨中的古桥迎来游客');
    expect(record.paragraphs).toEqual(['记者报导，清明前后细雨蒙蒙，乾隆年间修建的古桥迎来了不少游客。', '于女士说，她每年都来这里瞭望江景，借着春色慰藉思乡之情。', '负责人表示，景区将继续完善服务设施，让游客在绵绵细雨中也能安心游览。']);
  });

  it('a mixed page converts its Traditional paragraph and keeps its Simplified ones', () => {
    const paragraphs = [
      '本报讯（记者 魏其濛）清明前后细雨濛濛，乾隆年间修建的古桥迎来了不少游客，於女士一家也在其中。',
      '香港遊客陳先生說：「這座橋的歷史比我們想像的還要悠久，風景非常漂亮，值得再來。」',
      '负责人於建国表示，景区将继续完善服务设施，让游客在濛濛细雨中也能安心游览。',
    ];
    const record = normalize(page('细雨濛濛中的古桥', paragraphs));
    expect(record.sourceScript).toBe('mixed');
    expect(record.paragraphs).toEqual([paragraphs[0], '香港游客陈先生说：「这座桥的历史比我们想像的还要悠久，风景非常漂亮，值得再来。」', paragraphs[2]]);
  });
});
