/**
 * The article's lead or abstract block (摘要 / 导语 / 内容提要 / 编者按, or a block whose class names it a summary) in its
 * own container just before the body container, on small pages written for the test: it is the article's and opens
 * the body (extract/body-lead.ts). Boxes above the body that are not the article's lead stay out: a list of teaser
 * links, a box of other stories' summaries, a lead the body already repeats, a summary box before the headline.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';

function page(title: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>${title}_某某新闻网</title></head><body>${body}</body></html>`);
}

const NAV = '<div class="top"><a href="/">首页</a> <a href="/a">新闻</a> <a href="/b">区县</a> <a href="/c">专题</a> <a href="/d">视频</a> <a href="/e">图片</a></div>';
const paras = (ps: readonly string[]): string => ps.map((p) => `<p>${p}</p>`).join('');

const TITLE = '老旧小区加装电梯的难点与对策研究';
const ABSTRACT =
  '本文以某市老旧小区加装电梯为例，分析了加装过程中存在的居民意见难统一、资金分摊难、审批流程长和后期维护责任不明确等难点，并从政策、资金和管理三个方面提出了相应的对策建议。';
const BODY = [
  '一、研究背景',
  '随着人口老龄化程度不断加深，老旧小区居民上下楼难的问题日益突出，加装电梯成为群众呼声最高的民生实事之一。',
  '据统计，某市建成于二〇〇〇年以前的多层住宅共有一千二百余栋，其中具备加装条件的约占六成，已加装的不足一成。',
  '二、加装电梯的主要难点',
  '一是居民意见难统一。低楼层住户担心采光、噪音和房屋贬值，高楼层住户出资意愿强，双方协商往往耗时数月。',
  '二是资金分摊难。一部电梯的建设费用约六十万元，政府补贴之外的部分需要居民按楼层分摊，部分家庭负担较重。',
  '三是审批流程长。加装电梯涉及规划、住建、市场监管等多个部门，材料多、环节多，从申请到开工平均需要半年以上。',
  '四是后期维护责任不明确。电梯建成后的维保费用由谁承担、出现故障由谁负责，许多小区在加装前没有约定清楚。',
  '三、对策建议',
  '应完善协商议事机制，由社区牵头搭建沟通平台，引入第三方评估，依法依规化解矛盾，推动形成共识。',
  '应拓宽资金来源，允许提取住房公积金用于加装电梯，鼓励企业以“建设加运营”的方式参与，减轻居民负担。',
  '应优化审批流程，推行联合审查和一窗受理，明确各部门办理时限，把审批时间压缩到一个月以内。',
  '应明确维护责任，在加装协议中约定维保费用分摊办法，鼓励购买电梯安全责任保险，保障电梯长期安全运行。',
  '四、结语',
  '老旧小区加装电梯是一项复杂的系统工程，需要政府、社区、居民和企业共同参与，形成合力，才能让群众住得更舒心。',
];
const HEAD = `<div class="art-head"><h1>${TITLE}</h1><div class="info">作者：某某 2024-05-10</div></div>`;
const CONTENT = `<div class="content">${paras(BODY)}</div>`;

describe('a lead or abstract block above the body container is the article\'s', () => {
  it('joins a labelled 摘要 box that is the body container\'s sibling', () => {
    const box = `<div class="p_box"><b>摘要：</b>${ABSTRACT}</div>`;
    const r = normalize(page(TITLE, `${NAV}<div class="main">${HEAD}${box}${CONTENT}</div>`));
    expect(r.paragraphs).toEqual([`摘要：${ABSTRACT}`, ...BODY]);
  });

  it('joins it past a share bar and through the wrappers around the body container', () => {
    const box = `<div class="p_box"><div class="abs"><b>内容提要：</b>${ABSTRACT}</div></div>`;
    const share = '<div class="tool"><a href="#">微博</a> <a href="#">微信</a></div>';
    const r = normalize(page(TITLE, `${NAV}<div class="main">${HEAD}${box}${share}<div id="wrap"><div class="inner">${CONTENT}</div></div></div>`));
    expect(r.paragraphs).toEqual([`内容提要：${ABSTRACT}`, ...BODY]);
  });

  it('joins an unlabelled lead whose class names it a summary, at the end of the headline block', () => {
    const head = `<div class="art-head"><h1>${TITLE}</h1><div class="info">作者：某某 2024-05-10</div><div class="summary">${ABSTRACT}</div></div>`;
    const r = normalize(page(TITLE, `${NAV}<div class="main">${head}${CONTENT}</div>`));
    expect(r.paragraphs).toEqual([ABSTRACT, ...BODY]);
  });

  it('leaves out a box of teasers (a headline link and its blurb) above the body, as paragraphs or as a list', () => {
    const teasers = [
      ['老旧小区加装电梯难点多', '居民意见统一成为首要难题，社区协商平台作用明显。'],
      ['加装电梯补贴标准提高', '对策研究课题组建议简化流程，缩短审批时间。'],
      ['多部门规范加装电梯审批', '老旧小区加装电梯的审批和验收工作有了统一标准。'],
    ].map(([head, blurb], i) => `<a href="/n/${i}.html">${head}</a>　${blurb}`);
    for (const box of [`<div class="summary">${teasers.map((a) => `<p>${a}</p>`).join('')}</div>`, `<div class="summary"><ul>${teasers.map((a) => `<li>${a}</li>`).join('')}</ul></div>`]) {
      const r = normalize(page(TITLE, `${NAV}<div class="main">${HEAD}${box}${CONTENT}</div>`));
      expect(r.paragraphs).toEqual(BODY);
    }
  });

  it('leaves out a photo caption above the body: prose of the headline\'s subject, neither labelled nor named a lead', () => {
    const pic = '<div class="pic"><img src="/a.jpg"><div class="pic-txt">图为某市一处老旧小区加装电梯施工现场，工人们正在吊装电梯井道钢结构，预计下月投入使用。</div></div>';
    const r = normalize(page(TITLE, `${NAV}<div class="main">${HEAD}${pic}${CONTENT}</div>`));
    expect(r.paragraphs).toEqual(BODY);
  });

  it('leaves out a summary-named box without clause marks (keywords, a file line)', () => {
    const box = '<div class="summary">关键词 老旧小区 加装电梯 难点 对策 研究报告 全文下载 PDF 2.3MB</div>';
    const r = normalize(page(TITLE, `${NAV}<div class="main">${HEAD}${box}${CONTENT}</div>`));
    expect(r.paragraphs).toEqual(BODY);
  });

  it('leaves out a summary box of other stories above the body', () => {
    const other = '<div class="summary"><b>导语：</b>市民公园的荷花陆续绽放，粉白相间的花朵在绿叶映衬下格外美丽，吸引了众多市民前来拍照游玩，公园管理处介绍，今年荷花观赏期预计持续到八月中旬。</div>';
    const r = normalize(page(TITLE, `${NAV}<div class="main">${HEAD}${other}${CONTENT}</div>`));
    expect(r.paragraphs).toEqual(BODY);
  });

  it('does not repeat a lead the body already opens with', () => {
    const box = `<div class="summary"><b>摘要：</b>${ABSTRACT}</div>`;
    const content = `<div class="content">${paras([ABSTRACT, ...BODY])}</div>`;
    const r = normalize(page(TITLE, `${NAV}<div class="main">${HEAD}${box}${content}</div>`));
    expect(r.paragraphs).toEqual([ABSTRACT, ...BODY]);
  });

  it('leaves out a lead that is a digest of sentences the body holds further down', () => {
    const digest = '<div class="art-lead"><span class="icon">\ue621</span>一是居民意见难统一。老旧小区加装电梯的难点还有资金分摊难、审批流程长，本文对此提出了对策。</div>';
    const r = normalize(page(TITLE, `${NAV}<div class="main">${HEAD}${digest}${CONTENT}</div>`));
    expect(r.paragraphs).toEqual(BODY);
  });

  it('leaves out a summary box that stands before the headline', () => {
    const box = `<div class="summary"><b>摘要：</b>${ABSTRACT}</div>`;
    const r = normalize(page(TITLE, `${NAV}<div class="main">${box}${HEAD}${CONTENT}</div>`));
    expect(r.paragraphs).toEqual(BODY);
  });
});
