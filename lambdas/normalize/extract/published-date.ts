/**
 * How the publish date is found. Finders (layers) in order of trust; the first that answers wins:
 *   1. meta           — <meta> tags / JSON-LD the page gives for itself (article:published_time, PubDate, datePublished ...);
 *                       but a visible byline time (2. or 3.) within VISIBLE_OVER_META_MS of it wins: it is the time
 *                       readers see and cite, the meta time is often the CMS's save or push time minutes later;
 *   2. info-line      — a date in the info line under the headline ("2024-02-20 09:49 来源:…", "admin 1年前 (2024-09-24)");
 *   3. after-headline — a full date in the page text right after the headline, when no element is marked as the info line;
 *   4. script         — a publish-time variable in an inline script (`var ct = "<epoch>"`, `"publishTime": "…"`);
 *   5. time-element   — the first `<time datetime>`;
 *   6. url            — the date in a TRS-style or dated URL path (/202402/t20240220_3363783.shtml): still the page's own date;
 *   7. first-on-page  — the first full date anywhere on the page (with a warning): a last resort for forums and blogs
 *                       that mark nothing;
 *   8. lead           — a dateline in the lead paragraph ("金山网讯 1月28日", "12月15日下午"), which may be the event's date.
 * The record's `basis` has four values (meta | byline | body | url, CONTRACT.md); BASIS_OF_LAYER below is the one place
 * that maps the six layers onto them.
 * A repost's page date and the event dates in its body are different things: the body is only asked when the page
 * shows no date of its own.
 *
 * Year inference: a date without a year (an info line's or a dateline's "1月28日") takes the latest year that does not
 * put it after the fetch time's date in China, or, without a fetch time, after the page's own last-modified date (a page
 * is published before it is modified). Without either, `year` stays null and `publishedAt` is null: we never invent a
 * year.
 */
import type { Published } from '../../contract/record.js';
import { dateFromUrl, findFullDates, findMonthDayDates, type DateMatch, type DateReading } from './dates.js';

/** Offset used when the page states none: mainland China time. */
export const DEFAULT_UTC_OFFSET = '+08:00';
/** How many lead paragraphs may hold the dateline. The dateline opens the first paragraph; later dates are events. */
const BODY_DATELINE_PARAGRAPHS = 1;

type DateLayer = 'meta' | 'info-line' | 'after-headline' | 'script' | 'time-element' | 'url' | 'first-on-page' | 'lead';

/**
 * The contract's basis for each layer. Text right after the headline is where sites without a marked info line print
 * it, so it is a byline date; the first date on the page is recorded as `byline` too (the contract has no "guessed"
 * basis): `guessed` marks it, and the record carries a warning saying so (index.ts).
 */
const BASIS_OF_LAYER: Readonly<Record<DateLayer, Published['basis']>> = {
  meta: 'meta',
  'info-line': 'byline',
  'after-headline': 'byline',
  script: 'meta',
  'time-element': 'byline',
  url: 'url',
  'first-on-page': 'byline',
  lead: 'body',
};

export interface PublishedInput {
  /** Full dates from meta tags / JSON-LD, best first. */
  metaDates: DateMatch[];
  /** Publish times from inline scripts, best first (HTML). */
  scriptDates?: DateMatch[];
  /** The first `<time datetime>` (HTML). */
  timeElementDates?: DateMatch[];
  /** The page's last-modified date (HTML meta): the year reference when there is no fetch time. */
  modifiedDates?: DateMatch[];
  /** Info lines under the headline (and before the body). */
  bylineLines: string[];
  /** Page text right after the headline (HTML), searched for a full date only. */
  afterHeadline?: string | null;
  /** The first full date on the page (HTML). */
  firstPageDate?: string | null;
  /** Body paragraphs, in order. */
  paragraphs: string[];
  url: string | null;
  fetchedAt: string | null;
  /** The page's language writes N/N/YYYY day first (language.ts writesDayFirst). */
  dayFirst?: boolean;
}

export interface PublishedResult {
  published: Published | null;
  publishedAt: string | null;
  /** True when the date is only the first date on the page, not one the page marks as its own. */
  guessed?: boolean;
}

