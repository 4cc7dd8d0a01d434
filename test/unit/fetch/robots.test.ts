import { describe, expect, it } from 'vitest';
import { RobotsCache, type RobotsFetchResult } from '../../../lambdas/fetch/robots.js';

function cache(results: RobotsFetchResult[], opts: { errorTtlMs?: number; now?: () => number } = {}) {
  const calls: string[] = [];
  const robots = new RobotsCache({
    token: 'jsnews',
    ttlMs: 24 * 3600_000,
    errorTtlMs: opts.errorTtlMs ?? 600_000,
    now: opts.now,
    fetchRobots: async (url) => {
      calls.push(url);
      return results[Math.min(calls.length - 1, results.length - 1)]!;
    },
  });
  return { robots, calls };
}

describe('RobotsCache', () => {
  it('fetches once per origin, even for concurrent callers', async () => {
    const { robots, calls } = cache([{ kind: 'parse', text: 'User-agent: *\nDisallow: /private/\n' }]);
    const decisions = await Promise.all(['http://a.example/x', 'http://a.example/private/y', 'http://a.example/z'].map((u) => robots.check(u)));
    expect(decisions.map((d) => d.allowed)).toEqual([true, false, true]);
    expect(calls).toEqual(['http://a.example/robots.txt']);
    await robots.check('https://a.example/x'); // another origin (scheme)
    expect(calls).toHaveLength(2);
  });

  it('uses our group over *, and reports the Crawl-delay for it', async () => {
    const { robots } = cache([{ kind: 'parse', text: 'User-agent: *\nDisallow: /\n\nUser-agent: jsnews\nDisallow: /tmp/\nCrawl-delay: 3\n' }]);
    expect(await robots.check('http://a.example/news/1.html')).toEqual({ allowed: true, crawlDelayMs: 3000 });
    expect(await robots.check('http://a.example/tmp/x')).toMatchObject({ allowed: false, code: 'ROBOTS_DISALLOWED', retryable: false });
    expect(robots.crawlDelayMs('http://a.example')).toBe(3000);
  });

  it('4xx: allow all; 5xx/unreachable: disallow all (retryable) until the error TTL passes', async () => {
    let t = 0;
    const { robots, calls } = cache([{ kind: 'disallow-all', reason: 'HTTP 503' }, { kind: 'allow-all', reason: 'HTTP 404' }], { errorTtlMs: 1000, now: () => t });
    expect(await robots.check('http://b.example/x')).toMatchObject({ allowed: false, retryable: true });
    t = 500;
    expect(await robots.check('http://b.example/x')).toMatchObject({ allowed: false });
    expect(calls).toHaveLength(1);
    t = 1001;
    expect(await robots.check('http://b.example/x')).toMatchObject({ allowed: true });
    expect(calls).toHaveLength(2);
  });
});
