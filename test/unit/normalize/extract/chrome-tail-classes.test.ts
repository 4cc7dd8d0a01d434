/**
 * Issue 9 (known misses of ours on zh-cwced, fixed as classes), on small pages written for the test: a forum post
 * followed by its board's rules under a notice header and by the thread's reply list.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';

function html(head: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}

const POST = [
  '周末我们带着孩子去了城郊的湿地公园，沿着木栈道一路走到观鸟台，看到了成群的白鹭在水面上起落，孩子兴奋得一直拉着我的手问这问那，我们也跟着重新认识了许多从前叫不出名字的水鸟。',
  '公园管理处的工作人员告诉我们，这几年周边的养殖场陆续退出，水质明显变好，来这里过冬的候鸟一年比一年多，去年冬天还第一次记录到了一对东方白鹳，引来不少摄影爱好者专程赶来。',
  '回家的路上孩子说下次还要来，还要带上望远镜和图鉴，自己把看到的鸟都记下来。我想，比起在家里看动画片，这样的一天也许更能让他记住什么是自然，什么是需要我们一起爱护的家园。',
  '听说湿地公园明年还要扩建一片科普长廊，把附近几所小学的自然课搬到这里来上，我觉得这是件大好事，到时候一定再带孩子来走一走，看一看那些在芦苇丛里安家的小生灵。',
];

describe('a forum post, its board rules and its reply list (issue 9)', () => {
  it('cuts the post at the notice header when the rules and replies are many short blocks after a few long ones', () => {
    const rules = ['任何言论纯属作者个人观点，与本论坛无关；', '禁止发表违反国家法律法规的言论；', '禁止利用本论坛进行违法行为；', '禁止发表恶意攻击他人的言论；', '转贴都应注明真实作者和出处；']
      .map((r, i) => `<tr><td>${i + 1}. ${r}</td></tr>`).join('');
    const replies = ['春天的湿地更好看', '请问门票多少钱', '周末人多吗', '下次一起去', '拍到白鹳了吗', '观鸟台几点开放']
      .map((t, i) => `<li><a href="${100 + i}.html">${t}</a> <b>网友${i}</b> <i>09:0${i}:51 5/23/06</i> (无内容)</li>`).join('');
    const body =
      `<center><h3>带孩子去湿地公园看鸟</h3></center><table><tr><td>${POST.join('<br><br>')}<br>` +
      `<table><tr><td><strong>郑 重 声 明</strong></td></tr>${rules}</table><hr>本贴跟从标题:<ul>${replies}</ul></td></tr></table>`;
    const r = normalize(html('<title>带孩子去湿地公园看鸟</title>', body));
    expect(r.paragraphs).toEqual(POST);
  });
});

describe('a headline set as the first paragraph under a title bar that names none (issue 9 class 4)', () => {
  const essay = (lead: string) =>
    `<p align="center"><font color="darkblue"><strong>${lead}</strong></font></p><hr><p>${POST.join('<br><br>')}</p>`;

  it('takes the centred first line as the headline when the <title> is a button word', () => {
    const r = normalize(html('<title>显示</title>', essay('湿地公园里的白鹭')));
    expect(r.title).toBe('湿地公园里的白鹭');
    expect(r.paragraphs).toEqual(POST.slice(0, 4));
  });

  it('leaves a first line with a digit or a clause mark, a short label, and a page whose <title> names the headline', () => {
    for (const lead of ['2003-7-24 小记', '编者按', '周末，去看鸟']) {
      const r = normalize(html('<title>显示</title>', essay(lead)));
      expect(r.paragraphs[0]).toBe(lead);
    }
    const named = normalize(html('<title>带孩子去湿地公园看鸟_某某论坛</title>', essay('湿地公园里的白鹭')));
    expect(named.title).toBe('带孩子去湿地公园看鸟');
    expect(named.paragraphs[0]).toBe('湿地公园里的白鹭');
  });
});

describe('a bare byline under the headline (issue 9, authors)', () => {
  const page = (lead: string) =>
    html('<title>湿地公园里的白鹭_随笔</title>', `<h1>湿地公园里的白鹭</h1><p>${lead}<br><br>${POST.join('<br><br>')}</p>`);

  it('reads a line that is only personal names as the authors and leaves it out of the body', () => {
    for (const [lead, names] of [['林晓', ['林晓']], ['王建宏 张文攀', ['王建宏', '张文攀']], ['欧阳明月', ['欧阳明月']]] as const) {
      const r = normalize(page(lead));
      expect(r.authors).toEqual(names);
      expect(r.paragraphs).toEqual(POST);
    }
  });

  it('keeps an opening heading, a four-character phrase, a place and a labelled author line as they were', () => {
    for (const lead of ['简介', '高温预警', '镇江', '江南水乡']) {
      const r = normalize(page(lead));
      expect(r.paragraphs[0]).toBe(lead);
      expect(r.authors).toEqual([]);
    }
    const labelled = normalize(page('作者：林晓'));
    expect(labelled.authors).toEqual(['林晓']);
    expect(labelled.paragraphs).toEqual(POST);
  });
});

describe('a parenthesised source note (issue 9)', () => {
  const page = (tail: string) =>
    html('<title>湿地公园里的白鹭_随笔</title>', `<h1>湿地公园里的白鹭</h1>${POST.map((p) => `<p>${p}</p>`).join('')}${tail}`);

  it('reads （摘自《X》…） as the source and leaves it out of the body', () => {
    const r = normalize(page('<p>（摘自《某某师范大学学报》2019年第3期，原文约12,000字）《某某文摘》2019年第8期</p>'));
    expect(r.paragraphs).toEqual(POST);
    expect(r.source).toBe('某某师范大学学报');
    expect(normalize(page('<p>(选自《湿地手记》)</p>')).source).toBe('湿地手记');
  });

  it('keeps a paragraph that only mentions a book it quotes', () => {
    const line = '（摘自《湿地手记》的这段话，后来被很多老师抄在黑板上，成了孩子们最喜欢的一课。）';
    const r = normalize(page(`<p>${line}</p>`));
    expect(r.paragraphs.at(-1)).toBe(line);
    expect(r.source).toBeNull();
  });
});

describe('a wiki article (issue 9)', () => {
  it('leaves the section edit links out of its headings', () => {
    const section = (h: string, i: number) =>
      `<h2><span class="mw-headline" id="s${i}">${h}</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?action=edit&amp;section=${i}">编辑</a><span class="mw-editsection-bracket">]</span></span></h2><p>${POST[i]}</p>`;
    const body = `<div id="content" class="mw-body"><h1 id="firstHeading">湿地公园</h1><div id="mw-content-text" class="mw-body-content">${['简介', '历史', '生态', '游览'].map(section).join('')}</div></div>`;
    const r = normalize(html('<title>湿地公园 - 维基百科，自由的百科全书</title>', body));
    expect(r.paragraphs).toEqual(['简介', POST[0], '历史', POST[1], '生态', POST[2], '游览', POST[3]]);
  });
});

describe('a repost opening with its original\'s date and outlet (issue 9)', () => {
  const page = (lead: string) =>
    html('<title>湿地公园里的白鹭_随笔</title>', `<h1>湿地公园里的白鹭</h1><p>${lead}</p>${POST.map((p) => `<p>${p}</p>`).join('')}`);

  it('reads "2003-7-24 某某晚报" as the source and leaves it out of the body', () => {
    for (const lead of ['2003-7-24 某某晚报', '某某日报 2019年3月2日']) {
      const r = normalize(page(lead));
      expect(r.paragraphs).toEqual(POST);
      expect(r.source).toMatch(/^某某(晚报|日报)$/);
    }
  });

  it('keeps a date line whose other words are no outlet', () => {
    const r = normalize(page('2003-7-24 阴转多云'));
    expect(r.paragraphs[0]).toBe('2003-7-24 阴转多云');
    expect(r.source).toBeNull();
  });
});

describe('a blog or forum post footer under the post (issue 9 class 5)', () => {
  const post = (after: string) =>
    html('<title>带孩子去湿地公园看鸟_某某博客</title>', `<h1>带孩子去湿地公园看鸟</h1><div class="entry">${POST.map((p) => `<p>${p}</p>`).join('')}${after}</div>`);

  it('drops the footer line that says who posted the post and when', () => {
    for (const footer of ['- 作者： 林间 访问统计： 2006年05月20日, 星期六 13:22 加入收藏', '〓 某某论坛 亲子话题 发布时间 2006/05/20 22:11:42 by 林间 〓', 'Posted by 林间 at 2006-05-20 22:11']) {
      expect(normalize(post(`<p>${footer}</p>`)).paragraphs).toEqual(POST);
    }
  });

  it('drops the signature block a rule of dashes opens above the footer', () => {
    const after = '<p>------------------------------</p><p>我的博客 林间小记 http://blog.example.com/linjian/</p><p>〓 某某论坛 亲子话题 发布时间 2006/05/20 22:11:42 by 林间 〓</p>';
    expect(normalize(post(after)).paragraphs).toEqual(POST);
  });

  it('keeps a closing line with a date but no poster label, a dated sentence, and a footer-like line inside the article', () => {
    const dated = '2006年5月20日 于城郊湿地';
    expect(normalize(post(`<p>${dated}</p>`)).paragraphs).toEqual([...POST, dated]);
    const sentence = '作者：林间，2006年5月20日写于城郊湿地公园观鸟台。';
    expect(normalize(post(`<p>${sentence}</p>`)).paragraphs).toEqual([...POST, sentence]);
    const inside = html('<title>带孩子去湿地公园看鸟_某某博客</title>', `<h1>带孩子去湿地公园看鸟</h1><div class="entry"><p>${POST[0]}</p><p>发布时间 2006/05/20 by 林间</p>${POST.slice(1).map((p) => `<p>${p}</p>`).join('')}</div>`);
    expect(normalize(inside).paragraphs).toContain('发布时间 2006/05/20 by 林间');
  });
});
