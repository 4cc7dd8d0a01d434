/**
 * 镇江产业网 (www.zjchanye.example): a WordPress-style blog aggregator that auto-collects articles
 * (`?id=N` permalinks, theme markup, WeChat promo block, related posts with teasers). UTF-8 with NO charset
 * declaration anywhere: neither <meta charset> nor http-equiv, so a reader has to sniff the bytes.
 * Seed: 003_3e0a5657ee805610.
 */
import { each, esc, loadSeed, type PageSpec } from '../markup.js';

const HOST = 'https://www.zjchanye.example';
const ARTICLE_ID = 1187;
const CATEGORY_URL = `${HOST}/?cate=3`;
const SITE = '镇江产业网';
const seed = loadSeed('003_3e0a5657ee805610');

const NAV = [
  [`${HOST}/`, '首页'], [CATEGORY_URL, '镇江产业信息'], [`${HOST}/?cate=4`, '招商引资'], [`${HOST}/?cate=5`, '厂房出租'],
  [`${HOST}/?cate=6`, '土地出让'], [`${HOST}/?cate=7`, '园区介绍'], [`${HOST}/?cate=8`, '产业政策'], [`${HOST}/?cate=9`, '企业服务'],
  [`${HOST}/?cate=10`, '丹阳'], [`${HOST}/?cate=11`, '句容'], [`${HOST}/?cate=12`, '扬中'], [`${HOST}/?cate=13`, '联系我们'],
] as const;
/** Post ids of the eight related posts, in the order the capture lists them (lines 31-77, six lines apart). */
const RELATED_IDS = [1172, 1160, 903, 1049, 1101, 987, 1134, 1178] as const;
// Other posts of the 镇江产业信息 category (for the list page and sidebars): [id, title, date].
const POSTS: readonly (readonly [number, string, string])[] = [
  [1190, '镇江高新区新材料产业园二期标准厂房招租', '2024-09-26'],
  [1189, '丹阳经开区光电产业项目集中签约', '2024-09-25'],
  [1188, '句容经济开发区重点项目建设现场推进会召开', '2024-09-25'],
  [1186, '扬中电气产业集群入选省级中小企业特色产业集群', '2024-09-23'],
  [1185, '镇江新区港口物流项目加快建设', '2024-09-22'],
  [1184, '京口区数字经济产业园招商推介会举行', '2024-09-21'],
  [1183, '润州区文旅项目集中开工', '2024-09-20'],
  [1182, '丹徒区智能制造产业园新入驻企业6家', '2024-09-19'],
  [1181, '镇江综合保税区前8个月进出口额同比增长', '2024-09-18'],
  [1180, '镇江市出台支持先进制造业发展若干政策', '2024-09-16'],
  [1179, '丹阳眼镜产业跨境电商园开园', '2024-09-14'],
  [1178, '总投资20亿元!谷川联行再度携手亨通集团助力2项目落户内蒙古达拉特旗', '2024-09-13'],
  [1177, '句容绿色新能源产业项目签约落地', '2024-09-12'],
  [1176, '扬中高新区厂房土地租售信息汇总', '2024-09-10'],
  [1175, '镇江经开区新能源电池材料项目环评公示', '2024-09-09'],
  [1174, '丹徒高新园区标准厂房(单层)出租信息', '2024-09-07'],
];
const TAGS = ['重大项目', '产业强市', '招商引资', '镇江', '厂房出租', '土地出让', '项目建设', '一号战略', '丹阳', '句容', '扬中', '开发区'];
const LINKS = [
  ['https://www.zjchangfang.example/', '镇江厂房网'], ['https://www.jszhaoshang.example/', '江苏招商网'],
  ['https://www.cnchanyeyuan.example/', '中国产业园网'], ['https://www.zjtudi.example/', '镇江土地网'],
] as const;

function postUrl(id: number): string {
  return `${HOST}/?id=${id}`;
}

