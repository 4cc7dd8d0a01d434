import { describe, expect, it } from 'vitest';
import { boilerplateReason, isBoilerplateLine, NOTICE_HEADER } from '../../../../lambdas/normalize/clean/boilerplate.js';

describe('isBoilerplateLine: chrome lines, Simplified and Traditional', () => {
  const cases: Array<[string, string]> = [
    ['分享到：微信 微博 QQ空间', 'share'],
    ['分享给朋友:', 'share'],
    ['分享給朋友：', 'share'],
    ['发表评论:', 'comment'],
    ['發表評論', 'comment'],
    ['欢迎参与讨论', 'comment'],
    ['版权声明:本文由网络蜘蛛自动收集于网络,如需转载请查明并注明出处,如有不妥之处请联系我们删除 400-0123-021 或 13391219793', 'copyright'],
    ['江蘇蘇訊網(wǎng)版權及免責聲明:凡本網(wǎng)注明“來源:XXX(非江蘇蘇訊網(wǎng))”的作品,均轉載自其它媒體,轉載目的在于傳遞更多信息,并不代表本網(wǎng)贊同其觀點和對其真實性負責。', 'copyright'],
    ['版权所有 © 我爱江苏网', 'copyright'],
    ['免责声明', 'copyright'],
    ['转载请注明出处', 'copyright'],
    ['Copyright © 2021 Example Ltd. All rights reserved.', 'copyright'],
    ['江蘇蘇訊網(wǎng)客服:025-86163400', 'contact'],
    ['客服电话：400-123-4567', 'contact'],
    ['联系邮箱：news@example.com', 'contact'],
    ['相关文章', 'list-header'],
    ['相关阅读', 'list-header'],
    ['热点资讯', 'list-header'],
    ['熱點資訊', 'list-header'],
    ['圖片新聞', 'list-header'],
    ['熱點聚焦', 'list-header'],
    ['最近发表', 'list-header'],
    ['标签列表', 'list-header'],
    ['友情链接', 'list-header'],
    ['【相关新闻】', 'list-header'],
    ['长按/扫一扫加葛毅明的微信号', 'promo'],
    ['葛毅明微信号', 'promo'],
    ['扫描二维码关注我们', 'promo'],
    ['上一篇：市委召开常委会', 'prev-next'],
    ['下一篇：全市经济运行平稳', 'prev-next'],
    ['第1页/共1页 << 上一页 | 下一页 >>', 'prev-next'],
    ['打印本页 关闭窗口', 'print'],
    ['【打印】【关闭】', 'print'],
    ['字号：大 中 小', 'font-size'],
    ['浏览次数：326', 'views'],
    ['瀏覽量:0', 'views'],
    ['当前位置:首页 > 镇江产业信息 > 正文内容', 'breadcrumb'],
    ['吉林省政府信息公开专栏 >> 吉林省人民政府 >> 政府信息公开基础平台', 'breadcrumb'],
    ["DON'T MISS", 'widget'],
    ['Related Links', 'widget'],
    ['More from UK', 'widget'],
    ['Popular', 'widget'],
    ['You may also like...', 'widget'],
    ['ADVERTISEMENT', 'widget'],
    ['Tags:', 'widget'],
    ['Image copyright', 'widget'],
    ['This slideshow requires JavaScript.', 'widget'],
    ['READ MORE: China plague outbreak confirmed: Two diagnosed with disease in Beijing', 'teaser'],
    ["Related: SpaceX's Starship and Super Heavy Mars Rocket in Pictures", 'teaser'],
    ['Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM', 'date-stamp'],
    ['PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019', 'date-stamp'],
    ['Published Monday, November 18, 2019 8:22AM EST', 'date-stamp'],
    ['Nov. 19, 2019, 8:41 AM UTC', 'date-stamp'],
  ];
  for (const [line, reason] of cases) {
    it(`${reason}: ${line.slice(0, 30)}`, () => {
      expect(boilerplateReason(line)).toBe(reason);
      expect(isBoilerplateLine(line)).toBe(true);
    });
  }
});

