/**
 * 金山网 (www.jinshanwang.example): Zhenjiang city news on a TRS WCM-style CMS (t20230129_N.shtml paths,
 * TRS_Editor body, relative ./ links). The page is served in Traditional characters with pinyin
 * annotations, as the capture shows. Bytes are UTF-8 but the page DECLARES `<meta charset="gbk">`.
 * Seed: 001_7b4567f576345d14.
 */
import { each, esc, loadSeed, siteMap, type PageSpec } from '../markup.js';

const HOST = 'http://www.jinshanwang.example';
const COLUMN_PATH = '/news/zj/';
const ARTICLE_REL = '202301/t20230129_5581234.shtml';
const SITE = '金山網';
const seed = loadSeed('001_7b4567f576345d14');

const NAV = [
  ['/', '首頁'], ['/news/', '新聞'], ['/news/zj/', '鎮江'], ['/news/js/', '江蘇'], ['/news/gn/', '國內'], ['/news/gj/', '國際'],
  ['/news/sz/', '時政'], ['/news/jj/', '經濟'], ['/news/sh/', '社會'], ['/news/ms/', '民生'], ['/pic/', '圖片'], ['/video/', '視頻'],
  ['/zt/', '專題'], ['/ent/', '文娛'], ['/sports/', '體育'], ['/edu/', '教育'], ['/health/', '健康'], ['/house/', '房產'],
  ['/auto/', '汽車'], ['/travel/', '旅遊'], ['/epaper/', '數字報'], ['/wenming/', '文明鎮江'],
] as const;
const AREAS = [
  ['/news/zj/dy/', '丹陽'], ['/news/zj/yz/', '揚中'], ['/news/zj/jr/', '句容'], ['/news/zj/jk/', '京口'], ['/news/zj/rz/', '潤州'],
  ['/news/zj/dt/', '丹徒'], ['/news/zj/xq/', '鎮江新區'], ['/news/zj/gxq/', '高新區'],
] as const;
// Other articles of the 鎮江 column: [relative path from /news/zj/, title, date].
const COLUMN: readonly (readonly [string, string, string])[] = [
  ['202301/t20230130_5582011.shtml', '全市重大產業項目集中開工 總投資逾三百億元', '2023-01-30'],
  ['202301/t20230129_5581240.shtml', '市政府黨組召開會議 傳達學習省“兩會”精神', '2023-01-29'],
  ['202301/t20230129_5581228.shtml', '節後首個工作日 各地企業開足馬力忙生產', '2023-01-29'],
  ['202301/t20230128_5580917.shtml', '春節假期我市接待遊客人次同比增長兩成', '2023-01-28'],
  ['202301/t20230128_5580902.shtml', '鎮江港春節期間貨物吞吐量穩中有升', '2023-01-28'],
  ['202301/t20230127_5580655.shtml', '西津渡歷史文化街區春節假期人氣旺', '2023-01-27'],
  ['202301/t20230126_5580421.shtml', '鎮江各大醫院春節期間門急診平穩有序', '2023-01-26'],
  ['202301/t20230125_5580207.shtml', '春節假期全市交通運行總體平穩', '2023-01-25'],
  ['202301/t20230124_5580018.shtml', '新春走基層:堅守在崗位上的人們', '2023-01-24'],
  ['202301/t20230120_5579433.shtml', '市十屆人大三次會議勝利閉幕', '2023-01-20'],
  ['202301/t20230119_5579206.shtml', '政協鎮江市第九屆委員會第三次會議閉幕', '2023-01-19'],
  ['202301/t20230118_5578950.shtml', '我市發佈2023年為民辦實事項目清單', '2023-01-18'],
  ['202301/t20230117_5578731.shtml', '鎮江高新區一批科創項目集中簽約', '2023-01-17'],
  ['202301/t20230116_5578502.shtml', '句容:寶華山景區迎來新春賞梅季', '2023-01-16'],
];
const RANK = [
  ['/news/zj/202301/t20230129_5581228.shtml', '節後首個工作日 各地企業開足馬力忙生產'],
  ['/news/ms/202301/t20230128_5580933.shtml', '鎮江今年將新改建農村公路200公里'],
  ['/news/zj/202301/t20230127_5580655.shtml', '西津渡歷史文化街區春節假期人氣旺'],
  ['/news/sh/202301/t20230126_5580440.shtml', '寒潮來襲 市民出行請注意防寒保暖'],
  ['/edu/202301/t20230125_5580211.shtml', '我市中小學寒假延長一週?官方回應:不實'],
  ['/house/202301/t20230124_5580030.shtml', '鎮江主城區新建商品住宅成交回暖'],
  ['/news/jj/202301/t20230120_5579440.shtml', '去年我市規上工業增加值增長超百分之七'],
  ['/news/zj/202301/t20230118_5578950.shtml', '我市發佈2023年為民辦實事項目清單'],
] as const;

