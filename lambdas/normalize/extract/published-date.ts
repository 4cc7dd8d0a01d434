/**
 * How the publish date is found. Finders in order of trust; the first that answers wins and is recorded as `basis`:
 *   1. meta   — <meta> tags / JSON-LD the page gives for itself (article:published_time, PubDate, datePublished ...);
 *   2. byline — a date in the info line under the headline ("2024-02-20 09:49 来源:…", "admin 1年前 (2024-09-24)"),
 *      or a full date in the page text right after the headline when no element is marked as the info line;
 *   3. url    — the date in a TRS-style or dated URL path (/202402/t20240220_3363783.shtml): still the page's own date;
 *   4. page   — the first full date anywhere on the page (recorded as basis "byline", with a warning): a last resort
 *      for forums and blogs that mark nothing;
 *   5. body   — a dateline in the lead paragraph ("金山网讯 1月28日", "12月15日下午"), which may be the event's date.
 * A repost's page date and the event dates in its body are different things: the body is only asked when the page
 * shows no date of its own.
 *
 * Year inference: a date without a year takes the latest year that does not put it after a reference date: an explicit
 * full date the page shows elsewhere (URL, info lines), else the fetch time. Without either, `year` stays null and
 * `publishedAt` is null: we never invent a year.
 */
import type { Published } from '../../contract/record.js';
import { dateFromUrl, findFullDates, findMonthDayDates, type DateMatch } from './dates.js';

/** Offset used when the page states none: mainland China time. */
export const DEFAULT_UTC_OFFSET = '+08:00';
/** How many lead paragraphs may hold the dateline. The dateline opens the first paragraph; later dates are events. */
const BODY_DATELINE_PARAGRAPHS = 1;

export interface PublishedInput {
  /** Full dates from meta tags / JSON-LD, best first. */
  metaDates: DateMatch[];
  /** Info lines under the headline (and before the body). */
  bylineLines: string[];
  /** Page text right after the headline (HTML), searched for a full date only. */
  afterHeadline?: string | null;
  /** The first full date on the page (HTML). */
  firstPageDate?: string | null;
  /** Body paragraphs, in order. */
  paragraphs: string[];
  url: string | null;
  /** Other lines of the page that may show a full date (tail lines), used only as a year reference. */
  otherLines?: string[];
  fetchedAt: string | null;
}

export interface PublishedResult {
  published: Published | null;
  publishedAt: string | null;
  /** True when the date is only the first date on the page, not one the page marks as its own. */
  guessed?: boolean;
}

export function findPublished(input: PublishedInput): PublishedResult {
  const meta = input.metaDates[0];
  if (meta) return build(meta, 'meta', null);

  const bylineDate = firstDate(input.bylineLines);
  if (bylineDate?.year != null) return build(bylineDate, 'byline', null);
  const nearHeadline = input.afterHeadline ? findFullDates(input.afterHeadline)[0] : undefined;
  if (nearHeadline) return build(nearHeadline, 'byline', null);

  const urlDate = dateFromUrl(input.url);
  if (urlDate) return build(urlDate, 'url', null);
  const pageDate = input.firstPageDate ? findFullDates(input.firstPageDate)[0] : undefined;
  if (pageDate && !bylineDate) return { ...build(pageDate, 'byline', null), guessed: true };

  const lead = input.paragraphs.slice(0, BODY_DATELINE_PARAGRAPHS);
  const bodyDate = bylineDate ?? firstDate(lead);
  if (!bodyDate) return { published: null, publishedAt: null };
  const reference = referenceDate(input);
  return build(bodyDate, bylineDate ? 'byline' : 'body', reference);
}

function firstDate(lines: string[]): DateMatch | null {
  for (const line of lines) {
    const all = [...findFullDates(line), ...findMonthDayDates(line)].sort((a, b) => a.index - b.index);
    if (all[0]) return all[0];
  }
  return null;
}

interface Reference {
  year: number;
  month: number;
  day: number;
  from: 'page' | 'fetchedAt';
}

function referenceDate(input: PublishedInput): Reference | null {
  const pageDate = [...(input.otherLines ?? [])].flatMap((l) => findFullDates(l))[0];
  if (pageDate?.year != null) return { year: pageDate.year, month: pageDate.month, day: pageDate.day, from: 'page' };
  if (!input.fetchedAt) return null;
  const fetched = new Date(input.fetchedAt);
  if (Number.isNaN(fetched.getTime())) return null;
  // The fetch time's calendar date in China, where these pages are dated.
  const china = new Date(fetched.getTime() + 8 * 3600_000);
  return { year: china.getUTCFullYear(), month: china.getUTCMonth() + 1, day: china.getUTCDate(), from: 'fetchedAt' };
}

/** Latest year that does not put month/day after the reference date. */
export function inferYear(month: number, day: number, ref: { year: number; month: number; day: number }): number {
  const after = month > ref.month || (month === ref.month && day > ref.day);
  return after ? ref.year - 1 : ref.year;
}

function build(d: DateMatch, basis: Published['basis'], ref: Reference | null): PublishedResult {
  let year = d.year;
  let yearInferred = false;
  if (year === null && ref) {
    year = inferYear(d.month, d.day, ref);
    yearInferred = true;
  }
  const published: Published = { text: d.text, year, month: d.month, day: d.day, time: d.time, yearInferred, basis };
  return { published, publishedAt: year === null ? null : toIso(year, d, d.offset ?? DEFAULT_UTC_OFFSET) };
}

function toIso(year: number, d: DateMatch, offset: string): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const time = d.time ?? '00:00';
  return `${year}-${p2(d.month)}-${p2(d.day)}T${time}:${p2(d.seconds ?? 0)}${offset}`;
}