describe('isBoilerplateLine: lines that must stay', () => {
  const keep = [
    '责任编辑:王宁',
    '【責任編輯:陸超】',
    '責(zé)任編輯:龔逍遙',
    '来源:南京日报',
    '原文地址:https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml',
    '(记者 陈志奎)',
    '2024-02-20 09:49 來源: 編輯:中國江蘇網 瀏覽量:0', // a metadata line: the lead parses it
    '观摩现场。记者 张三 摄',
    'Photo © 2019 AFP', // photo credit, kept for the lead
    '分享经济蓬勃发展，共享单车进入千家万户。',
    '会议强调，要加强版权保护，对未经许可转载的行为依法追究责任，并建立长效机制，推动全社会形成尊重知识产权的良好氛围，营造健康有序的网络传播环境。',
    '相关部门提醒，遇到积水路段不要强行通过。',
    'More than 300 people attended the meeting on Monday.',
    'Read more about the plan in the council report, which was published in March and runs to 200 pages.',
    'Published in 1999, the book sold more than a million copies.',
    '2005-08-22 19:13:18', // a bare numeric stamp: may be a Chinese info line the lead reads
    '扫黑除恶专项斗争深入推进，群众安全感持续提升，全市社会治安形势稳定向好，各项工作取得了阶段性的显著成效，得到了群众广泛认可和好评。',
    '',
  ];
  for (const line of keep) {
    it(`keeps: ${line.slice(0, 30) || '(empty)'}`, () => expect(boilerplateReason(line)).toBeNull());
  }
});

describe('NOTICE_HEADER', () => {
  it('matches notice headers that start a legal footer, also with spaced characters', () => {
    for (const h of ['郑 重 声 明', '反侵权公告：', '版權聲明', '【免责声明】']) expect(NOTICE_HEADER.test(h)).toBe(true);
    expect(NOTICE_HEADER.test('会议发表了联合声明')).toBe(false);
  });

  it('takes 郑重声明 / 特别声明 as the site\'s header only alone or as the site\'s disclaimer', () => {
    for (const h of ['特别声明', '【特别声明】', '特别声明：', '特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。']) {
      expect(NOTICE_HEADER.test(h)).toBe(true);
    }
    // A company's statement reproduced in a story opens with the same words.
    expect(NOTICE_HEADER.test('郑重声明：近日有不法分子冒用我公司名义开展招商，我公司从未授权任何机构或个人。')).toBe(false);
    expect(NOTICE_HEADER.test('特别声明：经董事会审议，公司决定终止本次重大资产重组事项，公司股票将于明日起复牌。')).toBe(false);
  });

  it('drops a 郑重声明 line as copyright only alone or speaking of the site', () => {
    expect(boilerplateReason('郑 重 声 明')).toBe('copyright');
    expect(boilerplateReason('本站郑重声明：所载文章、数据仅供参考，投资有风险，选择需谨慎。')).toBe('copyright');
    expect(boilerplateReason('郑重声明：近日有不法分子冒用我公司名义开展招商，我公司从未授权任何机构或个人。')).toBeNull();
    expect(boilerplateReason('郑重声明：近日有不法分子冒用我公司名义开展招商，对侵权行为我公司将依法追究。')).toBeNull();
    expect(boilerplateReason('声明：本公司将依法追究侵权者的法律责任。')).toBeNull();
  });
});

