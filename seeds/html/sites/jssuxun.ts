/**
 * 江蘇蘇訊網 (www.jssuxun.example): a PHPCMS-style reposting portal. Its chrome is in Traditional characters
 * with pinyin annotations after some characters, as the capture shows; it reposts an article of
 * 中國江蘇網 and names the original URL. UTF-8, `<meta charset="utf-8">`.
 * Seed: 002_dfb4da28d1e41213.
 */
import { each, esc, loadSeed, siteMap, type PageSpec } from '../markup.js';

const HOST = 'https://www.jssuxun.example';
const ARTICLE_PATH = '/html/2024/jiangsu_0220/52317.html';
const ORIGINAL_URL = 'https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml';
const SITE = '江蘇蘇訊網(wǎng)';
const seed = loadSeed('002_dfb4da28d1e41213');

const NAV = [
  ['/', '首頁'], ['/html/jiangsu/', '江蘇'], ['/html/nanjing/', '南京'], ['/html/shehui/', '社會'], ['/html/caijing/', '財經'],
  ['/html/keji/', '科技'], ['/html/jiaoyu/', '教育'], ['/html/jiankang/', '健康'], ['/html/wenhua/', '文化'], ['/html/lvyou/', '旅遊'],
  ['/html/fangchan/', '房產'], ['/html/qiche/', '汽車'], ['/html/gongyi/', '公益'], ['/html/tousu/', '投訴'], ['/html/tupian/', '圖片'],
  ['/html/shipin/', '視頻'], ['/html/zhuanti/', '專題'],
] as const;
// Other 江蘇 column articles: [path, title, date].
const COLUMN: readonly (readonly [string, string, string])[] = [
  ['/html/2024/jiangsu_0220/52318.html', '蘇州工業園區(qū)“開門紅”項目集中簽約', '2024-02-20'],
  ['/html/2024/jiangsu_0220/52316.html', '無錫:新春第一會聚焦“產(chǎn)業(yè)強市”', '2024-02-20'],
  ['/html/2024/jiangsu_0220/52315.html', '常州新能源產(chǎn)業(yè)再添重大項目', '2024-02-20'],
  ['/html/2024/jiangsu_0219/52309.html', '江蘇開年重大項目集中開工 總投資超三千億', '2024-02-19'],
  ['/html/2024/jiangsu_0219/52305.html', '南通:春節後首個工作日企業滿負荷生產', '2024-02-19'],
  ['/html/2024/jiangsu_0219/52301.html', '揚州古運河畔燈會延至元宵節後', '2024-02-19'],
  ['/html/2024/jiangsu_0218/52296.html', '徐州淮海國際陸港新春首列班列發車', '2024-02-18'],
  ['/html/2024/jiangsu_0218/52292.html', '鹽城海上風電項目春節不停工', '2024-02-18'],
  ['/html/2024/jiangsu_0217/52288.html', '春節假期江蘇接待遊客超五千萬人次', '2024-02-17'],
  ['/html/2024/jiangsu_0216/52281.html', '鎮江西津渡春節假期遊人如織', '2024-02-16'],
  ['/html/2024/jiangsu_0215/52275.html', '淮安高鐵站迎來返程客流高峰', '2024-02-15'],
  ['/html/2024/jiangsu_0214/52270.html', '泰州:新春走基層 記者探訪堅守一線的人們', '2024-02-14'],
  ['/html/2024/jiangsu_0213/52266.html', '宿遷新春招聘會提供崗位萬餘個', '2024-02-13'],
  ['/html/2024/jiangsu_0212/52261.html', '連雲港港口新年首艘外貿集裝箱船靠泊', '2024-02-12'],
  ['/html/2024/jiangsu_0211/52257.html', '常州恐龍園春節假期迎客高峰', '2024-02-11'],
];
const PICS = [
  ['/html/2024/tupian_0219/52311.html', '/uploadfile/2024/0219/20240219093512184.jpg', '雪後玄武湖'],
  ['/html/2024/tupian_0218/52298.html', '/uploadfile/2024/0218/20240218104410377.jpg', '秦淮燈會流光溢彩'],
  ['/html/2024/tupian_0217/52290.html', '/uploadfile/2024/0217/20240217161025542.jpg', '拙政園迎春'],
  ['/html/2024/tupian_0216/52283.html', '/uploadfile/2024/0216/20240216090833615.jpg', '瘦西湖早春'],
] as const;
const HOT = [
  ['/html/2024/shehui_0220/52320.html', '南京地鐵春節後客流全面恢復'],
  ['/html/2024/caijing_0220/52319.html', '江蘇外貿開年迎來“開門紅”'],
  ['/html/2024/jiaoyu_0219/52307.html', '南京中小學新學期開學時間公佈'],
  ['/html/2024/fangchan_0219/52304.html', '南京樓市春節後首周成交回暖'],
  ['/html/2024/keji_0218/52295.html', '江蘇新增一批省級工程技術研究中心'],
  ['/html/2024/jiankang_0218/52293.html', '節後返崗 這些健康提示要記牢'],
  ['/html/2024/qiche_0217/52287.html', '新能源汽車下鄉活動在蘇北啟動'],
] as const;
const FOCUS = [
  ['/html/2024/zhuanti_0220/52321.html', '聚焦2024江蘇省“兩會”'],
  ['/html/2024/zhuanti_0219/52310.html', '新春走基層'],
  ['/html/2024/zhuanti_0218/52297.html', '優化營商環境 江蘇在行動'],
  ['/html/2024/zhuanti_0216/52284.html', '長江大保護 江蘇在行動'],
  ['/html/2024/zhuanti_0214/52271.html', '鄉村振興看江蘇'],
  ['/html/2024/zhuanti_0212/52262.html', '文明城市創建進行時'],
] as const;