function head(title: string, extra: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${esc(title)}</title>
<meta name="keywords" content="镇江产业,镇江招商,厂房出租,土地租售,重大项目">
<meta name="description" content="${SITE}提供镇江产业信息、招商引资、厂房土地租售资讯。">
<meta name="generator" content="WordPress 6.4.3">
${extra}
<link rel="alternate" type="application/rss+xml" title="${SITE} &raquo; Feed" href="${HOST}/?feed=rss2">
<link rel="https://api.w.org/" href="${HOST}/index.php?rest_route=/">
<link rel='stylesheet' id='wp-block-library-css' href='${HOST}/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3' type='text/css' media='all'>
<link rel='stylesheet' id='zibll-main-css' href='${HOST}/wp-content/themes/chanye/css/main.min.css?ver=7.2' type='text/css' media='all'>
<script type='text/javascript' src='${HOST}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>
<script type="text/javascript">
/* <![CDATA[ */
var theme_config = {"ajaxurl":"https:\\/\\/www.zjchanye.example\\/wp-admin\\/admin-ajax.php","home_url":"https:\\/\\/www.zjchanye.example"};
/* ]]> */
</script>
<script>
var _hmt = _hmt || [];
(function() {
  var hm = document.createElement("script");
  hm.src = "https://hm.tongji.example/hm.js?5d2c8e1f7b3a4960a1e8c7d6b5f40a93";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
})();
</script>
</head>`;
}

function header(): string {
  return `<body class="post-template-default single single-post single-format-standard">
<div class="header-top">
  <div class="container">
    <span class="welcome">欢迎访问${SITE}!产业招商/厂房土地租售热线:400 0123 021</span>
    <span class="top-links"><a href="${HOST}/?cate=13">联系我们</a> | <a href="${HOST}/wp-login.php">登录</a> | <a href="${HOST}/wp-login.php?action=register">注册</a></span>
  </div>
</div>
<header class="header">
  <div class="container">
    <div class="logo"><a href="${HOST}/" title="${SITE}"><img src="${HOST}/wp-content/uploads/2023/03/logo.png" alt="${SITE}"></a></div>
    <nav class="navbar">
      <ul class="nav">
${each(NAV, '        ', ([href, name], i) => `<li class="menu-item menu-item-${100 + i}${i === 1 ? ' current-menu-item' : ''}"><a href="${href}">${name}</a></li>`)}
      </ul>
    </nav>
    <form class="search-form" method="get" action="${HOST}/"><input type="text" name="s" placeholder="输入关键词搜索..."><button type="submit">搜索</button></form>
  </div>
</header>
<!-- 顶部广告 -->
<div class="container ad-top" style="margin:10px auto;"><a href="${HOST}/?id=2" target="_blank"><img src="${HOST}/wp-content/uploads/2023/05/ad-changfang-1200x100.jpg" width="1200" height="100" alt="厂房土地租售"></a></div>`;
}

function sidebar(): string {
  return `  <aside class="sidebar">
    <div class="widget widget_hot">
      <h3 class="widget-title">热门文章</h3>
      <ul>
${each(POSTS.slice(0, 7), '        ', ([id, title], i) => `<li><span class="num">${i + 1}</span><a href="${postUrl(id)}" title="${esc(title)}">${esc(title)}</a></li>`)}
      </ul>
    </div>
    <div class="widget widget_ad">
      <a href="${HOST}/?cate=5" target="_blank"><img src="${HOST}/wp-content/uploads/2023/05/ad-side-300x250.jpg" width="300" height="250" alt="厂房出租"></a>
    </div>
    <div class="widget widget_recent">
      <h3 class="widget-title">最新文章</h3>
      <ul>
${each(POSTS.slice(0, 10), '        ', ([id, title, date]) => `<li><a href="${postUrl(id)}">${esc(title)}</a><time>${date}</time></li>`)}
      </ul>
    </div>
    <div class="widget widget_comments">
      <h3 class="widget-title">最新评论</h3>
      <ul>
        <li><span class="comment-author">镇江客</span>:<a href="${postUrl(1176)}#comment-311">有没有2000平方左右的单层厂房?</a></li>
        <li><span class="comment-author">李工</span>:<a href="${postUrl(1180)}#comment-309">政策写得很清楚,点赞</a></li>
        <li><span class="comment-author">访客</span>:<a href="${postUrl(1185)}#comment-305">港口物流园什么时候能入驻?</a></li>
        <li><span class="comment-author">丹阳网友</span>:<a href="${postUrl(1179)}#comment-298">眼镜城越来越好了</a></li>
      </ul>
    </div>
    <div class="widget widget_tag_cloud">
      <h3 class="widget-title">标签云</h3>
      <div class="tagcloud">
${each(TAGS, '        ', (tag, i) => `<a href="${HOST}/?tag=${encodeURIComponent(tag)}" class="tag-cloud-link tag-link-${20 + i}" style="font-size: ${8 + (i % 5) * 2}pt;">${tag}</a>`)}
      </div>
    </div>
    <div class="widget widget_links">
      <h3 class="widget-title">友情链接</h3>
      <ul>
${each(LINKS, '        ', ([href, name]) => `<li><a href="${href}" target="_blank">${name}</a></li>`)}
      </ul>
    </div>
  </aside>`;
}

function footer(): string {
  return `<div class="container flinks">
  <span>友情链接:</span>
${each(LINKS, '  ', ([href, name]) => `<a href="${href}" target="_blank">${name}</a>`)}
  <a href="https://www.jsgongye.example/" target="_blank">江苏工业网</a>
  <a href="https://www.csjchanye.example/" target="_blank">长三角产业网</a>
</div>
<footer class="footer">
  <div class="container footer-widgets">
    <div class="widget">
      <h4>关于我们</h4>
      <p>${SITE}专注镇江及周边地区产业招商、厂房土地租售信息服务,为企业选址落地提供一站式对接。</p>
    </div>
    <div class="widget">
      <h4>服务项目</h4>
      <ul>
        <li><a href="${HOST}/?cate=5">标准厂房出租</a></li>
        <li><a href="${HOST}/?cate=6">工业用地出让</a></li>
        <li><a href="${HOST}/?cate=4">招商项目对接</a></li>
        <li><a href="${HOST}/?cate=9">工商注册代办</a></li>
        <li><a href="${HOST}/?cate=8">产业政策解读</a></li>
      </ul>
    </div>
    <div class="widget">
      <h4>园区导航</h4>
      <ul>
        <li><a href="${HOST}/?id=201">镇江经济技术开发区</a></li>
        <li><a href="${HOST}/?id=202">镇江高新技术产业开发区</a></li>
        <li><a href="${HOST}/?id=203">丹阳经济开发区</a></li>
        <li><a href="${HOST}/?id=204">句容经济开发区</a></li>
        <li><a href="${HOST}/?id=205">扬中经济开发区</a></li>
        <li><a href="${HOST}/?id=206">镇江综合保税区</a></li>
      </ul>
    </div>
  </div>
  <div class="container">
    <p>Copyright &copy; 2023-2025 ${SITE}&nbsp;&nbsp;|&nbsp;&nbsp;<a href="https://beian.miit.example/" target="_blank" rel="nofollow">苏ICP备2355501号-1</a>&nbsp;&nbsp;|&nbsp;&nbsp;Powered by WordPress</p>
    <p>商务合作:400 0123 021&nbsp;&nbsp;邮箱:<a href="mailto:service@zjchanye.example">service@zjchanye.example</a></p>
  </div>
</footer>
<div class="mobile-menu" id="mobile-menu" style="display:none;">
  <ul>
${each(NAV, '    ', ([href, name]) => `<li><a href="${href}">${name}</a></li>`)}
  </ul>
</div>
<div class="rollbar"><a href="javascript:;" class="go-top" title="返回顶部">&uarr;</a></div>
<script type='text/javascript' src='${HOST}/wp-content/themes/chanye/js/main.min.js?ver=7.2' id='main-js'></script>
</body>
</html>
`;
}

function related(): string {
  return each(RELATED_IDS, '        ', (id, i) => {
    const title = seed.line(31 + i * 6);
    const teaser = seed.line(35 + i * 6);
    return `<li class="relate-item">
          <div class="relate-img"><a href="${postUrl(id)}" target="_blank"><img src="${HOST}/wp-content/uploads/thumbs/${id}-240x160.jpg" alt=""><span class="img-title">${esc(seed.line(33 + i * 6))}</span></a></div>
          <h3><a href="${postUrl(id)}" target="_blank">${esc(title)}</a></h3>
          <p class="intro">${esc(teaser)}</p>
        </li>`;
  });
}

function articleBody(): string {
  return `<div class="container main">
  <div class="content-wrap">
    <div class="breadcrumb">当前位置:<a href="${HOST}/">首页</a> &gt; <a href="${CATEGORY_URL}">镇江产业信息</a> &gt; 正文内容</div>
    <article class="post post-${ARTICLE_ID}">
      <header class="article-header">
        <h1 class="post-title">${esc(seed.line(3))}</h1>
        <div class="post-meta"><span class="author">admin</span><span class="time">1年前 (2024-09-24)</span><span class="cat"><a href="${CATEGORY_URL}">镇江产业信息</a></span><span class="views">88</span></div>
      </header>
      <div class="entry-content">
${each(seed.lines(7, 17), '        ', (line) => `<p>${esc(line)}</p>`)}
      </div>
      <!-- 微信推广 -->
      <div class="wx-promo" style="border:1px dashed #e5e5e5;padding:15px;margin:20px 0;overflow:hidden;">
        <img src="${HOST}/wp-content/uploads/2023/03/qrcode-geyiming.jpg" alt="" width="120" height="120" style="float:left;margin-right:15px;">
        <p><strong>${esc(seed.line(19))}</strong></p>
        <p>${esc(seed.line(20))}</p>
        <p>${esc(seed.line(21))}</p>
        <p>${esc(seed.line(22))}</p>
        <p style="color:#999;">${esc(seed.line(23))}</p>
      </div>
      <!-- /微信推广 -->
      <div class="post-tags">
        标签:
        <a href="${HOST}/?tag=${encodeURIComponent('重大项目')}" rel="tag">重大项目</a>
        <a href="${HOST}/?tag=${encodeURIComponent('产业强市')}" rel="tag">产业强市</a>
        <a href="${HOST}/?tag=${encodeURIComponent('项目建设')}" rel="tag">项目建设</a>
        <a href="${HOST}/?tag=${encodeURIComponent('镇江')}" rel="tag">镇江</a>
      </div>
      <!-- 版权 -->
      <div class="post-copyright">${esc(seed.line(25))}</div>
      <div class="post-share">
        <span>${esc(seed.line(27))}</span>
        <a href="javascript:;" class="share-weixin" title="微信">微信</a>
        <a href="javascript:;" class="share-qzone" title="QQ空间">QQ空间</a>
        <a href="javascript:;" class="share-weibo" title="微博">微博</a>
      </div>
      <nav class="article-nav">
        <span class="article-nav-prev">上一篇:<a href="${postUrl(1186)}" rel="prev">扬中电气产业集群入选省级中小企业特色产业集群</a></span>
        <span class="article-nav-next">下一篇:<a href="${postUrl(1188)}" rel="next">句容经济开发区重点项目建设现场推进会召开</a></span>
      </nav>
    </article>
    <!-- 相关文章 -->
    <div class="relates">
      <h3 class="title">${esc(seed.line(29))}</h3>
      <ul>
${related()}
      </ul>
    </div>
    <div id="comments" class="comments-area">
      <h3 class="title">发表评论</h3>
      <form action="${HOST}/wp-comments-post.php" method="post" id="commentform">
        <textarea id="comment" name="comment" rows="6" placeholder="写下你的评论..."></textarea>
        <p><input type="text" name="author" placeholder="昵称"> <input type="text" name="email" placeholder="邮箱"></p>
        <p class="form-submit"><input name="submit" type="submit" id="submit" value="发表评论"><input type="hidden" name="comment_post_ID" value="${ARTICLE_ID}"></p>
      </form>
      <p class="nocomments">暂无评论,快来抢沙发吧~</p>
    </div>
  </div>
${sidebar()}
</div>`;
}

function indexBody(): string {
  const items: (readonly [number, string, string])[] = [...POSTS];
  items.splice(3, 0, [ARTICLE_ID, seed.line(3), '2024-09-24']);
  return `<div class="container main">
  <div class="content-wrap">
    <div class="breadcrumb">当前位置:<a href="${HOST}/">首页</a> &gt; 镇江产业信息</div>
    <div class="posts-list">
${each(items, '      ', ([id, title, date]) => `<div class="post-item">
        <div class="item-thumb"><a href="${postUrl(id)}"><img src="${HOST}/wp-content/uploads/thumbs/${id}-240x160.jpg" alt=""></a></div>
        <h2 class="item-title"><a href="${postUrl(id)}">${esc(title)}</a></h2>
        <div class="item-meta"><span class="author">admin</span><time>${date}</time><span class="cat">镇江产业信息</span></div>
        <div class="item-excerpt">${esc(title)}。本文由网络蜘蛛自动收集,更多镇江产业信息请关注${SITE}。</div>
      </div>`)}
    </div>
    <div class="pagination">
      <span class="now-page">1</span>
      <a href="${CATEGORY_URL}&amp;page=2">2</a>
      <a href="${CATEGORY_URL}&amp;page=3">3</a>
      <a href="${CATEGORY_URL}&amp;page=4">4</a>
      <a href="${CATEGORY_URL}&amp;page=2">下一页</a>
      <a href="${CATEGORY_URL}&amp;page=42">尾页</a>
    </div>
  </div>
${sidebar()}
</div>`;
}

export function zjchanyePages(): PageSpec[] {
  const url = postUrl(ARTICLE_ID);
  const article = [
    head(`${seed.line(3)} - ${SITE}`, `<link rel="canonical" href="${url}">
<meta property="og:locale" content="zh_CN">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(seed.line(3))}">
<meta property="og:url" content="${url}">
<meta property="og:site_name" content="${SITE}">
<meta property="article:section" content="镇江产业信息">
<meta property="article:published_time" content="2024-09-24T10:15:32+08:00">`),
    header(),
    articleBody(),
    footer(),
  ].join('\n');
  const index = [
    head(`镇江产业信息 - ${SITE}`, `<meta property="og:type" content="website">
<meta property="og:title" content="镇江产业信息 - ${SITE}">
<meta property="og:site_name" content="${SITE}">`),
    header().replace('single single-post single-format-standard', 'archive category'),
    indexBody(),
    footer(),
  ].join('\n');
  return [
    { file: '003_3e0a5657ee805610.html', url, html: article, charset: 'utf-8', declared: null },
    { file: 'index-zjchanye.html', url: CATEGORY_URL, html: index, charset: 'utf-8', declared: null },
  ];
}