const SITE_MAP = [
  ['新聞', NAV.slice(1, 10)],
  ['區縣', AREAS],
  ['頻道', NAV.slice(10)],
  ['服務', [['/fw/tq/', '天氣預報'], ['/fw/gj/', '公交查詢'], ['/fw/zp/', '人才招聘'], ['/fw/yl/', '醫療掛號'], ['/fw/sb/', '社保查詢'], ['/fw/wz/', '違章查詢']]],
  ['互動', [['/hd/bl/', '我要爆料'], ['/hd/wz/', '網絡問政'], ['/hd/lt/', '夢溪論壇'], ['/hd/ts/', '投訴平台'], ['/hd/zb/', '圖文直播']]],
] as const;
const SERVICES = [
  ['/fw/tq/', '天氣'], ['/fw/gj/', '公交'], ['/fw/zp/', '招聘'], ['/fw/yl/', '掛號'], ['/fw/sb/', '社保'], ['/fw/gjj/', '公積金'],
  ['/fw/wz/', '違章'], ['/fw/sd/', '水電氣'], ['/fw/hc/', '火車票'], ['/fw/jy/', '教育'], ['/fw/bm/', '便民電話'], ['/fw/kd/', '快遞查詢'],
] as const;

function head(title: string, extra: string): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="gbk">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=1200">
<title>${esc(title)}</title>
<meta name="keywords" content="鎮江新聞,金山網,鎮江,產業強市,項目攻堅">
<meta name="description" content="金山網是鎮江市重點新聞網站,提供鎮江本地新聞、政務資訊和便民服務。">
<meta name="SiteName" content="${SITE}">
<meta name="SiteDomain" content="www.jinshanwang.example">
<meta name="ColumnName" content="鎮江">
<meta name="ColumnType" content="本地新聞">
${extra}
<link rel="stylesheet" type="text/css" href="/images/2019/css/common.css">
<link rel="stylesheet" type="text/css" href="/images/2019/css/detail.css">
<script type="text/javascript" src="/images/2019/js/jquery-1.11.3.min.js"></script>
<script type="text/javascript" src="/images/2019/js/swiper.min.js"></script>
<!--[if lt IE 9]><script src="/images/2019/js/html5shiv.min.js"></script><![endif]-->
<script type="text/javascript">
var _trsStat = _trsStat || {};
_trsStat.siteId = "57";
_trsStat.channelId = "2345";
(function () {
  var ta = document.createElement("script"); ta.type = "text/javascript"; ta.async = true;
  ta.src = "//stat.trs.example/ta.js?s=5581234";
  var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(ta, s);
})();
</script>
<script>
var _hmt = _hmt || [];
(function() {
  var hm = document.createElement("script");
  hm.src = "https://hm.tongji.example/hm.js?a7e1d4c0b9f84e2aa6c3d5b7e9f10234";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
})();
</script>
</head>`;
}

function header(): string {
  return `<body>
<!--頂部-->
<div class="top-bar">
  <div class="wrap clearfix">
    <div class="fl"><span id="today"></span>&nbsp;&nbsp;<a href="/m/" target="_blank">手機版</a>&nbsp;|&nbsp;<a href="/app/" target="_blank">金山APP</a>&nbsp;|&nbsp;<a href="/weixin/" target="_blank">官方微信</a></div>
    <div class="fr"><a href="/jubao/" target="_blank">違法和不良信息舉報</a>&nbsp;|&nbsp;<a href="/rss/" target="_blank">RSS</a></div>
  </div>