const SITE_MAP = [
  ['新聞', NAV.slice(1, 6)],
  ['生活', NAV.slice(6, 12)],
  ['互動', NAV.slice(12)],
  ['地市', [['/html/suzhou/', '蘇州'], ['/html/wuxi/', '無錫'], ['/html/changzhou/', '常州'], ['/html/zhenjiang/', '鎮江'], ['/html/yangzhou/', '揚州'], ['/html/taizhou/', '泰州'], ['/html/nantong/', '南通']]],
  ['關於', [['/html/about/', '關於我們'], ['/html/about/contact.html', '聯繫方式'], ['/html/about/tougao.html', '投稿須知'], ['/html/about/copyright.html', '版權聲明']]],
] as const;
// 推薦閱讀 with teasers: [path, title, teaser].
const RECOMMEND = [
  ['/html/2024/caijing_0219/52306.html', '江蘇民營經濟開年觀察', '春節假期剛過,省內多地民營企業加緊復工復產,訂單排產已排到年中。'],
  ['/html/2024/keji_0218/52294.html', '南京:人工智能產業加速集聚', '南京今年將新建一批人工智能創新平臺,推動產業鏈上下游協同發展。'],
  ['/html/2024/shehui_0217/52289.html', '返程高峰 江蘇交通運輸平穩有序', '春節假期最後一天,全省高速公路、鐵路、民航客流迎來返程高峰。'],
  ['/html/2024/wenhua_0216/52285.html', '非遺年俗裡的江蘇年味', '舞龍舞獅、打鐵花、扎花燈,各地非遺項目在春節期間輪番登場。'],
] as const;
const FRIEND_LINKS = [
  ['https://www.jsxinwen.example/', '江蘇新聞在線'], ['https://www.njdaily.example/', '南京日報網'], ['https://www.sz-news.example/', '蘇州新聞網'],
  ['https://www.wxnews.example/', '無錫新傳媒'], ['https://www.czrb.example/', '常州日報網'], ['https://www.yzwb.example/', '揚州晚報網'],
  ['https://www.ntjoy.example/', '江海明珠網'], ['https://www.zjnews.example/', '鎮江新聞在線'],
] as const;

