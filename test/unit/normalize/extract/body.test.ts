import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../../lambdas/normalize/parse/load-html.js';
import { findArticleBody } from '../../../../lambdas/normalize/extract/body.js';
import { MIN_CONTAINER_CHARS } from '../../../../lambdas/normalize/extract/gates.js';
import { capNestingDepth, MAX_NESTING_DEPTH, maxNestingDepth } from '../../../../lambdas/normalize/parse/dom-safety.js';

const PARAS_ZH = [
  '　　新华社南京12月16日电 市委市政府昨日举行今年第六场高质量发展重大项目现场观摩活动，一批重大产业项目集中竣工投产，总投资超过三百亿元。',
  '　　观摩组一行先后来到江北新区、江宁开发区等地，实地察看项目建设进展情况，听取项目负责人介绍，详细了解企业生产经营、技术创新、市场拓展等情况。',
  '　　会议强调，要把新发展理念体现在项目建设上、落实到实际行动中，坚持项目为王，强化要素保障，优化营商环境，推动更多项目早开工、早投产、早见效。',
];

const NEWS_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>项目观摩_我爱江苏网</title>
<script>var _hmt = _hmt || []; document.write('<div>广告脚本文字，不应出现在正文里，很长很长的一段广告语。</div>');</script>
<style>.content{font-size:14px}</style></head><body>
<div id="nav" class="nav"><ul><li><a href="/">首页</a></li><li><a href="/jsxw">江苏新闻</a></li><li><a href="/gn">国内新闻</a></li><li><a href="/gj">国际新闻</a></li><li><a href="/ty">体育</a></li><li><a href="/yl">娱乐</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/jsxw">江苏新闻</a> &gt; 正文</div>
<div class="main">
  <div class="article">
    <h1>把新发展理念体现在项目建设上</h1>
    <div class="info">来源：南京日报 2021-12-16 07:40</div>
    <div class="content" id="zoom">
      <p>${PARAS_ZH[0]}</p>
      <p style="text-align:center"><img src="/a.jpg"></p><p class="pic-text">观摩现场。记者 张三 摄</p>
      <p>${PARAS_ZH[1]}</p>
      <p>${PARAS_ZH[2]}(记者 李四)</p>
      <p>原文地址：<a href="https://jsnews.example/a.shtml">https://jsnews.example/a.shtml</a></p>
      <div class="editor">责任编辑：王宁</div>
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
  </div>
  <div class="comment"><h3>发表评论</h3><form><textarea name="c"></textarea><button>提交</button></form><p>欢迎参与讨论，请文明发言，网友评论仅代表个人观点。</p></div>
  <div class="related"><h3>相关文章</h3><ul>
    <li><a href="/1.html">全省重大项目建设推进会召开，重大产业项目建设现场会相继召开</a></li>
    <li><a href="/2.html">我市召开全市重大产业项目建设现场推进会，部署下一阶段工作任务</a></li>
    <li><a href="/3.html">江北新区一批重点产业项目集中签约开工，总投资达到数百亿元规模</a></li>
  </ul></div>