describe('trailers and widgets inside the container (issue 9 class 5)', () => {
  it.each([
    '（本文来自某某新闻，更多原创资讯请下载“某某新闻”APP）',
    '原标题：某市出台新规 促进消费回暖',
    '（原标题：某市出台新规）',
    '声明：本站力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。本站不对因使用本文信息产生的任何后果负责，转载时请保留来源链接与作者署名，谢谢合作与支持。',
    '风险提示：市场有风险，投资需谨慎。',
    '图片均来自网络，如有侵权请联系删除',
    '文章信息来源于网络，如有侵权请联系删除',
    '【点击投票】',
    '打印 字体：放大 正常 缩小 分享',
    '延伸 · 推荐',
    '相关资讯请关注：某某专区',
    '返回某站，查看更多',
    '正在为您切换到高清 480P，请稍候',
  ])('drops %s', (line) => {
    expect(boilerplateReason(line)).toBe('trailer');
  });

  it.each([
    '他在声明中表示，公司将继续履行承诺，保障员工权益。',
    '原标题中的“暴涨”一词并不准确，记者核实后发现涨幅不足一成。',
    '市民可通过手机APP下载电子证照，本文来自记者的实地采访。',
  ])('keeps prose that mentions the words: %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('promo: a QR/channel promo needs the promo form, not just the word (扫码, 二维码, 公众号)', () => {
  it.each([
    '扫描二维码关注我们',
    '长按识别二维码，关注本号',
    '欢迎扫描右方二维码关注某某日报官方微信',
    '扫一扫在手机打开当前页',
    '扫一扫，用手机看新闻！',
    '扫描二维码，向某某网吐槽',
    '扫二维码上移动某某网',
    '扫描下载APP',
    '微信扫一扫打赏',
    '扫描下方二维码解锁更多技能',
    '欢迎关注我们的微信公众号',
    '某某日报公众号',
    '微信号：moumou-news',
    '扫一扫',
    '微信扫一扫赞赏作者', // 作者 here is no credit label: nothing follows it
    '扫描二维码，向编辑部吐槽',
    // The imperative: reader-addressed words before the code word, or a cue verb leading its clause.
    '更多精彩内容，请扫码关注',
    '更多粉丝福利扫描二维码关注（moumou）',
    '微信扫码，关注某某日报',
    '关注某某公众号，获取更多资讯',
    '扫码关注，了解更多',
    '长按二维码下载APP',
    '温馨提醒：扫码关注某某日报，了解更多',
    '想看到更多精彩内容？扫码关注',
  ])('drops %s', (line) => {
    expect(boilerplateReason(line)).toBe('promo');
  });

  it.each([
    '市民可用手机扫码缴费，水电燃气费用一次办结。',
    '全市公交车已全面支持扫码乘车，老年卡也能使用。',
    '该局已开通微信公众号，方便群众查询办事进度。',
    '居民可以扫描社区张贴的二维码，登记疫苗接种意向。',
    '他说，长按电源键十秒后手机就会重启。',
    '受新规影响，赞赏功能被关闭，读者可通过二维码转账支持作者。',
    // A subject before the code word in its clause: somebody else uses the code.
    '居民扫码登记后即可进入小区',
    '游客扫码即可获取景点讲解',
    '骗子让受害人扫码下载一个APP',
    '据介绍，群众扫码关注某某发布后即可在线办理',
    '该公众号发布的文章阅读量超过10万',
    // Reported from someone in an earlier clause.
    '她说，扫码打开小程序就能预约',
    '市场监管部门提醒消费者，扫码领取礼品要警惕',
    // A fact stated after the code word.
    '长按二维码识别的功能已上线',
  ])('keeps prose about scanning and accounts: %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('blog and comment counters, trackbacks, ordinal date stamps', () => {
  it.each([
    ['《某某文章的标题》已有3件评论', 'comment'],
    ['已有12条评论', 'comment'],
    ['5 条评论', 'comment'],
    ['共有8条回复', 'comment'],
    ['(本文发表于首页杂谈, 已被阅读178次)', 'views'],
    ['阅读 2035 次', 'views'],
    ['本文引用通告地址: /wp-trackback.php?p=12', 'widget'],
    ['Trackback URL: https://example.com/trackback/12', 'widget'],
    ['Saturday, March 3rd, 2007 9:15 pm', 'date-stamp'],
    ['Posted on June 21st, 2010', 'date-stamp'],
    // A Chinese post stamp: a date with a post label or a counter, and nothing else.
    ['发表于 2010年3月5日 08:15 - (阅读:120;评论:4)', 'date-stamp'],
    ['时间：2021年6月2日 09:00 浏览： 57', 'date-stamp'],
    ['发布时间：2021-06-02 09:00:12 星期三', 'date-stamp'],
    ['2021-06-02 | 阅读 88 | 评论 3', 'date-stamp'],
  ])('%s -> %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    '已有3件评论指出，这份报告的数据来源并不可靠。',
    '这本书他前后阅读了5次，每次都有新的体会。',
    'The 3rd Street bridge reopened on Monday after repairs.',
    // A bare date (a notice's signature date, a diary entry) and a dated sentence stay.
    '2021年6月2日',
    '2021年6月2日 09:00',
    '发表于2021年6月2日的文章引起了广泛讨论，阅读量超过十万。',
    '时间：2021年6月2日 地点：市民中心',
  ])('keeps %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('English photo credits and reader promos (aeb classes)', () => {
  it.each([
    ['Crowds gathered outside the town hall on Sunday (Image: GETTY)', 'photo-credit'],
    ['The old bridge before the flood (Picture: Local Archive)', 'photo-credit'],
    ['The rocket on the pad before launch. (credit: Space Agency/Jane Roe)', 'photo-credit'],
    ['Jane Roe/Daily Paper/Getty Images', 'photo-credit'],
    ['John Smith | Bloomberg | Getty Images', 'photo-credit'],
    ['Saving money is hard.Jane Roe/Getty', 'photo-credit'],
    ['Have a tip? Jane Roe may be reached at jroe@example.com. Follow her on Twitter @janeroe.', 'promo'],
    ['Get the latest updates right in your inbox. Subscribe to Example.com’s newsletters.', 'promo'],
    ['SIGN UP for our newsletter', 'promo'],
    ['Sign up for The Morning Brief today to get the free daily newsletter delivered to your inbox.', 'promo'],
    ['Email Jane Roe at jroe@example.com or follow her @janeroe. Follow us on Twitter @example and on Facebook.', 'promo'],
    ["Jane Roe's book about the deep sea, \"Down There\" (Big House, 2018; illustrated by John Smith), is out now. Follow her on Twitter @janeroe.", 'promo'],
  ])('%s -> %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    '(Image credit: All About Space)', // a bare credit line some labels keep
    'Image Source: Jane Roe / Example Publishing/Shutterstock',
    'The agency said it would follow up on the complaint, and Getty Images declined to comment.',
    'You can also subscribe to this newsletter here.',
    'Readers who sign up for the trial can cancel at any time, the company said.',
    'Police asked anyone who saw the crash to follow the instructions on the force’s website.',
  ])('keeps %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('Chinese widget lines: toolbars and buttons read as a line (issue 9 class 5)', () => {
  it.each([
    '举报/反馈',
    '阅读原文',
    '点赞 在看 分享',
    '收藏 举报',
    '【纠错】',
    '[我要纠错]',
    '展开全文',
    '查看原图',
    '点击图片进入下一页',
    '往期回顾',
    '- END -',
    '分享让更多人看到',
    '点击进入专题：城市更新',
    '|分享',
    '（完）',
  ])('%s is a widget line', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    '他在朋友圈点赞、转发了这条消息，并留言表示支持。',
    '收藏家王先生展示了他的藏品。',
    '阅读原文件后，专家组提出了三点意见。',
    '全文完成修订后将提交审议。',
    '举报人可通过12345热线反馈。',
  ])('keeps %s', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });

  it('a repost note that the copyright stays with the original author is a copyright line', () => {
    expect(boilerplateReason('本文系转载，版权归原作者所有')).toBe('copyright');
    expect(boilerplateReason('如有侵权请联系删除，版权归作者所有。')).toBe('copyright');
  });
});


