/**
 * The shape every input is brought into before fields are read: the headline block, the info lines under it,
 * the article's blocks, and the chrome around them. Text captures and HTML pages both become a PageLayout, so
 * byline, date and body rules are written once (extract/article.ts).
 */
import type { Script } from '../clean/simplified.js';
import type { CleanedText } from '../clean/clean-text.js';
import type { HtmlMeta } from './html-meta.js';
import type { GalleryViewer } from './gallery.js';

export interface CandidateLayoutBody {
  blocks: CleanedText[];
  bodyChars: number;
  bodyLinkChars: number;
  bodyArticleItems: number;
  /** The layout's warnings with this candidate's note (the script-revealed body), when it has one. */
  warnings?: string[];
}

export interface PageLayout {
  kind: 'html' | 'text';
  title: CleanedText | null;
  /** Kicker (引题) and sub-headline (副题) lines, in page order. */
  subtitles: CleanedText[];
  /** Short lines between the headline and the body: dates, 来源, 编辑, 作者. */
  infoLines: CleanedText[];
  /** The article's blocks in order, including tail credit lines (责任编辑, 原文地址) still to be read and removed. */
  blocks: CleanedText[];
  /** Cleaned chrome strings that may name the site (banners, footers, copyright lines). */
  chromeLines: string[];
  /** Title bars (<title>, or a capture's first line) that may carry site-name segments. */
  titleBars: string[];
  /** The site's name as the page shows it (site-name.ts: the declared name, else chrome phrases, else title bars). */
  siteName: string | null;
  /** What an HTML page declares about itself (html-meta.ts), strings cleaned; `meta.siteName` is the declared name only. */
  meta: HtmlMeta | null;
  /** Page text right after the headline (HTML): where most sites print the date when no element says "info". */
  afterHeadline: string | null;
  /** Page text right after the article's last block (HTML): where credits like "新京报记者 彭冲" or "（责任编辑：X）" sit. */
  afterBody: string | null;
  /** The href of a link after a 原文地址 / 原文链接 label whose text is not the URL (HTML; original-link.ts). */
  linkedOriginalUrl: string | null;
  /** The first full date anywhere in the page text (HTML): a last-resort date when nothing names one. */
  firstPageDate: string | null;
  /** The script the page is served in: which strings were converted to Simplified (clean/simplified.ts). */
  script: Script;
  /** Characters (white space excluded) of all the page's visible text, and the body's chars and link chars (HTML;
   * text captures: the whole capture, link chars 0): confidence features (extract/confidence.ts). */
  pageChars: number;
  bodyChars: number;
  bodyLinkChars: number;
  /** Separate <article> items with a post's worth of text in the body's container(s) (body.ts; 0 for text captures). */
  bodyArticleItems: number;
  /** The body cascade's next candidates (runner-up containers; HTML only), each as this layout's `blocks` would be:
   * extracted on demand, only when the second opinion asks (normalize/index.ts). */
  nextBodies?: () => CandidateLayoutBody[];
  /** The image viewer holding the headline (HTML; gallery.ts), else null: gates.ts refuses image-set pages. */
  gallery: GalleryViewer | null;
  /** Which extraction layer produced the blocks. */
  bodyLayer: string;
  warnings: string[];
}
