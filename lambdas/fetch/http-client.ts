/**
 * The HTTP fetcher (undici 7). One call to `fetch` reads like the data path:
 *   1. URL guard (http(s) only, public addresses only, unless allowHosts)
 *   2. robots.txt for the URL's origin (cached; Crawl-delay raises the host's delay)
 *   3. the request, through the per-host gate (one in flight, delay between), retried with
 *      backoff on network errors / 408 / 429 / 5xx, honouring Retry-After
 *   4. a 3xx goes back to step 1 with the Location (hop limit, loop detection)
 *   5. 2xx: content-type check, body read with a size cap; 304: notModified
 * All of it inside one total deadline per fetch (deadline.ts): a trickling body, a server that
 * never sends headers or a long Retry-After cannot hold a fetch past it.
 * Every failure comes back as a FetchFailure; nothing is thrown.
 */
import type { Dispatcher } from 'undici';
import { request } from 'undici';
import { ErrorCode } from '../contract/errors.js';
import { createAgent } from './connector.js';
import { Deadline, FetchDeadlineError } from './deadline.js';
import { classifyError, failure, type ErrorClass } from './failures.js';
import { parseFetcherOptions, ROBOTS_MAX_BYTES, ROBOTS_MAX_REDIRECTS, type FetcherOptions, type FetcherOptionsInput } from './options.js';
import { HostGate } from './politeness.js';
import { readCappedBody } from './read-body.js';
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from './retry.js';
import { RobotsCache, type RobotsFetchResult } from './robots.js';
import type { ConditionalHeaders, FetchedPage, Fetcher, FetchOutcome } from './types.js';
import { checkUrl } from './url-guard.js';
import { productToken } from './user-agent.js';

// What we can read; anything else is refused as NOT_HTML after the headers.
const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1';
// The sites are Chinese; ask for the Chinese variant where a site negotiates.
const ACCEPT_LANGUAGE = 'zh-CN,zh;q=0.9,en;q=0.5';
// Compressed transfer is kinder to the sites; read-body.ts undoes these three.
const ACCEPT_ENCODING = 'gzip, deflate, br';
// Media types we accept: any text/*, XHTML, and XML (feeds, sitemaps). No Content-Type is accepted (normalize sniffs).
const ACCEPTED_MEDIA_TYPE = /^(text\/[a-z0-9.+-]+|application\/xhtml\+xml|application\/xml|application\/[a-z0-9.-]+\+xml)$/;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Attempt =
  | { type: 'page'; page: Omit<FetchedPage, 'requestedUrl' | 'attempts' | 'elapsedMs'> }
  | { type: 'redirect'; status: number; location: string }
  | { type: 'retry'; error: ErrorClass; status: number | null; retryAfterMs: number | null }
  | { type: 'fail'; error: ErrorClass; status: number | null };

type HopResult = Exclude<Attempt, { type: 'retry' }> & { attempts: number };

/** Creates a fetcher; options are validated (JsnewsError InvalidArgument on bad options). */
export function createHttpFetcher(options?: FetcherOptionsInput): Fetcher {
  return new HttpFetcher(parseFetcherOptions(options));
}

class HttpFetcher implements Fetcher {
  private readonly agent: Dispatcher & { close(): Promise<void> };
  private readonly gate: HostGate;
  private readonly robots: RobotsCache;
  private readonly robotsToken: string;

  constructor(private readonly options: FetcherOptions) {
    this.agent = createAgent(options);
    this.gate = new HostGate(options.politeness);
    this.robotsToken = options.robotsToken ?? productToken(options.userAgent);
    this.robots = new RobotsCache({
      token: this.robotsToken,
      ttlMs: options.robotsTtlMs,
      errorTtlMs: options.robotsErrorTtlMs,
      fetchRobots: (url) => this.fetchRobots(url),
    });
  }

