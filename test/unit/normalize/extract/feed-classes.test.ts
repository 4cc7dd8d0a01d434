/**
 * Issue 9 class 2, feed-style pages, on small pages written for the test: the article the headline opens is followed
 * (in the same container, or beside it) by a stream of full stories, each with its own heading, that do not speak of
 * the headline; the stream, or the container holding article and stream, outscores the article. The headline's own
 * block (body.ts headlineAnchor) is the article. And the pages where the long text IS the article: a lead under the
 * headline followed by the article's own headed sections, and a long story with a few stories after it that the
 * article container does not hold. Also: section headings a self-media template marks <h1> inside the article stay.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';

function page(title: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>${title}_某某新闻网</title></head><body>${body}</body></html>`);
}

const NAV = '<div class="top"><a href="/">首页</a> <a href="/a">新闻</a> <a href="/b">区县</a> <a href="/c">专题</a> <a href="/d">视频</a> <a href="/e">图片</a></div>';
const paras = (ps: readonly string[]): string => ps.map((p) => `<p>${p}</p>`).join('');

const TITLE = '城东新区首座智慧停车楼投入使用';
const POST = [
  '5月10日，城东新区首座智慧停车楼正式投入使用，停车楼共六层，设有停车位八百余个，其中充电车位一百二十个。',
  '车主驶入停车楼后，入口的车牌识别系统自动抬杆，楼内诱导屏实时显示各层空余车位，离场时可在手机上自助缴费。',
  '城东新区交通运输局负责人表示，智慧停车楼的建成，将有效缓解周边医院和商圈的停车难问题，下一步还将建设两座。',
];
/** Six neighbouring stories, each a story's worth of text, none about the headline's subject. */
const STORIES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['市民公园荷花进入最佳观赏期', ['连日来，市民公园的荷花陆续绽放，粉白相间的花朵在绿叶映衬下格外美丽，吸引了众多市民前来拍照游玩。', '公园管理处介绍，今年荷花种植面积比去年扩大了三成，观赏期预计持续到八月中旬，夜间还将开放灯光游览。']],
  ['第三届乡村美食节开幕', ['第三届乡村美食节在西山镇开幕，来自全市各乡镇的六十余家农家乐带来了特色菜肴，现场还有非遗小吃制作展示。', '美食节为期三天，主办方设置了厨艺比拼、农产品展销等活动，预计接待游客五万人次，带动农产品销售两百万元。']],
  ['中小学暑期托管服务开始报名', ['市教育局发布通知，今年暑期托管服务将于七月上旬启动，全市一百二十所中小学参与，家长可通过小程序报名。', '托管服务以看护为主，学校将安排阅读、体育、艺术等活动，不开展集体补课，收费标准与去年保持一致。']],
  ['老年大学新学期增设十门课程', ['市老年大学新学期增设智能手机使用、短视频制作、中医养生等十门课程，报名人数比上学期增加了四成。', '学校负责人说，新课程都是根据学员问卷调查开设的，其中智能手机课最受欢迎，首批名额开放半天即报满。']],
  ['南河湿地迎来候鸟栖息高峰', ['随着气温回升，南河湿地迎来候鸟栖息高峰，白鹭、苍鹭、斑嘴鸭等二十余种鸟类在此觅食嬉戏，场面十分壮观。', '湿地保护站工作人员每天巡护观测，记录鸟类种群和数量变化，并提醒游客文明观鸟，不投喂、不惊扰鸟类。']],
  ['社区开设免费书法培训班', ['幸福社区开设免费书法培训班，邀请市书法家协会会员授课，每周六上午上课，吸引了四十多名居民报名参加。', '培训班从握笔姿势和基本笔画教起，学员中既有退休老人，也有小学生，大家表示收获很大，希望能长期办下去。']],
];
const story = ([head, ps]: readonly [string, readonly string[]], tag = 'h2'): string =>
  `<div class="story"><${tag}>${head}</${tag}><div class="info">2024-05-10 08:00 来源：某某新闻网</div>${paras(ps)}</div>`;

