/**
 * The publishing site's own name as the page states it (江苏苏讯网, 我爱江苏网), or null. Layers:
 *   1. og:site_name / application-name;
 *   2. phrases in the chrome that name the site: "感谢您浏览江苏苏讯网", "江苏苏讯网客服", "江苏苏讯网版权及免责声明",
 *      "版权所有:亭湖区人民政府";
 *   3. a title bar split by _ | - — whose segments end in 网 (我爱江苏网_江苏网_大苏网_江苏资讯-江苏头条 → 我爱江苏网).
 * Works on cleaned (Simplified) strings.
 */

/** Site names are short: 2–14 characters ending in a site-type word. */
const SITE_NAME = String.raw`[\u4e00-\u9fffA-Za-z0-9]{1,12}?(?:网|在线|新闻网|门户|人民政府|政府网|日报|新闻)`;
const CHROME_PHRASES: readonly RegExp[] = [
  new RegExp(String.raw`(?:感谢您|欢迎)(?:浏览|访问|光临|来到)\s*(${SITE_NAME})`),
  new RegExp(String.raw`(${SITE_NAME})\s*(?:客服|版权及免责声明|版权声明|免责声明|版权所有)`),
  new RegExp(String.raw`(?:版权所有|主办单位|主办)\s*[:：©]?\s*(${SITE_NAME})`),
];
/** Segment separators of a title bar; a single `<` or `>` is a breadcrumb step (`艺术史研究<某某艺术网`, channel and site:
 * issue 9 class 4, zh-cwced b70f455d), as in title.ts; doubled (`<<书名>>`) or beside `=` it is not. */
const TITLE_BAR_SEPARATORS = /\s*(?:_|\||｜|--|—+|-|(?<![<>=])[<>](?![<>=]))\s*/;
const TITLE_BAR_SEGMENT = /^[\u4e00-\u9fffA-Za-z0-9]{2,14}网$/;

export function findSiteName(input: { metaSiteName?: string | null; chromeLines: string[]; titleBars: string[] }): string | null {
  const meta = input.metaSiteName?.trim();
  if (meta && meta.length <= 30) return meta;
  for (const line of input.chromeLines) {
    for (const re of CHROME_PHRASES) {
      const m = re.exec(line);
      if (m?.[1]) return m[1];
    }
  }
  for (const bar of input.titleBars) {
    const segments = bar.split(TITLE_BAR_SEPARATORS);
    if (segments.length < 2) continue;
    const named = segments.find((s) => TITLE_BAR_SEGMENT.test(s));
    if (named) return named;
  }
  return null;
}

/** A title bar: a line of site-name segments joined by _ or |, as browsers show in the tab. */
export function isTitleBar(line: string): boolean {
  const segments = line.split(TITLE_BAR_SEPARATORS).filter(Boolean);
  return segments.length >= 3 && segments.some((s) => TITLE_BAR_SEGMENT.test(s));
}