  async fetch(url: string, conditional?: ConditionalHeaders, signal?: AbortSignal): Promise<FetchOutcome> {
    const started = Date.now();
    const deadline = new Deadline(this.deadlineFor(url));
    const stop = () => deadline.abort(signal?.reason instanceof Error ? signal.reason : new Error('fetch stopped by its caller'));
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      return await this.follow(url, conditional ?? {}, started, deadline);
    } catch (err) {
      // A bug, not a network fact: still returned, never thrown, per the contract.
      return failure({ requestedUrl: url, finalUrl: null, code: ErrorCode.Internal, reason: `unexpected: ${(err as Error).message}`, retryable: false, attempts: 0 });
    } finally {
      signal?.removeEventListener('abort', stop);
      deadline.dispose();
    }
  }

  private deadlineFor(url: string): number {
    let host = '';
    try {
      host = new URL(url).host;
    } catch {
      // the URL guard refuses it below
    }
    return this.options.hostDeadlineMs[host] ?? this.options.deadlineMs;
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  politeDelayMs(url: string): number {
    return this.options.politeness ? this.delayFor(url) : 0;
  }

  /** Steps 1-5 for each hop of a redirect chain. */
  private async follow(requestedUrl: string, conditional: ConditionalHeaders, started: number, deadline: Deadline): Promise<FetchOutcome> {
    const visited = new Set<string>();
    let current = requestedUrl;
    let attempts = 0;
    for (let hop = 0; ; hop++) {
      const fail = (error: ErrorClass, status: number | null = null) =>
        failure({ requestedUrl, finalUrl: current, ...error, status, attempts });
      const guard = await checkUrl(current, { allowHosts: this.options.allowHosts, resolve: this.options.resolve });
      if (!guard.ok) return fail(guard);
      visited.add(guard.url.toString());
      if (this.options.respectRobots) {
        const decision = await this.robots.check(current);
        if (!decision.allowed) return fail(decision);
      }
      if (deadline.passed) return fail(deadlineError(deadline));
      const result = await this.requestWithRetries(current, conditional, deadline);
      attempts += result.attempts;
      if (result.type === 'fail') return fail(result.error, result.status);
      if (result.type === 'page') {
        return { ...result.page, requestedUrl, attempts, elapsedMs: Date.now() - started };
      }
      const next = new URL(result.location, current).toString();
      if (visited.has(next)) {
        return fail({ code: ErrorCode.TooManyRedirects, reason: `redirect loop: ${current} → ${next}`, retryable: false }, result.status);
      }
      if (hop >= this.options.maxRedirects) {
        return fail({ code: ErrorCode.TooManyRedirects, reason: `more than ${this.options.maxRedirects} redirects`, retryable: false }, result.status);
      }
      current = next;
    }
  }

  /** Step 3: one hop, retried while the failure is retryable and attempts remain. */
  private async requestWithRetries(url: string, conditional: ConditionalHeaders, deadline: Deadline): Promise<HopResult> {
    const host = new URL(url).host;
    for (let attempt = 1; ; attempt++) {
      const result = await this.gate.run(host, () => this.delayFor(url), () => this.attempt(url, conditional, deadline));
      if (result.type !== 'retry') return { ...result, attempts: attempt };
      if (deadline.passed) return { type: 'fail', error: deadlineError(deadline, result.error), status: result.status, attempts: attempt };
      const { retryAfterMs } = result;
      if (retryAfterMs !== null && retryAfterMs > this.options.maxRetryAfterMs) {
        const error = { ...result.error, reason: `${result.error.reason}; Retry-After ${Math.round(retryAfterMs / 1000)} s exceeds the ${this.options.maxRetryAfterMs / 1000} s cap` };
        return { type: 'fail', error, status: result.status, attempts: attempt };
      }
      if (attempt >= this.options.maxAttempts) {
        const error = { ...result.error, reason: `${result.error.reason} after ${attempt} attempts` };
        return { type: 'fail', error, status: result.status, attempts: attempt };
      }
      const waitMs = retryAfterMs ?? backoffDelayMs(attempt, this.options.backoffBaseMs, this.options.backoffMaxMs);
      if (waitMs >= deadline.remainingMs()) {
        // Waiting would end past the deadline: give up now (retryable) rather than sleep for nothing.
        const what = retryAfterMs !== null ? `Retry-After ${Math.round(retryAfterMs / 1000)} s` : `backoff ${Math.round(waitMs / 1000)} s`;
        const error = { ...result.error, reason: `${result.error.reason}; ${what} ends past the ${deadline.budgetMs / 1000} s fetch deadline` };
        return { type: 'fail', error, status: result.status, attempts: attempt };
      }
      this.gate.defer(host, Date.now() + waitMs);
      await deadline.sleep(waitMs);
    }
  }

  /** The host's delay: configured (per host or default), raised by robots.txt Crawl-delay (capped). */
  private delayFor(url: string): number {
    const u = new URL(url);
    // Sources list hosts without a port; a site served on a port still gets its source's delay.
    const configured = this.options.hostDelayMs[u.host] ?? this.options.hostDelayMs[u.hostname] ?? this.options.delayMs;
    const crawlDelay = this.robots.crawlDelayMs(u.origin) ?? 0;
    return Math.max(configured, Math.min(crawlDelay, this.options.maxCrawlDelayMs));
  }

  private headersFor(conditional: ConditionalHeaders): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: ACCEPT,
      'accept-language': ACCEPT_LANGUAGE,
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    return headers;
  }

  /** One request and its body, inside the host gate. */
  private async attempt(url: string, conditional: ConditionalHeaders, deadline: Deadline): Promise<Attempt> {
    deadline.start();
    let response: Dispatcher.ResponseData;
    try {
      if (deadline.passed) throw new FetchDeadlineError(deadline.budgetMs);
      response = await request(url, { dispatcher: this.agent, method: 'GET', headers: this.headersFor(conditional), signal: deadline.signal });
    } catch (err) {
      if (deadline.passed) return { type: 'fail', error: deadlineError(deadline), status: null };
      const error = classifyError(err);
      return error.retryable ? { type: 'retry', error, status: null, retryAfterMs: null } : { type: 'fail', error, status: null };
    }
    const { statusCode: status, body } = response;
    const headers = flattenHeaders(response.headers);
    if (REDIRECT_STATUSES.has(status) && headers['location']) {
      await discard(body);
      return { type: 'redirect', status, location: headers['location'] };
    }
    if (status === 304) {
      await discard(body);
      return { type: 'page', page: pageOf(url, status, headers, new Uint8Array(0), true) };
    }
    if (status < 200 || status > 299) {
      await discard(body);
      const error = { code: ErrorCode.HttpStatus, reason: `HTTP ${status}`, retryable: isRetryableStatus(status) };
      if (!error.retryable) return { type: 'fail', error, status };
      return { type: 'retry', error, status, retryAfterMs: parseRetryAfterMs(headers['retry-after']) };
    }
    return this.readPage(url, status, headers, body, deadline);
  }

  private async readPage(url: string, status: number, headers: Record<string, string>, body: Dispatcher.ResponseData['body'], deadline: Deadline): Promise<Attempt> {
    const { mediaType } = parseContentType(headers['content-type']);
    if (mediaType && !ACCEPTED_MEDIA_TYPE.test(mediaType)) {
      abort(body);
      return { type: 'fail', error: { code: ErrorCode.NotHtml, reason: `content-type ${mediaType} is not HTML or text`, retryable: false }, status };
    }
    const declared = Number(headers['content-length']);
    if (!headers['content-encoding'] && Number.isFinite(declared) && declared > this.options.maxBodyBytes) {
      abort(body);
      return { type: 'fail', error: { code: ErrorCode.TooLarge, reason: `content-length ${declared} exceeds the ${this.options.maxBodyBytes}-byte cap`, retryable: false }, status };
    }
    try {
      const bytes = await readCappedBody(body, headers['content-encoding'], this.options.maxBodyBytes);
      return { type: 'page', page: pageOf(url, status, headers, bytes, false) };
    } catch (err) {
      if (deadline.passed) return { type: 'fail', error: deadlineError(deadline), status };
      const error = classifyError(err);
      return error.retryable ? { type: 'retry', error, status, retryAfterMs: null } : { type: 'fail', error, status };
    }
  }

  /** robots.txt with the RFC 9309 status rules; redirects followed, each hop guarded. */
  private async fetchRobots(robotsUrl: string): Promise<RobotsFetchResult> {
    let current = robotsUrl;
    for (let hop = 0; hop <= ROBOTS_MAX_REDIRECTS; hop++) {
      const guard = await checkUrl(current, { allowHosts: this.options.allowHosts, resolve: this.options.resolve });
      if (!guard.ok) return { kind: 'disallow-all', reason: guard.reason };
      const host = guard.url.host;
      const result = await this.gate.run(host, () => this.delayFor(current), () => this.robotsAttempt(current));
      if (result.kind !== 'redirect') return result;
      current = new URL(result.location, current).toString();
    }
    return { kind: 'disallow-all', reason: `more than ${ROBOTS_MAX_REDIRECTS} redirects` };
  }

  private async robotsAttempt(url: string): Promise<RobotsFetchResult | { kind: 'redirect'; location: string }> {
    // robots.txt is shared by every URL of the origin, so it gets its own deadline of the same length.
    const deadline = new Deadline(this.deadlineFor(url));
    deadline.start();
    try {
      const response = await request(url, { dispatcher: this.agent, method: 'GET', headers: this.headersFor({}), signal: deadline.signal });
      const headers = flattenHeaders(response.headers);
      const status = response.statusCode;
      if (status >= 200 && status <= 299) {
        const bytes = await readCappedBody(response.body, headers['content-encoding'], ROBOTS_MAX_BYTES, true);
        return { kind: 'parse', text: new TextDecoder('utf-8').decode(bytes) };
      }
      await discard(response.body);
      if (REDIRECT_STATUSES.has(status) && headers['location']) return { kind: 'redirect', location: headers['location'] };
      if (status >= 400 && status <= 499) return { kind: 'allow-all', reason: `HTTP ${status}` };
      return { kind: 'disallow-all', reason: `HTTP ${status}` };
    } catch (err) {
      return { kind: 'disallow-all', reason: deadline.passed ? deadlineError(deadline).reason : classifyError(err).reason };
    } finally {
      deadline.dispose();
    }
  }
}

