/**
 * The page budget (issue 10: any page up to the 16 MiB input cap normalizes in < 2 s and < 256 MB extra): how much
 * of a page the parse stage hands on. A page over it is cut, and `quality.warnings` says where. Every later stage
 * (body scoring, credits, boilerplate, confidence, enrichment, the second opinion) costs about the same per element
 * or line and per character, so these two numbers bound them all; none of the 327 bench and seed inputs comes near.
 * Figures: `npm run bench:hostile` (many-blocks and slow-text classes) and bench-results/hostile.md.
 */

/**
 * Start tags kept (every element: void, script and style ones too); past it tags are dropped and only their text is read. The largest of the 312 bench pages has 7,771
 * outside scripts and styles (zh-cwced d5bced5e, a list-heavy portal page); 163.com article pages about 3,000.
 * 20,000 leaves 2.6x that. Before the cut, 150,000 <p> took 9 s (7.7 MB) and 500,000 table cells over 20 s; cut
 * at 30,000, 150,000 <p> still took 1.0-1.8 s of CPU (load 18), too near the budget.
 */
export const MAX_PAGE_ELEMENTS = 20_000;

/**
 * Characters read outside script, style and textarea bodies (text, tags, comments). The most on a bench page is
 * 368,741 (gne 163-5); a record keeps at most 60,000 body characters (record/build-record.ts). Before the cut a
 * 16 MB one-paragraph page took 12 s and 370 MB; cut at 2,000,000, text split by empty comments still took 1.8 s of
 * CPU (load 15), so 1,000,000 (2.7x the bench's most).
 */
export const MAX_PAGE_CHARS = 1_000_000;

/**
 * Characters of one run of plain text (between two tags, no '<'): a longer run keeps its start and the page goes on,
 * so a 1,000,000-character headline does not use up MAX_PAGE_CHARS before the body. The longest run on a bench page
 * is 174,244 characters (gne njxfhn-1, a hidden block of search keywords).
 */
export const MAX_TEXT_RUN_CHARS = 200_000;

/**
 * Characters of one start tag, attributes and all: a longer one is dropped (its text is kept), where before it alone
 * went over MAX_PAGE_CHARS and the page was cut there (a 4 MB `<div a=1 …>`, a 6.6 MB title attribute, a 1 MB
 * canonical link: NO_ARTICLE). The longest `<…>` on the bench and seed pages is 46,926 characters, counting script
 * text that looks like a tag (aeb 5fa3154e); 100,000 leaves twice that.
 */
export const MAX_TAG_CHARS = 100_000;

/**
 * Past MAX_PAGE_ELEMENTS every tag is dropped and only text is read; a block tag after text becomes a `<br>`, so the
 * paragraphs stay apart. This many such line breaks are kept, then the page is cut: a record keeps at most 2,000
 * paragraphs (record/build-record.ts MAX_PARAGRAPHS), so more could not reach it, and the 2,000 elements add a tenth
 * to the element budget's cost. Without the breaks the text past the budget was one block of up to 1,000,000
 * characters, which the credit patterns of extract/byline.ts read in quadratic time (40,000 table cells: 2.7 s CPU).
 */
export const MAX_LINE_BREAKS_PAST_BUDGET = 2_000;

/**
 * Past MAX_PAGE_ELEMENTS a line the same as one read before it there (white space trimmed) is dropped, text and line
 * break, and not counted in MAX_LINE_BREAKS_PAST_BUDGET: 100,000 `<p>来源：新华日报</p>` inside an article used up the
 * 2,000 line breaks before its closing paragraph (NO_ARTICLE); a repeat adds nothing a record could keep. This many are
 * dropped, then the page is cut: each costs a tag scan and a set look-up, and without the bound 2,000,000 `<p>x</p>`
 * (16 MB) were read to the end, 505 ms CPU against 125 ms when cut at the line breaks (load 10). 200,000 reads about a
 * tenth of that page and 2.2x the 90,004 repeats past the budget of the corpus's source-lines-100k.
 */
export const MAX_REPEATED_LINES_PAST_BUDGET = 200_000;

/**
 * Lines of a text capture read, blank ones included: each text line is a block, like an element (60,000 prose lines
 * took 2.4 s, 30,000 0.7 s of CPU under load 18). The seeds have at most 76.
 */
export const MAX_CAPTURE_LINES = MAX_PAGE_ELEMENTS;

/**
 * Start tags of head content (meta, link, base, title, style, script, noscript) read before the head ends (`</head>`,
 * `<body>` or any other start tag), counted on their own budget and not on MAX_PAGE_ELEMENTS: a head of 100,000 `<meta>`
 * spent the page's budget before `<body>`, the body's tags were dropped and the article's text stayed in the open
 * `<head>` (NO_ARTICLE). Past it further head tags are dropped (title, script and style with their text). The most on
 * the 327 bench and seed inputs is 171 (aeb d0382c0d, 150 of them meta or link); 1,000 leaves 5.8x that and adds a
 * twentieth to the element budget's cost.
 */
export const MAX_HEAD_ELEMENTS = 1_000;

/**
 * Characters of the start tags counted by MAX_HEAD_ELEMENTS (attributes and all), on their own budget and not on
 * MAX_PAGE_CHARS: 100 meta tags of 40,000 characters cut the page before `<body>`; a head tag that does not fit is
 * dropped. Text in the head (a title's) still counts on MAX_PAGE_CHARS. The most on the 327 bench and seed inputs is
 * 24,721 (aeb 3d8f3404); 200,000 leaves 8x that and holds two tags of the longest kept (MAX_TAG_CHARS).
 */
export const MAX_HEAD_CHARS = 200_000;
