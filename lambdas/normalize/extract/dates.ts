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
const NUMERIC_DATE = /(?<![\d/.-])((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d/])(?:[T\s]*(?:(上午|下午|晚上|中午|凌晨|早上|早晨|傍晚|晚间|夜间)\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d\d:?\d\d)?)?/g;
// Chinese dates with a year: 2024年2月20日 (日 or 号), optional time.
const CJK_DATE_WITH_YEAR = /(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?:\s*(上午|下午|晚上|中午|凌晨|早上|早晨|傍晚|晚间|夜间)?\s*(\d{1,2})[:：](\d{2}))?/g;
/**
 * Chinese words for the part of the day before a 12-hour clock ("2024年5月6日 下午3:20" is 15:20; the time was read as
 * 03:20). Afternoon and evening words add 12 hours to 1-11; 中午 adds 12 to 1-10 (中午12:30 stays, 中午1:10 is 13:10);
 * 凌晨12:xx is 00:xx. An hour already on the 24-hour clock (下午15:20) is kept.
 */
const AFTERNOON_WORDS = new Set(['下午', '晚上', '傍晚', '晚间', '夜间']);
// Chinese dates without a year: 12月15日, 8月23日至24日. Not preceded by 年 (then it has a year) or a digit.
const CJK_DATE_NO_YEAR = /(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
// A year-less "MM-DD HH:MM" after a publish label ("发布时间：10-08 12:00", self-media bylines): without the label,
// 10-08 is a score, a range or a phone number. The time may follow with no space ("10-0812:00": two spans).
const LABELLED_MONTH_DAY = /(?<=(?:发布|发表|更新)?(?:时间|日期)\s*[:：]\s*)(\d{1,2})-(\d\d|\d(?!\d))(?:\s*(\d{1,2}):(\d{2}))?(?![\d-])/g;

// English month names, full or cut (Sep, Sept., September), capitalised or in capitals (18 NOV 2019: aeb bylines).
// Never lower case: "may 12" is a verb.
const MONTH_FORMS = ['Jan(?:uary)?', 'Feb(?:ruary)?', 'Mar(?:ch)?', 'Apr(?:il)?', 'May', 'June?', 'July?', 'Aug(?:ust)?', 'Sep(?:t(?:ember)?)?', 'Oct(?:ober)?', 'Nov(?:ember)?', 'Dec(?:ember)?'];
const MONTH_NAME = `(${[...MONTH_FORMS, ...MONTH_FORMS.map((f) => f.toUpperCase())].join('|')})`;
const CLOCK = String.raw`(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?[Mm]\.?)?`;
// Where an English date may start and its year end. Element texts are joined without a space, so a date can touch the
// words around it ("By Jane DoeNovember 15, 2019Taste…", aeb): a capital after a small letter starts a word, and a
// capital after the year starts the next one; a small letter or digit after the year ("2019s") is no date.
const ENGLISH_START = String.raw`(?:(?<![A-Za-z0-9_])|(?<=[a-z])(?=[A-Z]))`;
const YEAR_END = String.raw`(?![\da-z_])`;
// English dates as pages print them: October 16, 2020 · Sep 16, 2025 · 16 October 2020 (issue 9 class 6: English pages
// showed a visible date that was not read on 31 of 83 aeb pages without a meta date), optional clock with am/pm; a
// 24-hour time may stand between day and year ("November 20 15:23 2019", one aeb byline's theme).
const ENGLISH_MONTH_FIRST = new RegExp(String.raw`${ENGLISH_START}${MONTH_NAME}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(\d{1,2}):(\d{2})\s+)?((?:19|20)\d\d)${YEAR_END}${CLOCK}`, 'g');
const ENGLISH_DAY_FIRST = new RegExp(String.raw`(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH_NAME}\.?,?\s+((?:19|20)\d\d)${YEAR_END}${CLOCK}`, 'g');
// Month/day/year as US-configured servers print it ("9/17/2004 5:54:13 AM"); day/month when the first number cannot be
// a month. Year last, so it never overlaps NUMERIC_DATE (year first).
const US_NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)(?![\d/])(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?[Mm]\.?)?/g;

// A two-digit year after a publish label ("发布时间：18-03-08 23:16", Baidu self-media bylines; the time may follow
// with no space: "18-03-0823:16", two spans). Without the label, 18-03-08 is a score or a code. Read as 20YY.
const LABELLED_SHORT_YEAR_DATE = /(?<=(?:发布|发表|更新)?(?:时间|日期)\s*[:：]\s*)(\d\d)-(\d{1,2})-(\d\d|\d(?!\d))(?:\s*(\d{1,2}):(\d{2}))?(?![\d-])/g;
/** Cheap test for LABELLED_SHORT_YEAR_DATE's label: most lines have neither a four-digit year nor this. */
const SHORT_YEAR_HINT = /(?:时间|日期)\s*[:：]\s*\d\d-/;

