/**
 * 亭湖區人民政府 (www.tinghu.example): a district government portal's news centre on a TRS-style CMS with a
 * table-based layout, served as Big5 with Traditional chrome. Characters Big5 cannot hold (the pinyin
 * with tone marks) go out as &#NNNN; references; encode.ts does that.
 * Seed: 004_9102397643b9cae0.
 */
import { each, esc, loadSeed, type PageSpec } from '../markup.js';

const HOST = 'http://www.tinghu.example';
const COLUMN_PATH = '/xwzx/tpxw/';
const ARTICLE_REL = '201908/t20190826_2245.html';
const SITE = '亭湖區人民政府';
const seed = loadSeed('004_9102397643b9cae0');

const NAV = [
  ['/', '首頁'], ['/xwzx/', '新聞中心'], ['/zwgk/', '政務公開'], ['/zxzx/', '政民互動'], ['/bsfw/', '辦事服務'],
  ['/zjth/', '走進亭湖'], ['/tzth/', '投資亭湖'], ['/ztzl/', '專題專欄'],
] as const;
const SUBCOLUMNS = [
  ['/xwzx/thyw/', '亭湖要聞'], ['/xwzx/tpxw/', '圖片新聞'], ['/xwzx/bmdt/', '部門動態'], ['/xwzx/zjdt/', '鎮街動態'],
  ['/xwzx/tzgg/', '通知公告'], ['/xwzx/mtjj/', '媒體聚焦'],
] as const;
// Other 圖片新聞 items: [relative path from /xwzx/tpxw/, title, date].
const COLUMN: readonly (readonly [string, string, string])[] = [
  ['201908/t20190828_2261.html', '區領導督查秋季秸稈禁燒工作', '2019-08-28'],
  ['201908/t20190827_2253.html', '亭湖區召開“不忘初心、牢記使命”主題教育動員會', '2019-08-27'],
  ['201908/t20190823_2231.html', '區政府召開常務會議', '2019-08-23'],
  ['201908/t20190822_2224.html', '環保科技城舉辦項目推介會', '2019-08-22'],
  ['201908/t20190821_2217.html', '亭湖區開展防汛防颱專項檢查', '2019-08-21'],
  ['201908/t20190820_2209.html', '區人大常委會視察重點民生實事項目', '2019-08-20'],
  ['201908/t20190819_2198.html', '南洋經濟開發區新開工項目現場觀摩', '2019-08-19'],
  ['201908/t20190816_2185.html', '亭湖區舉行退役軍人就業創業招聘會', '2019-08-16'],
  ['201908/t20190815_2177.html', '區委理論學習中心組舉行專題學習會', '2019-08-15'],
  ['201908/t20190814_2169.html', '黃尖鎮舉辦農民豐收節籌備會', '2019-08-14'],
  ['201908/t20190813_2160.html', '亭湖區開展夏季安全生產大檢查', '2019-08-13'],
  ['201908/t20190812_2152.html', '新興鎮美麗鄉村建設加快推進', '2019-08-12'],
];

const FRIEND_LINKS = [
  ['http://www.jiangsu-gov.example/', '江蘇省人民政府'], ['http://www.yancheng-gov.example/', '鹽城市人民政府'],
  ['http://www.tinghu-rd.example/', '亭湖區人大'], ['http://www.tinghu-zx.example/', '亭湖區政協'], ['http://www.tinghu-jw.example/', '亭湖區紀委監委'],
  ['http://www.yandu-gov.example/', '鹽都區人民政府'], ['http://www.dafeng-gov.example/', '大豐區人民政府'], ['http://www.sheyang-gov.example/', '射陽縣人民政府'],
] as const;
const SPECIALS = [
  ['/ztzl/bwcx/', '不忘初心 牢記使命'], ['/ztzl/yshj/', '優化營商環境'], ['/ztzl/shjs/', '掃黑除惡專項鬥爭'],
  ['/ztzl/hbdc/', '生態環境保護'], ['/ztzl/xczx/', '鄉村振興'], ['/ztzl/70zn/', '慶祝新中國成立70周年'],
] as const;
const SERVICES = [
  ['/bsfw/grbs/', '個人辦事'], ['/bsfw/frbs/', '法人辦事'], ['/bsfw/bszn/', '辦事指南'], ['/bsfw/bgxz/', '表格下載'],
  ['/bsfw/bmcx/', '便民查詢'], ['/bsfw/zxts/', '諮詢投訴'],
] as const;