</div>
<div class="sidebar"><h3>热点资讯</h3><ul><li><a href="/h1">热点一</a></li><li><a href="/h2">热点二</a></li></ul></div>
<div class="footer"><p>版权所有 © 我爱江苏网 苏ICP备12345678号 联系邮箱：news@woaijiangsu.example</p></div>
</body></html>`;

describe('findArticleBody: Chinese news page with nav, related list and comment box', () => {
  const body = findArticleBody(loadHtml(NEWS_PAGE), { title: '把新发展理念体现在项目建设上' });

  it('returns the paragraphs in order, from the scoring layer', () => {
    expect(body).not.toBeNull();
    expect(body!.layer).toBe('scoring');
    const joined = body!.blocks.join('\n');
    const positions = PARAS_ZH.map((p) => joined.indexOf(p.replace(/　/g, '').slice(0, 20)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('keeps metadata lines and the photo credit for the lead', () => {
    expect(body!.blocks).toContain('责任编辑：王宁');
    expect(body!.blocks).toContain('原文地址：https://jsnews.example/a.shtml');
    expect(body!.blocks).toContain('观摩现场。记者 张三 摄');
    expect(body!.blocks.some((b) => b.endsWith('(记者 李四)'))).toBe(true);
  });

  it('drops headline, nav, share bar, comment box, related and hot lists, footer and scripts', () => {
    expect(body!.blocks).not.toContain('把新发展理念体现在项目建设上'); // the h1
    const joined = body!.blocks.join('\n');
    for (const chrome of ['首页', '分享到', '发表评论', '欢迎参与讨论', '相关文章', '全省重大项目建设推进会召开', '热点资讯', '版权所有', '广告脚本']) {
      expect(joined).not.toContain(chrome);
    }
  });

  it('collapses white space per block (full-width indents become nothing at the edges)', () => {
    expect(body!.blocks[0]!.startsWith('新华社南京')).toBe(true);
  });
});

const GOV_TABLE_PAGE = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>亭湖区人民政府</title></head>
<body><table width="1000" align="center"><tr><td colspan="2"><img src="/banner.jpg"><a href="/">网站首页</a> | <a href="/xxgk">信息公开</a> | <a href="/xwzx">新闻中心</a> | <a href="/zwfw">政务服务</a> | <a href="/hdjl">互动交流</a></td></tr>
<tr><td width="220" valign="top"><table><tr><td><a href="/a">区委动态</a></td></tr><tr><td><a href="/b">政府动态</a></td></tr><tr><td><a href="/c">部门动态</a></td></tr><tr><td><a href="/d">镇街动态</a></td></tr></table></td>
<td width="780" valign="top"><table width="100%">
<tr><td class="title">全区产业转型升级推进会召开</td></tr>
<tr><td class="info">发布日期：2019-08-26　来源：区新闻中心　浏览次数：326</td></tr>
<tr><td class="TRS_Editor">
<p>8月26日，全区产业转型升级推进会召开，区委书记在会上强调，要坚定不移推动产业转型升级，提高发展质量和效益。</p>
<p>会议指出，每一轮产业转移都会带动一批区域实现加速发展、跨越式发展。我们要围绕产业转移规律，提高项目建设的精准度。</p>
<p>会议要求，各地各部门要迅速传达落实会议精神，进一步提高政治站位，切实增强推动产业转型升级的行动自觉。(吕正龙)</p>
</td></tr>
<tr><td>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table></td></tr>
<tr><td colspan="2" align="center">主办单位：盐城市亭湖区人民政府办公室 地址：盐城市亭湖区 电话：0515-88888888 苏ICP备05000000号</td></tr>
</table></body></html>`;

describe('findArticleBody: government table-layout page', () => {
  it('finds the body cell and leaves out nav cells, print bar and footer', () => {
    const body = findArticleBody(loadHtml(GOV_TABLE_PAGE), { title: '全区产业转型升级推进会召开' });
    expect(body).not.toBeNull();
    expect(body!.blocks[0]).toMatch(/^8月26日/);
    expect(body!.blocks.some((b) => b.endsWith('(吕正龙)'))).toBe(true);
    const joined = body!.blocks.join('\n');
    for (const chrome of ['网站首页', '区委动态', '打印本页', '主办单位', 'ICP']) expect(joined).not.toContain(chrome);
  });
});