describe('widget rules that dropped a whole sentence for one word (issue 9 class 5)', () => {
  it.each([
    ['阅读量：1234', 'views'],
    ['人气 1234', 'views'],
    ['客服电话：400-123-4567', 'contact'],
    ['网友评论：', 'comment'],
    ['我要评论（12）', 'comment'],
    ['已有3人参与', 'comment'],
    ['主办单位：某某市人民政府办公室 承办单位：某某市大数据中心', 'site-info'],
    ['建议使用1024×768分辨率浏览', 'site-info'],
    ['本站建议使用IE8以上浏览器，1280*800以上分辨率', 'site-info'],
    ['图片来源于网络，如有侵权请联系删除', 'trailer'],
    ['（图片来自网络）', 'trailer'],
    ['网友评论仅供其表达个人看法，并不表明某某网立场。', 'trailer'],
    ['Follow us on Twitter @example.', 'promo'],
    ['Read the report here. Follow her on Twitter @janeroe.', 'promo'],
  ])('%s -> %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    // A counter or a phone number reported in a sentence.
    '该视频的点击量1000万次，创下纪录。',
    '节目上线首日点击量300万次。',
    '市民可拨打服务热线0571-88888888咨询。',
    // A comment or footer word leading a sentence.
    '网友评论称，这一做法值得推广。',
    '参与评论的网友大多认为，这一政策利大于弊。',
    '已有3人参与救援，现场秩序良好。',
    '本次活动主办单位为市文旅局，承办单位为市文化馆。',
    '下届承办单位浙江大学接受会旗并合影',
    '专家建议使用高分辨率屏幕',
    // A source of information reported, not a picture note.
    '不少信息来源于网络，真假难辨。',
    // A follow reported, not asked.
    'Officials urged residents to follow them on Twitter for updates.',
    // A sign-up reported, not asked.
    'Readers can sign up for the paper’s free newsletter, editors said in a statement.',
  ])('keeps %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('English trailers aeb pages kept (issue 9 class 5)', () => {
  it.each([
    ['Jane Roe and John Smith contributed to this report.', 'trailer'],
    ['Example News’ Jane Roe contributed reporting to this story', 'trailer'],
    ['A crane lifts a beam over the harbour in Oslo.Reuters', 'photo-credit'],
    ['Copyright @ 2021 The Example Times.', 'copyright'],
    ['About the Author', 'widget'],
    ['Related coverage from Example Guides: Travel:', 'widget'],
    ['Related post: A Simple Bread Recipe', 'teaser'],
    ['Get Example Monthly delivered through your letterbox every month. 12 issues for £9.99.', 'promo'],
  ])('%s -> %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    'She said the grant contributed to the report’s delay, which angered the committee.',
    'The storm reached the coast on Monday. Reuters reported three deaths.',
    'About the author of the letter, little is known.',
    'Customers can have groceries delivered to your door within an hour, the company claims.',
  ])('keeps %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('copyright, share and previous-article words inside a sentence (issue 9 class 5)', () => {
  it.each([
    ['本站免责声明', 'copyright'],
    ['请自觉遵守互联网相关的政策法规，共同营造文明健康的跟评互动环境。', 'comment'],
    ['文明上网 理性发言', 'comment'],
    ['免责声明：本网转载的内容仅供参考，不代表本网观点，如有侵权请联系删除，本网将在第一时间处理。', 'copyright'],
    ['版权所有 © 2021 某某网', 'copyright'],
    ['某某网版权所有，未经授权不得转载。', 'copyright'],
    ['2003-2021 某某网络科技有限公司 版权所有', 'copyright'],
    ['分享到：微信 微博 QQ空间', 'share'],
    ['分享到朋友圈', 'share'],
    ['上一篇：某某市召开工作会议', 'prev-next'],
    ['上一篇文章：某某市召开工作会议', 'prev-next'],
  ])('%s -> %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    '法院认为，该免责声明无效。',
    '他表示，该作品版权所有人尚未确定。',
    '律师指出，商家单方面发布的免责声明不能对抗消费者的法定权利，这一点在多起判例中得到确认。',
    '分享到朋友圈的照片引发热议',
    '上一篇报道中，我们提到了这个问题。',
    '平台要求用户遵守国家法律法规，理性发言。',
    '网信办呼吁网民文明上网，理性发言。',
    '免责声明的效力一直是此类纠纷的焦点，法院审理后认为，商家不能以格式条款排除消费者的主要权利。',
  ])('keeps %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('one REPORTING_VERBS list for the promo, comment-rule and copyright rules', () => {
  it.each([
    // 说明 is a label, not a report: the notice is the page's own.
    ['转载说明：转载请注明出处', 'copyright'],
    // 温馨提醒 is the site greeting the reader: the comment box's own rule.
    ['温馨提醒：请遵守国家法律法规，文明上网，理性发言。', 'comment'],
    // The shared list still holds what each rule had.
    ['扫码关注，了解更多', 'promo'],
  ])('%s -> %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    // Verbs of saying the copyright and comment-rule lists lacked before they shared one list.
    '据悉，该作品版权所有人尚未确定。',
    '业内人士坦言，免责声明往往形同虚设。',
    '他认为，用户应遵守法律法规，理性评论。',
    '她介绍，平台用户须遵守社区公约，文明上网、理性发言。',
  ])('keeps %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('the site blurb, breadcrumb and disclaimer rules keep news sentences (issue 9 class 5)', () => {
  it.each([
    // The site's own "about us" blurb: its name, who runs it, and nothing else said.
    ['某某网是由中共某某市委宣传部主管、某某日报社主办的综合性新闻网站。', 'site-info'],
    ['某某网是由某某日报社主办的综合性新闻网站。本站致力于传播本地新闻。', 'site-info'],
    ['某某小说网是由某某集团运营的原创小说平台', 'site-info'],
    // A breadcrumb: short steps with navigation marks, or arrows with the home page or the article as a step.
    ['首页 > 新闻 > 国内', 'breadcrumb'],
    ['首页 → 新闻中心 → 正文', 'breadcrumb'],
    ['-> 畅销小说 -> 某某书摘 -> 正文', 'breadcrumb'],
    ['>> 首页 >> 研究集萃', 'breadcrumb'],
    // The site's disclaimer: the bare label, or a short line speaking of the site or the reading.
    ['声明：', 'trailer'],
    ['【声明】：以上内容仅代表作者观点', 'trailer'],
    ['声明：该文观点仅代表作者本人，某某号系信息发布平台，某某仅提供信息存储空间服务。', 'trailer'],
    ['特别声明：本文转载自其他媒体，转载目的在于传递更多信息。', 'trailer'],
  ])('%s -> %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    // A story about the site: a news day, a reporting verb, or a paragraph that goes on with other news.
    '人民网是由人民日报社主办的大型网络信息交互平台，今天正式上线新版。',
    '某某网是由某某日报社主办的综合性新闻网站，5月20日迎来上线十周年。',
    '人民网是由人民日报社主办的大型网络信息交互平台。此次改版新增了视频频道，用户体验明显提升。',
    '某某网是某某集团运营的电商平台，他表示平台将扩大投入',
    // Routes and processes: arrows between places or steps, or inside a sentence.
    '成都→重庆→贵阳',
    '申请→审核→发证',
    '列车从南京→上海→杭州，全程3小时。',
    '线路为成都→重庆→贵阳',
    // A company's statement the story reproduces: it speaks of the company, or runs long.
    '声明：本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。',
    '特别声明：经董事会审议，公司决定终止本次重大资产重组事项，公司股票将于明日起复牌。',
    '风险提示：受台风影响，沿海地区可能出现强降雨，请市民减少外出。',
    '声明：近日，网络上出现大量冒用我公司名义开展招商加盟的信息，相关人员以收取加盟费、保证金等名义骗取钱财。我公司郑重提醒广大消费者，本公司从未授权任何第三方开展招商活动，请通过官方渠道核实信息，如发现相关线索请及时向公安机关报案，本公司将依法追究侵权者的法律责任。',
  ])('keeps %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('short-line rules ask for the widget shape, not its word (issue 9 class 5)', () => {
  it.each([
    ['上一篇 市委召开常委会', 'prev-next'],
    ['【上一篇】市委召开常委会', 'prev-next'],
    ['下一篇文章：全市经济运行平稳', 'prev-next'],
    ['[上一篇] [下一篇]', 'prev-next'],
    ['请文明上网，理性发言，共建清朗网络空间。', 'comment'],
    ['温馨提示：文明上网 理性发言', 'comment'],
    ['京ICP备05070218号 京公网安备11010202000001号', 'site-info'],
    ['沪ICP证：沪B2-20170116', 'site-info'],
    ['网站地图 | 联系我们 | 关于我们', 'site-info'],
    ['技术支持：某某软件技术有限公司', 'site-info'],
    ['【打印本页】 【关闭窗口】', 'print'],
    ['打印此文 | 关闭窗口 | 返回顶部', 'print'],
    ['發佈時間：2021-01-01 【打印】【關閉】', 'print'],
    ['手机字体：放大 正常 缩小', 'trailer'],
    ['信息来源于网络', 'trailer'],
    ['点击数：892465', 'views'],
    ['首页>新闻>正文', 'breadcrumb'],
    ['新闻 > 国内 > 时政', 'breadcrumb'],
  ])('%s -> %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    // prev-next: the lead word goes on as a sentence.
    '上篇文章发表后，引起了读者的热烈讨论。',
    '下一条地铁线路将于年底开通。',
    '下一篇章将由年轻一代书写。',
    '上一条新闻里提到的那位老人已经康复。',
    // comment rules: a subject of its own, or the slogan as a modifier.
    '企业应遵守相关法律法规，在互动营销中保护消费者权益。',
    '各方应遵守国际法律法规，通过对话协商解决分歧，避免发言激化矛盾。',
    '开展文明上网理性发言主题教育活动。',
    // site-info: a filing spoken of, a map service, a footer label in a sentence.
    '该网站的ICP备案已被注销。',
    '网站未取得ICP证就开展经营，被依法查处。',
    '该局推出了全市旅游网站地图导览服务。',
    '主办单位：市文旅局。承办单位：市文化馆。活动时间为5月1日至3日。',
    // print: the toolbar word inside a sentence.
    '台风来临前，居民应关闭窗口并加固门窗。',
    '居民应关闭窗口',
    '老人收藏本页报纸多年。',
    // trailer: 字体放大 and 来自网络 as parts of a sentence.
    '手机字体放大后，老人看得更清楚了。',
    '信息来自网络的比例逐年上升。',
    '图片来自网络的说法并不准确。',
    // views: a year after 人气.
    '人气2023年持续攀升',
    // breadcrumb: a comparison with unspaced >.
    '贡献率排序为消费>投资>出口',
    '服务业>工业>农业',
    // copyright: the words quoted or as a noun.
    '该网站首页显示“版权所有”字样。',
    '网站底部标注了版权所有字样。',
    '版权所有人可依法维权。',
    '版权所有者应及时登记作品。',
  ])('keeps %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('font-size, repost-note and contact rules (issue 9 class 5)', () => {
  it.each([
    ['字号：大 中 小', 'font-size'],
    ['【字体：大 中 小】', 'font-size'],
    ['字体：大 中 小 | 打印', 'font-size'],
    // A repost note asking to be told of an infringement: chrome the old rule let through.
    ['本文来自网络，如有侵权请联系删除', 'trailer'],
    ['本站部分内容转载自网络,如有侵权请联系我们删除。', 'trailer'],
    ['违法和不良信息举报电话：0478-8655532（工作时间） 邮箱：jubao@example.com', 'contact'],
    ['本文为政务等机构在某某新闻上传并发布，仅代表该机构观点，不代表某某新闻的观点或立场', 'trailer'],
    ['下载客户端还能获得专享福利', 'promo'],
    ['欢迎广大读者投稿', 'site-info'],
    ['(本文发表于首页杂谈, 已被阅读178次)', 'views'],
  ])('%s -> %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    '字号大中小三种规格的灯笼均已售罄。',
    '本文来自网络的说法并不准确。',
    '如有侵权，本公司将依法追究。',
    '举报电话0571-87654321已开通',
    '如有疑问可拨打客服热线400-123-4567',
    // The chrome phrase as a modifier of a sentence's noun, or a counter going on as a sentence.
    '平台仅提供信息存储服务的说法不能免除其责任。',
    '下载客户端领取红包的骗局屡见不鲜。',
    '欢迎读者朋友投稿的栏目已开设三年。',
    '阅读3次后，他终于读懂了这本书',
  ])('keeps %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});

describe('Traditional forms of every pattern character (issue 9 class 5)', () => {
  it.each([
    ['風險提示：市場有風險，投資需謹慎。', 'trailer'],
    ['鄭重聲明：本站所載文章僅供參考', 'copyright'],
    ['當前位置：首頁 > 新聞', 'breadcrumb'],
    ['網友評論僅供其表達個人看法，並不表明本網同意其觀點。', 'trailer'],
    // 名称 names something: no report before the notice (a class inside a widened class closed it early before).
    ['软件名称：某某 版权所有 © 2021 某某公司', 'copyright'],
  ])('%s -> %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    // Reported with a Traditional verb of saying: 認為, 強調.
    '律師認為，這是一份有效的免責聲明。',
    '法院認為，被告的版權聲明無效。',
    '她強調，轉載請注明出處只是基本要求。',
    '風險提示：受颱風影響，沿海地區可能出現強降雨。',
    '下一條地鐵線路將於年底開通。',
  ])('keeps %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});
