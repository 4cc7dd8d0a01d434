/**
 * 我爱江苏网 (www.woaijiangsu.example): a DedeCMS-style Jiangsu portal. Served as GBK while declaring
 * gb2312, XHTML-transitional div soup, `<p style="text-indent:2em">` paragraphs, sidebar lists.
 * Seed: 000_0bd5e5fca5af9d22.
 */
import { each, esc, loadSeed, siteMap, type PageSpec } from '../markup.js';

const HOST = 'https://www.woaijiangsu.example';
const ARTICLE_PATH = '/jsxw/2021/1216/45871.html';
const SITE = '我爱江苏网';
const seed = loadSeed('000_0bd5e5fca5af9d22');

const KICKER = '市委市政府举行今年第六场高质量发展重大项目现场观摩';
const HEADLINE = '把新发展理念体现在项目建设上落实到实际行动中';
const DECK = '一批重大产业项目集中竣工韩立明讲话 夏心旻主持 龙翔刘以安沈文祖出席';

const CITIES = [
  ['nanjing', '南京'], ['wuxi', '无锡'], ['xuzhou', '徐州'], ['changzhou', '常州'], ['suzhou', '苏州'],
  ['nantong', '南通'], ['lianyungang', '连云港'], ['huaian', '淮安'], ['yancheng', '盐城'], ['yangzhou', '扬州'],
  ['zhenjiang', '镇江'], ['taizhou', '泰州'], ['suqian', '宿迁'],
] as const;
const CHANNELS = [
  ['house', '房产'], ['zhuangxiu', '装修'], ['auto', '汽车'], ['hunjia', '婚嫁'], ['travel', '旅游'], ['qinzi', '亲子'],
  ['qiuzhi', '求职'], ['zhaopin', '招聘'], ['edu', '教育'], ['food', '美食'], ['life', '生活'], ['jiaoyou', '交友'],
] as const;