const EN_PARAS = [
  'When we started rewriting the ingestion service last spring, the plan was simple: replace the cron jobs, keep the data model, and ship within a quarter.',
  'It did not go that way. The first surprise was how many downstream reports depended on quirks of the old parser, including its habit of dropping trailing whitespace.',
  'In the end we kept a compatibility layer for six months, logged every divergence, and only removed it once the reports had been migrated one by one.',
];
const EN_BLOG = `<html><head><title>Lessons from a rewrite | Dev Notes</title></head><body>
<header class="site-header"><a href="/">Dev Notes</a><nav><a href="/archive">Archive</a> <a href="/about">About</a></nav></header>
<main><article class="post"><h1>Lessons from a rewrite</h1><p class="byline">By Jane Doe, March 3, 2021</p>
<div class="entry-content">${EN_PARAS.map((p) => `<p>${p}</p>`).join('\n')}
<ul><li>Keep the old and new outputs side by side, and diff them continuously.</li><li>Migrate consumers one at a time, with an owner for each.</li></ul>
</div>
<div class="share-buttons"><a href="#">Share on Twitter</a> <a href="#">Share on Facebook</a></div>
</article>
<aside class="sidebar"><h3>Recent posts</h3><ul><li><a href="/p1">Why we moved to Postgres</a></li><li><a href="/p2">On-call without burnout</a></li></ul></aside></main>
<footer class="site-footer">Copyright © 2021 Dev Notes. All rights reserved.</footer></body></html>`;

describe('findArticleBody: English blog', () => {
  it('scores English text (commas, characters) and keeps list items as blocks', () => {
    const body = findArticleBody(loadHtml(EN_BLOG), { title: 'Lessons from a rewrite' });
    expect(body).not.toBeNull();
    for (const p of EN_PARAS) expect(body!.blocks).toContain(p);
    expect(body!.blocks).toContain('Migrate consumers one at a time, with an owner for each.');
    const joined = body!.blocks.join('\n');
    for (const chrome of ['Archive', 'Share on Twitter', 'Recent posts', 'All rights reserved', 'Lessons from a rewrite']) expect(joined).not.toContain(chrome);
  });
});

const BR_PAGE = `<html><body><div class="top"><a href="/">论坛首页</a> <a href="/b">博客</a></div>
<div id="content"><div class="post-title">我的童年游戏</div>
<div class="post-body">那会儿小女生们爱玩跳房子，它在有些地方也叫做踢田，只要一支粉笔、一块石子儿就可以搞定。<br>
<br>几个游戏总得交叉着进行，要不然再爽也嫌腻歪，所以女孩们玩腻了跳房子，就改踢毽子去了。<br/>
而当年的女孩童年最热衷的游戏莫过于跳橡皮筋了，她们一边唱歌一边跳，跳一级升一级，跳死了就换人。<br>
女孩子们终究要长大的，那些童年的游戏就在这样的仓促中挥别，没有怀想，默默地留在了记忆里。</div></div>
<div class="links"><a href="/1">上一篇</a> <a href="/2">下一篇</a></div></body></html>`;

describe('findArticleBody: <br>-separated text', () => {
  it('turns each <br> line into a block', () => {
    const body = findArticleBody(loadHtml(BR_PAGE));
    expect(body).not.toBeNull();
    expect(body!.blocks).toHaveLength(4);
    expect(body!.blocks[0]).toMatch(/^那会儿小女生们/);
    expect(body!.blocks[3]).toMatch(/^女孩子们终究要长大的/);
  });
});

const INDEX_PAGE = `<html><head><title>江苏新闻_金山网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/zj">镇江</a></div>
<div class="list"><ul>
${Array.from({ length: 15 }, (_, i) => `<li><a href="/news/zj/202301/t20230129_558${i}.shtml">市委市政府召开第${i + 1}次全市重大项目建设推进会议并部署工作</a><span>2023-01-${10 + i}</span></li>`).join('\n')}
</ul><div class="page"><a href="index_1.shtml">下一页</a> <a href="index_2.shtml">尾页</a></div></div>
<div class="footer">版权所有 金山网</div></body></html>`;

describe('findArticleBody: index page', () => {
  it(`returns null when the best candidate has fewer than MIN_CONTAINER_CHARS (${MIN_CONTAINER_CHARS}) chars of non-link text`, () => {
    expect(findArticleBody(loadHtml(INDEX_PAGE))).toBeNull();
  });
});

