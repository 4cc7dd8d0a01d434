/**
 * Heuristics for finding article links on list pages we have no profile for. Each one has a
 * name and a reason; scores add up and a link is kept when it reaches MIN_ARTICLE_SCORE.
 * Checked on the list-page fixtures in test/unit/discover/ (TRS, dated-path and CMS lists).
 */

/** URL shapes, keyed by role, compiled once. */
export const URL_PATTERNS = {
  // TRS WCM (jschina and most provincial portals): /channel/YYYYMM/tYYYYMMDD_<id>.shtml, id numeric or s+hex.
  trsArticle: /\/t(19|20)\d{6}_s?[0-9a-z]+\.s?html?$/i,
  // A date in the path: /2024/0220/, /2024/02/20/, /202402/, /20240220/, or 2024-02-20 anywhere.
  datedPath: /\/(19|20)\d{2}\/?(0[1-9]|1[0-2])(\/?[0-3]\d)?\/|(19|20)\d{2}-(0[1-9]|1[0-2])-[0-3]\d/,
  // CMS article ids: content_12345.htm, art_123_456.html, ?id=123, /12345.html.
  idArticle: /(content|art|article|detail|news|show)[_-]?\d+[_\d]*\.s?html?$|\/\d{4,}\.s?html?$|[?&](id|aid|articleid|p)=\d+/i,
  // List and index pages are never articles: index.shtml, index_2.shtml, list_3.html, a bare folder.
  listPage: /\/(index|list|default)(_\d+)?\.s?html?$|\/$/i,
  // Taxonomy and search pages list articles but are not articles: tags.php?/x/, ?tag=, /search/, ?cate=.
  taxonomy: /(\/|^)(tags?|search|author|category|cate|topic)(\.php)?([/?=]|$)|[?&](tag|cate|cat|s|author)=/i,
  // Non-page resources.
  resource: /\.(jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|pptx?|zip|rar|7z|mp4|mp3|apk|exe|css|js)(\?|$)/i,
} as const;

/** Hrefs that are not navigation to a page. */
export const NON_PAGE_HREF = /^(javascript:|mailto:|tel:|#|data:)/i;

/** Points per feature. */
export const SCORES = {
  // The TRS shape is unambiguous on these portals: alone it is enough.
  trsArticle: 4,
  // A dated path is strong but also matches dated image folders, so it needs one more hint.
  datedPath: 2,
  // An id-shaped file name is weak: tag and author pages use it too.
  idArticle: 1,
  // Headline-length anchor text: news headlines run ~8-40 Han chars.
  headlineText: 2,
  // Medium text (5-7 Han chars) is often a short headline, sometimes a section name.
  mediumText: 0.5,
  // Nav and section links are 2-4 Han chars (首页, 江苏要闻).
  shortText: -2,
  // Inside a list block (<li>, or a block holding many similar links).
  inListBlock: 1,
  // Inside header, footer, nav, menu, breadcrumb or copyright chrome. Outweighs TRS URL + headline
  // text (4 + 2 - 4 = 2 < MIN_ARTICLE_SCORE): footers link TRS-shaped 声明/关于 pages.
  inChrome: -4,
  // A list or index page URL.
  listPage: -4,
  // A tag, category, author or search page.
  taxonomy: -3,
} as const;

/** A link is kept at or above this score: e.g. TRS URL alone, or dated path + headline text. */
export const MIN_ARTICLE_SCORE = 3;

/** Headline length in Han characters (Chinese headlines are counted in characters, not words). */
export const HEADLINE_HAN_CHARS = { min: 8, max: 40 } as const;
/** Between nav labels and headlines. */
export const MEDIUM_HAN_CHARS = { min: 5, max: 7 } as const;
/** Nav labels are at most this long. */
export const MAX_NAV_HAN_CHARS = 4;

/** Han characters (CJK unified ideographs and extension A). */
export const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff]/g;

/** Ancestors that are page chrome, by tag. */
export const CHROME_TAGS = new Set(['header', 'footer', 'nav', 'aside']);
/** Ancestors that are page chrome, by class or id (whole-word-ish, common Chinese-CMS names too). */
export const CHROME_CLASS = /(^|[\s_-])(nav|navbar|menu|header|head|top|topbar|footer|foot|bottom|breadcrumb|crumb|copyright|links|friendlink|yqlj|dh|daohang|banner|logo|share|login)([\s_-]|$)/i;
/** A block with at least this many links of the same URL shape is treated as a list block. */
export const MIN_LINKS_IN_LIST_BLOCK = 3;