function head(title: string, extra: string): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=big5" />
<title>${esc(title)}</title>
<meta name="keywords" content="亭湖,亭湖區,新聞中心,圖片新聞,項目建設" />
<meta name="description" content="亭湖區人民政府門戶網站新聞中心" />
<meta name="SiteName" content="${SITE}" />
<meta name="ColumnName" content="圖片新聞" />
${extra}
<link href="/images/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/images/jquery-1.7.2.min.js"></script>
<script type="text/javascript">
<!--
function MM_jumpMenu(targ,selObj,restore){
  eval(targ+".location='"+selObj.options[selObj.selectedIndex].value+"'");
  if (restore) selObj.selectedIndex=0;
}
function doZoom(size){ document.getElementById('zoom').style.fontSize=size+'px'; }
//-->
</script>
<script type="text/javascript">
var _hmt = _hmt || [];
(function() {
  var hm = document.createElement("script");
  hm.src = "https://hm.tongji.example/hm.js?9b4e2d6f1a3c5e7f8d0b2a4c6e8f1d3b";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
})();
</script>
</head>`;
}

function header(): string {
  return `<body style="margin:0;padding:0;">
<!-- 頭部 -->
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="30" class="toptd">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr>
          <td align="left">&nbsp;&nbsp;<span id="date"></span></td>
          <td align="right"><a href="/">網站首頁</a>&nbsp;|&nbsp;<a href="/wza/">無障礙瀏覽</a>&nbsp;|&nbsp;<a href="/sitemap/">網站地圖</a>&nbsp;|&nbsp;<a href="javascript:void(0)" onclick="this.style.behavior='url(#default#homepage)';this.setHomePage('${HOST}/');">設為首頁</a>&nbsp;&nbsp;</td>
        </tr>
      </table>
    </td>
  </tr>
  <tr>
    <td height="150" background="/images/banner_2019.jpg" style="background-repeat:no-repeat;">
      <img src="/images/logo.png" alt="${SITE}" width="420" height="90" style="margin:30px 0 0 30px;" />
    </td>
  </tr>
  <tr>
    <td height="42" bgcolor="#0b5fa5">
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="nav">
        <tr>
${each(NAV, '          ', ([href, name]) => `<td align="center"><a href="${href}"${href === '/xwzx/' ? ' class="nav_on"' : ''}>${name}</a></td>`)}
        </tr>
      </table>
    </td>
  </tr>
  <tr>
    <td height="34" bgcolor="#eef4fa">
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="subnav">
        <tr>
          <td width="80" align="center"><strong>快速導航:</strong></td>
${each(SERVICES, '          ', ([href, name]) => `<td align="center"><a href="${href}">${name}</a></td>`)}
          <td align="center"><a href="/zwgk/xxgkml/">信息公開目錄</a></td>
          <td align="center"><a href="/zwgk/ysqgk/">依申請公開</a></td>
        </tr>
      </table>
    </td>
  </tr>
  <tr>
    <td height="36">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr>
          <td width="70" align="center"><strong>通知公告:</strong></td>
          <td><marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()"><a href="/xwzx/tzgg/201908/t20190825_2240.html">關於開展2019年度區級機關作風建設評議工作的通知</a>&nbsp;&nbsp;&nbsp;&nbsp;<a href="/xwzx/tzgg/201908/t20190822_2226.html">亭湖區2019年公開招聘社區工作者公告</a></marquee></td>
          <td width="260" align="right">
            <form action="/was5/web/search" method="get" target="_blank" style="margin:0;">
              <input type="text" name="searchword" size="18" />&nbsp;<input type="submit" value="站內搜索" />
            </form>
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>`;
}

function leftColumn(): string {
  return `    <td width="220" valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="left_box">
        <tr><td height="40" class="left_title" align="center">${esc(seed.line(1))}</td></tr>