// Other articles of the 江苏新闻 column: [path, title, date, teaser].
const COLUMN: readonly (readonly [string, string, string, string])[] = [
  ['/jsxw/2021/1216/45872.html', '南京地铁7号线中段主体结构施工进入冲刺阶段', '2021-12-16', '记者从南京地铁建设指挥部获悉,7号线中段各站点主体结构施工已进入年底冲刺阶段,全线计划明年完成轨道铺设。'],
  ['/jsxw/2021/1216/45870.html', '江北新区今年新增市场主体超2万户', '2021-12-16', '今年以来,江北新区持续优化营商环境,新登记各类市场主体同比增长一成以上,其中科技型企业占比明显提升。'],
  ['/jsxw/2021/1215/45866.html', '全省冬季安全生产大检查全面启动', '2021-12-15', '省安委会近日部署开展冬季安全生产大检查,重点检查危化品、道路交通、建筑施工等行业领域。'],
  ['/jsxw/2021/1215/45861.html', '苏州工业园区发布生物医药产业新政', '2021-12-15', '新政从研发创新、临床试验、产业化落地等环节给予支持,单个项目最高可获数千万元扶持。'],
  ['/jsxw/2021/1215/45858.html', '无锡太湖湾科创带建设取得新进展', '2021-12-15', '太湖湾科创带今年累计引进重大产业项目数十个,一批新型研发机构相继落地运营。'],
  ['/jsxw/2021/1214/45850.html', '徐州淮海国际陆港年内开行中欧班列超过500列', '2021-12-14', '淮海国际陆港今年以来中欧班列开行量稳步增长,辐射范围进一步扩大到中亚、欧洲多个国家。'],
  ['/jsxw/2021/1214/45847.html', '常州新能源汽车产业链加速集聚', '2021-12-14', '常州围绕动力电池、整车制造、关键零部件等环节延链补链,新能源汽车产业集群初具规模。'],
  ['/jsxw/2021/1213/45839.html', '南通沿江科创带规划正式发布', '2021-12-13', '规划明确了沿江科创带的空间布局和发展重点,提出打造长江口产业创新协同区。'],
  ['/jsxw/2021/1213/45836.html', '扬州古运河畔新添一处城市书房', '2021-12-13', '这处城市书房藏书近万册,实行24小时开放,市民刷卡即可入内阅读。'],
  ['/jsxw/2021/1212/45828.html', '镇江高校毕业生留镇就业创业人数创新高', '2021-12-12', '镇江今年出台一揽子引才留才政策,高校毕业生留镇就业创业人数较去年明显增加。'],
  ['/jsxw/2021/1212/45825.html', '盐城新增3家国家级专精特新“小巨人”企业', '2021-12-12', '工信部近日公布第三批专精特新“小巨人”企业名单,盐城又有3家企业入选。'],
  ['/jsxw/2021/1211/45819.html', '淮安高铁东站综合客运枢纽开工建设', '2021-12-11', '枢纽建成后将实现高铁、长途客运、城市公交等多种交通方式无缝衔接。'],
];
const HOT = [
  ['/life/2021/1215/45863.html', '南京今冬首场寒潮来袭 最低气温跌破零下'],
  ['/house/2021/1214/45852.html', '南京12月第二批次土拍收官 多幅地块底价成交'],
  ['/edu/2021/1214/45849.html', '2022年江苏高考报名今起开始 这些事项要注意'],
  ['/travel/2021/1213/45841.html', '冬游江苏 这些温泉小镇值得一去'],
  ['/auto/2021/1212/45830.html', '南京新能源汽车牌照申领新规明年实施'],
  ['/food/2021/1211/45820.html', '老南京的冬至味道:一碗热乎乎的豆腐涝'],
  ['/qiuzhi/2021/1210/45812.html', '南京市冬季大型招聘会本周六举行 提供岗位超万个'],
  ['/jsxw/2021/1210/45809.html', '苏州轨道交通5号线客流量稳步攀升'],
] as const;
const TAGS = ['重大项目', '高质量发展', '江北新区', '六合区', '招商引资', '营商环境', '先进制造业', '科技创新', '新基建', '民生项目', '项目观摩', '中央经济工作会议'];
const FRIEND_LINKS = [
  ['http://www.jsxww.example/', '江苏新闻网'], ['http://www.nanjingcity.example/', '南京城市网'], ['http://www.wuxitoday.example/', '无锡今日'],
  ['http://www.szlife.example/', '苏州生活网'], ['http://www.jsfangchan.example/', '江苏房产网'], ['http://www.jsqiche.example/', '江苏汽车网'],
  ['http://www.jslvyou.example/', '江苏旅游网'], ['http://www.jsedu.example/', '江苏教育在线'],
] as const;

const SITE_MAP = [
  ['新闻资讯', [['/jsxw/', '江苏新闻'], ['/guonei/', '国内新闻'], ['/guoji/', '国际新闻'], ['/shehui/', '社会新闻'], ['/caijing/', '财经'], ['/keji/', '科技']]],
  ['城市频道', CITIES.map(([slug, name]) => [`/${slug}/`, `${name}频道`] as const)],
  ['生活服务', CHANNELS.map(([slug, name]) => [`/${slug}/`, name] as const)],
  ['关于本站', [['/about/', '网站介绍'], ['/about/contact.html', '联系方式'], ['/about/ad.html', '广告刊例'], ['/about/tougao.html', '投稿指南'], ['/about/privacy.html', '隐私政策']]],
] as const;

