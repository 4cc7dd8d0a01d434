/**
 * robots.txt per origin, fetched once and cached, with the RFC 9309 status rules:
 *   2xx → parse; 3xx → followed by the fetcher (up to 5 hops); 4xx → allow all;
 *   5xx or unreachable → disallow all, and fetched again after `errorTtlMs`.
 * Concurrent callers for one origin share one fetch.
 */
import robotsParserModule from 'robots-parser';
import { ErrorCode, type ErrorCodeValue } from '../contract/errors.js';

// robots-parser is CommonJS (`module.exports = function`); its typings declare an ES default export,
// so under NodeNext the default import is typed as the namespace. At run time it is the function.
type RobotsParser = typeof robotsParserModule.default;
const robotsParser: RobotsParser =
  (robotsParserModule as unknown as { default?: RobotsParser }).default ?? (robotsParserModule as unknown as RobotsParser);

/** What fetching /robots.txt gave, already classified by the fetcher. */
export type RobotsFetchResult =
  | { kind: 'parse'; text: string }
  | { kind: 'allow-all'; reason: string }
  | { kind: 'disallow-all'; reason: string };

export type RobotsDecision =
  | { allowed: true; crawlDelayMs: number | null }
  | { allowed: false; code: ErrorCodeValue; reason: string; retryable: boolean };

interface Entry {
  expiresAt: number;
  decide: (url: string) => RobotsDecision;
}

export interface RobotsCacheOptions {
  /** Product token matched against `User-agent:` lines, e.g. "jsnews". */
  token: string;
  /** How long a fetched robots.txt is trusted (RFC 9309: should not exceed 24 h). */
  ttlMs: number;
  /** How long "disallow all" after a 5xx / unreachable robots.txt lasts before trying again. */
  errorTtlMs: number;
  /** Fetches `${origin}/robots.txt` and classifies the response. */
  fetchRobots: (robotsUrl: string) => Promise<RobotsFetchResult>;
  now?: () => number;
}

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private readonly now: () => number;

  constructor(private readonly options: RobotsCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether our token may fetch `url`, and the Crawl-delay that applies. */
  async check(url: string): Promise<RobotsDecision> {
    const origin = new URL(url).origin;
    const entry = await this.entryFor(origin);
    return entry.decide(url);
  }

  /** The cached Crawl-delay for an origin, if its robots.txt was fetched. */
  crawlDelayMs(origin: string): number | null {
    const decision = this.entries.get(origin)?.decide(`${origin}/`);
    return decision && decision.allowed ? decision.crawlDelayMs : null;
  }

  private async entryFor(origin: string): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > this.now()) return cached;
    let pending = this.pending.get(origin);
    if (!pending) {
      pending = this.load(origin).finally(() => this.pending.delete(origin));
      this.pending.set(origin, pending);
    }
    return pending;
  }

  private async load(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    const result = await this.options.fetchRobots(robotsUrl);
    const entry = this.toEntry(robotsUrl, result);
    this.entries.set(origin, entry);
    return entry;
  }

  private toEntry(robotsUrl: string, result: RobotsFetchResult): Entry {
    const now = this.now();
    if (result.kind === 'allow-all') {
      return { expiresAt: now + this.options.ttlMs, decide: () => ({ allowed: true, crawlDelayMs: null }) };
    }
    if (result.kind === 'disallow-all') {
      const reason = `robots.txt unavailable (${result.reason}): disallow all until it can be fetched`;
      return { expiresAt: now + this.options.errorTtlMs, decide: () => ({ allowed: false, code: ErrorCode.RobotsDisallowed, reason, retryable: true }) };
    }
    const robots = robotsParser(robotsUrl, result.text);
    const token = this.options.token;
    const delaySeconds = robots.getCrawlDelay(token);
    const crawlDelayMs = typeof delaySeconds === 'number' && Number.isFinite(delaySeconds) && delaySeconds > 0 ? delaySeconds * 1000 : null;
    return {
      expiresAt: now + this.options.ttlMs,
      decide: (url) => {
        // isAllowed is undefined for a URL of another origin: that robots.txt does not govern it.
        if (robots.isAllowed(url, token) === false) {
          const line = robots.getMatchingLineNumber(url, token);
          const path = new URL(url).pathname;
          return { allowed: false, code: ErrorCode.RobotsDisallowed, reason: `robots.txt disallows ${path} for ${token} (line ${line})`, retryable: false };
        }
        return { allowed: true, crawlDelayMs };
      },
    };
  }
}
