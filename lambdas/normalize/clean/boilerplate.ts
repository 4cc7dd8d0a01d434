/**
 * Lines of site chrome that sit next to (or inside) the article container and are not article text:
 * share and comment prompts, copyright/disclaimer notes, contact banners, related/hot list headers,
 * WeChat/QR promos, previous/next links, print/close and font-size toolbars, view counters.
 * Used by the HTML body extractor (extract/body.ts) and by the text-capture layout (extract/text-layout.ts).
 *
 * Both Simplified and Traditional forms match: every pattern is written in Simplified and each character with a
 * Traditional form from `TRADITIONAL_VARIANTS` becomes a class (`[点點]`). Pinyin annotations a capture may carry
 * (`網(wǎng)`) are ignored when matching. Metadata lines (责任编辑, 来源, 记者...) are NOT boilerplate: the lead parses
 * them, so a line carrying a metadata label only matches the copyright rule.
 *
 * Rules (quoted by the README):
 *   share      — starts with 分享到 / 分享给朋友 / 分享至 / 一键分享, short
 *   comment    — starts with 发表评论 / 欢迎参与讨论 / 网友评论 / 我要评论 / 查看评论, or "已有N人参与", or comment rules
 *                (遵守…政策法规…跟评, 文明上网 理性发言), short
 *   copyright  — 版权声明 / 版权所有 / 免责声明 / 转载请注明 / ©, near the start of the line or in a short line
 *   contact    — 客服 / 联系邮箱 / 联系电话 / 投稿邮箱 / 举报电话 with a phone number or e-mail, short
 *   list-header — the whole line is a list title: 相关文章, 相关阅读, 热点资讯, 图片新闻, 热点聚焦, 最近发表, 标签列表, 友情链接…
 *   promo      — 扫一扫 / 长按 / 微信号 / 二维码 / 关注…公众号, short; a call-to-action button or app bonus (【点击投票】,
 *                下载客户端…专享福利) in a line up to PROMO_LINE_CHARS
 *   prev-next  — starts with 上一篇 / 下一篇 (条/章), or a pager line (第1页/共3页, 上一页 | 下一页)
 *   site-info  — footer facts: 主办单位 / 承办单位 / ICP备 / 公网安备 / 网站标识码 / 建议使用…分辨率 / 技术支持, short; the
 *                site's own blurb (X网是…主办的…网站) with no news day, reporting verb or other news in the line
 *   breadcrumb — starts with 当前位置 / 您的位置 / 所在位置, or 2+ "›/>>/»/>" separators between short steps without clause
 *                marks; with arrows (→, ->) only when a step is 首页/正文 (成都→重庆→贵阳 is a route)
 *   print      — 打印本页 / 关闭窗口 / 【打印】 / 【关闭】, short
 *   font-size  — 字号 大 中 小
 *   views      — 浏览量 / 浏览次数 / 阅读量 / 点击数 followed by a number, short
 *   widget     — (English-language templates) the whole line is a widget label: Related, More from X, You may also like,
 *                Don't miss, Trending, Advertisement, Tags, Comments, Caption/Close, Image copyright, Subscribe…
 *   teaser     — a short line led by READ MORE: / SEE MORE: / Related: / MORE: (a link to another story)
 *   trailer    — (issue 9 class 5) app and repost trailers and widget text inside the container: （本文来自X，更多原创资讯请
 *                下载“X”APP）, 原标题：… lines, 声明：/ 风险提示： disclaimers that speak of the site or the reading (up to
 *                120 chars), 图片/信息来源于网络 notes,
 *                【点击投票】-style promo buttons, 打印 字体：放大 正常 缩小 toolbars, 延伸·推荐, 相关资讯请关注…, 返回X，查看更多,
 *                video-player text (正在为您切换到…, 倍速), 经过X重新编排 notes, short unless the marker leads the line
 *   photo-credit — (English) a caption closed by its credit ("… (Image: GETTY)", "… (credit: NASA/X)"), or a line of
 *                credit segments ending in a picture agency ("X/Hindustan Times/Getty Images", "X | Bloomberg | Getty Images")
 *   promo (English) — a reader promo: "Have a tip?", "follow us/him on Twitter", "may be reached at x@y", newsletter
 *                sign-ups ("Subscribe to X’s newsletters", "… delivered to your inbox"), up to EN_PROMO_LINE_CHARS
 *   date-stamp — a short line that is only a Latin-script publication stamp: Published/Updated/Posted labels, month
 *                and weekday names, times, time zones ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM"); or a short
                Chinese post stamp: a date with a post label or a counter and nothing else (发表于 … (阅读:N;评论:N))
 */

import { collapseRuns, JS_SPACE_NOT_SPACE } from './whitespace.js';

export type BoilerplateReason =
  | 'share' | 'comment' | 'copyright' | 'contact' | 'list-header' | 'promo' | 'prev-next' | 'print' | 'font-size' | 'views'
  | 'breadcrumb' | 'site-info' | 'widget' | 'teaser' | 'date-stamp' | 'trailer' | 'photo-credit';

/** Simplified → Traditional forms of the characters the patterns use. */
const TRADITIONAL_VARIANTS: Readonly<Record<string, string>> = {
  给: '給', 发: '發', 表: '表', 评: '評', 论: '論', 欢: '歡', 迎: '迎', 与: '與', 讨: '討', 网: '網', 查: '查', 看: '看',
  权: '權', 声: '聲', 责: '責', 转: '轉', 载: '載', 请: '請', 注: '註', 联: '聯', 系: '係繫', 邮: '郵', 电: '電', 话: '話',
  举: '舉', 报: '報', 线: '綫線', 关: '關', 热: '熱', 点: '點', 资: '資', 讯: '訊', 图: '圖', 闻: '聞', 聚: '聚',
  焦: '焦', 标: '標', 签: '籤簽', 链: '鏈', 阅: '閱', 读: '讀', 荐: '薦', 扫: '掃', 长: '長', 号: '號',
  维: '維', 码: '碼', 众: '眾衆', 条: '條', 页: '頁', 闭: '閉', 窗: '窗', 览: '覽', 办: '辦', 备: '備', 证: '證', 识: '識', 术: '術', 辨: '辨', 议: '議', 协: '協', 单: '單', 位: '位', 构: '構', 浏: '瀏', 数: '數', 来: '來', 编: '編', 辑: '輯', 记: '記', 摄: '攝', 员: '員', 击: '擊', 为: '為爲',
  专: '專', 题: '題', 门: '門', 猜: '猜', 彩: '彩', 延: '延', 伸: '伸', 排: '排', 榜: '榜', 视: '視',
  频: '頻', 体: '體', 层: '層', 楼: '樓', 说: '說', 键: '鍵', 复: '復複', 制: '製', 该: '該',
  馈: '饋', 纠: '糾', 错: '錯', 赞: '贊讚', 开: '開', 进: '進', 顾: '顧', 让: '讓', 归: '歸',
  // The rest of the characters the patterns use that have a Traditional form (OpenCC STCharacters; 裡 beside 裏 as
  // Taiwan writes it): without them a Traditional page's 認為/據悉 was no report and 風險提示/鄭重聲明 no notice.
  于: '於', 强: '強', 调: '調', 简: '簡', 称: '稱', 绍: '紹', 认: '認', 诉: '訴', 据: '據', 温: '溫', 郑: '鄭', 经: '經',
  户: '戶', 别: '別', 风: '風', 险: '險', 台: '臺', 内: '內', 观: '觀', 仅: '僅', 参: '參', 买: '買', 卖: '賣', 担: '擔',
  负: '負', 须: '須', 谨: '謹', 场: '場', 储: '儲', 删: '刪', 络: '絡', 选: '選', 后: '後', 时: '時', 订: '訂', 缩: '縮',
  换: '換', 暂: '暫', 畅: '暢', 蓝: '藍', 画: '畫', 静: '靜', 间: '間', 务: '務', 创: '創', 运: '運', 营: '營', 当: '當',
  们: '們', 广: '廣', 跃: '躍', 积: '積', 极: '極', 规: '規', 动: '動', 吁: '籲', 导: '導', 领: '領', 抢: '搶', 购: '購',
  红: '紅', 奖: '獎', 励: '勵', 气: '氣', 礼: '禮', 侧: '側', 边: '邊', 装: '裝', 赏: '賞', 访: '訪', 问: '問', 群: '羣',
  锁: '鎖', 获: '獲', 赶: '趕', 紧: '緊', 马: '馬', 现: '現', 过: '過', 机: '機', 并: '並', 万: '萬', 亿: '億', 拨: '撥',
  区: '區', 伙: '夥', 决: '決', 这: '這', 项: '項', 则: '則', 里: '裏裡', 对: '對', 将: '將', 样: '樣',
};