function head(title: string, description: string, extra: string): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1" />
<title>${esc(title)}</title>
<meta name="keywords" content="江苏新闻,江苏头条,南京,重大项目,高质量发展,我爱江苏网" />
<meta name="description" content="${esc(description)}" />
<meta name="applicable-device" content="pc" />
<meta name="mobile-agent" content="format=html5;url=https://m.woaijiangsu.example/" />
${extra}
<link rel="shortcut icon" href="/favicon.ico" />
<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css" />
<link href="/templets/default/style/article.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/include/dedeajax2.js"></script>
<script type="text/javascript" src="/templets/default/js/jquery-1.8.3.min.js"></script>
<script type="text/javascript">
<!--
  function CheckLogin(){
    var taget_obj = document.getElementById('_ajax_feedback');
    myajax = new DedeAjax(taget_obj,false,false,'','','');
    myajax.SendGet2("/member/ajax_feedback.php");
    DedeXHTTP = null;
  }
  function postBadGood(ftype,fid){
    var taget_obj = document.getElementById(ftype+fid);
    var saveid = GetCookie('badgoodid');
    if(saveid != null){
      var saveids = saveid.split(',');
      for(var i=0; i < saveids.length; i++){ if(saveids[i]==fid){ alert('您刚才已表决过了喔!'); return false; } }
    }
    myajax = new DedeAjax(taget_obj,false,false,'','','');
    myajax.SendGet2("/plus/feedback.php?aid="+fid+"&action="+ftype+"&fid="+fid);
    DedeXHTTP = null;
    SetCookie('badgoodid',fid,1);
  }
-->
</script>
<script>
var _hmt = _hmt || [];
(function() {
  var hm = document.createElement("script");
  hm.src = "https://hm.tongji.example/hm.js?3f1c6b2a9d8e4f7a0b5c2d1e9f8a7b6c";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
})();
</script>
</head>`;
}

function header(): string {
  return `<body>
<!-- 顶部工具条 -->
<div class="toolbar">
  <div class="w960">
    <span class="fl">欢迎访问${SITE}!今天是<script type="text/javascript">document.write(new Date().toLocaleDateString());</script></span>
    <span class="fr"><a href="/member/login.php">登录</a> | <a href="/member/index_do.php?fmdo=user&amp;dopost=regnew">注册</a> | <a href="javascript:void(0)" onclick="SetHome(this,'${HOST}/')">设为首页</a> | <a href="javascript:void(0)" onclick="AddFavorite('${HOST}/','${SITE}')">加入收藏</a></span>
  </div>
</div>
<!-- /顶部工具条 -->
<div class="header w960">
  <div class="logo fl"><a href="/" title="${SITE}"><img src="/templets/default/images/logo.png" alt="${SITE}" width="260" height="70" /></a></div>
  <div class="slogan fl"><h2>${esc(seed.line(1))}</h2></div>
  <div class="search fr">
    <form name="formsearch" action="/plus/search.php">
      <input type="hidden" name="kwtype" value="0" />
      <input name="q" type="text" class="search-keyword" id="search-keyword" value="在这里搜索..." onfocus="if(this.value=='在这里搜索...'){this.value='';}" onblur="if(this.value==''){this.value='在这里搜索...';}" />
      <button type="submit" class="search-submit">搜索</button>
    </form>
  </div>
</div>
<div class="nav">
  <div class="w960">
    <ul>
      <li class="hover"><a href="/">首页</a></li>
      <li><a href="/jsxw/">江苏新闻</a></li>
${each(CITIES, '      ', ([slug, name]) => `<li><a href="/${slug}/">${name}</a></li>`)}
    </ul>
    <ul class="subnav">
${each(CHANNELS, '      ', ([slug, name]) => `<li><a href="/${slug}/">${name}</a></li>`)}
    </ul>
  </div>
</div>
<!-- 通栏广告 -->
<div class="w960 ad-banner" style="margin:8px auto;height:90px;overflow:hidden;">
  <script type="text/javascript" src="/plus/ad_js.php?aid=12"></script>
  <a href="/plus/ad_click.php?aid=12" target="_blank" rel="nofollow"><img src="/uploads/allimg/ad/banner_960x90_2021.gif" width="960" height="90" border="0" alt="广告" /></a>
</div>`;
}

function sidebar(): string {
  return `  <!-- 右侧栏 -->
  <div class="pright fr">
    <div class="commend mt10">
      <dl class="tbox light">
        <dt class="light"><strong>热门文章</strong></dt>
        <dd class="light">
          <ul class="c1 ico2">
