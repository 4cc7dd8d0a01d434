/**
 * Date expressions as Chinese news pages write them. Pure parsing: which date is the page's own is decided
 * in published-date.ts.
 *
 *   2024-02-20 09:49      2024/2/20      2024.02.20      2024年2月20日 09:49      2024年02月20日
 *   12月15日下午           1月28日        8月23日至24日 (a range: its first day)
 *   t20240220_3363783.shtml   /2024/0220/   /2024-02-20/   (URL paths, see dateFromUrl)
 */

export interface DateMatch {
  /** The matched text as it stands. */
  text: string;
  year: number | null;
  month: number;
  day: number;
  /** "HH:MM" or null. */
  time: string | null;
  seconds: number | null;
  /** Offset like "+08:00" when the text states one (ISO strings), else null. */
  offset: string | null;
  index: number;
}

// Full numeric dates: 2024-02-20, 2024/2/20, 2024.02.20, optionally followed by a time.
// One separator, used twice, no spaces: "2004 - 01/01" inside "12/01/2004 - 01/01/2005" is not a date.
const NUMERIC_DATE = /(?<![\d/.-])((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d/])(?:[T\s]*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d\d:?\d\d)?)?/g;
// Chinese dates with a year: 2024年2月20日 (日 or 号), optional time.
const CJK_DATE_WITH_YEAR = /(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?:\s*(?:上午|下午|晚上)?\s*(\d{1,2})[:：](\d{2}))?/g;
// Chinese dates without a year: 12月15日, 8月23日至24日. Not preceded by 年 (then it has a year) or a digit.
const CJK_DATE_NO_YEAR = /(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;

function valid(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function hhmm(h: string | undefined, m: string | undefined): string | null {
  if (h === undefined || m === undefined) return null;
  const hour = Number(h);
  const minute = Number(m);
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${m}`;
}

function normalizeOffset(raw: string | undefined): string | null {
  if (!raw) return null;
  if (raw === 'Z') return '+00:00';
  return raw.includes(':') ? raw : `${raw.slice(0, 3)}:${raw.slice(3)}`;
}

/** Every full date (year, month, day) in `text`, in order of appearance. */
export function findFullDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const [, y, , mo, d, h, mi, s, off] = m;
    if (!valid(Number(mo), Number(d))) continue;
    out.push({ text: m[0].trim(), year: Number(y), month: Number(mo), day: Number(d), time: hhmm(h, mi), seconds: s ? Number(s) : null, offset: normalizeOffset(off), index: m.index });
  }
  for (const m of text.matchAll(CJK_DATE_WITH_YEAR)) {
    const [, y, mo, d, h, mi] = m;
    if (!valid(Number(mo), Number(d))) continue;
    out.push({ text: m[0].trim(), year: Number(y), month: Number(mo), day: Number(d), time: hhmm(h, mi), seconds: null, offset: null, index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Month-day dates with no year (12月15日), in order. A range 8月23日至24日 yields its first day. */
export function findMonthDayDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (const m of text.matchAll(CJK_DATE_NO_YEAR)) {
    const [, mo, d] = m;
    if (!valid(Number(mo), Number(d))) continue;
    out.push({ text: m[0].replace(/\s+/g, ''), year: null, month: Number(mo), day: Number(d), time: null, seconds: null, offset: null, index: m.index });
  }
  return out;
}

// Dates in URL paths. TRS CMS (used by most Chinese government and party media sites): /202402/t20240220_3363783.shtml.
const URL_DATE_PATTERNS: readonly RegExp[] = [
  /\/t((?:19|20)\d\d)(\d\d)(\d\d)_\d+/,
  /\/((?:19|20)\d\d)[-/]?(\d\d)[-/]?(\d\d)\//,
  /\/((?:19|20)\d\d)-(\d\d)-(\d\d)[/_-]/,
  /\/((?:19|20)\d\d)\/(\d\d)(\d\d)\//,
];

export function dateFromUrl(url: string | null | undefined): DateMatch | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const re of URL_DATE_PATTERNS) {
    const m = re.exec(path);
    if (m && valid(Number(m[2]), Number(m[3]))) {
      return { text: m[0], year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), time: null, seconds: null, offset: null, index: m.index };
    }
  }
  return null;
}
