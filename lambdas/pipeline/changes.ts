/**
 * Change tracking, the pure core: what one observation of an article URL means, decided on the
 * normalized record and never on raw bytes (ads, clocks, view counters and related-link lists are
 * dropped by the normalizer, so they never count as a change).
 *
 *   observe: a fetch outcome (+ the record normalized from it, or the reason there is none) → Observation
 *   decideChange: the tracked state + an Observation + now → the next state and, maybe, a change
 *
 * Kinds: `edited` (title, body paragraphs, publish date or credits differ; `fields` says which),
 * `deleted` (404/410, a redirect to a home / list / search page, or a 200 "soft 404"), `restored`
 * (back after a deletion). A fetch failure (timeout, 5xx, DNS) is not an observation of the article
 * at all. A deletion is reported only once it is seen twice, at least `confirmDeletionAfterMs` apart.
 */
import { sha256Hex } from '../contract/hashing.js';
import type { NewsRecord } from '../contract/record.js';
import { DEFAULT_CONFIRM_DELETION_AFTER_HOURS } from '../sites/sources-schema.js';

export type ChangeKind = 'edited' | 'deleted' | 'restored';

/** The record fields whose difference is an edit. Everything else (figures, people, region, quality) is derived from these. */
export const TRACKED_FIELDS = ['title', 'paragraphs', 'publishedAt', 'authors', 'editors', 'photographers'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

/** The part of a record a version is made of. */
export type TrackedContent = Pick<NewsRecord, TrackedField>;

export function trackedContent(record: TrackedContent): TrackedContent {
  return {
    title: record.title,
    paragraphs: [...record.paragraphs],
    publishedAt: record.publishedAt,
    authors: [...record.authors],
    editors: [...record.editors],
    photographers: [...record.photographers],
  };
}

/**
 * Identity of a normalized version: sha256 of the tracked fields in a fixed order. Two fetches with
 * the same hash are the same version, whatever their bytes.
 */
export function versionHash(record: TrackedContent): string {
  const c = trackedContent(record);
  return sha256Hex(JSON.stringify(TRACKED_FIELDS.map((f) => c[f])));
}

/** What changed in one field, in words a reader can scan (the full diff is `jsnews diff`). */
export interface FieldChange {
  field: TrackedField;
  summary: string;
}

/** Per-field summary of two versions; empty when they are the same version. */
export function compareVersions(before: TrackedContent, after: TrackedContent): FieldChange[] {
  const out: FieldChange[] = [];
  if (before.title !== after.title) out.push({ field: 'title', summary: `"${before.title}" → "${after.title}"` });
  const p = paragraphChanges(before.paragraphs, after.paragraphs);
  if (p) out.push({ field: 'paragraphs', summary: p });
  if (before.publishedAt !== after.publishedAt) out.push({ field: 'publishedAt', summary: `${before.publishedAt ?? 'none'} → ${after.publishedAt ?? 'none'}` });
  for (const field of ['authors', 'editors', 'photographers'] as const) {
    const a = before[field].join('、');
    const b = after[field].join('、');
    if (a !== b) out.push({ field, summary: `${a || 'none'} → ${b || 'none'}` });
  }
  return out;
}

/** "1 of 11 paragraphs changed", "2 added, 1 removed": counted on the multiset of paragraphs, not positions. */
function paragraphChanges(before: readonly string[], after: readonly string[]): string | null {
  if (before.length === after.length && before.every((p, i) => p === after[i])) return null;
  const left = new Map<string, number>();
  for (const p of before) left.set(p, (left.get(p) ?? 0) + 1);
  let kept = 0;
  for (const p of after) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      left.set(p, n - 1);
      kept++;
    }
  }
  const removed = before.length - kept;
  const added = after.length - kept;
  if (removed === 0 && added === 0) return `paragraphs reordered (${after.length})`;
  const changed = Math.min(removed, added);
  const parts: string[] = [];
  if (changed) parts.push(`${changed} of ${before.length} paragraphs changed`);
  if (added > changed) parts.push(`${added - changed} added`);
  if (removed > changed) parts.push(`${removed - changed} removed`);
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------
// Deletion signals

/**
 * Phrases a "page not found / taken down" notice uses, in Simplified and Traditional. Checked on
 * common CMS error pages (TRS WCM "信息不存在或已被删除", PHPCMS "信息已过期", DedeCMS
 * "文档不存在或已被删除", government sites' "页面找不到了", "您访问的页面不存在", "该信息已撤稿")
 * and on the replay tree's jinshanwang notice. A general vocabulary: none of these is keyed to a site.
 * A phrase alone is not enough (an article may quote "已删除"): see SOFT_404_MAX_BODY_CHARS.
 */