${each(HOT, '            ', ([path, title], i) => `<li><span class="num n${i + 1}">${i + 1}</span><a href="${path}" title="${esc(title)}">${esc(title)}</a></li>`)}
          </ul>
        </dd>
      </dl>
    </div>
    <div class="ad300 mt10"><!-- 广告位:右侧300x250 --><a href="/plus/ad_click.php?aid=15" rel="nofollow" target="_blank"><img src="/uploads/allimg/ad/side_300x250.jpg" width="300" height="250" alt="" /></a></div>
    <div class="latest mt10">
      <dl class="tbox">
        <dt><strong>最近发表</strong></dt>
        <dd>
          <ul class="c1 ico2">
${each(COLUMN.slice(0, 8), '            ', ([path, title, date]) => `<li><a href="${path}" title="${esc(title)}">${esc(title)}</a><span class="date">${date.slice(5)}</span></li>`)}
          </ul>
        </dd>
      </dl>
    </div>
    <div class="tags mt10">
      <dl class="tbox">
        <dt><strong>标签列表</strong></dt>
        <dd>
${each(TAGS, '          ', (tag) => `<a href="/tags.php?/${encodeURIComponent(tag)}/" class="tag">${tag}</a>`)}
        </dd>
      </dl>
    </div>
    <div class="flink mt10">
      <dl class="tbox">
        <dt><strong>友情链接</strong></dt>
        <dd>
          <ul class="f6">
${each(FRIEND_LINKS, '            ', ([href, name]) => `<li><a href="${href}" target="_blank">${name}</a></li>`)}
          </ul>
        </dd>
      </dl>
    </div>
  </div>
  <!-- /右侧栏 -->`;
}

function footer(): string {
  return `<!-- 底部 -->
<div class="footer w960">
  <div class="footer_nav">
    <a href="/about/">关于我们</a>&nbsp;|&nbsp;<a href="/about/contact.html">联系我们</a>&nbsp;|&nbsp;<a href="/about/ad.html">广告服务</a>&nbsp;|&nbsp;<a href="/about/copyright.html">版权声明</a>&nbsp;|&nbsp;<a href="/about/job.html">招聘信息</a>&nbsp;|&nbsp;<a href="/sitemap.html">网站地图</a>&nbsp;|&nbsp;<a href="/about/links.html">友情链接</a>
  </div>
  <div class="sitemap clearfix">
${siteMap(SITE_MAP, '    ')}
  </div>
  <div class="site-desc">
    <p>${esc(seed.line(28).trim())}</p>
  </div>
  <div class="copyright">
    Copyright &copy; 2009-2021 woaijiangsu.example All Rights Reserved. ${SITE} 版权所有<br />
    <a href="https://beian.miit.example/" target="_blank" rel="nofollow">苏ICP备05550123号-1</a>&nbsp;&nbsp;苏公网安备 32010555012301号<br />
    联系邮箱:<a href="mailto:editor@woaijiangsu.example">editor@woaijiangsu.example</a>&nbsp;&nbsp;新闻热线:025-5555 0168&nbsp;&nbsp;广告合作:025-5555 0169<br />
    本站部分内容转载自网络,如有侵权请联系我们删除。
  </div>
</div>
<!-- /底部 -->
<script type="text/javascript" src="/templets/default/js/common.js"></script>
<div style="display:none"><script type="text/javascript" src="https://s.tongji.example/c.php?id=1280555012"></script></div>
</body>
</html>
`;
}

function articleBody(): string {
  return `<div class="w960 clear center mt1">
  <!-- 左侧主体 -->
  <div class="pleft fl">
    <div class="place">
      <strong>当前位置:</strong> <a href="/">主页</a> &gt; <a href="/jsxw/">江苏新闻</a> &gt; 正文
    </div>
    <div class="viewbox">
      <div class="title">
        <div class="yt">${KICKER}</div>
        <h1>${HEADLINE}</h1>
        <div class="ft">${DECK}</div>
      </div>
      <div class="info">来源:南京日报 <span>2021-12-16 07:40</span> 编辑:王宁</div>
      <div class="fontsize">字号:<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a></div>
      <!-- 文章正文开始 -->
      <div class="content" id="content">
        <table width="100%" border="0" cellspacing="0" cellpadding="0">
          <tr>
            <td>