/**
 * How far a visible byline date may be from the meta date and still win over it. sina pages on gne show the byline
 * 1-3 h before article:published_time (19:55 vs 19:56:29, 09:05 vs 09:10:42, 04:04 vs 06:52:51: the labels follow the
 * byline); people.cn gives a date-only meta and the byline the time. A day, not an hour: a date-only meta is midnight,
 * and a byline time late that day is still its day. Farther apart, the visible date is likely another one
 * (an event, a related item) and the meta date stands. Checked on zh-cwced dates and gne dates (both counted).
 */
const VISIBLE_OVER_META_MS = 24 * 3600_000;

export function findPublished(input: PublishedInput): PublishedResult {
  const reading: DateReading = { dayFirst: input.dayFirst ?? false };
  const nearHeadline = input.afterHeadline ? firstFullDate(input.afterHeadline, reading) : undefined;
  let bylineDate = firstDate(input.bylineLines, reading);
  // Info lines holding only an other-event date (最新推荐文章于 …): the first own date near the headline or on the page
  // (html-layout.ts skips other-event dates there too) is the publish date, when there is one.
  if (bylineDate && input.bylineLines.every((l) => !hasOwnDate(l, reading))) {
    const own = nearHeadline ?? (input.firstPageDate ? findFullDates(input.firstPageDate, reading)[0] : undefined);
    if (own && !(own.year === bylineDate.year && own.month === bylineDate.month && own.day === bylineDate.day)) bylineDate = own;
  }
  const visible = bylineDate?.year != null ? { date: bylineDate, layer: 'info-line' as const } : nearHeadline ? { date: nearHeadline, layer: 'after-headline' as const } : null;

  const meta = input.metaDates[0];
  if (meta) {
    // Only a visible time of day wins: a date-only byline on the meta's day would just lose the meta's time.
    if (visible?.date.time != null && Math.abs(instant(visible.date) - instant(meta)) <= VISIBLE_OVER_META_MS) return build(visible.date, visible.layer, null);
    return build(meta, 'meta', null);
  }
  if (visible) return build(visible.date, visible.layer, null);
  const scriptDate = input.scriptDates?.[0];
  if (scriptDate) return build(scriptDate, 'script', null);
  const timeDate = input.timeElementDates?.[0];
  if (timeDate) return build(timeDate, 'time-element', null);

  const urlDate = dateFromUrl(input.url);
  if (urlDate) return build(urlDate, 'url', null);
  const pageDate = input.firstPageDate ? findFullDates(input.firstPageDate, reading)[0] : undefined;
  if (pageDate && !bylineDate) return { ...build(pageDate, 'first-on-page', null), guessed: true };

  // A yearless info-line date ("1月28日 来源:…") still beats the lead's dateline; both need the fetch time for a year.
  const lead = input.paragraphs.slice(0, BODY_DATELINE_PARAGRAPHS);
  const bodyDate = bylineDate ?? firstDate(lead, reading);
  if (!bodyDate) return { published: null, publishedAt: null };
  return build(bodyDate, bylineDate ? 'info-line' : 'lead', fetchReference(input.fetchedAt) ?? dateReference(input.modifiedDates?.[0]));
}

/** A date as milliseconds (its own offset, else China time; no time of day is midnight), for distances only. */
function instant(d: DateMatch): number {
  const [h, m] = (d.time ?? '00:00').split(':').map(Number);
  const offset = d.offset ?? DEFAULT_UTC_OFFSET;
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMs = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  return Date.UTC(d.year ?? 0, d.month - 1, d.day, h, m, d.seconds ?? 0) - offsetMs;
}

function dateReference(d: DateMatch | undefined): Reference | null {
  return d && d.year !== null ? { year: d.year, month: d.month, day: d.day } : null;
}

/**
 * Issue 9 class 6: a date whose label names another event (最新推荐文章于 …, 更新时间：…, 修改于, 编辑于, 回复于) is the page's
 * date only when nothing else is: blog and Q&A info lines print the latest related item's or the last edit's date before
 * the publish date ("最新推荐文章于 2024-05-07 发布 … 于 2024-05-06 15:47:53 发布").
 */
