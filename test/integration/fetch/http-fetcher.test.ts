/**
 * The HTTP fetcher against a real node:http server on 127.0.0.1 (port 0). Spacing and overlap
 * are checked on the server's log (arrival/end of each request), never on our own timings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpFetcher, type FetcherOptionsInput } from '../../../lambdas/fetch/index.js';
import type { Fetcher, FetchedPage, FetchFailure, FetchOutcome } from '../../../lambdas/fetch/types.js';
import { gapsMs, html, noOverlap, startTestServer, type Route, type TestServer } from './helpers/test-server.js';

// Server clock (performance) vs our gate (Date.now, 1 ms resolution): allow that much rounding.
const CLOCK_GRANULARITY_MS = 1;
// Fast retries for tests: the backoff shape is unit-tested in retry.test.ts.
const FAST: FetcherOptionsInput = { allowHosts: ['127.0.0.1'], delayMs: 0, backoffBaseMs: 5, backoffMaxMs: 20 };

let server: TestServer | undefined;
let fetcher: Fetcher | undefined;
afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  fetcher = undefined;
  server = undefined;
});

async function setup(routes: Record<string, Route>, options: FetcherOptionsInput = {}): Promise<{ s: TestServer; f: Fetcher }> {
  server = await startTestServer(routes);
  fetcher = createHttpFetcher({ ...FAST, ...options });
  return { s: server, f: fetcher };
}

function asPage(o: FetchOutcome): FetchedPage {
  if (o.kind !== 'page') throw new Error(`expected a page, got ${o.code}: ${o.reason}`);
  return o;
}
function asFailure(o: FetchOutcome): FetchFailure {
  if (o.kind !== 'failure') throw new Error(`expected a failure, got HTTP ${o.status}`);
  return o;
}

describe('createHttpFetcher', () => {
  it('fetches a page with its bytes, charset, headers and our User-Agent', async () => {
    const { s, f } = await setup({ '/a.html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=GBK', etag: '"e1"' }).end(Buffer.from([0xc4, 0xe3])) });
    const page = asPage(await f.fetch(`${s.origin}/a.html`));
    expect(page.status).toBe(200);
    expect([...page.body]).toEqual([0xc4, 0xe3]);
    expect(page.headerCharset).toBe('gbk');
    expect(page.contentType).toBe('text/html');
    expect(page.headers['etag']).toBe('"e1"');
    expect(page.attempts).toBe(1);
    expect(page.notModified).toBe(false);
    expect(s.requestsTo('/a.html')[0]!.headers['user-agent']).toMatch(/^jsnews\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/jsnews; contact via README\)$/);
  });

  it('retries a 503 and succeeds; counts attempts', async () => {
    const { s, f } = await setup({ '/flaky': (_q, res, n) => (n < 2 ? res.writeHead(503).end() : html('<p>ok</p>')(_q, res, n)) });
    const page = asPage(await f.fetch(`${s.origin}/flaky`));
    expect(page.attempts).toBe(3);
    expect(s.requestsTo('/flaky').map((e) => e.status)).toEqual([503, 503, 200]);
  });

  it('gives up after maxAttempts on a persistent 503, retryable', async () => {
    const { s, f } = await setup({ '/down': (_q, res) => res.writeHead(503).end() }, { maxAttempts: 2 });
    const fail = asFailure(await f.fetch(`${s.origin}/down`));
    expect(fail).toMatchObject({ code: 'HTTP_STATUS', status: 503, retryable: true, attempts: 2 });
    expect(fail.reason).toBe('HTTP 503 after 2 attempts');
    expect(s.requestsTo('/down')).toHaveLength(2);
  });

  it('honours Retry-After (seconds) between attempts, measured on the server', async () => {
    const { s, f } = await setup({ '/busy': (_q, res, n) => (n === 0 ? res.writeHead(429, { 'retry-after': '1' }).end() : html('ok')(_q, res, n)) });
    asPage(await f.fetch(`${s.origin}/busy`));
    const [gap] = gapsMs(s.requestsTo('/busy'));
    expect(gap).toBeGreaterThanOrEqual(1000 - CLOCK_GRANULARITY_MS);
  });

  it('does not wait for a Retry-After beyond the cap: fails retryable at once', async () => {
    const { s, f } = await setup({ '/later': (_q, res) => res.writeHead(503, { 'retry-after': '3600' }).end() }, { maxRetryAfterMs: 5000 });
    const fail = asFailure(await f.fetch(`${s.origin}/later`));
    expect(fail).toMatchObject({ code: 'HTTP_STATUS', retryable: true, attempts: 1 });
    expect(fail.reason).toContain('Retry-After 3600 s exceeds');
  });

  it('does not retry a 404', async () => {
    const { s, f } = await setup({});
    const fail = asFailure(await f.fetch(`${s.origin}/missing`));
    expect(fail).toMatchObject({ code: 'HTTP_STATUS', status: 404, retryable: false, attempts: 1 });
    expect(s.requestsTo('/missing')).toHaveLength(1);
  });

  it('refuses a robots.txt-disallowed path without requesting it', async () => {
    const robots: Route = (_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n\nUser-agent: jsnews\nDisallow: /nojsnews/\n');
    const { s, f } = await setup({ '/robots.txt': robots, '/private/x': html('secret'), '/nojsnews/y': html('no'), '/open': html('ok') });
    expect(asFailure(await f.fetch(`${s.origin}/nojsnews/y`))).toMatchObject({ code: 'ROBOTS_DISALLOWED', retryable: false, attempts: 0 });
    // Our group (jsnews) replaces the * group: /private/ is allowed for us.
    asPage(await f.fetch(`${s.origin}/private/x`));
    asPage(await f.fetch(`${s.origin}/open`));
    expect(s.requestsTo('/nojsnews/y')).toHaveLength(0);
    expect(s.requestsTo('/robots.txt')).toHaveLength(1);
  });

  it('treats a 5xx robots.txt as disallow-all (retryable), and a 404 robots.txt as allow-all', async () => {
    const { s, f } = await setup({ '/robots.txt': (_q, res) => res.writeHead(500).end(), '/page': html('ok') });
    const fail = asFailure(await f.fetch(`${s.origin}/page`));
    expect(fail).toMatchObject({ code: 'ROBOTS_DISALLOWED', retryable: true });
    expect(s.requestsTo('/page')).toHaveLength(0);
    await fetcher!.close();
    fetcher = createHttpFetcher(FAST);
    const other = await startTestServer({ '/page': html('ok') }); // no robots.txt → 404
    try {
      asPage(await fetcher.fetch(`${other.origin}/page`));
      expect(other.log.map((e) => `${e.path} ${e.status}`)).toEqual(['/robots.txt 404', '/page 200']);
    } finally {
      await other.close();
    }
  });

  it('fetches robots.txt again after the error TTL', async () => {
    const { s, f } = await setup({ '/robots.txt': (_q, res, n) => (n === 0 ? res.writeHead(503).end() : res.writeHead(200).end('User-agent: *\nAllow: /\n')), '/p': html('ok') }, { robotsErrorTtlMs: 0 });
    asFailure(await f.fetch(`${s.origin}/p`));
    asPage(await f.fetch(`${s.origin}/p`));
    expect(s.requestsTo('/robots.txt')).toHaveLength(2);
  });

  it('keeps one request in flight per host and the configured gap between them', async () => {
    const slow: Route = (_q, res) => setTimeout(() => html('ok')(_q, res, 0), 30);
    const { s, f } = await setup({ '/1': slow, '/2': slow, '/3': slow, '/4': slow }, { delayMs: 120 });
    const outcomes = await Promise.all(['/1', '/2', '/3', '/4'].map((p) => f.fetch(`${s.origin}${p}`)));
    outcomes.forEach(asPage);
    expect(s.log).toHaveLength(5); // robots.txt + 4 pages
    expect(noOverlap(s.log)).toBe(true);
    for (const gap of gapsMs(s.log)) expect(gap).toBeGreaterThanOrEqual(120 - CLOCK_GRANULARITY_MS);
  });

  it('raises the delay to robots.txt Crawl-delay when it is larger', async () => {
    const robots: Route = (_q, res) => res.writeHead(200).end('User-agent: *\nCrawl-delay: 1\n');
    const { s, f } = await setup({ '/robots.txt': robots, '/a': html('a'), '/b': html('b') }, { delayMs: 10 });
    await Promise.all([f.fetch(`${s.origin}/a`), f.fetch(`${s.origin}/b`)]);
    const pages = s.log.filter((e) => e.path !== '/robots.txt');
    expect(pages).toHaveLength(2);
    expect(gapsMs(pages)[0]).toBeGreaterThanOrEqual(1000 - CLOCK_GRANULARITY_MS);
  });

  it('with politeness: false, requests to one host overlap (benchmark mode)', async () => {
    const slow: Route = (_q, res) => setTimeout(() => html('ok')(_q, res, 0), 50);
    const { s, f } = await setup({ '/1': slow, '/2': slow, '/3': slow }, { politeness: false, respectRobots: false });
    await Promise.all(['/1', '/2', '/3'].map((p) => f.fetch(`${s.origin}${p}`)));
    expect(noOverlap(s.log)).toBe(false);
  });

  it('aborts a body past the size cap (streamed, no Content-Length) → TOO_LARGE', async () => {
    const big: Route = (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      let sent = 0;
      const pump = (): void => {
        while (sent < 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    };
    const { s, f } = await setup({ '/big': big }, { maxBodyBytes: 100 * 1024 });
    const fail = asFailure(await f.fetch(`${s.origin}/big`));
    expect(fail).toMatchObject({ code: 'TOO_LARGE', status: 200, retryable: false });
    expect(fail.reason).toContain(String(100 * 1024));
  });

  it('refuses a declared Content-Length past the cap before reading', async () => {
    const { s, f } = await setup({ '/declared': (_q, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(200_000) }).end(Buffer.alloc(200_000)) }, { maxBodyBytes: 1000 });
    expect(asFailure(await f.fetch(`${s.origin}/declared`))).toMatchObject({ code: 'TOO_LARGE', status: 200 });
  });

  it('follows redirects, re-checking each hop, and detects loops', async () => {
    const to = (loc: string, status = 301): Route => (_q, res) => res.writeHead(status, { location: loc }).end();
    const { s, f } = await setup({ '/old': to('/mid', 302), '/mid': to('/new'), '/new': html('new'), '/loop-a': to('/loop-b'), '/loop-b': to('/loop-a') });
    const page = asPage(await f.fetch(`${s.origin}/old`));
    expect(page.finalUrl).toBe(`${s.origin}/new`);
    expect(page.requestedUrl).toBe(`${s.origin}/old`);
    expect(page.attempts).toBe(3);
    const loop = asFailure(await f.fetch(`${s.origin}/loop-a`));
    expect(loop).toMatchObject({ code: 'TOO_MANY_REDIRECTS', retryable: false });
    expect(loop.reason).toContain('redirect loop');
  });

  it('stops after maxRedirects hops', async () => {
    const routes: Record<string, Route> = {};
    for (let i = 0; i < 10; i++) routes[`/r${i}`] = (_q, res) => res.writeHead(302, { location: `/r${i + 1}` }).end();
    const { s, f } = await setup(routes, { maxRedirects: 3 });
    expect(asFailure(await f.fetch(`${s.origin}/r0`))).toMatchObject({ code: 'TOO_MANY_REDIRECTS' });
    expect(s.log.filter((e) => /^\/r\d/.test(e.path))).toHaveLength(4);
  });

  it('refuses a redirect to a blocked address (each hop goes through the URL guard)', async () => {
    const { s, f } = await setup({ '/out': (_q, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end() });
    expect(asFailure(await f.fetch(`${s.origin}/out`))).toMatchObject({ code: 'FETCH_BLOCKED', finalUrl: 'http://169.254.169.254/latest/meta-data/' });
  });

  it('sends conditional headers and reports 304 as notModified', async () => {
    const etagged: Route = (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'last-modified': 'Tue, 20 Feb 2024 01:00:00 GMT' }).end('<p>v1</p>');
    };
    const { s, f } = await setup({ '/c': etagged });
    const first = asPage(await f.fetch(`${s.origin}/c`));
    const second = asPage(await f.fetch(`${s.origin}/c`, { etag: first.headers['etag'], lastModified: first.headers['last-modified'] }));
    expect(second).toMatchObject({ status: 304, notModified: true });
    expect(second.body.length).toBe(0);
    const sent = s.requestsTo('/c')[1]!.headers;
    expect(sent['if-none-match']).toBe('"v1"');
    expect(sent['if-modified-since']).toBe('Tue, 20 Feb 2024 01:00:00 GMT');
  });

  it('refuses non-HTML content with NOT_HTML but keeps the status', async () => {
    const { s, f } = await setup({
      '/img': (_q, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(10)),
      '/feed': (_q, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss/>'),
      '/none': (_q, res) => res.writeHead(200).end('<p>no type</p>'),
    });
    expect(asFailure(await f.fetch(`${s.origin}/img`))).toMatchObject({ code: 'NOT_HTML', status: 200, retryable: false });
    asPage(await f.fetch(`${s.origin}/feed`));
    asPage(await f.fetch(`${s.origin}/none`));
  });

  it('decodes gzip transfer encoding', async () => {
    const { gzipSync } = await import('node:zlib');
    const { s, f } = await setup({ '/gz': (_q, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync('<p>你好</p>')) });
    expect(Buffer.from(asPage(await f.fetch(`${s.origin}/gz`)).body).toString('utf8')).toBe('<p>你好</p>');
  });

  it('times out on slow headers → FETCH_TIMEOUT, retryable', async () => {
    // undici's timeout timers tick at ~1 s resolution, so the server stalls well past that.
    const { s, f } = await setup({ '/slow': (_q, res) => setTimeout(() => html('late')(_q, res, 0), 3000) }, { headersTimeoutMs: 100, maxAttempts: 1 });
    expect(asFailure(await f.fetch(`${s.origin}/slow`))).toMatchObject({ code: 'FETCH_TIMEOUT', retryable: true, attempts: 1 });
  });

  it('reports a refused connection as FETCH_FAILED after retries', async () => {
    const { s } = await setup({});
    const deadOrigin = s.origin;
    await server!.close();
    server = undefined;
    const fail = asFailure(await fetcher!.fetch(`${deadOrigin}/x`, {}));
    // robots.txt unreachable → disallow all (retryable), per RFC 9309.
    expect(fail).toMatchObject({ code: 'ROBOTS_DISALLOWED', retryable: true });
    await fetcher!.close();
    fetcher = createHttpFetcher({ ...FAST, respectRobots: false });
    expect(asFailure(await fetcher.fetch(`${deadOrigin}/x`))).toMatchObject({ code: 'FETCH_FAILED', retryable: true, attempts: 3 });
  });

  it('rejects invalid options with a readable error', () => {
    expect(() => createHttpFetcher({ maxAttempts: 0 } as FetcherOptionsInput)).toThrow(/invalid fetcher options: maxAttempts/);
    expect(() => createHttpFetcher({ bogus: 1 } as unknown as FetcherOptionsInput)).toThrow(/Unrecognized key/);
  });
});

describe('URL guard in the fetcher', () => {
  it.each(['http://127.0.0.1/', 'http://10.0.0.1/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/'])(
    'refuses %s when not allowed, without a request',
    async (url) => {
      fetcher = createHttpFetcher({ delayMs: 0 });
      expect(asFailure(await fetcher.fetch(url))).toMatchObject({ code: 'FETCH_BLOCKED', retryable: false, attempts: 0 });
    },
  );

  it('refuses a host name that resolves to a private address', async () => {
    fetcher = createHttpFetcher({ delayMs: 0, resolve: async () => ['93.184.216.34', '10.1.2.3'] });
    const fail = asFailure(await fetcher.fetch('http://intranet.example/'));
    expect(fail).toMatchObject({ code: 'FETCH_BLOCKED' });
    expect(fail.reason).toContain('10.1.2.3');
  });

  it('refuses non-http schemes', async () => {
    fetcher = createHttpFetcher({ delayMs: 0 });
    expect(asFailure(await fetcher.fetch('file:///etc/passwd'))).toMatchObject({ code: 'FETCH_BLOCKED' });
    expect(asFailure(await fetcher.fetch('ftp://example.com/x'))).toMatchObject({ code: 'FETCH_BLOCKED' });
  });
});