export const SOFT_404_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'does-not-exist', pattern: /(信息|文章|页面|頁面|网页|網頁|内容|內容|稿件|新闻|新聞|文档|文檔|资源|資源)?(已经|已經)?不存在/ },
  { name: 'deleted', pattern: /(已|已经|已經|被)(被)?(删除|刪除|撤稿|撤回|撤销|撤銷|下线|下線)/ },
  { name: 'not-found', pattern: /(页面|頁面|网页|網頁|文章|信息)(找不到|未找到|无法找到|無法找到)|找不到(该|該|您要的|您访问的|您訪問的)?(页面|頁面|网页|網頁|文章|信息)/ },
  { name: 'expired', pattern: /(信息|内容|內容|页面|頁面|文章)(已)?(过期|過期|失效)/ },
  { name: 'cannot-view', pattern: /(无法|無法|不能)(查看|访问|訪問|浏览|瀏覽)(该|該|此)?(信息|文章|页面|頁面|内容|內容)/ },
  { name: 'http-404', pattern: /\b404\b.{0,20}(not found|找不到|不存在)|^\s*404\s*$/i },
];

/**
 * A page longer than this (body characters of the extracted article) that mentions deletion is an
 * article about deletion, not a notice: the notices seen are one or two lines (≤ 60 characters), the
 * shortest seed article body is over 400.
 */
export const SOFT_404_MAX_BODY_CHARS = 200;

/**
 * The text a reader sees on an HTML page, roughly: scripts, styles and comments dropped, tags turned
 * into spaces. Only the soft-404 check reads it (the normalizer's record may hold nothing of a notice
 * page but its navigation), so rough is enough.
 */