/** The year every full-date pattern but the labelled short-year one holds ((?:19|20)\d\d). */
const FULL_DATE_YEAR = /(?:19|20)\d\d/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOfName(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** A 12-hour clock to "HH:MM": 12 AM is 00, 12 PM is 12. */
function clock12(h: string | undefined, m: string | undefined, half: string | undefined): string | null {
  if (h === undefined || m === undefined) return null;
  let hour = Number(h);
  if (half) {
    if (hour < 1 || hour > 12) return null;
    const pm = half.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return hhmm(String(hour), m);
}

/** A time after a Chinese part-of-day word (AFTERNOON_WORDS) to "HH:MM". */
function chineseClock(part: string | undefined, h: string | undefined, m: string | undefined): string | null {
  if (h === undefined || m === undefined || !part) return hhmm(h, m);
  let hour = Number(h);
  if (AFTERNOON_WORDS.has(part) && hour >= 1 && hour <= 11) hour += 12;
  else if (part === '中午' && hour >= 1 && hour <= 10) hour += 12;
  else if (part === '凌晨' && hour === 12) hour = 0;
  return hhmm(String(hour), m);
}

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

/** How a page writes the dates that are ambiguous. */
export interface DateReading {
  /** N/N/YYYY with both numbers <= 12 is day/month (the page's language writes dates so: language.ts
   * writesDayFirst); else month/day, as US-configured servers print it. */
  dayFirst?: boolean;
}

/** Every full date (year, month, day) in `text`, in order of appearance. */
export function findFullDates(text: string, reading: DateReading = {}): DateMatch[] {
  const out: DateMatch[] = [];
  // Every full-date pattern below has a four-digit year (or the short-year label): one scan rules out the text
  // without one (most lines).
  if (!FULL_DATE_YEAR.test(text) && !SHORT_YEAR_HINT.test(text)) return out;
  for (const m of text.matchAll(LABELLED_SHORT_YEAR_DATE)) {
    const [, y, mo, d, h, mi] = m;
    if (!valid(Number(mo), Number(d))) continue;
    out.push({ text: m[0].replace(/\s+/g, ' ').trim(), year: 2000 + Number(y), month: Number(mo), day: Number(d), time: hhmm(h, mi), seconds: null, offset: null, index: m.index });
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const [, y, , mo, d, part, h, mi, s, off] = m;
    if (!valid(Number(mo), Number(d))) continue;
    out.push({ text: m[0].trim(), year: Number(y), month: Number(mo), day: Number(d), time: chineseClock(part, h, mi), seconds: s ? Number(s) : null, offset: normalizeOffset(off), index: m.index });
  }
  for (const m of text.matchAll(CJK_DATE_WITH_YEAR)) {
    const [, y, mo, d, part, h, mi] = m;
    if (!valid(Number(mo), Number(d))) continue;
    out.push({ text: m[0].trim(), year: Number(y), month: Number(mo), day: Number(d), time: chineseClock(part, h, mi), seconds: null, offset: null, index: m.index });
  }
  for (const m of text.matchAll(ENGLISH_MONTH_FIRST)) {
    const [, name, d, h24, mi24, y, h, mi, sec, half] = m;
    const month = monthOfName(name!);
    if (!valid(month, Number(d))) continue;
    const time = h24 !== undefined ? hhmm(h24, mi24) : clock12(h, mi, half);
    out.push({ text: m[0].trim(), year: Number(y), month, day: Number(d), time, seconds: sec ? Number(sec) : null, offset: null, index: m.index });
  }
  for (const m of text.matchAll(ENGLISH_DAY_FIRST)) {
    const [, d, name, y, h, mi, sec, half] = m;
    const month = monthOfName(name!);
    if (!valid(month, Number(d))) continue;
    out.push({ text: m[0].trim(), year: Number(y), month, day: Number(d), time: clock12(h, mi, half), seconds: sec ? Number(sec) : null, offset: null, index: m.index });
  }
  for (const m of text.matchAll(US_NUMERIC_DATE)) {
    const [, a, b, y, h, mi, sec, half] = m;
    const [first, second] = [Number(a), Number(b)];
    const [month, day] = first > 12 || (reading.dayFirst && second <= 12) ? [second, first] : [first, second];
    if (!valid(month, day)) continue;
    out.push({ text: m[0].trim(), year: Number(y), month, day, time: clock12(h, mi, half), seconds: sec ? Number(sec) : null, offset: null, index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * A Unix time as a China-time date ("1581517074" seconds, or 13 digits of milliseconds), between 2000 and 2100;
 * null for any other number. Script variables state publish times so (`var ct = "<epoch>"`).
 */
export function dateFromEpoch(value: string): DateMatch | null {
  if (!/^\d{10}(?:\d{3})?$/.test(value)) return null;
  const ms = value.length === 13 ? Number(value) : Number(value) * 1000;
  if (ms < EPOCH_MIN_MS || ms >= EPOCH_MAX_MS) return null;
  const china = new Date(ms + 8 * 3600_000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return {
    text: value, year: china.getUTCFullYear(), month: china.getUTCMonth() + 1, day: china.getUTCDate(),
    time: `${p2(china.getUTCHours())}:${p2(china.getUTCMinutes())}`, seconds: china.getUTCSeconds(), offset: '+08:00', index: 0,
  };
}
/** 2000-01-01 and 2100-01-01 UTC: the news era, no counter or id that happens to have 10 digits. */
const EPOCH_MIN_MS = Date.UTC(2000, 0, 1);
const EPOCH_MAX_MS = Date.UTC(2100, 0, 1);

/** Month-day dates with no year (12月15日), in order. A range 8月23日至24日 yields its first day. */
export function findMonthDayDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (const m of text.matchAll(LABELLED_MONTH_DAY)) {
    const [, mo, d, h, mi] = m;
    if (!valid(Number(mo), Number(d))) continue;
    out.push({ text: m[0].replace(/\s+/g, ' ').trim(), year: null, month: Number(mo), day: Number(d), time: hhmm(h, mi), seconds: null, offset: null, index: m.index });
  }
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