/**
 * Builds a RegExp from a Simplified pattern, widening each character with a Traditional form into a class; inside a
 * character class the forms join that class (`[名简号]` → `[名简簡号號]`: a class written into a class closed it early, so
 * `(?<![名简号])称` never excluded 号称). Escapes are copied as they are.
 */
function zh(source: string, flags = ''): RegExp {
  let out = '';
  let inClass = false;
  let escaped = false;
  for (const ch of source) {
    const t = TRADITIONAL_VARIANTS[ch];
    if (escaped) {
      escaped = false;
      out += ch;
    } else if (ch === '\\') {
      escaped = true;
      out += ch;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch + (t ?? '');
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else {
      out += t ? `[${ch}${t}]` : ch;
    }
  }
  return new RegExp(out, flags);
}

/** Rules with a length cap apply only to lines at most this long: longer lines are prose that mentions the words.
 * 60 chars holds "分享到：微信 微博 QQ空间 …" toolbars and contact banners; article sentences quoting them run longer. */
const SHORT_LINE_CHARS = 60;
/** The copyright rule also matches long disclaimers when its marker sits within this many chars of the start
 * (room for a site name such as 江苏苏讯网 before 版权及免责声明). */
const COPYRIGHT_MARKER_MAX_OFFSET = 16;

/** A metadata label: such a line belongs to the lead's metadata parser, not to the chrome filter. A label is followed by
 * a separator or by a value after white space (编辑:X, 【责任编辑：X】, 记者 张三, 编辑|X); the word inside other words or
 * closing a line (向编辑部吐槽, 赞赏作者) is no label, so such a promo is still chrome. */
const METADATA_LABEL = zh('(责任编辑|责编|编辑|来源(?!于)|稿源|作者|记者|通讯员|摄影|原文地址|原文链接)(\\s*[:：|/｜]|\\s+\\S)');
/** Pinyin reading annotations like `(wǎng)` that text captures carry after characters. */
const PINYIN_ANNOTATION = /[(（][a-zü\u00e0-\u01dc]{1,7}[)）]/g;
const PHONE_OR_EMAIL = /\d{3,4}[-\s]?\d{7,8}|\b1[3-9]\d{9}\b|\b400[-\s]?\d{3}[-\s]?\d{3,4}\b|[\w.+-]+@[\w-]+\.[\w.]+/;

/**
 * Verbs of saying: a sentence holding one before a chrome word reports someone's words (她说，扫码打开小程序就能预约 /
 * 律师指出，该免责声明… / 网信办表示，网民应遵守…), so the words are not the page's own widget. The one list for the three
 * rules that ask (REPORTED_BEFORE, COMMENT_RULES_REPORTED, COPYRIGHT_SPOKEN_OF); each names its own extras beside it.
 * 说明 is a label (转载说明：, 使用说明), 小说 a novel, and 名称/简称/号称 name something, so none of them reports. Checked as the union of the
 * three lists it replaces on zh-cwced, aeb, gne and the seeds (see the commit that made it).
 */
const REPORTING_VERBS = '(?<!小)说(?!明)|表示|指出|强调|(?<![名简号])称|介绍|透露|认为|告诉|据悉|据了解|坦言';
/** A warning passed on (市场监管部门提醒消费者，…); 温馨提醒：is the site greeting the reader, no report. */
const WARNING_VERB = '(?<!温馨)提醒';
/** A verb of saying anywhere in a text. */
const REPORTING = zh(REPORTING_VERBS);
const COPYRIGHT = zh('版权归原?作者所有|版权声明|版权及免责声明|版权所有|免责声明|郑\\s*重\\s*声\\s*明|反侵权公告|转载请注明|未经授权.{0,6}不得转载|Copyright\\s*(©|@|\\(c\\)|\\d{4})|All rights reserved', 'i');

interface Rule {
  reason: BoilerplateReason;
  pattern: RegExp;
  /** Only lines up to SHORT_LINE_CHARS. */
  short: boolean;
  /** Extra condition on the line. */
  also?: (line: string) => boolean;
}

const LIST_HEADERS =
  '相关文章|相关阅读|相关新闻|相关链接|相关报道|相关专题|延伸阅读|推荐阅读|热点资讯|热点新闻|热点聚焦|热门文章|热门推荐|热门资讯|' +
  '热门标签|图片新闻|最近发表|最新文章|最新发布|标签列表|友情链接|猜你喜欢|精彩推荐|今日推荐|精彩图片|排行榜|热门排行|阅读排行|点击排行|' +
  '编辑推荐|为你推荐|更多精彩|专题推荐|视频推荐|网友评论|热门评论|最新评论|相关标签';

/** Rules for Latin-script lines apply up to this many chars: English words are ~5 times longer than Han characters,
 * and a widget label or teaser line ("READ MORE: <headline>") runs to ~120 chars; article sentences are not led by them. */
const LATIN_SHORT_LINE_CHARS = 160;

/** Whole-line widget labels of English-language templates (case-insensitive, optional trailing colon/dots/arrows). */
const EN_WIDGETS =
  'related|related (links|stories|articles|content|posts|coverage|news|topics|videos?)|more from .{1,30}|more stories|more news|' +
  'you (may|might) also like|we recommend|recommended( for you)?|don\'?t miss|must read|top videos?|trending( now| stories)?|' +
  'most (read|popular|viewed|shared)|popular( now| stories| posts)?|see also|read (more|next|also)|more|tags|comments?|leave a (comment|reply)|' +
  'advert|advertisement|sponsored( content| links)?|caption|close|image copyright|share( this( article| story| post)?)?|subscribe|' +
  'sign up|newsletter|about the author|related (coverage|posts?|stories|articles) from .{1,40}|media playback is unsupported on your device|this slideshow requires javascript|breaking news emails|false|true';
const EN_WIDGET = new RegExp(`^(${EN_WIDGETS})\\s*[:.…]*\\s*(>>|»|→)?$`, 'i');
/** A teaser led by a label and a colon: a link to another story placed between paragraphs. */
const EN_TEASER = /^(read more|see more|more|related|also read|read also|watch|recommended|related (article|story|post|coverage|content|reading))\s*:\s*\S/i;
/** Tokens a Latin publication stamp is made of; a line made only of these (with a digit) is a date line. */
const DATE_STAMP_TOKEN =
  /\b(published|updated|posted|last updated|modified|on|at|and|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|(mon|tue|wed|thu|fri|sat|sun)[a-z]*|a\.?m|p\.?m|[ecmp][sd]t|utc|gmt|bst|cet|hst|ist)\b\.?|\d+(?:st|nd|rd|th|[ap]\.?m\b\.?)?/gi;

/** A caption closed by a parenthesised credit; a bare credit line "(Image credit: X)" is left (aeb keeps those).
 * The caption before the "(" is a lookbehind read from each "(" only: written `\S.{3,}\(…` it was tried from every
 * start and backtracked over the rest of the line, quadratic in its length (2.4% of normalize's CPU on zh-cwced). */
const EN_CAPTION_CREDIT = /\((?<=\S.{3,}\()(image|photo|picture|pic|credit|photograph)s?( credit)?\s*:\s*[^()]{1,60}\)\s*$/i;
/** A credit line: name-like segments joined by / or | ending in a picture agency, alone or glued after a caption's
 * sentence end ("… isn't easy.Jane Roe/Getty"). Checked on aeb: no article sentence ends in "/Getty". */
const EN_AGENCY_CREDIT =
  /(^|[.!?]\s*)[A-Z][\w.'’-]*(\s[A-Z][\w.'’-]*){0,3}(\s*[/|]\s*[^/|]{1,40}){0,3}\s*[/|]\s*(Getty Images|Getty|Shutterstock|Alamy|AFP|Reuters|EPA|iStock(photo)?|AP Photo|AP)\s*$/;
/** Reader promos of English templates at the end of an article (aeb: nj.com, space.com, forbes, dealbreaker): a tip line,
 * a social follow in the imperative (leading its sentence, or after "or"/"and": "Officials urged residents to follow
 * them on Twitter" reports one and stays), a contact address, a newsletter sign-up for the site's own letter, also in
 * the imperative (leading its sentence: "Readers can sign up for the paper’s free newsletter, editors said" stays). "Subscribe to this newsletter"
 * (a newsletter article's own text) and "sign up for the trial" stay. */
const EN_PROMO = new RegExp(
  String.raw`^have a (news )?tip\?|(^|[.!?]\s*|\b(or|and) )follow (us|him|her|me|them) ((on|at) (twitter|facebook|instagram|linkedin)|@\w)|` +
  String.raw`\bmay be reached at \S+@|^(e-?mail|contact) [A-Z][\w.’']*( [A-Z][\w.’']*){0,3} at \S+@\S+|` +
  String.raw`(^|[.!?]\s*)(sign up|subscribe)\b.{0,40}\b(our|[A-Za-z.]+[’']s)( free| daily| weekly| email)* newsletters?\b|\bnewsletters? (delivered )?(right )?(to|in) your inbox|` +
  String.raw`^get .{1,40} delivered (right )?(to|through|into|in) your (inbox|letterbox|door|doorstep|mailbox)`,
  'i');
/** A wire story's closing credit (aeb: "Fox News’ Jane Roe contributed to this report.", "Associated Press writers X, Y
 * and Z contributed to this report."): no aeb truth holds one; a sentence of the story does not end so. */
const EN_CONTRIBUTED = /\bcontributed (reporting )?to (this|the) (report|story)\.?$/i;
/** A caption's credit glued to its sentence end without a space (aeb: "… in New York.Reuters"): the page set the caption
 * and the credit in two elements read as one line; prose puts a space after a full stop. */
const EN_GLUED_CREDIT = /[a-z][.!?][”"’]?(Reuters|Getty Images|Getty|AP|AFP|EPA|Shutterstock|Bloomberg|Alamy)\s*$/;
/** Such promos carry a bio sentence or two: up to this many chars (the longest seen, a columnist's book plug, ~200). */
const EN_PROMO_LINE_CHARS = 300;

/** A line that ends as a sentence (a full stop, question or exclamation mark, maybe a closing quote or bracket): prose.
 * Counter and contact widgets are label-value lines (浏览量：1234, 客服电话：400-123-4567) and end without one;
 * 该视频的点击量1000万次，创下纪录。 and 市民可拨打服务热线0571-88888888咨询。 report the number. Checked on zh-cwced,
 * aeb and gne: no views or contact line the rules dropped ends so. */
const SENTENCE_END = /[。！？!?][”’"'」』）)]*$/;
const notSentence = (line: string): boolean => !SENTENCE_END.test(line);
/** A comment widget's lead word is a label or a button: alone, or followed by a separator, a bracket or a count (发表评论：,
 * 我要评论（12）, 已有3人参与 >>). 网友评论称…, 参与评论的网友…, 已有3人参与救援 go on as sentences. */
const COMMENT_LEAD_END = String.raw`(?=$|[\s:：(（\[【>»|｜/\d])`;
/** A site footer's owner label is a label (主办单位：X); 本次活动主办单位为市文旅局 reports an event's organiser. */
const FOOTER_LABEL_END = String.raw`\s*[:：]`;
/** A resolution hint names a screen size or the browser (建议使用1024×768分辨率浏览); 专家建议使用高分辨率屏幕 is prose. */
const RESOLUTION_HINT = String.raw`建议使用.{0,30}(\d{3,4}\s*[×xX*＊]\s*\d{3,4}.{0,12}分辨率|浏览器.{0,20}分辨率|分辨率.{0,12}(\d{3,4}\s*[×xX*＊]\s*\d{3,4}|浏览))`;

/** Trailers that lead their line (any length: such a note runs long): 本文来自X…下载/APP, 原标题：. */
const LEADING_TRAILER = zh('^[（(【\\[]?\\s*(本文来自.{1,24}[，,].{0,40}(下载|关注|APP|客户端)|原标题\\s*[:：]|原题\\s*[:：])', 'i');
/** A disclaimer's lead label: 声明：, 特别声明：, 免责声明：, 风险提示： (also bracketed: 【声明】：). */
const DISCLAIMER_LEAD = zh('^[（(【\\[]?\\s*(声明|特别声明|免责声明|风险提示)\\s*[】\\]]?\\s*[:：]');
/** What a site's disclaimer speaks of: the site or platform itself (本站, 本平台, 仅提供信息存储服务), the article as something
 * it carries (本文, 以上内容, 仅代表作者观点), the reading as no advice (仅供参考, 不构成投资建议, 投资需谨慎), reposting (转载,
 * 版权, 如有侵权, 来源于网络; not 侵权 alone: a company warns of infringers too). A company's statement reproduced in a story
 * speaks of the company (声明：本公司及董事会全体成员保证…). */
const SITE_DISCLAIMER = '本网|本站|本平台|本号|本公众号|本刊|本文|该文|以上内容|文章(提及|观点|内容|仅)|仅供参考|不构成.{0,8}建议|据此(操作|买卖|投资)|风险自(担|负)|(投资|入市)(需|须)谨慎|投资有风险|(仅|只|不)代表.{0,16}(观点|立场|看法)|信息(存储|发布)|转载|版权|如(有|涉及?)侵权|侵删|(来源|来自|源自)于?网络';
const SITE_DISCLAIMER_WORDS = zh(SITE_DISCLAIMER);
/** A site's disclaimer runs up to this many chars (seen 45-95: zh-cwced d8d4c4ec, gne 163-9, stcn-1); a company's statement
 * that a story reproduces after 声明： runs longer, and is article text whatever words it uses. */
const DISCLAIMER_LINE_CHARS = 120;
/**
 * The site's disclaimer after a 声明：/ 风险提示： label (issue 9 class 5): the bare label, or a line up to DISCLAIMER_LINE_CHARS
 * that speaks of the site or the reading (SITE_DISCLAIMER_WORDS). A long paragraph that opens with the label, or one
 * speaking of a company (声明：本公司董事会保证公告内容真实), is the story's text: a statement the story reports.
 */
function isSiteDisclaimer(line: string): boolean {
  const m = DISCLAIMER_LEAD.exec(line);
  if (m === null) return false;
  const rest = line.slice(m[0].length).trim();
  return rest === '' || (line.length <= DISCLAIMER_LINE_CHARS && SITE_DISCLAIMER_WORDS.test(rest));
}
/** Short trailer and widget lines (SHORT_LINE_CHARS): picture/repost notes (图片均来自网络, 本站部分内容转载自网络, 如有侵权
 * 请联系删除; 来自网络 followed by 的/上/后… modifies a noun of a sentence: 信息来自网络的比例逐年上升), buttons, toolbars
 * (字体：放大 正常 缩小; 字体放大后… is a sentence), 延伸·推荐, 相关资讯请关注, 返回X，查看更多, player and repost notes. */
const SHORT_TRAILER = zh('^[（(【\\[]?\\s*(注\\s*[:：]\\s*)?(本文|文中|文内|文章|部分)?(的)?(配图|图片|信息|内容|文章|素材)(均|部分)?(来自|来源于|源自|选自|取自)网络(?![的上中后时已])|^本(文|站)(部分)?(内容)?(来自|来源于|源自|转载自|转自)网络(?![的上中后时已])|如有侵权.{0,8}(删除|删稿)|^[【\\[][^】\\]]{0,8}(投票|下载|报名|订阅)[^】\\]]{0,8}[】\\]]$|放大\\s*正常\\s*缩小|字体\\s*[:：]\\s*放大|^延伸\\s*[·•・]\\s*推荐|相关资讯请关注|^返回.{1,8}[，,]\\s*查看更多|正在为您切换|^您的浏览器(暂)?不支持.{0,16}(video|视频|播放|HTML5)|重新(编排|排版|整理)$', 'i');
/**
 * A video player's control text (issue 9 class 5), one control per element or read as one line: quality steps (高清
 * 480P), speed steps (倍速, 0.5x, 1.25倍), a time counter (00:00 / 02:35), buttons. A line made of nothing else, with a
 * player word or the counter, up to PLAYER_LINE_CHARS (the longest such line seen runs ~80 chars). Prose about a video
 * (用户可以选择高清 480P 或超清 720P 观看) has other words. Replaces `倍速播放` anywhere in a short line, which dropped such prose.
 */
const PLAYER_TOKEN = zh('正在为您切换到?|请稍候|高清|超清|标清|流畅|蓝光|原画|\\d{3,4}[pP]|\\d(\\.\\d{1,2})?\\s*[xX倍]速?|倍速(播放)?|播放|暂停|全屏|退出全屏|静音|重播|画中画|\\d{1,2}:\\d{2}(:\\d{2})?', 'g');
const PLAYER_WORD = zh('正在为您切换|高清|超清|标清|倍速|\\d[xX]|\\d{3,4}[pP]|^\\d{1,2}:\\d{2}(:\\d{2})?\\s*/\\s*\\d{1,2}:\\d{2}');
const PLAYER_LINE_CHARS = 120;
function isPlayerLine(line: string): boolean {
  return line.length <= PLAYER_LINE_CHARS && PLAYER_WORD.test(line) && line.replace(PLAYER_TOKEN, '').replace(/[\s,，.。:：/|｜…·]+/g, '') === '';
}
/**
 * Buttons and toolbars of Chinese templates read as a line of their own (issue 9 class 5): 举报/反馈, 阅读原文, 点赞 在看
 * 分享, 收藏 举报, 【纠错】, 展开全文, 查看原图, 点击图片进入下一页, 往期回顾, - END -, 分享让更多人看到, 点击进入专题：X,
 * （完）. A line made of nothing but these and separators, up to WIDGET_LINE_CHARS; a sentence using the words has other
 * words (他在朋友圈点赞、转发了这条消息). Checked on zh-cwced and aeb truths and gne labels: no truth line is one; gne
 * lists 【纠错】 and 点击进入专题： among the lines a body must not hold.
 */
const ZH_WIDGET_TOKEN = zh('点击进入专题\\s*[:：][^，。,]{0,20}|举报|反馈|阅读原文|在看|点赞|收藏|分享让更多人看到|分享|转发|评论|我要纠错|纠错|展开全文|查看原图|点击图片进入下一页|往期(回顾|精彩|推荐)|END|[（(【\\[]完[）)】\\]]', 'gi');
/** The rule's cheap first test: a non-global copy (a global RegExp's test() keeps a lastIndex between lines). */
const ZH_WIDGET_WORD = new RegExp(ZH_WIDGET_TOKEN.source, 'i');
const ZH_WIDGET_SEPARATORS = /[\s【】\[\]()（）\-—_|｜/·•:：]+/g;
const WIDGET_LINE_CHARS = 30;
function isZhWidgetLine(line: string): boolean {
  return line.length <= WIDGET_LINE_CHARS && line.replace(ZH_WIDGET_TOKEN, '').replace(ZH_WIDGET_SEPARATORS, '') === '';
}

/** The chrome phrase is not a modifier of a noun in a sentence (平台仅提供信息存储服务的说法…, 下载客户端领取红包的骗局…,
 * 欢迎读者投稿的栏目…): no 的 right after it. */
const NOT_MODIFIER = '(?!的)';
/** A view counter closes at its 次 (…, 已被阅读178次）, 阅读 2035 次 | …); 阅读3次后，他终于读懂了 goes on as a sentence. */
const COUNTER_CLOSE = String.raw`(?=$|[\s)）\]】,，;；|｜])`;
/** A self-media platform's statement after the article (issue 9 class 5): the article speaks only for its author
 * (本文…仅代表该作者或机构观点), the site only stores or publishes it (X仅提供信息存储服务 / 信息发布平台). Up to
 * PROMO_LINE_CHARS: a quoted "仅代表个人观点" in a report names no 本文 or 平台. The same note under a comment box
 * (网友评论仅供其表达个人看法，并不表明X立场, gne 163-7) leads with 网友评论. */
const PLATFORM_STATEMENT = zh(`((^网友评论|本文|文章|该文|以上内容)[^。]{0,30}(仅|只)(代表|供)[^。]{0,12}(观点|立场|看法)|仅提供信息(存储|发布)(空间|平台|服务))${NOT_MODIFIER}`);
/** An "about us" box without its header (issue 9 class 1): the site describing itself (X网是…主办的综合性新闻网站),
 * up to PROMO_LINE_CHARS; and its call for submissions (欢迎广大读者投稿), on a short line. A report on a site
 * (X网客户端今天正式上线) does not say who runs it in this form. */
const ABOUT_SITE = zh('^([^，。]{2,16}(网|网站|平台|门户|客户端))(是|系)[^。]{0,40}(主办|主管|创办|运营)的[^。]{0,24}(网站|平台|门户|媒体)');
/** A news day: a story's time, which a site's standing description of itself has no use for (今天正式上线新版). */
const NEWS_DAY = zh('今天|今日|昨天|昨日|日前|近日|当天|本周|上周|\\d{1,2}月\\d{1,2}日');
/** What may open a blurb's further sentence: the site again (本站, 网站, 我们, or its name). */
const SITE_SELF = zh('^(本网|本站|本平台|我网|该网|网站|平台|我们)');
const SENTENCES = /[^。！？!?]+[。！？!?]*[”’"'」』）)]*/g;
/**
 * The site's own "about us" blurb (issue 9 class 1), not a story about the site: after the site's name, no reporting verb
 * (据介绍，… / 他表示) and no news day (人民网是由人民日报社主办的…平台，今天正式上线新版。); and every further sentence in the
 * line speaks of the site again (its name, 本站, 网站, 我们): a paragraph that goes on with other news holds the blurb as a
 * sentence of the story. Up to PROMO_LINE_CHARS.
 */
function isSiteBlurb(line: string): boolean {
  const m = ABOUT_SITE.exec(line);
  if (m === null || line.length > PROMO_LINE_CHARS) return false;
  const name = m[1]!;
  const rest = line.slice(name.length);
  if (REPORTING.test(rest) || NEWS_DAY.test(rest)) return false;
  const sentences = rest.match(SENTENCES) ?? [];
  return sentences.slice(1).every((s) => { const t = s.trim(); return t === '' || t.startsWith(name) || SITE_SELF.test(t); });
}
const CALL_FOR_SUBMISSIONS = zh(`^欢迎(广大)?(读者|网友|作者|各界)(朋友)?(踊跃|积极)?(投稿|来稿)${NOT_MODIFIER}`);
/** Comment rules under a comment box: 请自觉遵守互联网相关的政策法规…跟评互动环境, 文明上网 理性发言. */
const COMMENT_RULES = zh('遵守.{0,12}(政策法规|法律法规).{0,40}(跟评|评论|互动|发言)|文明上网.{0,4}理性发言');
/**
 * The box's rule asks the reader (issue 9 class 5): 请/敬请 in the clause before 遵守 (请自觉遵守…跟评互动环境), or the
 * slogan leads its line with little after it (文明上网 理性发言, 请文明上网，理性发言，共建清朗网络空间). A sentence with its own
 * subject (企业应遵守相关法律法规，在互动营销中…) or the slogan as a modifier (开展文明上网理性发言主题教育活动) is news.
 */
const COMMENT_RULES_ASKED = zh(String.raw`(^|[:：，,]\s*)(请|敬请)[^，,。；;]{0,8}遵守|^(请|温馨提示\s*[:：]|温馨提醒\s*[:：])?\s*文明上网.{0,4}理性发言.{0,12}$`);
/** Verbs of a demand made of others (平台要求用户…, 网信办呼吁网民…): who asks for the comment rules, beside REPORTING_VERBS. */
const DEMAND_VERBS = `要求|规定|呼吁|倡议|倡导|${WARNING_VERB}`;
/** Such rules reported from someone (平台要求用户遵守国家法律法规，理性发言 / 网信办呼吁网民文明上网、理性发言): a demand or
 * reporting verb before the rule; the box's own rule asks the reader (请自觉遵守…, 温馨提醒：请文明上网…). */
const COMMENT_RULES_REPORTED = zh(`(${REPORTING_VERBS}|${DEMAND_VERBS})[^。]{0,20}(遵守|文明上网)`);
/** Call-to-action promos set into the article container (issue 9 class 5): a bracketed button inside a line
 * (…评选火热进行中！【点击投票】…), an app-download bonus (下载客户端还能获得专享福利). Checked up to PROMO_LINE_CHARS:
 * such a promo runs 60-110 chars; a paragraph reporting on an app or a vote does not carry the button or the bonus. */
const PROMO_CTA = zh(`[【\\[]\\s*点击(投票|参与|报名|领取|下载|抢购|购买)\\s*[】\\]]|(下载|打开).{0,6}(客户端|APP).{0,12}(专享|福利|红包|奖励)${NOT_MODIFIER}`, 'i');
const PROMO_LINE_CHARS = 120;
/** A blog's view counter (已被阅读178次, 阅读 2035 次): a count of times after 已(被) or at the line start; 阅读了5次 in
 * prose has the aspect mark between. */
const VIEWS_TIMES = zh(`(已被|已|^[(（\\[【]?\\s*)(阅读|浏览|点击)\\s*[:：]?\\s*\\d+\\s*次${COUNTER_CLOSE}`);
/** A comment counter closing its line, after an optional 《title》 (《X》已有1件评论, 已有12条评论, 共有8条回复). */
const COMMENT_COUNT = zh('^(《[^》]{1,40}》)?\\s*(已有|共有|共)?\\s*\\d+\\s*(件|条|篇|位|人)?\\s*(评论|回复|跟帖|留言)\\s*[:：]?$');
/** A blog's trackback line (本文通告引用(Trackback)链接: /wp-trackback.php?p=N); with a URL or path, so a sentence
 * about trackbacks stays. */
const TRACKBACK = zh('trackback|引用通告|通告引用', 'i');

/**
 * A Chinese post stamp standing alone in the body (a blog's or forum's "发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)",
 * a CMS's "时间：2019年10月31日 23:00 浏览： 33"): a full date, with a post label or a counter, and nothing else once
 * dates, times, weekdays, labels, counters and separators are removed; up to SHORT_LINE_CHARS. A bare date (a notice's
 * signature date, 2022年1月27日) has neither label nor counter and stays; "时间：… 地点：…" has other words and stays.
 * zh-cwced 54e89e4e and gne zyyfy-1 kept such a line as a paragraph; no zh-cwced or aeb truth holds one.
 */
const STAMP_DATE = String.raw`(?:(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|\d{1,2}/\d{1,2}/(?:19|20)\d\d)`;
const STAMP_DATE_ANY = new RegExp(STAMP_DATE);
const STAMP_LABEL = zh('发表于|发布于|发表时间|发布时间|发布日期|更新时间|更新于|时间|日期');
const STAMP_COUNTER = zh(String.raw`(阅读|评论|浏览|点击|回复|人气|收藏|转发|点赞)\s*(数|量|次数)?\s*[:：(（\[]?\s*\d+\s*[)）\]]?\s*次?`);
const STAMP_PARTS = new RegExp([
  STAMP_DATE,
  String.raw`(?:上午|下午|晚上|中午|凌晨)?\s*\d{1,2}[:：]\d\d(?:[:：]\d\d)?`,
  '(?:星期|周|礼拜)[一二三四五六日天]',
  STAMP_COUNTER.source,
  STAMP_LABEL.source,
  String.raw`[\s\-–—|｜:：;；,，.()（）\[\]【】·/]+`,
].join('|'), 'g');
function isPostStamp(line: string): boolean {
  if (!STAMP_LABEL.test(line) && !STAMP_COUNTER.test(line)) return false;
  return line.replace(STAMP_PARTS, '') === '';
}

/** A QR code or a social channel named in a line: the context of a QR/follow promo (扫码关注, 长按识别, X公众号). */
const QR_OR_CHANNEL = zh('二维码|小程序码|扫一扫|扫码|扫描.{0,6}(二维码|下载|关注)|长按.{0,6}(识别|二维码|扫描|关注|保存)|微信号|公众号|官方微信');
/** The promo's addressee is the reader and its object the page itself: a place on the page (下方/左方二维码, 当前页)
 * or the site speaking of itself (我们, 本号). Such a line is a promo whatever its verbs. */
const PROMO_DEICTIC = zh('(下方|上方|左方|右方|左侧|右侧|左边|右边|下面|上面|图中|文末|上图|下图)的?(二维码|小程序码)|当前页|本页|我们|本号|本站|本网|小编');
/** What a promo asks the reader to do with the code or channel: follow, subscribe, download, share, open, read, tip. */
const PROMO_CUE = zh('关注|订阅|下载|安装|分享|转发|吐槽|赞赏|打赏|阅读|看(新闻|全文|更多)|浏览|打开|进入|访问|上.{0,6}网|加.{0,6}(微信|好友|群)|进群|入群|添加|领取|解锁|获取|识别|参与');
/**
 * The promo speaks to the reader in the imperative: in the clause holding the first QR/channel word, nothing comes
 * before that word but words addressed to the reader (请, 欢迎, 立即, 可, 用手机, 微信, 长按, a 更多X lead) or a cue
 * verb leading the clause (关注某某公众号). A news sentence names who uses the code first (居民扫码登记后即可进入小区,
 * 骗子让受害人扫码下载一个APP, 读者可通过二维码转账): a subject or a verb of its own in that place. Checked on the
 * corpus's promo lines (zh-cwced, aeb, gne: 更多粉丝福利扫描二维码关注, 扫描下方二维码解锁更多技能…), all imperative.
 */
const PROMO_CLAUSE_PREFIX = zh(
  '^(更多[^，,。！!？?；;：:]{0,8})?(请|欢迎|敬请|您|你|可|可以|也可|亦可|即可|快来?|赶快|赶紧|立即|立刻|马上|现在|直接|点击|打开|用|使用|通过|手机|微信|长按|扫描?|或|或者|并|再)*$' +
  '|^(请|欢迎)?(关注|订阅|下载|安装|搜索|添加|加入|进入|打开)[^，,。！!？?；;：:]{0,16}$');
/** A clause boundary: the promo's imperative is read in the clause holding the QR/channel word. */
const CLAUSE_END = /[，,。！!？?；;：:]/g;
/** A sentence reported from someone (她说，扫码打开小程序就能预约; 市场监管部门提醒消费者，扫码领取礼品要警惕): a reporting
 * verb or a warning in a clause before the QR/channel word. A promo's lead clauses describe the site or greet the reader
 * (专注苹果新闻报道, 更多猛料, 温馨提醒：, 想看到更多？). */
const REPORTED_BEFORE = zh(`${REPORTING_VERBS}|${WARNING_VERB}`);
/** A statement of fact after the QR/channel word (长按二维码识别的功能已上线, 扫码关注的人已经过万, 扫码下载了APP): an
 * aspect mark (已, 已经, 了 but not 了解). An imperative asks for something not yet done: 扫码关注，了解更多 has none. */
const ASPECT_AFTER = zh('已|了(?!解)');
/** A channel label line: 某某日报公众号, 微信号：xxx, 官方微信: xxx (the name, nothing said about it). */
const CHANNEL_LABEL = zh('^[^，。,；;！!？?]{0,16}(微信号|公众号|官方微信)\\s*([:：]\\s*[\\w.-]+)?$');
/** A line that is only a QR widget label (扫一扫, 手机扫码, 扫描二维码): at most this many chars. */
const QR_LABEL_CHARS = 8;

/**
 * The promo form (issue 9 class 5): the QR/channel words alone are ordinary news vocabulary (市民可用手机扫码缴费 in an
 * article about payments), so a short line is a promo only as a label (CHANNEL_LABEL, a QR label up to QR_LABEL_CHARS),
 * when it points at the page (PROMO_DEICTIC), or when it asks for an action (PROMO_CUE) in the imperative: its clause
 * leads to the QR/channel word with reader-addressed words only (PROMO_CLAUSE_PREFIX), no clause before reports
 * someone's words (REPORTED_BEFORE), and nothing after states a fact (ASPECT_AFTER).
 */
function isPromoForm(line: string): boolean {
  if (line.length <= QR_LABEL_CHARS || CHANNEL_LABEL.test(line) || PROMO_DEICTIC.test(line)) return true;
  if (!PROMO_CUE.test(line)) return false;
  const first = QR_OR_CHANNEL.exec(line);
  if (first === null) return true;
  const before = line.slice(0, first.index);
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_END)) clauseStart = m.index + 1;
  return PROMO_CLAUSE_PREFIX.test(before.slice(clauseStart).trim()) && !REPORTED_BEFORE.test(before.slice(0, clauseStart))
    && !ASPECT_AFTER.test(line.slice(first.index + first[0].length));
}

/** A breadcrumb led by its label: 当前位置：首页 > …, 您的位置： */
const BREADCRUMB_LABEL = zh('^(当前位置|您的位置|你的位置|您现在的位置|所在位置|现在位置)\\s*[:：]');
/** The separators between a breadcrumb's steps: navigation marks (>>, ›, », a spaced >) and arrows (→, ->), which routes
 * and processes use as well (成都→重庆→贵阳), as comparisons use an unspaced > (消费>投资>出口). */
const BREADCRUMB_SEPARATOR = /\s*(->|→|⇒|>>?|›|»)\s*/;
const BREADCRUMB_SPLIT = new RegExp(BREADCRUMB_SEPARATOR.source, 'g');
const BREADCRUMB_ARROW = /^(->|→|⇒|>)$/;
/** A step is a short label: up to this many chars (新闻中心, 政府信息公开基础平台), as the rule has held since it was written. */
const BREADCRUMB_STEP_CHARS = 16;
/** A step holding a clause or sentence mark is part of a sentence (列车从南京→上海→杭州，全程3小时。). */
const CLAUSE_MARK = /[，,。！!？?；;、]/;
/** A step only a site's trail has: its home page or the article itself (首页 → 新闻 → 正文). */
const BREADCRUMB_HOME = zh('^(网站首页|首页|主页|正文|正文内容|home|index)$', 'i');
/**
 * A breadcrumb trail without its label (issue 9 class 5): 2+ separators between short steps (首页 > 新闻中心 > 正文,
 * 某省政府信息公开专栏 >> 某省人民政府 >> 基础平台), no step holding a clause or sentence mark. With arrows or an unspaced
 * >, a step must be the home page or the article (首页→新闻→正文, 首页>新闻>正文): a bare chain of them is a route, a
 * process or a comparison (成都→重庆→贵阳, 申请→审核→发证, 消费>投资>出口). The opening step may be empty (-> 小说 -> 书摘 -> 正文).
 */
function isBreadcrumbTrail(line: string): boolean {
  const steps = line.split(BREADCRUMB_SPLIT).filter((_, i) => i % 2 === 0).map((step) => step.trim());
  if (steps.length < 3) return false;
  for (const [i, step] of steps.entries()) {
    if ((step === '' && i > 0) || step.length > BREADCRUMB_STEP_CHARS || CLAUSE_MARK.test(step) || SENTENCE_END.test(step)) return false;
  }
  // An arrow, or a > with no space on either side: the trail needs its home or article step.
  const arrow = [...line.matchAll(BREADCRUMB_SPLIT)].some((m) => BREADCRUMB_ARROW.test(m[1]!) && (m[1] !== '>' || m[0] === '>'));
  return !arrow || steps.some((step) => BREADCRUMB_HOME.test(step));
}

/** A previous/next link: the lead (上一篇, 下一条…, maybe 文章/新闻) as a label, closed by a separator, a bracket, the line end,
 * or white space before the linked title (上一篇：X, 【下一篇】, 上一篇 X). 上篇文章发表后…, 下一条地铁线路…, 上一篇报道中… and
 * 下一篇章 go on as sentences. And a pager line. */
const PREV_NEXT = zh(String.raw`^[【\[]?(上一篇|下一篇|上一条|下一条|上一章|下一章|上篇|下篇)(文章|新闻|稿件)?(?=\s*([:：】\]>»|｜]|$)|\s+\S)|第\s*\d+\s*页\s*/\s*共\s*\d+\s*页|上一页\s*[|｜]?\s*下一页`);
/** A footer's filing number: ICP备/ICP证/公网安备 with its number (京ICP备05070218号, 沪ICP证：沪B2-201701, 京公网安备
 * 11000002002023号). 该网站的ICP备案已被注销 speaks of a filing. */
const FILING_NUMBER = String.raw`(ICP备|ICP证|公网安备)[^，。；,;]{0,6}\d`;
/** A toolbar word standing as a word of its own: at the line's edge or beside a separator or a bracket (打印本页 关闭窗口,
 * 【关闭窗口】, 网站地图 | 联系我们). Inside a sentence it is part of it (居民应关闭窗口并加固门窗, 老人收藏本页报纸多年). */
function ownWord(words: string): string {
  return String.raw`(?<![^\s|｜/·•【\[（(])(${words})(?![^\s|｜/·•】\]）)])`;
}
/** A font-size switch ends at 小 (字号：大 中 小, 【字体：大 中 小】); 字号大中小三种规格的灯笼均已售罄 goes on as a sentence. */
const TOOLBAR_END = String.raw`(?=$|[\s】\]|｜/])`;
/** A counter's number ends the count: 人气2023年持续攀升 is a year, 点击量1000万 a figure (in news, the count of a story). */
const COUNT_END = String.raw`(?![\d年月日万亿%.])`;

/** A number a sentence tells the reader to call, or reports as opened (市民可拨打服务热线0571-88888888, 举报电话0571-87654321
 * 已开通): a calling verb before it or an aspect mark after it. A contact banner is label and number (客服电话：400-123-4567). */
const CONTACT_REPORTED = zh(String.raw`拨打|致电|拨通|(\d|@[\w.-]+)\s*(已|了)`);

/** A share lead that goes on as a sentence (分享到朋友圈的照片引发热议, 分享至群里后被转发): its place followed by a
 * particle or a time word. A share toolbar names places only (分享到：微信 微博, 分享到朋友圈). */
const SHARE_SENTENCE = zh('^分享(到|至|给)[^\\s:：，,]{0,12}(的|后|了|时|被)');

const RULES: readonly Rule[] = [
  // First: boilerplateReason's long-line shortcut applies this rule alone.
  { reason: 'copyright', pattern: COPYRIGHT, short: false, also: copyrightPlacement },
  { reason: 'trailer', pattern: LEADING_TRAILER, short: false },
  { reason: 'trailer', pattern: DISCLAIMER_LEAD, short: false, also: isSiteDisclaimer },
  { reason: 'share', pattern: zh('^(分享到|分享给朋友|分享给好友|分享至|一键分享|分享本文|分享)\\s*[:：]?'), short: true, also: (l) => !/^分享[^\s:：到给給至本]/.test(l) && !SHARE_SENTENCE.test(l) },
  { reason: 'comment', pattern: zh(`^(发表评论|我要评论|网友评论|查看评论|查看全部评论|欢迎参与讨论|欢迎发表评论|参与评论|已有\\s*\\d+\\s*人参与|\\d+\\s*条评论)${COMMENT_LEAD_END}`), short: true },
  { reason: 'contact', pattern: zh('客服|联系邮箱|联系电话|投稿邮箱|投稿信箱|举报电话|举报邮箱|热线电话|服务热线'), short: true, also: (l) => notSentence(l) && PHONE_OR_EMAIL.test(l) && !CONTACT_REPORTED.test(l) },
  { reason: 'list-header', pattern: zh(`^[【\\[〖]?\\s*(${LIST_HEADERS})\\s*[】\\]〗]?\\s*[:：]?\\s*(更多|more|>>|»)?\\s*$`, 'i'), short: true },
  { reason: 'promo', pattern: QR_OR_CHANNEL, short: true, also: isPromoForm },
  { reason: 'prev-next', pattern: PREV_NEXT, short: true },
  { reason: 'site-info', pattern: ABOUT_SITE, short: false, also: isSiteBlurb },
  { reason: 'site-info', pattern: CALL_FOR_SUBMISSIONS, short: true },
  { reason: 'site-info', pattern: zh(`(主办单位|承办单位|协办单位)${FOOTER_LABEL_END}|${FILING_NUMBER}|网站标识码|${RESOLUTION_HINT}|技术支持\\s*[:：]|${ownWord('网站地图')}`), short: true, also: notSentence },
  { reason: 'breadcrumb', pattern: BREADCRUMB_LABEL, short: true },
  { reason: 'breadcrumb', pattern: BREADCRUMB_SEPARATOR, short: true, also: isBreadcrumbTrail },
  { reason: 'print', pattern: zh(`${ownWord('打印本页|关闭窗口|打印此文|收藏本页')}|【打印】|【关闭】|\\[打印\\]|\\[关闭\\]`), short: true },
  { reason: 'font-size', pattern: zh(`(字号|字体)\\s*[:：]?\\s*[【\\[]?\\s*大\\s*中\\s*小${TOOLBAR_END}|【\\s*大\\s*中\\s*小\\s*】`), short: true },
  { reason: 'widget', pattern: EN_WIDGET, short: false, also: (l) => l.length <= LATIN_SHORT_LINE_CHARS },
  { reason: 'teaser', pattern: EN_TEASER, short: false, also: (l) => l.length <= LATIN_SHORT_LINE_CHARS },
  { reason: 'date-stamp', pattern: /\d/, short: false, also: isLatinDateStamp },
  { reason: 'date-stamp', pattern: STAMP_DATE_ANY, short: true, also: isPostStamp },
  { reason: 'widget', pattern: ZH_WIDGET_WORD, short: true, also: isZhWidgetLine },
  { reason: 'photo-credit', pattern: EN_CAPTION_CREDIT, short: false },
  { reason: 'photo-credit', pattern: EN_AGENCY_CREDIT, short: false },
  { reason: 'promo', pattern: EN_PROMO, short: false },
  { reason: 'trailer', pattern: EN_CONTRIBUTED, short: false },
  { reason: 'photo-credit', pattern: EN_GLUED_CREDIT, short: false },
  { reason: 'trailer', pattern: SHORT_TRAILER, short: true },
  { reason: 'trailer', pattern: PLAYER_WORD, short: false, also: isPlayerLine },
  { reason: 'trailer', pattern: PLATFORM_STATEMENT, short: false, also: (l) => l.length <= PROMO_LINE_CHARS },
  { reason: 'comment', pattern: COMMENT_RULES, short: true, also: (l) => COMMENT_RULES_ASKED.test(l) && !COMMENT_RULES_REPORTED.test(l) },
  { reason: 'promo', pattern: PROMO_CTA, short: false, also: (l) => l.length <= PROMO_LINE_CHARS },
  { reason: 'views', pattern: zh(`(浏览量|浏览次数|阅读量|阅读次数|点击数|点击量|点击率|人气)\\s*[:：]?\\s*\\d+${COUNT_END}|\\d+\\s*(次浏览|人阅读|次阅读)`), short: true, also: notSentence },
  { reason: 'views', pattern: VIEWS_TIMES, short: true, also: notSentence },
  { reason: 'comment', pattern: COMMENT_COUNT, short: true },
  { reason: 'widget', pattern: TRACKBACK, short: false, also: (l) => l.length <= LATIN_SHORT_LINE_CHARS && /(https?:\/\/|\/)\S/.test(l) },
];

/** Headers of the page's own sections next to an article: comments, "about us", and the list headers above. */
const SECTION_HEADERS =
  `${LIST_HEADERS}|评论|网友留言|全部评论|精彩评论|评论区|我要留言|读者留言|留言板|发表评论|我要评论|关于我们|联系我们|网站简介|本站简介|合作伙伴|合作媒体`;
/** A header may carry its entry count: 评论（3）, 网友留言(12). */
const SECTION_HEADER = zh(`^[【\\[〖]?\\s*(${SECTION_HEADERS})\\s*([（(]\\s*\\d+\\s*[)）])?\\s*[】\\]〗]?\\s*[:：]?\\s*(更多|more|>>|»|\\+)?\\s*$`, 'i');

/**
 * A header that opens a section of site chrome (评论 / 网友留言 / 关于我们 / 为你推荐 / 相关阅读 …): what follows it in its
 * container is the site's, not the article's (extract/body-blocks.ts, issue 9 classes 1 and 2).
 */
export function isChromeSectionHeader(line: string): boolean {
  return SECTION_HEADER.test(line.trim());
}

/** Notices that are always the site's: 版权声明, 免责声明, 反侵权公告, 版权及免责声明, 法律声明. */
const SITE_NOTICES = '版\\s*权\\s*声\\s*明|免\\s*责\\s*声\\s*明|反侵权公告|版权及免责声明|法律声明';
/** Statements anyone makes: a company's statement that a story reproduces opens with them too (郑重声明：近日有不法分子冒用
 * 我公司名义…, 特别声明：经董事会审议…). */
const STATEMENTS = '郑\\s*重\\s*声\\s*明|特别声明';
/** Notice headers after which a page has nothing but chrome (used by the body extractor to cut the tail). A header is
 * closed by a bracket, a colon, white space or the line end (【免责声明】, 版权声明：, 特别声明 本文…); a paragraph opening
 * with the words (免责声明的效力…, 特别声明称…) is article text, and cutting there lost the rest of the article. A statement
 * (STATEMENTS) is the site's notice only alone (郑 重 声 明) or as the site's disclaimer (SITE_DISCLAIMER, up to
 * DISCLAIMER_LINE_CHARS: 特别声明：以上内容…本平台仅提供信息存储服务); a company's statement in a story goes on. */
export const NOTICE_HEADER = zh(
  `^[【\\[]?\\s*((${SITE_NOTICES})(\\s*[】\\]:：]|\\s|$)|(${STATEMENTS})\\s*[】\\]]?\\s*[:：]?\\s*$)` +
  `|^(?=.{1,${DISCLAIMER_LINE_CHARS}}$)[【\\[]?\\s*(${STATEMENTS})(\\s*[】\\]:：]|\\s).*(${SITE_DISCLAIMER})`);

/** A Latin-script line made of nothing but stamp tokens, numbers and separators, with a month name or a label
 * ("Nov. 19, 2019, 8:41 AM UTC", "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05"). */
function isLatinDateStamp(line: string): boolean {
  if (line.length > LATIN_SHORT_LINE_CHARS || !/[a-z]{3}/i.test(line)) return false;
  return line.replace(DATE_STAMP_TOKEN, '').replace(/[\s,.:;|/()\-–—]+/g, '') === '';
}

/**
 * A copyright word that a sentence speaks about rather than a notice (法院认为，该免责声明无效 / 他表示，该作品版权所有人尚未
 * 确定): a reporting verb earlier in its sentence, or a demonstrative right before it (该, 这份, 此), or a modifier or a
 * predicate right after it (COPYRIGHT_SPOKEN_AFTER). A notice names the site (本站免责声明, 某某网版权所有) or nothing
 * before its marker.
 */
/** What a court or a party does with a notice (法院裁定该免责声明无效, 双方签署的版权声明), beside REPORTING_VERBS. */
const LEGAL_ACTS = '裁定|判决|裁决|起草|签署';
const COPYRIGHT_SPOKEN_OF = zh(`(${REPORTING_VERBS}|${LEGAL_ACTS})[^。！？]*$|(该|这份|这一|这项|此|那份|一份|一则|[“"「『])$`);
/** The same after the marker: a modifier or a predicate follows it (免责声明的效力一直是焦点, 特别声明称…, 版权声明中写明…);
 * a notice goes on with its text after a colon, a bracket or a space, or names its owner (版权所有 © X). */
const COPYRIGHT_SPOKEN_AFTER = zh('^(的|是|称|中|里|被|一直|也|并|不|对|已|将|人|者|[”"」』]|字样)');

function copyrightPlacement(line: string): boolean {
  const m = COPYRIGHT.exec(line);
  if (m === null) return false;
  if (STATEMENT_MARKER.test(m[0]) && !isSiteStatement(line, line.slice(m.index + m[0].length))) return false;
  return !COPYRIGHT_SPOKEN_OF.test(line.slice(0, m.index)) && !COPYRIGHT_SPOKEN_AFTER.test(line.slice(m.index + m[0].length))
    && (line.length <= SHORT_LINE_CHARS || m.index <= COPYRIGHT_MARKER_MAX_OFFSET);
}

/** 郑重声明 as the copyright marker: anyone's statement (see STATEMENTS). */
const STATEMENT_MARKER = zh(`^(${STATEMENTS})$`);
/** A statement is the site's when nothing follows its label (郑 重 声 明) or the line is the site's disclaimer (本站郑重声明：
 * 所载文章、数据仅供参考…), up to DISCLAIMER_LINE_CHARS. 郑重声明：近日有不法分子冒用我公司名义… is a company's. */
function isSiteStatement(line: string, after: string): boolean {
  return /^[\s】\]:：]*$/.test(after) || (line.length <= DISCLAIMER_LINE_CHARS && SITE_DISCLAIMER_WORDS.test(line));
}

const SPACE_RUN = /[\s\u3000\u00a0]+/g;

/**
 * Answers remembered per line: the body extractor, the article reader and the confidence features each ask about the
 * same lines (14,214 asks for 4,473 distinct lines over zh-cwced, 13,275 for 4,509 over aeb), and one ask runs up to
 * twenty patterns. Forgotten all at once past MEMO_LINES, so memory stays bounded on any input.
 */
const memo = new Map<string, BoilerplateReason | null>();
const MEMO_LINES = 4096;

/** Why `line` is chrome, or null when it is not. */
export function boilerplateReason(line: string): BoilerplateReason | null {
  let reason = memo.get(line);
  if (reason === undefined) {
    if (memo.size >= MEMO_LINES) memo.clear();
    reason = reasonOf(line);
    memo.set(line, reason);
  }
  return reason;
}

function reasonOf(line: string): BoilerplateReason | null {
  // An annotation opens with a parenthesis: a line without one (nearly all) is not searched for them.
  const bare = line.includes('(') || line.includes('（') ? line.replace(PINYIN_ANNOTATION, '') : line;
  const text = collapseRuns(bare, SPACE_RUN, JS_SPACE_NOT_SPACE).trim();
  if (!text) return null;
  // Past LATIN_SHORT_LINE_CHARS every rule but copyright is out (short rules, and the Latin ones' length caps).
  if (text.length > LATIN_SHORT_LINE_CHARS) {
    if (RULES[0]!.pattern.test(text) && copyrightPlacement(text)) return 'copyright';
    if (LEADING_TRAILER.test(text)) return 'trailer';
    if (text.length > EN_PROMO_LINE_CHARS) return null;
    if (EN_PROMO.test(text)) return 'promo';
    return EN_CONTRIBUTED.test(text) ? 'trailer' : null;
  }
  let hasMetadata: boolean | undefined;
  for (const rule of RULES) {
    if (rule.short && text.length > SHORT_LINE_CHARS) continue;
    if (!rule.pattern.test(text)) continue;
    // A metadata line (来源, 作者…) is the lead's: only the copyright, leading-trailer, disclaimer and platform-statement rules apply.
    if (rule.reason !== 'copyright' && rule.pattern !== LEADING_TRAILER && rule.pattern !== DISCLAIMER_LEAD && rule.pattern !== PLATFORM_STATEMENT && (hasMetadata ??= METADATA_LABEL.test(text))) continue;
    if (!rule.also || rule.also(text)) return rule.reason;
  }
  return null;
}

export function isBoilerplateLine(line: string): boolean {
  return boilerplateReason(line) !== null;
}