</div>
<div class="header wrap clearfix">
  <div class="logo fl"><a href="/"><img src="/images/2019/img/logo.png" alt="${SITE}"></a></div>
  <div class="header-ad fl"><!--頂部廣告位 640x80--><a href="/ad/click.jsp?id=301" target="_blank" rel="nofollow"><img src="/images/ad/2023/chunjie_640x80.jpg" width="640" height="80" alt=""></a></div>
  <div class="search fr">
    <form action="/was5/web/search" method="get" target="_blank">
      <input type="hidden" name="channelid" value="237561">
      <input type="text" name="searchword" class="s-input" placeholder="請輸入關鍵詞">
      <input type="submit" class="s-btn" value="搜索">
    </form>
  </div>
</div>
<div class="nav">
  <div class="wrap">
    <ul class="clearfix">
${each(NAV, '      ', ([href, name]) => `<li${href === '/news/zj/' ? ' class="on"' : ''}><a href="${href}">${name}</a></li>`)}
    </ul>
  </div>
</div>
<div class="subnav wrap">
${each(AREAS, '  ', ([href, name]) => `<a href="${href}">${name}</a>`)}
</div>
<!--通欄廣告-->
<div class="wrap ad-1200" style="margin-top:10px;"><a href="/ad/click.jsp?id=302" target="_blank" rel="nofollow"><img src="/images/ad/2023/tonglan_1200x90.jpg" width="1200" height="90" alt=""></a></div>`;
}

function sidebar(): string {
  return `    <div class="right fr">
      <div class="box rank">
        <div class="box-tit"><span>點擊排行</span></div>
        <ul class="rank-list">
${each(RANK, '          ', ([href, title], i) => `<li><em class="n${i + 1}">${i + 1}</em><a href="${href}" target="_blank" title="${esc(title)}">${esc(title)}</a></li>`)}
        </ul>
      </div>
      <div class="box ad-side"><!--右側廣告位 340x200--><a href="/ad/click.jsp?id=305" target="_blank" rel="nofollow"><img src="/images/ad/2023/side_340x200.jpg" width="340" height="200" alt=""></a></div>
      <div class="box pic-news">
        <div class="box-tit"><span>圖片新聞</span><a class="more" href="/pic/" target="_blank">更多&gt;&gt;</a></div>
        <ul class="pic-list clearfix">
          <li><a href="/pic/202301/t20230128_5580940.shtml" target="_blank"><img src="/pic/202301/W020230128391122485613.jpg" alt=""><p>金山湖畔燈火璀璨</p></a></li>
          <li><a href="/pic/202301/t20230127_5580671.shtml" target="_blank"><img src="/pic/202301/W020230127402237754801.jpg" alt=""><p>西津渡遊人如織</p></a></li>
          <li><a href="/pic/202301/t20230126_5580452.shtml" target="_blank"><img src="/pic/202301/W020230126385519046327.jpg" alt=""><p>南山雪景如畫</p></a></li>
          <li><a href="/pic/202301/t20230125_5580230.shtml" target="_blank"><img src="/pic/202301/W020230125370086219954.jpg" alt=""><p>新春廟會年味濃</p></a></li>
        </ul>
      </div>
      <div class="box topics">
        <div class="box-tit"><span>熱門專題</span><a class="more" href="/zt/" target="_blank">更多&gt;&gt;</a></div>
        <ul class="topic-list">
          <li><a href="/zt/2023lh/" target="_blank"><img src="/zt/2023lh/images/banner_340x80.jpg" alt="2023鎮江兩會"></a></li>
          <li><a href="/zt/cyqs/" target="_blank"><img src="/zt/cyqs/images/banner_340x80.jpg" alt="產業強市"></a></li>
          <li><a href="/zt/wmcj/" target="_blank"><img src="/zt/wmcj/images/banner_340x80.jpg" alt="文明城市創建"></a></li>
        </ul>
      </div>
      <div class="box service">
        <div class="box-tit"><span>便民服務</span></div>
        <ul class="service-list clearfix">
${each(SERVICES, '          ', ([href, name]) => `<li><a href="${href}" target="_blank">${name}</a></li>`)}
        </ul>
      </div>
      <div class="box qr">
        <div class="box-tit"><span>關注金山網</span></div>
        <div class="qr-list clearfix">
          <dl><dt><img src="/images/2019/img/qr-weixin.png" alt=""></dt><dd>官方微信</dd></dl>
          <dl><dt><img src="/images/2019/img/qr-app.png" alt=""></dt><dd>金山APP</dd></dl>
        </div>
      </div>
    </div>`;
}

function footer(): string {
  return `<!--底部-->