function head(title: string, description: string, extra: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="renderer" content="webkit">
<title>${esc(title)}</title>
<meta name="keywords" content="南京江北新區(qū),新春第一會,四大行動,江蘇蘇訊網(wǎng)">
<meta name="description" content="${esc(description)}">
${extra}
<link href="/statics/css/reset.css" rel="stylesheet" type="text/css">
<link href="/statics/css/jssuxun/style.css?v=20231108" rel="stylesheet" type="text/css">
<script type="text/javascript" src="/statics/js/jquery.min.js"></script>
<script type="text/javascript" src="/statics/js/jquery.sgallery.js"></script>
<script type="text/javascript" src="/statics/js/search_common.js"></script>
<script>
var _hmt = _hmt || [];
(function() {
  var hm = document.createElement("script");
  hm.src = "https://hm.tongji.example/hm.js?0c9e5b7d3a2f4e1c8b6a9d7f5e3c1b20";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
})();
</script>
</head>`;
}

function header(): string {
  return `<body>
<!-- 頂部橫幅 -->
<div class="top-banner">
  <div class="w1200">${esc(seed.line(1))}</div>
</div>
<div class="header w1200 clearfix">
  <div class="logo"><a href="/"><img src="/statics/images/jssuxun/logo.png" alt="${SITE}" height="80"></a></div>
  <div class="header-ad"><a href="/index.php?m=poster&amp;c=index&amp;a=poster_click&amp;id=7" target="_blank" rel="nofollow"><img src="/uploadfile/poster/2024/top_728x90.gif" width="728" height="90" alt=""></a></div>
</div>
<div class="nav">
  <ul class="w1200 clearfix">
${each(NAV, '    ', ([href, name]) => `<li${href === '/html/jiangsu/' ? ' class="cur"' : ''}><a href="${href}">${name}</a></li>`)}
  </ul>
</div>
<div class="w1200 city-nav">
  <strong>地方頻道:</strong>
${each(SITE_MAP[3][1], '  ', ([href, name]) => `<a href="${href}">${name}</a>`)}
  <a href="/html/huaian/">淮安</a>
  <a href="/html/yancheng/">鹽城</a>
  <a href="/html/xuzhou/">徐州</a>
  <a href="/html/lianyungang/">連雲港</a>
  <a href="/html/suqian/">宿遷</a>
</div>
<div class="w1200 search-bar clearfix">
  <div class="today fl" id="today"></div>
  <form class="fr" action="/index.php" method="get" target="_blank">
    <input type="hidden" name="m" value="search"><input type="hidden" name="c" value="index"><input type="hidden" name="a" value="init">
    <input type="text" name="q" id="q" class="s-text" placeholder="請輸入搜索內容"><input type="submit" class="s-btn" value="搜 索">
  </form>
</div>`;
}

function sidebar(): string {
  return `  <div class="col-right fr">
    <!-- 圖片新聞 -->
    <div class="box">
      <h5 class="title-2">${esc(seed.line(35))}</h5>
      <ul class="pic-list clearfix">
${each(PICS, '        ', ([href, img, title]) => `<li><a href="${href}" target="_blank"><img src="${img}" width="150" height="100" alt="${title}"></a><p><a href="${href}" target="_blank">${title}</a></p></li>`)}
      </ul>
    </div>
    <div class="ad-side"><a href="/index.php?m=poster&amp;c=index&amp;a=poster_click&amp;id=9" target="_blank" rel="nofollow"><img src="/uploadfile/poster/2024/side_300x250.jpg" width="300" height="250" alt=""></a></div>
    <!-- 推薦閱讀 -->
    <div class="box">
      <h5 class="title-2">推薦閱讀</h5>
      <ul class="recommend">
${each(RECOMMEND, '        ', ([href, title, teaser]) => `<li>
          <h6><a href="${href}" target="_blank">${title}</a></h6>
          <p>${teaser}</p>
        </li>`)}
      </ul>
    </div>
    <!-- 熱點資訊 -->
    <div class="box">
      <h5 class="title-2">${esc(seed.line(36))}</h5>
      <ul class="content hot-list">
${each(HOT, '        ', ([href, title], i) => `<li><span class="num${i < 3 ? ' top' : ''}">${i + 1}</span><a href="${href}" target="_blank" title="${title}">${title}</a></li>`)}
      </ul>
    </div>
    <!-- 熱點聚焦 -->
    <div class="box">
      <h5 class="title-2">${esc(seed.line(37))}</h5>
      <ul class="content focus-list">
${each(FOCUS, '        ', ([href, title]) => `<li>·<a href="${href}" target="_blank">${title}</a></li>`)}
      </ul>
    </div>
  </div>`;
}

function footer(): string {
  return `<!-- 底部 -->
<div class="w1200 flink">
  <h5 class="title-2">友情鏈接</h5>
  <ul class="clearfix">
${each(FRIEND_LINKS, '    ', ([href, name]) => `<li><a href="${href}" target="_blank">${name}</a></li>`)}
  </ul>
</div>
<div class="footer">
  <div class="w1200">
    <div class="sitemap clearfix">
${siteMap(SITE_MAP, '      ')}
    </div>
    <p class="f-nav"><a href="/html/about/">關於我們</a> | <a href="/html/about/contact.html">聯繫方式</a> | <a href="/html/about/tougao.html">投稿須知</a> | <a href="/html/about/copyright.html">版權聲明</a> | <a href="/index.php?m=link">友情鏈接</a> | <a href="/sitemap.html">網站(wǎng)地圖</a></p>
    <p>主辦單位:江蘇蘇訊文化傳媒有限公司&nbsp;&nbsp;地址:南京市鼓樓區(qū)示例路55號</p>
    <p>客服電話:025-5555 3400&nbsp;&nbsp;投稿郵箱:<a href="mailto:tougao@jssuxun.example">tougao@jssuxun.example</a></p>
    <p>Copyright &copy; 2015-2024 ${SITE} All Rights Reserved&nbsp;&nbsp;<a href="https://beian.miit.example/" target="_blank" rel="nofollow">蘇ICP備15550340號-1</a></p>
  </div>
</div>
<div class="w1200 report">
  <p>違法和不良信息舉報電話:025-5555 3401&nbsp;&nbsp;舉報郵箱:<a href="mailto:jubao@jssuxun.example">jubao@jssuxun.example</a></p>
  <p><a href="https://www.12377.example/" target="_blank" rel="nofollow"><img src="/statics/images/jssuxun/jubao.png" alt="網上有害信息舉報" height="40"></a></p>
</div>
<script type="text/javascript">
$(function(){ var d=new Date(),w=["日","一","二","三","四","五","六"]; $("#today").html(d.getFullYear()+"年"+(d.getMonth()+1)+"月"+d.getDate()+"日 星期"+w[d.getDay()]); });
</script>
<script type="text/javascript" src="/statics/js/jssuxun/footer.js"></script>
</body>
</html>
`;
}

function articleBody(): string {
  return `<div class="w1200 crumbs">當前位置:<a href="/">首頁</a> &gt; <a href="/html/jiangsu/">江蘇</a> &gt; 正文</div>
<div class="w1200 main clearfix">
  <div class="col-left fl">
    <div class="article">
      <h1>${esc(seed.line(3))}</h1>
      <div class="info"><span class="time">2024-02-20 09:49</span> <span class="source">來源:<a href="" target="_blank"></a></span> <span class="editor">編輯:中國江蘇網(wǎng)</span> <span class="views">瀏覽量:<em id="hits">0</em></span></div>
      <div class="content" id="Article">
${each(seed.lines(7, 27), '        ', (line) => `<p>${esc(line)}</p>`)}
        <p>原文地址:<a href="${ORIGINAL_URL}">${ORIGINAL_URL}</a></p>
        <p class="kefu">${esc(seed.line(30))}</p>
      </div>
      <div class="editor">${esc(seed.line(31))}</div>
      <div class="copyright-box">
        <p>${esc(seed.line(33))}</p>
      </div>
      <!-- 分享 -->
      <div class="share clearfix">
        <div class="bdsharebuttonbox"><span>分享到:</span><a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信"></a><a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博"></a><a href="#" class="bds_qzone" data-cmd="qzone" title="分享到QQ空間"></a><a href="#" class="bds_more" data-cmd="more"></a></div>
        <script>window._bd_share_config={"common":{"bdSnsKey":{},"bdText":"","bdMini":"2","bdMiniList":false,"bdPic":"","bdStyle":"0","bdSize":"24"},"share":{}};</script>
      </div>
      <div class="prev-next">
        <p>上一篇:<a href="/html/2024/jiangsu_0220/52316.html">無錫:新春第一會聚焦“產(chǎn)業(yè)強市”</a></p>
        <p>下一篇:<a href="/html/2024/jiangsu_0220/52318.html">蘇州工業園區(qū)“開門紅”項目集中簽約</a></p>
      </div>
    </div>
    <!-- 精彩推薦 -->
    <div class="box pic-strip">
      <h5 class="title-2">精彩推薦</h5>
      <ul class="clearfix">
${each(PICS, '        ', ([href, img, title]) => `<li>
          <a href="${href}" target="_blank"><img src="${img}" width="200" height="130" alt=""></a>
          <p><a href="${href}" target="_blank">${title}</a></p>
        </li>`)}
      </ul>
    </div>
    <!-- 相關閱讀 -->
    <div class="box related">
      <h5 class="title-2">相關閱讀</h5>
      <ul class="list-1">
${each(COLUMN.slice(0, 8), '        ', ([href, title, date]) => `<li>
          <span class="rt">${date}</span>·<a href="${href}" target="_blank">${title}</a>
        </li>`)}
      </ul>
    </div>
    <!-- 評論 -->
    <div class="box comment" id="comment">
      <h5 class="title-2">網(wǎng)友評論</h5>
      <form action="/index.php?m=comment&amp;c=index&amp;a=post&amp;commentid=content_12-52317-1" method="post">
        <textarea name="content" id="cmt-content" rows="6" placeholder="請遵守互聯網(wǎng)相關規定,不要發布違法和不良信息"></textarea>
        <div class="cmt-foot clearfix"><span class="fl">驗證碼:<input type="text" name="code" size="6"><img id="code_img" src="/api.php?op=checkcode&amp;code_len=4" alt=""></span><input type="submit" class="fr btn" value="發表評論"></div>
      </form>
      <p class="cmt-tip">網(wǎng)友評論僅供其表達個人看法,並不表明本網(wǎng)同意其觀點或證實其描述。</p>
    </div>
  </div>
${sidebar()}
</div>`;
}

function indexBody(): string {
  const items: (readonly [string, string, string])[] = [...COLUMN];
  items.splice(2, 0, [ARTICLE_PATH, seed.line(3), '2024-02-20']);
  return `<div class="w1200 crumbs">當前位置:<a href="/">首頁</a> &gt; <a href="/html/jiangsu/">江蘇</a> &gt; 列表</div>
<div class="w1200 main clearfix">
  <div class="col-left fl">
    <div class="box list">
      <h5 class="title-2">江蘇</h5>
      <ul class="list-2">
${each(items, '        ', ([href, title, date]) => `<li>
          <span class="rt">${date}</span>
          <a href="${href}" target="_blank" title="${esc(title)}">${esc(title)}</a>
          <p class="intro">${esc(title)}……<a href="${href}" target="_blank">[詳細]</a></p>
        </li>`)}
      </ul>
      <div id="pages" class="text-c"><a class="a1">1228條</a> <a href="/html/jiangsu/index.html" class="a1">上一頁</a> <span>1</span> <a href="/html/jiangsu/2.html">2</a> <a href="/html/jiangsu/3.html">3</a> <a href="/html/jiangsu/4.html">4</a> <a href="/html/jiangsu/5.html">5</a> ..<a href="/html/jiangsu/62.html">62</a> <a href="/html/jiangsu/2.html" class="a1">下一頁</a></div>
    </div>
  </div>
${sidebar()}
</div>`;
}

export function jssuxunPages(): PageSpec[] {
  const url = `${HOST}${ARTICLE_PATH}`;
  const article = [
    head(`${seed.line(3)}_江蘇_${SITE}`, seed.line(7).slice(0, 72), `<meta property="og:type" content="article">
<meta property="og:title" content="${esc(seed.line(3))}">
<meta property="og:url" content="${url}">
<meta property="og:site_name" content="${SITE}">
<meta property="og:description" content="${esc(seed.line(7).slice(0, 72))}">
<link rel="canonical" href="${url}">`),
    header(),
    articleBody(),
    footer(),
  ].join('\n');
  const index = [
    head(`江蘇_${SITE}`, '江蘇蘇訊網(wǎng)江蘇頻道,關注江蘇各地時政、經濟、民生資訊。', `<meta property="og:type" content="website">
<meta property="og:title" content="江蘇_${SITE}">
<meta property="og:site_name" content="${SITE}">`),
    header(),
    indexBody(),
    footer(),
  ].join('\n');
  return [
    { file: '002_dfb4da28d1e41213.html', url, html: article, charset: 'utf-8', declared: 'utf-8' },
    { file: 'index-jssuxun.html', url: `${HOST}/html/jiangsu/`, html: index, charset: 'utf-8', declared: 'utf-8' },
  ];
}