${each(seed.lines(5, 17), '              ', (line) => `<p style="text-indent:2em">${esc(line)}</p>`)}
            </td>
          </tr>
        </table>
      </div>
      <!-- 文章正文结束 -->
      <div class="dede_pages"><ul class="pagelist"></ul></div>
      <div class="boxoff"><strong>------分隔线----------------------------</strong></div>
      <div class="handle">
        <div class="context">
          <ul>
            <li>上一篇:<a href="/jsxw/2021/1216/45870.html">江北新区今年新增市场主体超2万户</a></li>
            <li>下一篇:<a href="/jsxw/2021/1216/45872.html">南京地铁7号线中段主体结构施工进入冲刺阶段</a></li>
          </ul>
        </div>
        <div class="actbox">
          <ul>
            <li id="act-fav"><a href="/plus/stow.php?aid=45871" target="_blank">收藏</a></li>
            <li id="act-err"><a href="/plus/erraddsave.php?aid=45871&amp;title=${encodeURIComponent(HEADLINE)}" target="_blank">挑错</a></li>
            <li id="act-pus"><a href="/plus/recommend.php?aid=45871" target="_blank">推荐</a></li>
            <li id="act-pnt"><a href="#" onclick="window.print();">打印</a></li>
          </ul>
        </div>
      </div>
      <!-- 分享 -->
      <div class="share bdsharebuttonbox">
        <span>分享到:</span>
        <a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信">微信</a>
        <a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博">新浪微博</a>
        <a href="#" class="bds_qzone" data-cmd="qzone" title="分享到QQ空间">QQ空间</a>
        <a href="#" class="bds_sqq" data-cmd="sqq" title="分享到QQ好友">QQ好友</a>
        <a href="#" class="bds_more" data-cmd="more">更多</a>
      </div>
      <script>window._bd_share_config={"common":{"bdSnsKey":{},"bdText":"","bdMini":"2","bdPic":"","bdStyle":"0","bdSize":"16"},"share":{}};</script>
    </div>
    <!-- 相关文章 -->
    <div class="xgyd mt10">
      <dl class="tbox">
        <dt><strong>相关阅读</strong></dt>
        <dd>
${each(COLUMN.slice(2, 8), '          ', ([path, title, date, teaser]) => `<div class="xg-item"><h4><a href="${path}" target="_blank">${esc(title)}</a></h4><p class="intro">${esc(teaser)}</p><span class="date">${date}</span></div>`)}
        </dd>
      </dl>
    </div>
    <!-- 评论 -->
    <div class="feedback mt10">
      <a name="postform"></a>
      <dl class="tbox">
        <dt><strong>${esc(seed.line(20))}</strong></dt>
        <dd>
          <div class="dcmp-title"><small>${esc(seed.line(22))}</small></div>
          <div class="dcmp-stand">
            <strong>评价:</strong>
            <input type="radio" name="feedbacktype" checked="1" value="feedback" id="dcmp-stand-neu" /><label for="dcmp-stand-neu">中立</label>
            <input type="radio" name="feedbacktype" value="good" id="dcmp-stand-good" /><label for="dcmp-stand-good">好评</label>
            <input type="radio" name="feedbacktype" value="bad" id="dcmp-stand-bad" /><label for="dcmp-stand-bad">差评</label>
          </div>
          <form action="/plus/feedback.php" method="post" name="feedback">
            <input type="hidden" name="dopost" value="send" />
            <input type="hidden" name="aid" value="45871" />
            <div class="dcmp-content">
              <textarea cols="60" name="msg" rows="5" class="ipt-txt" placeholder="发表评论"></textarea>
            </div>
            <div class="dcmp-post">
              <div class="dcmp-userinfo" id="_ajax_feedback">
                验证码:<input type="text" name="validate" size="4" class="ipt-txt" style="text-transform:uppercase;" /><img src="/include/vdimgck.php" align="absmiddle" alt="看不清?点击更换" />
                <input type="checkbox" name="notuser" id="dcmp-submit-guest" /><label for="dcmp-submit-guest">匿名?</label>
              </div>
              <div class="dcmp-submit"><button type="submit">发表评论</button></div>
            </div>
          </form>
          <div class="dcmp-mood">网友评论仅供其表达个人看法,并不表明本站同意其观点或证实其描述。</div>
        </dd>
      </dl>
    </div>
  </div>
  <!-- /左侧主体 -->
