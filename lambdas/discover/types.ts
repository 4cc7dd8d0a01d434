/** A candidate article link found on a list page, feed or sitemap. */
export interface DiscoveredLink {
  /** Absolute, normalized URL (no fragment, no tracking params). */
  url: string;
  /** Anchor text (or feed title), white space collapsed; '' when there is none. */
  text: string;
  /** Sum of the heuristic scores (see patterns.ts); source-pattern and feed links get SOURCE_PATTERN_SCORE. */
  score: number;
  /** Which features produced the score, joined with '+', e.g. "trs-url+headline-text+list-block". */
  reason: string;
}