describe('feed-style pages: the headline\'s story, not the stream (issue 9 class 2)', () => {
  it('a post followed by a stream of six full stories in the same container keeps the post only', () => {
    const post = `<div class="post"><h1>${TITLE}</h1><div class="info">2024-05-10 09:30 来源：某某日报</div>${paras(POST)}</div>`;
    const r = normalize(page(TITLE, `${NAV}<div class="main">${post}${STORIES.map((s) => story(s)).join('')}</div>`));
    expect(r.title).toBe(TITLE);
    expect(r.paragraphs).toEqual(POST);
  });

  it('a portal stream beside a short article: the 100-character brief is the article', () => {
    const brief = ['本网讯 5月10日，城东新区首座智慧停车楼正式投入使用，停车楼共六层，设停车位八百余个，其中充电车位一百二十个，车主可在手机上查询空余车位并自助缴费，无需排队等候，周边医院和商圈的停车难问题将得到缓解。'];
    const post = `<div class="article"><h1>${TITLE}</h1><div class="info">2024-05-10 09:30 来源：某某日报</div>${paras(brief)}</div>`;
    const stream = `<div class="list">${STORIES.map(([head, ps]) => `<div class="item"><h3><a href="/n/${head.length}.html">${head}</a></h3>${paras(ps)}</div>`).join('')}</div>`;
    const r = normalize(page(TITLE, `${NAV}<div class="wrap">${post}${stream}</div>`));
    expect(r.paragraphs).toEqual(brief);
  });

  it('a neighbouring full story beside a short article does not win outright', () => {
    const brief = ['本网讯 5月10日，城东新区首座智慧停车楼正式投入使用，停车楼共六层，设停车位八百余个，其中充电车位一百二十个，车主可在手机上查询空余车位并自助缴费，无需排队等候，周边医院和商圈的停车难问题将得到缓解。'];
    const post = `<div class="left"><div class="article"><h1>${TITLE}</h1><div class="info">2024-05-10 09:30 来源：某某日报</div>${paras(brief)}</div></div>`;
    const [head, ps] = STORIES[1]!;
    const neighbour = `<div class="right"><div class="focus"><h2>${head}</h2><div class="info">2024-05-09 17:00</div>${paras([...ps, ...STORIES[2]![1], ...ps.map((p) => `另据介绍，${p}`)])}</div></div>`;
    const r = normalize(page(TITLE, `${NAV}<div class="wrap">${post}${neighbour}</div>`));
    expect(r.paragraphs).toEqual(brief);
  });

  it('a neighbouring full story beside a short article whose headline is in no <h1> or headline-classed element', () => {
    const brief = ['本网讯 5月10日，城东新区首座智慧停车楼正式投入使用，停车楼共六层，设停车位八百余个，其中充电车位一百二十个，车主可在手机上查询空余车位并自助缴费，无需排队等候，周边医院和商圈的停车难问题将得到缓解。'];
    const post = `<table class="t1"><tr><td><font size="5"><b>${TITLE}</b></font></td></tr><tr><td>2024-05-10 09:30 来源：某某日报</td></tr><tr><td>${paras(brief)}</td></tr></table>`;
    const [head, ps] = STORIES[1]!;
    const neighbour = `<table class="t2"><tr><td><b>${head}</b></td></tr><tr><td>2024-05-09 17:00</td></tr><tr><td>${paras([...ps, ...STORIES[2]![1], ...ps.map((p) => `另据介绍，${p}`)])}</td></tr></table>`;
    const r = normalize(page(TITLE, `${NAV}${post}${neighbour}`));
    expect(r.paragraphs).toEqual(brief);
  });

  it('keeps a long article whose lead sits with the headline and whose headed sections follow (no false cut)', () => {
    const lead = '城东新区首座智慧停车楼5月10日投入使用，停车楼共六层，设有停车位八百余个，是全市首座实现无人值守的停车楼，车主从进场、找位到缴费离场全程自助完成，可有效缓解周边医院和商圈的停车难问题。';
    const sections: ReadonlyArray<readonly [string, readonly string[]]> = [
      ['无感通行', ['车主驶入时，车牌识别系统自动抬杆放行，离场时在手机上自助缴费，全程无需停车取卡，高峰时段通行效率提高一倍。', '智慧停车楼还与城市停车平台联网，车主出发前即可在手机上查询空余车位，并提前预约，到达后直接驶入。']],
      ['充电车位', ['楼内设有充电车位一百二十个，全部配备快充桩，充满一辆普通电动汽车约需一个小时，收费标准与公共充电站一致。', '为方便车主，充电车位集中设置在一层和二层，并安装了烟雾报警和自动喷淋装置，保障充电安全。']],
      ['下一步计划', ['城东新区交通运输局负责人介绍，下一步将在医院、学校和商圈周边再建设两座智慧停车楼，新增车位一千五百个。', '同时，新区将对现有路内停车泊位进行智能化改造，年底前实现区内公共停车位信息全部接入城市停车平台。']],
    ];
    const body = `<div class="article"><div class="head"><h1>${TITLE}</h1><p class="lead">${lead}</p></div>${sections.map(([h, ps]) => `<section><h2>${h}</h2>${paras(ps)}</section>`).join('')}</div>`;
    const r = normalize(page(TITLE, NAV + body));
    expect(r.paragraphs).toEqual([lead, ...sections.flatMap(([h, ps]) => [h, ...ps])]);
  });

  it('keeps the long story when it is the article and a few stories stand outside its container', () => {
    const long = [...POST, ...POST.map((p) => `据了解，${p}`)];
    const body = `<div class="main"><div class="article"><h1>${TITLE}</h1><div class="info">2024-05-10 09:30</div><div class="content">${paras(long)}</div></div><div class="side">${STORIES.slice(0, 2).map((s) => story(s, 'h3')).join('')}</div></div>`;
    const r = normalize(page(TITLE, NAV + body));
    expect(r.paragraphs).toEqual(long);
  });
});