/** The failure of a fetch whose deadline passed; retryable (the next run tries again). */
function deadlineError(deadline: Deadline, last?: ErrorClass): ErrorClass {
  const after = last ? ` (last: ${last.reason})` : '';
  const why = deadline.reason && !(deadline.reason instanceof FetchDeadlineError) ? deadline.reason.message : `fetch deadline of ${deadline.budgetMs / 1000} s passed`;
  return { code: ErrorCode.FetchTimeout, reason: `${why}${after}`, retryable: true };
}

function pageOf(url: string, status: number, headers: Record<string, string>, body: Uint8Array, notModified: boolean): Extract<Attempt, { type: 'page' }>['page'] {
  const { mediaType, charset } = parseContentType(headers['content-type']);
  return { kind: 'page', finalUrl: url, status, headers, body, headerCharset: charset, contentType: mediaType, fetchedAt: new Date().toISOString(), notModified };
}

/** `text/html; charset="GBK"` → { mediaType: 'text/html', charset: 'gbk' }. */
export function parseContentType(value: string | undefined): { mediaType: string | null; charset: string | null } {
  if (!value) return { mediaType: null, charset: null };
  const [type, ...params] = value.split(';');
  const mediaType = (type ?? '').trim().toLowerCase() || null;
  const charsetParam = params.map((p) => p.trim()).find((p) => /^charset=/i.test(p));
  const charset = charsetParam ? charsetParam.slice('charset='.length).trim().replace(/^["']|["']$/g, '').toLowerCase() || null : null;
  return { mediaType, charset };
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

// Bodies we do not keep (errors, redirects) are read up to this much to keep the connection reusable.
const DISCARD_LIMIT_BYTES = 64 * 1024;

async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: DISCARD_LIMIT_BYTES });
  } catch {
    abort(body); // the connection is dropped; nothing else to do with an error body
  }
}

/** Drops a body we will not read (the connection is closed). The abort it causes is expected, not an error. */
function abort(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}
