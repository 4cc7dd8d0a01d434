/**
 * Is this an index/list page rather than an article? List pages (channel indexes, search results, "more news")
 * repeat one shape many times: a short headline line carrying a date ("标题 日期:2021-12-16 点击:"), often with a teaser
 * under it. Articles almost never hold more than a couple of short dated lines.
 */
import { findFullDates } from './dates.js';

/** A dated line this short is a list item (headline + date), not prose. */
const MAX_LIST_ITEM_CHARS = 80;
/** At least this many dated list items before we call a page a listing: a short "related" box has 3–4. */
const MIN_LIST_ITEMS = 5;
/** …and they make up at least this share of the blocks (a long article with a related box stays an article). */
const MIN_LIST_ITEM_SHARE = 0.25;

export function looksLikeListing(blocks: readonly string[]): { listing: boolean; items: number } {
  const items = blocks.filter((b) => b.length <= MAX_LIST_ITEM_CHARS && findFullDates(b).length > 0).length;
  return { listing: items >= MIN_LIST_ITEMS && items / Math.max(blocks.length, 1) >= MIN_LIST_ITEM_SHARE, items };
}