${sidebar()}
</div>`;
}

function indexBody(): string {
  const items = [COLUMN[1]!, COLUMN[0]!, ...COLUMN.slice(2)];
  items.splice(1, 0, [ARTICLE_PATH, HEADLINE, '2021-12-16', seed.line(5).slice(0, 54) + '...']);
  return `<div class="w960 clear center mt1">
  <div class="pleft fl">
    <div class="place">
      <strong>当前位置:</strong> <a href="/">主页</a> &gt; <a href="/jsxw/">江苏新闻</a> &gt;
    </div>
    <div class="listbox">
      <ul class="e2">
${each(items, '        ', ([path, title, date, teaser]) => `<li>
          <a href="${path}" class="title">${esc(title)}</a>
          <span class="info"><small>日期:</small>${date}&nbsp;<small>点击:</small><script src="/plus/count.php?view=yes&amp;aid=${path.slice(-10, -5)}" type="text/javascript"></script></span>
          <p class="intro">${esc(teaser)}</p>
        </li>`)}
      </ul>
    </div>
    <div class="dede_pages">
      <ul class="pagelist">
        <li><a>首页</a></li>
        <li class="thisclass"><a>1</a></li>
        <li><a href="list_3_2.html">2</a></li>
        <li><a href="list_3_3.html">3</a></li>
        <li><a href="list_3_4.html">4</a></li>
        <li><a href="list_3_5.html">5</a></li>
        <li><a href="list_3_2.html">下一页</a></li>
        <li><a href="list_3_386.html">末页</a></li>
        <li><span class="pageinfo">共 <strong>386</strong>页<strong>7715</strong>条</span></li>
      </ul>
    </div>
  </div>
${sidebar()}
</div>`;
}

export function woaijiangsuPages(): PageSpec[] {
  const url = `${HOST}${ARTICLE_PATH}`;
  const og = `<meta property="og:type" content="article" />
<meta property="og:title" content="${HEADLINE}" />
<meta property="og:url" content="${url}" />
<meta property="og:site_name" content="${SITE}" />
<meta property="og:image" content="${HOST}/uploads/allimg/211216/1-2112160G0450-L.jpg" />
<link rel="canonical" href="${url}" />`;
  const article = [
    head(`${HEADLINE}_我爱江苏网_江苏网`, seed.line(5).slice(0, 80), og),
    header(),
    articleBody(),
    footer(),
  ].join('\n');
  const index = [
    head('江苏新闻_我爱江苏网_江苏网', '我爱江苏网江苏新闻频道,及时发布江苏各地时政、经济、社会、民生新闻。', `<meta property="og:type" content="website" />
<meta property="og:title" content="江苏新闻_我爱江苏网" />
<meta property="og:site_name" content="${SITE}" />`),
    header(),
    indexBody(),
    footer(),
  ].join('\n');
  return [
    { file: '000_0bd5e5fca5af9d22.html', url, html: article, charset: 'gbk', declared: 'gb2312' },
    { file: 'index-woaijiangsu.html', url: `${HOST}/jsxw/`, html: index, charset: 'gbk', declared: 'gb2312' },
  ];
}
