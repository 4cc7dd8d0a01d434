/**
 * Tables and thresholds of the article-body extractor (body.ts), one place, compiled once.
 * Class/id tables: Readability's REGEXPS (Readability.js ab4027a) plus the names Chinese CMSs use
 * (TRS `TRS_Editor`, `zoom`, pinyin `zhengwen`/`pinglun`/`xiangguan`, `endText`, `artibody`...).
 * Thresholds were tuned on zh-cwced (69 pages) and aeb (181 pages) with the bench metric (README of /work/shared/bench),
 * sweeping one value at a time around Readability's default; re-run both sets before changing one, never one set alone.
 */

/** Elements whose whole subtree is never article text. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'svg', 'math', 'canvas',
  'object', 'embed', 'select', 'option', 'textarea', 'button', 'input', 'nav', 'map', 'area', 'audio', 'video',
  'dialog', 'menu',
]);

/** Elements that end a text block (everything else is inline and joins its neighbours' text). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul', 'caption', 'text', 'br', 'marquee', 'legend', 'option', 'select', 'iframe', 'frameset', 'frame', 'noframes',
]);

/** Paragraph-like blocks: their score goes to their parent (Readability `tagsToScore`). Other blocks holding loose
 * text (div, td, section, the `<text>` wrapper) act as the container of a virtual paragraph and keep the score. */
export const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dd', 'dt', 'blockquote']);

/** Headings: counted for heading density in conditional cleaning. */
export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Initial candidate score by tag (Readability `_initializeNode`). */
export const TAG_BASE_SCORE: Readonly<Record<string, number>> = {
  div: 5, article: 5, section: 3, main: 3, pre: 3, td: 3, blockquote: 3, text: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};

export const CLASS_PATTERNS = {
  // Readability `positive` + Chinese CMS body containers.
  positive:
    /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|zoom|trs_editor|detail|zhengwen|neirong|endtext|artibody|cont\b|news_?txt|txt_?con|conts?_?txt|arti|maintext|^zw$|_zw\b|^nr$/i,
  // Readability `negative` + Chinese CMS chrome (pinyin and English) + photo galleries and caption/credit boxes
  // (gallery|carousel|slideshow|caption|credit: aeb +0.008, zh-cwced ±0; a gallery repeats every caption twice).
  negative:
    /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|recommend|tuijian|xiangguan|pinglun|fenxiang|copyright|banquan|breadcrumb|crumb|position|location|\bnav|menu|rank|paihang|\bhot|remen|redian|\bads?\b|\bad[-_\d]|guanggao|\bgg\b|\bgg[-_\d]|footer|\bfoot|\bbottom|login|toolbar|qrcode|erweima|weixin|wechat|more|pager|pagination|\bpage_?(nav|num)|\blinks?\b|friend|youlian|keyword|gallery|carousel|slideshow|caption|\bcredit/i,
  // Readability `unlikelyCandidates`: stripped before scoring on the first pass (unless `maybeCandidate` matches).
  // + MediaWiki's section edit links (`span.mw-editsection`: `简介[编辑]`, issue 9; zh-cwced d5bced5e, 36 headings).
  unlikely:
    /-ad-|ai2html|editsection|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|recommend|tuijian|xiangguan|pinglun|fenxiang|copyright|banquan|breadcrumb|crumb|\bnav|paihang|guanggao|youlian|friendlink|qrcode|erweima/i,
  maybeCandidate: /and|article|body|column|content|main|mathjax|shadow|zoom|trs_editor|detail|zhengwen|endtext|artibody/i,
} as const;

/** ARIA roles that mark chrome (Readability `_grabArticle` unlikely roles). */
export const UNLIKELY_ROLES: ReadonlySet<string> = new Set([
  'menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog', 'banner', 'contentinfo', 'search',
]);

