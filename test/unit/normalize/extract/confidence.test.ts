/** quality.confidence from extraction features (extract/confidence.ts), on small synthetic bodies written for the test. */
import { describe, expect, it } from 'vitest';
import { confidenceFeatures, confidenceOf, LOW_CONFIDENCE, paraphraseAgreement, sharedDoubt, titleAgreement } from '../../../../lambdas/normalize/extract/confidence.js';
import { normalize } from '../../../../lambdas/normalize/index.js';
import { countArticleItems } from '../../../../lambdas/normalize/extract/body.js';
import { computeStats } from '../../../../lambdas/normalize/extract/body-stats.js';
import { loadHtml } from '../../../../lambdas/normalize/parse/load-html.js';
import type { Element } from 'domhandler';

const PROSE = [
  '今年以来，我市持续推进老旧小区改造，累计完成改造项目四十二个，惠及居民一万余户。',
  '市住建局负责人介绍，改造内容包括管网更新、加装电梯、增设停车位等，居民满意度明显提升。',
  '下一步，我市将继续加大投入，确保年底前完成全部改造任务，让更多居民住得更舒心。',
];
const input = (paragraphs: string[], over: Partial<Parameters<typeof confidenceFeatures>[0]> = {}) =>
  confidenceFeatures({ title: '我市老旧小区改造惠及居民一万余户', paragraphs, pageChars: 2000, bodyLinkChars: 0, layer: 'scoring', ...over });

describe('confidence', () => {
  it('is full for a punctuated article body that speaks of its headline', () => {
    expect(confidenceOf(input([...PROSE, ...PROSE, ...PROSE]))).toBe(1);
    expect(confidenceOf(input(PROSE.slice(0, 1)))).toBeLessThan(1);
  });

  it('is low for a cooperation / ICP footer taken as the body', () => {
    const footer = ['关于我们 | 广告服务 | 合作伙伴 | 联系我们', '版权所有 某某网 Copyright © 2024', '京ICP备12345678号 京公网安备11010502000001号', '联系电话：010-12345678 邮箱：news@example.com'];
    const c = confidenceOf(input(footer, { title: '某某网' }));
    expect(c).toBeLessThan(LOW_CONFIDENCE);
  });

  it('counts a line holding only an e-mail address as contact text, and an @ without an address not', () => {
    const body = [...PROSE, '来稿请寄 tougao.news+zh@example-site.com 谢谢'];
    expect(input(body).boilerplateShare).toBeGreaterThan(0);
    expect(input([...PROSE, '请在微博上@我们 谢谢各位读者的支持'])).toMatchObject({ boilerplateShare: 0 });
  });

  it('counts clause marks: every Han mark, and a Latin mark only before white space or the end', () => {
    expect(input(['甲，乙。丙、丁；戊：己！庚？辛']).clauseDensity).toBeCloseTo(7 / 15, 6);
    const latin = input(['Mr. Smith said: yes, 94.5% of us.\u00a0Fine!Really? No'], { title: 'Smith' });
    // ". " ": " ", " "." before a no-break space (white space), "? " count; "94.5", "Fine!R" do not.
    expect(latin.latin).toBe(true);
    expect(latin.clauseDensity * latin.chars).toBeCloseTo(5, 6);
  });

  it('is low for a link list (a feed or a menu)', () => {
    const links = ['市政府召开常务会议', '全市经济运行情况通报', '我市举行春季招聘会', '多部门联合开展安全检查', '老旧小区改造稳步推进'];
    const c = confidenceOf(input(links, { bodyLinkChars: 60 }));
    expect(c).toBeLessThan(LOW_CONFIDENCE);
  });

  it('is lowered, not zeroed, by a headline the body never mentions', () => {
    const c = confidenceOf(input(PROSE, { title: '春季花卉展览开幕' }));
    expect(c).toBeGreaterThan(LOW_CONFIDENCE);
    expect(c).toBeLessThan(1);
  });

  it('is not lowered by a body that paraphrases its headline, and still by one that speaks of something else', () => {
    // The headline shortens what the body spells out (民运 for 民主运动): no bigram of it is repeated exactly.
    const title = '她卷入民运';
    const memoir = ['那年春天，她在外地开会，回城以后被卷进了那场民主运动，生活从此改变。', ...PROSE];
    expect(titleAgreement(title, memoir.join(''))).toBe(0);
    expect(confidenceOf(input([...memoir, ...memoir], { title }))).toBe(1);
    expect(confidenceOf(input([...PROSE, ...PROSE], { title }))).toBeLessThan(1);
  });

  it('reads Latin-script prose with its own punctuation scale', () => {
    const en = ['The city council approved the budget on Monday, after a long debate about housing, transport and schools.', 'Officials said the plan would add 400 homes, two bus lines and a new library by 2026.'];
    expect(confidenceOf(confidenceFeatures({ title: 'City council approves budget', paragraphs: en, pageChars: 900, bodyLinkChars: 0, layer: 'scoring' }))).toBeGreaterThan(0.8);
  });
});

describe('paraphraseAgreement', () => {
  it('counts a title bigram found exactly or with one character between its two characters, in order', () => {
    expect(paraphraseAgreement('八九民运', '一九八九年民主运动')).toBe(1);
    expect(paraphraseAgreement('八九民运', '一九八九年的民主运动')).toBeCloseTo(2 / 3, 6);
    expect(paraphraseAgreement('民运', '运动中的人民')).toBe(0);
    expect(paraphraseAgreement('民运', '民主的运动')).toBe(0);
    expect(paraphraseAgreement('Budget approved', 'the budget was approved')).toBe(1);
  });
});

