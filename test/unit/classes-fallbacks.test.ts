/**
 * Issue 9 classes 1-3, the case the class tests before did not cover, on small pages written for the test: a block of
 * the site's chrome wins the body cascade, then a gate refuses it (a list of dated lines: NO_ARTICLE) or it reads as
 * chrome (low confidence), while the page's article is a runner-up container or a WeChat-style container hidden inline
 * with `visibility: hidden` (revealed by a script on load). The runner-up that speaks of the headline must answer.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../lambdas/normalize/index.js';
import { ErrorCode } from '../../lambdas/contract/errors.js';

const TITLE = '城南街道组织开展防汛应急演练';
const BRIEF =
  '本网讯 6月12日上午，城南街道在滨河社区组织开展防汛应急演练，街道应急队伍、社区网格员和志愿者八十余人参加。演练模拟了暴雨导致低洼小区积水的险情，队员们分组完成了人员转移、沙袋封堵和排水抽水等科目。';
// Eight plain-text lines "headline date" (no links): a "latest news" box longer than the brief.
const LATEST = [
  '城南区召开2024年度重点项目推进会',
  '城南区举办第三届社区文化艺术节',
  '城南街道启动夏季安全生产专项检查',
  '城南区教育系统开展教师技能大赛',
  '城南区卫健委组织开展基层医疗培训',
  '城南区文明办部署志愿服务月活动',
  '城南区人社局举办春季大型招聘会',
  '城南区市场监管局开展食品安全抽检',
].map((t, i) => `<p>${t} 2024-06-0${i + 1}</p>`);
// The text a saved WeChat page shows around a hidden article: toolbar and prompts, 130 characters.
const WECHAT_UI =
  '<div class="rich_media_tool"><p>阅读原文 阅读 1.2万 在看 32 写留言 留言 暂无留言 已无更多数据 微信扫一扫关注该公众号 继续滑动看下一个 轻触阅读原文 向上滑动看下一个 知道了 微信扫一扫使用小程序 取消 允许 分析 视频 小程序 赞 在看 分享 留言 收藏</p></div>';

function page(title: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`);
}
const refusal = (bytes: Uint8Array): string | null => {
  try {
    normalize(bytes);
    return null;
  } catch (err) {
    return (err as { code?: string }).code ?? 'thrown';
  }
};

describe('a chrome block wins and a gate refuses it: the runner-up answers (issue 9 classes 1-3)', () => {
  it('keeps a brief beside a longer box of dated headline lines', () => {
    const r = normalize(page(`${TITLE}_城南新闻网`, `<h1>${TITLE}</h1><div class="con"><p>${BRIEF}</p></div><div class="side"><h3>最新动态</h3>${LATEST.join('')}</div>`));
    expect(r.paragraphs).toEqual([BRIEF]);
    expect(r.quality.warnings.join(' ')).toMatch(/first body refused/);
  });

  it('reads a WeChat-style hidden article when the visible text is a box of dated lines', () => {
    const r = normalize(page(TITLE, `<h1 class="rich_media_title">${TITLE}</h1><div id="js_content" style="visibility: hidden;"><p>${BRIEF}</p></div><div class="more">${LATEST.join('')}</div>`));
    expect(r.paragraphs).toEqual([BRIEF]);
    expect(r.quality.warnings.join(' ')).toMatch(/script-revealed/);
  });

  it('still refuses a list page whose runner-up does not speak of its headline', () => {
    const blurb = '<div class="intro"><p>城南区位于城市南部，总面积一百二十平方公里，下辖八个街道，常住人口约六十万人，是全市重要的商贸物流和先进制造业基地。</p></div>';
    expect(refusal(page('工作动态_城南区人民政府', `<h1>工作动态</h1><div class="list">${LATEST.join('')}</div>${blurb}`))).toBe(ErrorCode.NoArticle);
  });
});

describe('a chrome block wins over a hidden article: the revealed article is a second opinion (issue 9 class 3)', () => {
  it('takes the hidden article over the visible WeChat toolbar text', () => {
    const second = '演练结束后，街道负责人对演练情况进行了点评，要求各社区进一步完善防汛预案，加强物资储备和队伍培训，确保汛期安全。';
    const article = `<div id="js_content" style="visibility: hidden; opacity: 0;"><section><p>${BRIEF}</p></section><section><p>${second}</p></section></div>`;
    const r = normalize(page(TITLE, `<div class="rich_media_inner"><h1 class="rich_media_title">${TITLE}</h1><div id="meta_content"><span>城南发布</span></div>${article}</div>${WECHAT_UI}`));
    // The toolbar line still follows (the revealed body of a short article is read from the whole page): noted.
    expect(r.paragraphs.slice(0, 2)).toEqual([BRIEF, second]);
    expect(r.quality.warnings.join(' ')).toMatch(/script-revealed/);
  });

  it('leaves a visible article alone when a hidden block holds other text', () => {
    const visible = `<div class="content"><p>${BRIEF}</p><p>${BRIEF.replace('本网讯 ', '另讯 ')}</p></div>`;
    const hidden = '<div style="visibility:hidden"><p>城南 防汛 演练 应急 街道 社区 志愿者 关键词 热门 搜索 城南新闻 城南发布 城南街道 滨河社区 防汛应急 暴雨 积水 转移 沙袋 排水 抽水 科目 演练 队伍</p></div>';
    const r = normalize(page(TITLE, `<h1>${TITLE}</h1>${visible}${hidden}`));
    expect(r.paragraphs.join('')).not.toMatch(/关键词/);
    expect(r.quality.warnings.join(' ')).not.toMatch(/script-revealed/);
  });
});