<div class="footer">
  <div class="wrap">
    <div class="sitemap clearfix">
${siteMap(SITE_MAP, '      ')}
    </div>
    <div class="f-links">
      <a href="/about/" target="_blank">關於我們</a>&nbsp;|&nbsp;<a href="/about/lxwm.shtml" target="_blank">聯繫我們</a>&nbsp;|&nbsp;<a href="/about/ggfw.shtml" target="_blank">廣告服務</a>&nbsp;|&nbsp;<a href="/about/bqsm.shtml" target="_blank">版權聲明</a>&nbsp;|&nbsp;<a href="/about/map.shtml" target="_blank">網站地圖</a>
    </div>
    <p>主辦:鎮江日報社&nbsp;&nbsp;承辦:金山網絡傳媒有限公司&nbsp;&nbsp;版權所有&nbsp;未經授權禁止複製或建立鏡像</p>
    <p>新聞熱線:0511-5555 0100&nbsp;&nbsp;廣告熱線:0511-5555 0101&nbsp;&nbsp;投稿郵箱:<a href="mailto:news@jinshanwang.example">news@jinshanwang.example</a></p>
    <p><a href="https://beian.miit.example/" target="_blank" rel="nofollow">蘇ICP備05550101號</a>&nbsp;&nbsp;互聯網新聞信息服務許可證:32120555010&nbsp;&nbsp;蘇公網安備 32110255500101號</p>
    <p>Copyright &copy; 2000-2023 www.jinshanwang.example All Rights Reserved.</p>
  </div>
</div>
<script type="text/javascript" src="/images/2019/js/common.js"></script>
<script type="text/javascript">
  $(function(){ var d=new Date(); $("#today").text(d.getFullYear()+"年"+(d.getMonth()+1)+"月"+d.getDate()+"日"); });
</script>
</body>
</html>
`;
}

function articleBody(): string {
  return `<div class="wrap main clearfix">
  <div class="crumb">當前位置:<a href="../../../" target="_self" title="首頁" class="CurrChnlCls">首頁</a>&nbsp;&gt;&nbsp;<a href="../../" target="_self" title="新聞" class="CurrChnlCls">新聞</a>&nbsp;&gt;&nbsp;<a href="../" target="_self" title="鎮江" class="CurrChnlCls">鎮江</a></div>
  <div class="left fl">
    <div class="article">
      <h1>${esc(seed.line(1))}</h1>
      <h2 class="subtitle">${esc(seed.line(2))}</h2>
      <div class="info"><span>2023-01-29 08:02:15</span> <span>來源:金山網</span></div>
      <div class="font-size">字體:<a href="javascript:;" onclick="setFont(18)">大</a> <a href="javascript:;" onclick="setFont(16)">中</a> <a href="javascript:;" onclick="setFont(14)">小</a></div>
      <div class="article-con">
        <div class="TRS_Editor">
<style type="text/css">
.TRS_Editor P{margin-top:0;margin-bottom:12px;line-height:1.8;font-family:宋體;font-size:12pt;}.TRS_Editor DIV{line-height:1.8;font-family:宋體;font-size:12pt;}
</style>
          <div class="Custom_UnionStyle">
            <p>${esc(seed.line(3))}</p>
            <p style="text-align:center"><img src="./W020230129354617526788.jpg" oldsrc="W020230129354617526788.jpg" title="" alt="" style="border-width:0px;" width="600" height="400" /></p><p class="pic-text">${esc(seed.line(4))}</p>