describe('titleAgreement', () => {
  it('counts the headline bigrams found in the body', () => {
    expect(titleAgreement('老旧小区', '老旧小区改造')).toBe(1);
    expect(titleAgreement('春季花卉', '老旧小区改造')).toBe(0);
    expect(titleAgreement('Budget approved', 'the budget was approved')).toBe(1);
  });

  it('matches Latin-script title words as whole words, accented letters included', () => {
    expect(titleAgreement('Só quem se Ama…', 'uma pessoa amada quer amar')).toBe(0);
    expect(titleAgreement('Só quem se Ama…', 'só quem se ama pode')).toBe(1);
    expect(titleAgreement('Ação rápida', 'uma ação')).toBe(0.5);
    expect(titleAgreement('iPhone launch', '苹果发布iPhone新品')).toBe(0.5);
  });
});

describe('confidence: a body made of several articles (issue 9 class 2, feeds)', () => {
  const encode = (html: string): Uint8Array => new TextEncoder().encode(html);
  const STORIES = [
    ['春季花卉展览在市植物园开幕', '今年的春季花卉展览在市植物园开幕，展出郁金香、樱花等三十余个品种，预计接待游客十万人次，园方增设了导览和休息区。', '植物园负责人介绍，展览将持续到四月底，期间每周末举办科普讲座，市民可通过公众号预约参观，学生团体免收门票。'],
    ['我市新增三条公交线路', '市交通运输局宣布，下月起新增三条公交线路，连接新城区与高铁站，发车间隔为十五分钟，首末班时间与高铁到发相衔接。', '新线路开通后，新城区居民到高铁站的时间将缩短一半，沿线还将新建候车亭十二座，并同步更新站牌和电子显示屏。'],
    ['老旧小区改造惠及居民一万余户', '今年以来，我市持续推进老旧小区改造，累计完成改造项目四十二个，惠及居民一万余户，改造内容包括管网更新和加装电梯。', '市住建局负责人表示，下一步将继续加大投入，确保年底前完成全部改造任务，让更多居民住得更舒心、更安心。'],
  ];
  // Each story holds over ARTICLE_ITEM_MIN_CHARS (150) of text: its two paragraphs twice.
  const story = ([title, ...ps]: string[]) => `<article class="post"><h2>${title}</h2>${[...ps, ...ps].map((p) => `<p>${p}</p>`).join('')}</article>`;

  it('doubts a body that is a stream of <article> stories (Readability agreeing does not lift it); the next candidate, the headline\'s story alone, answers', () => {
    const html = `<html><head><title>春季花卉展览在市植物园开幕</title></head><body><h1>春季花卉展览在市植物园开幕</h1><div class="content">${STORIES.map(story).join('')}</div></body></html>`;
    const record = normalize(encode(html));
    const [, ...first] = STORIES[0]!;
    // The candidate holds the headline's story twice; the second copy is dropped (extract/tail.ts dropRepeatedBody).
    expect(record.paragraphs).toEqual(first);
    const note = record.quality.warnings.find((w) => w.startsWith('second opinion'));
    // The stream read as one body: 0.4 (FEED_FACTOR); Readability takes the same stream and inherits that doubt.
    expect(note).toMatch(/^second opinion: next-candidate answered \(confidence 0\.\d+ over scoring 0\.4; next candidates .*; readability 0\.4\)$/);
    expect(record.quality.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });

  it('counts only the <article> items whose text reached the body (comments dropped by cleaning do not count)', () => {
    // Each item holds over 150 characters; each block is over 50 (ARTICLE_ITEM_MIN_CHARS, ARTICLE_ITEM_BLOCK_CHARS).
    const comment = (t: string) => `<article class="comment-body"><p>${t}${t}${t}${t}</p></article>`;
    const paras = [PROSE[0]! + PROSE[1]!, PROSE[1]! + PROSE[2]!, PROSE[2]! + PROSE[0]!];
    const c = ['这个展览很好看，周末带孩子去了，人很多但秩序很好，工作人员也很热情，推荐大家去看看。', '希望明年能增加更多品种，停车位有点紧张，建议大家坐公交去，地铁站出来走十分钟就到了。'];
    const $ = loadHtml(`<html><body><div id="root"><article class="post"><p>${paras.join('</p><p>')}</p></article>${c.map(comment).join('')}</div></body></html>`);
    const root = $('#root')[0]! as Element;
    const stats = computeStats($.root()[0]!, { stripUnlikely: false });
    const block = (text: string) => ({ text, chars: text.length, linkChars: 0, headlineLink: false });
    expect(countArticleItems([root], stats, paras.map(block))).toBe(1);
    expect(countArticleItems([root], stats, [...paras, c[0]!.repeat(4), c[1]!.repeat(4)].map(block))).toBe(3);
  });

  it('counts article items as a doubt a second algorithm would share', () => {
    const f = input([...PROSE, ...PROSE], { articleItems: 3 });
    expect(confidenceOf(f)).toBeLessThan(LOW_CONFIDENCE);
    expect(sharedDoubt(f)).toBeLessThan(1);
    expect(sharedDoubt(input(PROSE, { articleItems: 1 }))).toBe(1);
  });
});