${each(SUBCOLUMNS, '        ', ([href, name]) => `<tr><td height="36" class="left_item"><a href="${href}"${href === COLUMN_PATH ? ' class="on"' : ''}>${name}</a></td></tr>`)}
      </table>
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="left_box" style="margin-top:10px;">
        <tr><td height="36" class="left_title" align="center">辦事服務</td></tr>
${each(SERVICES, '        ', ([href, name]) => `<tr><td height="30" class="left_item"><a href="${href}" target="_blank">${name}</a></td></tr>`)}
      </table>
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="left_box" style="margin-top:10px;">
        <tr><td height="36" class="left_title" align="center">專題專欄</td></tr>
${each(SPECIALS, '        ', ([href, name]) => `<tr><td height="30" class="left_item"><a href="${href}" target="_blank">${name}</a></td></tr>`)}
      </table>
      <table width="100%" border="0" cellspacing="0" cellpadding="0" style="margin-top:10px;">
        <tr><td><a href="http://www.gov.example/" target="_blank"><img src="/images/zwfw.jpg" width="220" height="70" border="0" alt="政務服務網" /></a></td></tr>
        <tr><td style="padding-top:6px;"><a href="/zxzx/szxx/" target="_blank"><img src="/images/szxx.jpg" width="220" height="70" border="0" alt="區長信箱" /></a></td></tr>
        <tr><td style="padding-top:6px;"><a href="/zwgk/xxgkzn/" target="_blank"><img src="/images/xxgk.jpg" width="220" height="70" border="0" alt="信息公開指南" /></a></td></tr>
      </table>
    </td>`;
}

function footer(): string {
  return `<!-- 友情鏈接 -->
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" style="margin-top:12px;border:1px solid #d8e3ef;">
  <tr>
    <td width="90" align="center" bgcolor="#eef4fa"><strong>友情鏈接</strong></td>
    <td style="padding:8px;">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr>
${each(FRIEND_LINKS.slice(0, 4), '          ', ([href, name]) => `<td height="26"><a href="${href}" target="_blank">${name}</a></td>`)}
        </tr>
        <tr>
${each(FRIEND_LINKS.slice(4), '          ', ([href, name]) => `<td height="26"><a href="${href}" target="_blank">${name}</a></td>`)}
        </tr>
      </table>
    </td>
  </tr>
</table>
<!-- 底部 -->
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" style="margin-top:12px;border-top:3px solid #0b5fa5;">
  <tr>
    <td height="40" align="center">
      <select onchange="MM_jumpMenu('window.open()',this,0)" style="width:180px;">
        <option selected="selected">---上級政府網站---</option>
        <option value="http://www.jiangsu-gov.example/">江蘇省人民政府</option>
        <option value="http://www.yancheng-gov.example/">鹽城市人民政府</option>
      </select>&nbsp;&nbsp;
      <select onchange="MM_jumpMenu('window.open()',this,0)" style="width:180px;">
        <option selected="selected">---區內部門網站---</option>
        <option value="/bm/fgw/">區發改委</option>
        <option value="/bm/sww/">區商務局</option>
        <option value="/bm/jxw/">區工信局</option>
      </select>
    </td>
  </tr>
  <tr>
    <td align="center" class="foot" style="line-height:24px;padding:10px 0;">
      主辦單位:鹽城市亭湖區人民政府辦公室&nbsp;&nbsp;承辦單位:亭湖區大數據管理中心<br />
      地址:鹽城市亭湖區示例路88號&nbsp;&nbsp;郵編:224005&nbsp;&nbsp;電話:0515-5555 0800&nbsp;&nbsp;電子郵箱:<a href="mailto:thzfb@tinghu.example">thzfb@tinghu.example</a><br />
      <a href="https://beian.miit.example/" target="_blank">蘇ICP備05550800號</a>&nbsp;&nbsp;<img src="/images/gaba.png" width="14" height="14" alt="" />蘇公網安備 32090255500800號&nbsp;&nbsp;網站標識碼:3209020055<br />
      建議使用1024*768以上分辨率、IE8.0以上版本瀏覽器瀏覽本站
    </td>
  </tr>