const OTHER_EVENT_LABEL = /(?:推荐文章|最新推荐|更新|修改|编辑|回复|评论)(?:时间|日期)?\s*(?:于|[:：])?\s*$/;
const OTHER_EVENT_LOOKBACK = 10;

/** The text before `index` ends with an other-event label (OTHER_EVENT_LABEL). */
export function followsOtherEventLabel(text: string, index: number): boolean {
  return OTHER_EVENT_LABEL.test(text.slice(Math.max(0, index - OTHER_EVENT_LOOKBACK), index));
}

function isOtherEventDate(text: string, d: DateMatch): boolean {
  return followsOtherEventLabel(text, d.index);
}

/**
 * A page clock: today's date a portal prints in its top bar ("今天是2024年12月27日 星期五", "今日：2024年12月27日"). It is
 * the day the page was served, never the article's, so it is no candidate at all (an other-event date is still a last
 * resort). Without this, a page whose only date is its clock got the fetch day as its publish date.
 */
const PAGE_CLOCK_LABEL = /(?:今天是|今日是|今天|今日|现在是|当前日期|当前时间)\s*[:：]?\s*$/;

/** The text before `index` ends with a page-clock label (PAGE_CLOCK_LABEL). */
export function isPageClockDate(text: string, index: number): boolean {
  return PAGE_CLOCK_LABEL.test(text.slice(Math.max(0, index - OTHER_EVENT_LOOKBACK), index));
}

/** Full and month-day dates of `line` in order, page clocks left out. */
function datesOf(line: string, reading: DateReading): DateMatch[] {
  return [...findFullDates(line, reading), ...findMonthDayDates(line)].filter((d) => !isPageClockDate(line, d.index)).sort((a, b) => a.index - b.index);
}

/** The first date of `lines` that no other-event label marks; else the first date. */
function firstDate(lines: string[], reading: DateReading): DateMatch | null {
  let fallback: DateMatch | null = null;
  for (const line of lines) {
    const all = datesOf(line, reading);
    const own = all.find((d) => !isOtherEventDate(line, d));
    if (own) return own;
    fallback ??= all[0] ?? null;
  }
  return fallback;
}

function hasOwnDate(line: string, reading: DateReading): boolean {
  return datesOf(line, reading).some((d) => !isOtherEventDate(line, d));
}

function firstFullDate(text: string, reading: DateReading): DateMatch | undefined {
  const all = findFullDates(text, reading).filter((d) => !isPageClockDate(text, d.index));
  return all.find((d) => !isOtherEventDate(text, d)) ?? all[0];
}

interface Reference {
  year: number;
  month: number;
  day: number;
}

function fetchReference(fetchedAt: string | null): Reference | null {
  if (!fetchedAt) return null;
  const fetched = new Date(fetchedAt);
  if (Number.isNaN(fetched.getTime())) return null;
  // The fetch time's calendar date in China, where these pages are dated.
  const china = new Date(fetched.getTime() + 8 * 3600_000);
  return { year: china.getUTCFullYear(), month: china.getUTCMonth() + 1, day: china.getUTCDate() };
}

/** Latest year that does not put month/day after the reference date. */
export function inferYear(month: number, day: number, ref: { year: number; month: number; day: number }): number {
  const after = month > ref.month || (month === ref.month && day > ref.day);
  return after ? ref.year - 1 : ref.year;
}

function build(d: DateMatch, layer: DateLayer, ref: Reference | null): PublishedResult {
  let year = d.year;
  let yearInferred = false;
  if (year === null && ref) {
    year = inferYear(d.month, d.day, ref);
    yearInferred = true;
  }
  const published: Published = { text: d.text, year, month: d.month, day: d.day, time: d.time, yearInferred, basis: BASIS_OF_LAYER[layer] };
  return { published, publishedAt: year === null ? null : toIso(year, d, d.offset ?? DEFAULT_UTC_OFFSET) };
}

function toIso(year: number, d: DateMatch, offset: string): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const time = d.time ?? '00:00';
  return `${year}-${p2(d.month)}-${p2(d.day)}T${time}:${p2(d.seconds ?? 0)}${offset}`;
}