describe('section headings marked <h1> inside the article (self-media templates)', () => {
  it('keeps an <h1> section heading after the article\'s first prose and drops the headline <h1> in the same container', () => {
    const intro = '很多车主都遇到过这样的问题：到了医院和商圈附近，转了好几圈也找不到车位。城东新区首座智慧停车楼投入使用后，这个问题有了新的解法。';
    const how = ['车主驶入停车楼后，入口的车牌识别系统自动抬杆，楼内诱导屏实时显示各层空余车位，离场时可在手机上自助缴费。', '停车楼还与城市停车平台联网，车主出发前即可在手机上查询空余车位，并提前预约。'];
    const next = ['城东新区交通运输局负责人表示，下一步还将在医院、学校和商圈周边建设两座智慧停车楼，新增车位一千五百个。'];
    const body = `<div class="article"><h1>${TITLE}</h1><div class="info">2024-05-10 09:30 来源：某某日报</div><div class="content"><p>${intro}</p><h1 class="pgc-h">智慧停车楼怎么用？</h1>${paras(how)}<h1 class="pgc-h">下一步还将建设两座</h1>${paras(next)}</div></div>`;
    const r = normalize(page(TITLE, NAV + body));
    expect(r.title).toBe(TITLE);
    expect(r.paragraphs).toEqual([intro, '智慧停车楼怎么用？', ...how, '下一步还将建设两座', ...next]);
  });

  it('drops a logo <h1> that opens the container before any prose', () => {
    const body = `<div class="article"><h1>某某新闻网</h1><h2>${TITLE}</h2><div class="info">2024-05-10 09:30 来源：某某日报</div>${paras(POST)}</div>`;
    const r = normalize(page(TITLE, NAV + body));
    expect(r.paragraphs).toEqual(POST);
  });
});

describe('image captions inside the article', () => {
  const en = (body: string) =>
    new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>City opens its first smart parking garage | Example News</title></head><body>${body}</body></html>`);
  const PROSE = [
    'The city opened its first smart parking garage on Friday, with 800 spaces on six floors and 120 charging points for electric cars, officials said.',
    'Drivers no longer take a ticket at the gate: a camera reads the plate, screens on every floor show free spaces, and the fee is paid by phone on the way out.',
    'The transport department said two more garages would follow near the hospital and the shopping district, adding another 1,500 spaces by the end of next year.',
  ];

  it('drops a <figcaption> (caption and photo credit) whatever its class says', () => {
    const figure = '<figure class="article__image"><img src="/a.jpg" alt=""><figcaption class="article__image-caption"><p class="credit">Jane Doe | Example Photo Agency</p><p>The new garage, pictured on its opening day, has six floors and a charging point on every level.</p></figcaption></figure>';
    const body = `<main class="main"><article class="article"><h1>City opens its first smart parking garage</h1><p>${PROSE[0]}</p>${figure}<p>${PROSE[1]}</p><p>${PROSE[2]}</p></article></main>`;
    const r = normalize(en(body));
    expect(r.paragraphs).toEqual(PROSE);
  });

  it('drops a <figure> block the class names say is a caption box', () => {
    const figure = '<figure class="photo-caption"><img src="/a.jpg" alt=""><div>The new garage on its opening day, when the first drivers parked for free.</div></figure>';
    const body = `<main class="main"><article class="article"><h1>City opens its first smart parking garage</h1><p>${PROSE[0]}</p>${figure}<p>${PROSE[1]}</p><p>${PROSE[2]}</p></article></main>`;
    const r = normalize(en(body));
    expect(r.paragraphs).toEqual(PROSE);
  });
});