</table>
<script type="text/javascript">
var d=new Date(); document.getElementById("date").innerHTML="今天是:"+d.getFullYear()+"年"+(d.getMonth()+1)+"月"+d.getDate()+"日";
</script>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td align="center" height="70">
      <a href="http://bszs.conac.example/" target="_blank"><img src="/images/dzjg.png" width="50" height="60" border="0" alt="黨政機關" /></a>&nbsp;&nbsp;
      <a href="http://pucha.kaipuyun.example/" target="_blank"><img src="/images/jiucuo.png" width="110" height="55" border="0" alt="政府網站找錯" /></a>
    </td>
  </tr>
</table>
<script type="text/javascript">
<!--
  // 文章點擊數統計
  (function(){
    var img = new Image();
    img.src = "/was5/count?docid=2245&chnlid=112&r=" + Math.random();
  })();
//-->
</script>
<script type="text/javascript" src="/images/ucap.js" id="_trs_ta_js" async="async" defer="defer"></script>
</body>
</html>
`;
}

function articleBody(): string {
  return `<!-- 主體 -->
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" style="margin-top:10px;">
  <tr>
${leftColumn()}
    <td width="10">&nbsp;</td>
    <td valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr>
          <td height="36" class="position">當前位置:<a href="../../../" title="首頁" class="CurrChnlCls">首頁</a>&nbsp;&gt;&nbsp;<a href="../../" title="新聞中心" class="CurrChnlCls">新聞中心</a>&nbsp;&gt;&nbsp;<a href="../" title="圖片新聞" class="CurrChnlCls">圖片新聞</a></td>
        </tr>
      </table>
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="article_box">
        <tr>
          <td style="padding:10px 20px 0;">
            <!-- 信息索引 -->
            <table width="100%" border="0" cellspacing="1" cellpadding="4" bgcolor="#d8e3ef" class="xxgk_table">
              <tr bgcolor="#f6f9fc">
                <td width="14%" align="right">索&nbsp;引&nbsp;號:</td><td width="36%">014150555/2019-02245</td>
                <td width="14%" align="right">分&nbsp;&nbsp;&nbsp;&nbsp;類:</td><td width="36%">綜合政務/圖片新聞</td>
              </tr>
              <tr bgcolor="#ffffff">
                <td align="right">發布機構:</td><td>亭湖區人民政府辦公室</td>
                <td align="right">生成日期:</td><td>2019-08-26</td>
              </tr>
            </table>
          </td>
        </tr>
        <tr>
          <td class="title" align="center" style="padding:20px 10px 10px;font-size:22px;font-weight:bold;color:#c00;">${esc(seed.line(2))}</td>
        </tr>
        <tr>
          <td align="center" class="info" style="border-bottom:1px dashed #ccc;padding-bottom:8px;">發布日期:2019-08-26&nbsp;&nbsp;來源:區新聞中心&nbsp;&nbsp;瀏覽次數:<span id="hits">326</span>&nbsp;&nbsp;【字體:<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td>
        </tr>
        <tr>
          <td class="content" id="zoom" style="padding:15px 20px;font-size:14px;line-height:2;">
            <!--TRS正文開始-->
            <div class="TRS_Editor">
              <p style="text-align:center"><img src="./W020190826512340076455.jpg" oldsrc="W020190826512340076455.jpg" border="0" width="560" /></p>
${each(seed.lines(3, 7), '              ', (line) => `<p style="text-indent:2em">${esc(line)}</p>`)}
            </div>
            <!--TRS正文結束-->
          </td>
        </tr>
        <tr>
          <td style="padding:0 20px;color:#666;">
            <!-- 附件 -->
            <div class="fj">相關附件:無</div>
          </td>
        </tr>
        <tr>
          <td align="right" style="padding:10px 20px;">【<a href="javascript:window.print()">打印本頁</a>】&nbsp;【<a href="javascript:window.close()">關閉窗口</a>】</td>
        </tr>
        <tr>
          <td style="padding:0 20px;line-height:26px;">
            <div class="pre_next">上一篇:<a href="./t20190823_2231.html">區政府召開常務會議</a></div>
            <div class="pre_next">下一篇:<a href="./t20190827_2253.html">亭湖區召開“不忘初心、牢記使命”主題教育動員會</a></div>
          </td>
        </tr>
        <tr>
          <td style="padding:0 20px;">
            <div class="share">分享到:<a href="javascript:;" class="share_wx">微信</a>&nbsp;<a href="javascript:;" class="share_wb">微博</a>&nbsp;<a href="javascript:;" class="share_qq">QQ空間</a></div>
          </td>
        </tr>
        <tr>
          <td style="padding:10px 20px;">
            <table width="100%" border="0" cellspacing="0" cellpadding="0" class="related">
              <tr><td class="related_title"><strong>相關信息</strong></td></tr>