${each(seed.lines(5, 15), '            ', (line) => `<p>${esc(line)}</p>`)}
          </div>
        </div>
      </div>
      <div class="editor">${esc(seed.line(16))}</div>
      <!--分享-->
      <div class="share clearfix">
        <span class="fl">分享到:</span>
        <a href="javascript:;" class="share-wx" title="微信">微信</a>
        <a href="javascript:;" class="share-wb" title="微博">微博</a>
        <a href="javascript:;" class="share-qq" title="QQ空間">QQ空間</a>
        <a href="javascript:window.print();" class="print fr">【打印本頁】</a>
        <a href="javascript:window.close();" class="close fr">【關閉窗口】</a>
      </div>
      <div class="page-turn">
        <p>上一篇:<a href="./t20230129_5581228.shtml">節後首個工作日 各地企業開足馬力忙生產</a></p>
        <p>下一篇:<a href="./t20230129_5581240.shtml">市政府黨組召開會議 傳達學習省“兩會”精神</a></p>
      </div>
    </div>
    <!--相關新聞-->
    <div class="box related">
      <div class="box-tit"><span>相關新聞</span></div>
      <ul class="list-dot">
${each(COLUMN.slice(0, 8), '        ', ([rel, title, date]) => `<li><a href="../${rel}" target="_blank">${esc(title)}</a><span>${date}</span></li>`)}
      </ul>
    </div>
    <!--評論-->
    <div class="box comment">
      <div class="box-tit"><span>網友評論</span></div>
      <form action="/comment/post.jsp" method="post" id="cmtForm">
        <input type="hidden" name="docid" value="5581234">
        <textarea name="content" rows="5" placeholder="文明上網,理性發言"></textarea>
        <div class="cmt-btn clearfix"><span class="fl">已有<em id="cmtNum">0</em>條評論</span><input type="submit" class="fr" value="發表評論"></div>
      </form>
    </div>
  </div>
${sidebar()}
</div>`;
}

function indexBody(): string {
  const items: (readonly [string, string, string])[] = [...COLUMN];
  items.splice(2, 0, [ARTICLE_REL, seed.line(1), '2023-01-29']);
  return `<div class="wrap main clearfix">
  <div class="crumb">當前位置:<a href="../../" target="_self" title="首頁" class="CurrChnlCls">首頁</a>&nbsp;&gt;&nbsp;<a href="../" target="_self" title="新聞" class="CurrChnlCls">新聞</a>&nbsp;&gt;&nbsp;<a href="./" target="_self" title="鎮江" class="CurrChnlCls">鎮江</a></div>
  <div class="left fl">
    <div class="box list">
      <div class="box-tit"><span>鎮江</span></div>
      <ul class="news-list">
${each(items, '        ', ([rel, title, date]) => `<li>
          <a href="./${rel}" target="_blank" title="${esc(title)}">${esc(title)}</a>
          <span class="date">${date}</span>
        </li>`)}
      </ul>
      <div class="page">
        <script type="text/javascript">
          var currentPage = 0;//所在頁從0開始
          var countPage = 50//共多少頁
          createPageHTML(countPage, currentPage, "index", "shtml");
        </script>
        <noscript>
          <a href="index.shtml">首頁</a>
          <a href="index_1.shtml">下一頁</a>
          <a href="index_2.shtml">3</a>
          <a href="index_3.shtml">4</a>
          <a href="index_49.shtml">尾頁</a>
        </noscript>
      </div>
    </div>
  </div>
${sidebar()}
</div>`;
}

export function jinshanwangPages(): PageSpec[] {
  const url = `${HOST}${COLUMN_PATH}${ARTICLE_REL}`;
  const article = [
    head(`${seed.line(1)}_鎮江_金山網`, `<meta name="ArticleTitle" content="${esc(seed.line(1))}">
<meta name="ContentSource" content="${SITE}">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(seed.line(1))}">
<meta property="og:url" content="${url}">
<meta property="og:site_name" content="${SITE}">
<meta property="og:image" content="${HOST}${COLUMN_PATH}202301/W020230129354617526788.jpg">`),
    header(),
    articleBody(),
    footer(),
  ].join('\n');
  const index = [
    head('鎮江_金山網', `<meta property="og:type" content="website">
<meta property="og:title" content="鎮江_金山網">
<meta property="og:site_name" content="${SITE}">`),
    header(),
    indexBody(),
    footer(),
  ].join('\n');
  return [
    { file: '001_7b4567f576345d14.html', url, html: article, charset: 'utf-8', declared: 'gbk' },
    { file: 'index-jinshanwang.html', url: `${HOST}${COLUMN_PATH}`, html: index, charset: 'utf-8', declared: 'gbk' },
  ];
}
