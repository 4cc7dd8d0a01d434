/**
 * Issue 9 class 5 (trailers and widgets left in the body), the cases test/unit/clean/boilerplate.test.ts and
 * test/unit/normalize/extract/trailer-classes.test.ts do not cover, on small pages written for the test: a video
 * player's control lines inside the article container (quality switch, speed steps, a time counter, the
 * no-<video> fallback), a self-media platform statement after the article, and a comment box after the article under
 * a counted header (评论（3）); and prose that mentions the same words.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../lambdas/normalize/index.js';
import { boilerplateReason } from '../../lambdas/normalize/clean/boilerplate.js';

const TITLE = '老旧小区改造完成四十余个项目';
const PROSE = [
  '本市今年以来持续推进老旧小区改造工作，累计完成改造项目四十余个，惠及居民一万余户，群众满意度明显提升。',
  '据介绍，下一步将围绕加装电梯、雨污分流和停车设施等方面继续发力，确保年底前全面完成既定目标任务。',
  '市住建局有关负责人表示，改造过程中将充分听取居民意见，做到改造前问需于民、改造中问计于民、改造后问效于民。',
];
const prose = PROSE.map((p) => `<p>${p}</p>`).join('');

function page(inner: string, after = ''): Uint8Array {
  return new TextEncoder().encode(
    `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}_城市网</title></head><body><h1>${TITLE}</h1>` +
      `<div class="info">2023-05-06 10:20 来源：城市网</div><div class="content">${inner}</div>${after}</body></html>`,
  );
}

describe('video player text in the article container (issue 9 class 5)', () => {
  it('drops the player\'s control lines, one per element', () => {
    const player =
      '<div class="player"><div>正在为您切换到高清 480P，请稍候…</div><div>倍速</div><div>0.5x</div><div>1.0x</div><div>1.25x</div><div>2.0x</div>' +
      '<div>00:00 / 02:35</div><div>高清 480P</div><div>您的浏览器不支持 video 标签。</div></div>';
    expect(normalize(page(player + prose)).paragraphs).toEqual(PROSE);
  });

  it('drops the control text read as one line, longer than a short line', () => {
    const player = '<div class="player">正在为您切换到高清 480P 超清 720P 高清 480P 标清 360P 倍速 0.5x 1.0x 1.25x 1.5x 2.0x</div>';
    expect(normalize(page(player + prose)).paragraphs).toEqual(PROSE);
  });

  it('keeps prose about video quality and playback speed', () => {
    for (const line of ['平台负责人介绍，用户可以选择高清 480P 或超清 720P 观看，并可按 0.5 倍到 2 倍的倍速播放。', '视频时长 02:35，记录了改造前后的变化。']) {
      expect(boilerplateReason(line)).toBeNull();
    }
  });
});

describe('platform statements and counted comment headers (issue 9 class 5, class 1)', () => {
  it('drops a self-media platform statement after the article', () => {
    const statement = '<p>本文为城市号作者或机构在城市网上传并发布，仅代表该作者或机构观点，不代表城市网的观点或立场，城市网仅提供信息发布平台。</p>';
    expect(normalize(page(prose + statement)).paragraphs).toEqual(PROSE);
    expect(boilerplateReason('他强调，这一表态仅代表个人观点，不代表公司立场，公司将另行发布正式声明。')).toBeNull();
  });

  it('drops the comments under a counted header 评论（3）', () => {
    const comments =
      '<div class="talk"><h3>评论（3）</h3>' +
      ['改造后小区环境好多了，停车也方便了，感谢政府为老百姓办实事，希望其他小区也能早日改造。', '我们楼下个月就要装电梯了，老人们都很高兴，再也不用爬六楼了，为这项民生工程点赞。', '希望改造的时候注意施工安全和噪音，尽量不要影响居民的正常生活，特别是家里有学生的。']
        .map((t, i) => `<div class="item"><span>网友${i + 1}</span><p>${t}</p></div>`)
        .join('') +
      '</div>';
    expect(normalize(page(prose, comments)).paragraphs).toEqual(PROSE);
  });
});

describe('QR promos against news sentences about scanning codes (issue 9 class 5)', () => {
  // Short paragraphs (under SHORT_LINE_CHARS), where the promo rule applies, in an article about paying by phone.
  const SCAN = ['居民扫码登记后即可进入小区。', '游客扫码即可获取景点讲解。', '她说，扫码打开小程序就能预约。'];
  const scanning = SCAN.map((p) => `<p>${p}</p>`).join('');

  it('keeps the sentences and drops the promo after the article', () => {
    const promo = '<p>更多精彩内容，请扫码关注城市网公众号</p><p>长按二维码下载APP</p>';
    expect(normalize(page(prose + scanning + promo)).paragraphs).toEqual([...PROSE, ...SCAN]);
  });
});

describe('notice headers cut the tail only as headers (issue 9 class 5)', () => {
  const LATE = [
    '免责声明的效力一直是此类纠纷的焦点，法院审理后认为，商家不能以格式条款排除消费者的主要权利。',
    '特别声明称，公司将对受影响的用户逐一进行回访，并在一个月内完成全部整改工作，接受社会监督。',
  ];
  const late = LATE.map((p) => `<p>${p}</p>`).join('');

  it('keeps paragraphs opening with 免责声明 / 特别声明 in the second half', () => {
    expect(normalize(page(prose + late)).paragraphs).toEqual([...PROSE, ...LATE]);
  });

  it('keeps a company statement the story reproduces in the second half, and what follows it', () => {
    const STATEMENT = [
      '郑重声明：近日有不法分子冒用我公司名义开展老旧小区改造招商，我公司从未授权任何机构或个人从事此类活动。',
      '特别声明：经董事会审议，公司决定终止与相关合作方的框架协议，后续事项将依法依规办理并及时公告。',
      '市住建局提醒居民，如遇类似情况请及时向公安机关报案，切勿轻信陌生来电和上门推销。',
    ];
    expect(normalize(page(prose + STATEMENT.map((p) => `<p>${p}</p>`).join(''))).paragraphs).toEqual([...PROSE, ...STATEMENT]);
  });

  it('still cuts at a bare 郑 重 声 明 header, and at a 特别声明 that is the platform\'s statement', () => {
    const bare = '<p>郑 重 声 明</p><p>本网所刊登的新闻、信息和各种专题专栏资料，均为本网版权所有，未经协议授权禁止下载使用。</p>';
    expect(normalize(page(prose + bare)).paragraphs).toEqual(PROSE);
    const platform = '<p>特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“某某号”用户上传并发布，本平台仅提供信息存储服务。</p>';
    expect(normalize(page(prose + platform)).paragraphs).toEqual(PROSE);
  });

  it('still cuts at a 【免责声明】 header and what follows it', () => {
    const notice = '<p>【免责声明】本网转载的内容仅供参考，不代表本网观点，如有侵权请联系删除，本网将在第一时间处理。</p><p>本网地址：某某路一号，联系我们获取更多合作信息和广告投放方案，欢迎来电咨询。</p>';
    expect(normalize(page(prose + notice)).paragraphs).toEqual(PROSE);
  });
});