describe('findArticleBody: layers', () => {
  it('uses the profile selector when it matches enough text (layer 1)', () => {
    const body = findArticleBody(loadHtml(NEWS_PAGE), { selector: 'div.content p' });
    expect(body!.layer).toBe('profile');
    expect(body!.blocks).not.toContain('责任编辑：王宁');
    expect(body!.blocks).toHaveLength(5); // the image-only <p> gives no block
  });

  it('falls back to scoring, with a warning, when the selector matches nothing or is invalid', () => {
    const stale = findArticleBody(loadHtml(NEWS_PAGE), { selector: '#no-such-thing' });
    expect(stale!.layer).toBe('scoring');
    expect(stale!.warnings.join(' ')).toMatch(/matched 0 chars/);
    const invalid = findArticleBody(loadHtml(NEWS_PAGE), { selector: 'div[[' });
    expect(invalid!.layer).toBe('scoring');
    expect(invalid!.warnings.join(' ')).toMatch(/invalid/);
  });

  it('uses the loose fallback for a short article spread over bare <p>s (layer 3)', () => {
    const html = `<html><body>${['今天上午，市区部分路段出现短时积水，交警部门及时疏导交通。', '据气象部门预报，明天仍有阵雨，请市民出行注意安全，合理安排出行时间。', '相关部门提醒，遇到积水路段不要强行通过，注意人身和财产安全。']
      .map((p) => `<section><p>${p}</p></section>`)
      .join('<hr>')}</body></html>`;
    const body = findArticleBody(loadHtml(html));
    expect(body).not.toBeNull();
    expect(body!.layer).toBe('fallback');
    expect(body!.blocks).toHaveLength(3);
  });
});

describe('findArticleBody: hostile markup', () => {
  const text = '这是深层嵌套中的正文内容，用来检查提取器不会因为递归过深而崩溃，也不会卡住不动。'.repeat(4);

  for (const tag of ['div', 'b', 'span']) {
    it(`survives 100,000 nested <${tag}>s (capNestingDepth before parsing) and returns the text`, () => {
      const depth = 100_000;
      const html = `<html><body>${`<${tag}>`.repeat(depth)}<p>${text}</p>${`</${tag}>`.repeat(depth)}</body></html>`;
      const capped = capNestingDepth(html, MAX_NESTING_DEPTH);
      expect(capped.dropped).toBeGreaterThan(2 * (depth - MAX_NESTING_DEPTH) - 10);
      const $ = loadHtml(capped.html);
      const body = findArticleBody($);
      expect(body).not.toBeNull();
      expect(body!.blocks.join('')).toContain(text);
      expect(() => $('body').text()).not.toThrow();
    });
  }

  it('flattens a parsed document deeper than MAX_NESTING_DEPTH itself (no pre-parse cap)', () => {
    const depth = 3000;
    const $ = loadHtml(`<html><body>${'<div>'.repeat(depth)}<p>${text}</p>${'</div>'.repeat(depth)}</body></html>`);
    const body = findArticleBody($);
    expect(body!.blocks.join('')).toContain(text);
    expect(body!.warnings.join(' ')).toMatch(/flattened/);
    expect(maxNestingDepth($)).toBeLessThanOrEqual(MAX_NESTING_DEPTH + 1);
  });

  it('handles a page cut mid-tag', () => {
    const cut = NEWS_PAGE.slice(0, NEWS_PAGE.indexOf(PARAS_ZH[2]!) + 30) + '<a hre';
    const body = findArticleBody(loadHtml(cut));
    expect(body).not.toBeNull();
    expect(body!.blocks.join('\n')).toContain(PARAS_ZH[1]!.replace(/　/g, ''));
  });

  it('handles unbalanced tags', () => {
    const html = `<html><body><div class="content"><p>${PARAS_ZH[0]}<div><p>${PARAS_ZH[1]}</span></b></td><p>${PARAS_ZH[2]}</div></div></div></div></body>`;
    const body = findArticleBody(loadHtml(html));
    expect(body).not.toBeNull();
    expect(body!.blocks.join('\n')).toContain(PARAS_ZH[2]!.replace(/　/g, ''));
  });
});