export function visibleText(html: string): string {
  return html
    .replace(/<!--[^]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[^]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Name of the first notice phrase the text contains, or null. */
export function soft404Phrase(text: string): string | null {
  for (const p of SOFT_404_PATTERNS) if (p.pattern.test(text)) return p.name;
  return null;
}

/**
 * Where a redirect lands when the article is gone: the site's home, a channel index (a folder path,
 * index.html / default.aspx ...), or a search page. Checked on redirect targets of removed articles
 * seen on TRS/PHPCMS/DedeCMS sites (`/`, `/index.html`, `/news/`, `/search?...`).
 */
export const GONE_REDIRECT_PATH = /^\/(?:[^?#]*\/)?(?:(?:index|default|home|list)(?:_\d+)?\.(?:s?html?|php|aspx?|jsp))?$/i;
export const SEARCH_REDIRECT = /(^|\/)(search|so|query)(\/|\.|$)|[?&](q|kw|keyword|keywords|wd|query|searchword)=/i;
/** HTTP statuses that say the article is gone. */
export const GONE_STATUSES: readonly number[] = [404, 410];

/** True when a redirect from an article URL lands on a home, list or search page (not on another article). */
export function isGoneRedirect(requestedUrl: string, finalUrl: string): boolean {
  if (requestedUrl === finalUrl) return false;
  let from: URL;
  let to: URL;
  try {
    from = new URL(requestedUrl);
    to = new URL(finalUrl);
  } catch {
    return false;
  }
  if (from.pathname === to.pathname && from.search === to.search) return false;
  return SEARCH_REDIRECT.test(to.pathname + to.search) || (to.search === '' && GONE_REDIRECT_PATH.test(to.pathname));
}

// ---------------------------------------------------------------------------------------------
// Observations

export type Observation =
  /** The article as normalized now. */
  | { kind: 'article'; content: TrackedContent; hash: string }
  /** 304, or the very bytes of last time: the article is there, unchanged. */
  | { kind: 'same' }
  /** The article is gone, by this signal. */
  | { kind: 'gone'; reason: 'status' | 'redirect' | 'soft-404'; detail: string }
  /** Nothing can be said about the article (timeout, 5xx, DNS, robots, a page that is neither). */
  | { kind: 'unknown'; detail: string };

/** What the fetch and the normalizer said about one URL, as observeFetch needs it. */
export type FetchFacts =
  | { kind: 'failure'; status: number | null; code: string; reason: string; finalUrl?: string | null }
  | { kind: 'not-modified' }
  | {
      kind: 'page';
      requestedUrl: string;
      finalUrl: string;
      status: number;
      /** The normalized record, or null when the normalizer found no article. */
      record: TrackedContent | null;
      /** Visible text of the page (title and body text), for the soft-404 phrases. */
      pageText: string;
    };

export function observeFetch(facts: FetchFacts): Observation {
  if (facts.kind === 'not-modified') return { kind: 'same' };
  if (facts.kind === 'failure') {
    if (facts.status !== null && GONE_STATUSES.includes(facts.status)) return { kind: 'gone', reason: 'status', detail: `HTTP ${facts.status}` };
    return { kind: 'unknown', detail: facts.reason };
  }
  if (GONE_STATUSES.includes(facts.status)) return { kind: 'gone', reason: 'status', detail: `HTTP ${facts.status}` };
  if (isGoneRedirect(facts.requestedUrl, facts.finalUrl)) return { kind: 'gone', reason: 'redirect', detail: `redirected to ${facts.finalUrl}` };
  const record = facts.record;
  const bodyChars = record ? record.paragraphs.reduce((n, p) => n + p.length, 0) : 0;
  if (!record || bodyChars <= SOFT_404_MAX_BODY_CHARS) {
    const phrase = soft404Phrase([record?.title ?? '', ...(record?.paragraphs ?? []), facts.pageText].join('\n'));
    if (phrase) return { kind: 'gone', reason: 'soft-404', detail: `notice page (${phrase})` };
  }
  if (!record) return { kind: 'unknown', detail: 'no article on the page' };
  return { kind: 'article', content: trackedContent(record), hash: versionHash(record) };
}

// ---------------------------------------------------------------------------------------------
// The decision

/** Default gap between the two sightings that confirm a deletion (sources-schema.ts: one hour). */
export const DEFAULT_CONFIRM_DELETION_AFTER_MS = DEFAULT_CONFIRM_DELETION_AFTER_HOURS * 60 * 60 * 1000;

/** What is remembered per tracked article between observations. */
export interface TrackState {
  status: 'live' | 'deleted';
  /** versionHash of the current version. */
  hash: string;
  /** First time the current "gone" streak was seen; null when the last observation was not "gone". */
  goneSince: string | null;
  goneDetail: string | null;
}

export interface DetectedChange {
  kind: ChangeKind;
  detectedAt: string;
  fields: FieldChange[];
  /** For deletions: what was seen (HTTP 404, redirect target, notice page) and since when. */
  detail?: string;
  firstSeenAt?: string;
}

export interface Decision {
  state: TrackState;
  change: DetectedChange | null;
  /** The observation brought a new version (edited, or restored with other content). */
  newVersion: boolean;
  /** The state differs from the one passed in (something to write). */
  stateChanged: boolean;
}

export interface DecideOptions {
  confirmDeletionAfterMs?: number;
  /** Needed to summarise an edit: the current version's content (read only when the hash differs). */
  previous?: TrackedContent | null;
}

export function decideChange(state: TrackState, obs: Observation, now: Date, options: DecideOptions = {}): Decision {
  const confirmMs = options.confirmDeletionAfterMs ?? DEFAULT_CONFIRM_DELETION_AFTER_MS;
  const at = now.toISOString();
  const unchanged: Decision = { state, change: null, newVersion: false, stateChanged: false };
  switch (obs.kind) {
    case 'unknown':
      return unchanged;
    case 'same':
    case 'article': {
      const differs = obs.kind === 'article' && obs.hash !== state.hash;
      const next: TrackState = { status: 'live', hash: obs.kind === 'article' ? obs.hash : state.hash, goneSince: null, goneDetail: null };
      const fields = differs && options.previous ? compareVersions(options.previous, obs.content) : [];
      const stateChanged = next.status !== state.status || next.hash !== state.hash || state.goneSince !== null;
      if (state.status === 'deleted') return { state: next, change: { kind: 'restored', detectedAt: at, fields }, newVersion: differs, stateChanged };
      if (differs) return { state: next, change: { kind: 'edited', detectedAt: at, fields }, newVersion: true, stateChanged };
      return { state: next, change: null, newVersion: false, stateChanged };
    }
    case 'gone': {
      if (state.status === 'deleted') return unchanged;
      if (state.goneSince === null) return { state: { ...state, goneSince: at, goneDetail: obs.detail }, change: null, newVersion: false, stateChanged: true };
      if (now.getTime() - Date.parse(state.goneSince) < confirmMs) return unchanged;
      return {
        state: { ...state, status: 'deleted', goneSince: null, goneDetail: null },
        change: { kind: 'deleted', detectedAt: at, fields: [], detail: obs.detail, firstSeenAt: state.goneSince },
        newVersion: false,
        stateChanged: true,
      };
    }
  }
}