/** Inline style that hides an element. */
export const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Sentence-final punctuation: a short unlinked paragraph ending with one is prose (Readability's `/\.( |$)/`). */
export const SENTENCE_END = /[。！？!?.…"”」』)）]\s*$/;

/** Class/id weight of a positive/negative match (Readability uses 25). */
export const CLASS_WEIGHT = 25;

/** A paragraph shorter than this (characters, white space excluded) adds no score (Readability: 25). Han text
 * carries ~3x the information per char of English, but short Chinese lines are mostly chrome too; kept at 25 after a sweep 10–40. */
export const MIN_PARAGRAPH_CHARS = 25;

/** Chars per extra point of paragraph score, and its cap (Readability: 100, 3). */
export const CHARS_PER_LENGTH_POINT = 100;
export const MAX_LENGTH_POINTS = 3;

/** How many ancestors receive a paragraph's score (Readability: 5), and the divider beyond the grandparent. */
export const SCORE_ANCESTOR_LEVELS = 5;
export const DEEP_ANCESTOR_DIVIDER = 3;

/** Sibling inclusion threshold as a share of the top score, also the bonus for sharing its class (Readability: 0.2). */
export const SIBLING_SCORE_SHARE = 0.2;
/** Floor of the sibling inclusion threshold (Readability: 10). */
export const MIN_SIBLING_SCORE = 10;
/** A sibling <p> longer than this with little link text is article text (Readability: 80 chars). */
export const SIBLING_P_MIN_CHARS = 80;
/** Max link density of such a long sibling paragraph (Readability: 0.25). */
export const SIBLING_P_MAX_LINK_DENSITY = 0.25;

/** Parent promotion: stop climbing when the parent's score falls below this share of the last score (Readability: 1/3). */
export const PARENT_SCORE_STOP_SHARE = 1 / 3;
/** Alternative candidates at least this share of the top score vote for a common ancestor (Readability: 0.75, 3 votes). */
export const ALTERNATIVE_SCORE_SHARE = 0.75;
export const MIN_ALTERNATIVE_VOTES = 3;
/** How many top candidates are kept for that vote (Readability: DEFAULT_N_TOP_CANDIDATES 5). */
export const TOP_CANDIDATES = 5;

/** Conditional cleaning inside the article (Readability `_cleanConditionally`): a sub-block is dropped when its link
 * share exceeds this (0.2 Readability, 0.5 for positive-weighted blocks) and it has fewer clause marks than `KEEP_IF_COMMAS`. */
export const CLEAN_MAX_LINK_DENSITY = 0.2;
export const CLEAN_MAX_LINK_DENSITY_POSITIVE = 0.5;
export const CLEAN_KEEP_IF_COMMAS = 10;

/** A line that is mostly link text (share above this) and short is a link list item, not prose. */
export const LINK_LINE_MAX_DENSITY = 0.5;

/** Weight of "link density outside link-list lines" against plain link density in candidate scoring (see
 * body-score.ts `linkDensity`). Swept 0, 0.5, 1 on zh-cwced + aeb: 0.5 and 1 tie on zh-cwced, 0.5 costs aeb less. */
export const LIST_LINE_DENSITY_WEIGHT = 0.5;

/** A list item scores as a paragraph only when at most this share of its own text is link text. Forum reply trees and
 * index lists are <li>s of "headline link【author】date"; list items in article prose carry few links. Readability scores
 * no <li>; scoring link-poor ones keeps list-form articles. Fixed a BBS page whose reply tree outscored the first post
 * (zh-cwced +0.015, aeb ±0). */
export const LIST_ITEM_MAX_LINK_DENSITY = 0.25;

/** Post lists (body-score.ts `firstOfPostList`): the top candidate or one of its ancestors up to this many levels up
 * (a post's body often holds a nested table or div that wins the scoring) is looked at for a repeated class. */
export const POST_LIST_MAX_CLIMB = 5;
/** At least this many same-tag, same-class containers make a list of posts (two could be an article and its sequel). */
export const POST_LIST_MIN_POSTS = 3;
/** A post holds at least this many chars (a blog post's worth; teaser cards and comment stubs are shorter)... */
export const POST_MIN_CHARS = 150;
/** ...and at most this share of link text (a list of link cards is navigation, not posts). */
export const POST_MAX_LINK_DENSITY = 0.3;
/** Posts carry their own date line: between the first two posts there must be a full date or a clock time
 * ("2005-06-14 03:25:55", "08-11 16:58", "2005年6月14日", "June 14, 2005"); sections of one article do not. */
export const POST_STAMP =
  /(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\b\d{1,2}:\d\d\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d/;
/** How much text between two posts is searched for that stamp (a post footer plus the next post's header). */
export const POST_GAP_MAX_CHARS = 2000;