${each(COLUMN.slice(0, 10), '              ', ([rel, title, date]) => `<tr><td height="28">·<a href="../${rel}" target="_blank">${esc(title)}</a>&nbsp;&nbsp;<span class="date">[${date}]</span></td></tr>`)}
            </table>
          </td>
        </tr>
        <tr>
          <td style="padding:10px 20px;">
            <table width="100%" border="0" cellspacing="0" cellpadding="0" class="comment">
              <tr><td class="related_title"><strong>網友留言</strong>(留言內容須經審核後顯示)</td></tr>
              <tr><td><form action="/was5/web/comment" method="post"><textarea name="content" rows="5" style="width:98%;"></textarea><br /><input type="submit" value="發表評論" />&nbsp;<input type="reset" value="重填" /></form></td></tr>
            </table>
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>`;
}

function indexBody(): string {
  const items: (readonly [string, string, string])[] = [...COLUMN];
  items.splice(3, 0, [ARTICLE_REL, seed.line(2), '2019-08-26']);
  return `<!-- 主體 -->
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" style="margin-top:10px;">
  <tr>
${leftColumn()}
    <td width="10">&nbsp;</td>
    <td valign="top">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr>
          <td height="36" class="position">當前位置:<a href="../../" title="首頁" class="CurrChnlCls">首頁</a>&nbsp;&gt;&nbsp;<a href="../" title="新聞中心" class="CurrChnlCls">新聞中心</a>&nbsp;&gt;&nbsp;<a href="./" title="圖片新聞" class="CurrChnlCls">圖片新聞</a></td>
        </tr>
      </table>
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="list_box">
${each(items, '        ', ([rel, title, date]) => `<tr>
          <td height="32" class="list_item">
            <img src="/images/dot.gif" width="4" height="4" alt="" />&nbsp;<a href="./${rel}" target="_blank" title="${esc(title)}">${esc(title)}</a>
          </td>
          <td width="100" align="right" class="date">${date}</td>
        </tr>`)}
        <tr>
          <td colspan="2" align="center" style="padding:15px 0;">
            <script type="text/javascript">
              var currentPage = 0;
              var countPage = 18;
              createPageHTML(countPage, currentPage, "index", "html");
            </script>
            <a href="index.html">首頁</a>&nbsp;<a href="index_1.html">下一頁</a>&nbsp;<a href="index_17.html">尾頁</a>&nbsp;&nbsp;共18頁
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>`;
}

export function tinghuPages(): PageSpec[] {
  const url = `${HOST}${COLUMN_PATH}${ARTICLE_REL}`;
  const article = [
    head(`${seed.line(2)}-${SITE}`, `<meta name="ArticleTitle" content="${esc(seed.line(2))}" />
<meta property="og:type" content="article" />
<meta property="og:title" content="${esc(seed.line(2))}" />
<meta property="og:site_name" content="${SITE}" />`),
    header(),
    articleBody(),
    footer(),
  ].join('\n');
  const index = [
    head(`圖片新聞-新聞中心-${SITE}`, `<meta property="og:type" content="website" />
<meta property="og:title" content="圖片新聞-${SITE}" />
<meta property="og:site_name" content="${SITE}" />`),
    header(),
    indexBody(),
    footer(),
  ].join('\n');
  return [
    { file: '004_9102397643b9cae0.html', url, html: article, charset: 'big5', declared: 'big5' },
    { file: 'index-tinghu.html', url: `${HOST}${COLUMN_PATH}`, html: index, charset: 'big5', declared: 'big5' },
  ];
}
