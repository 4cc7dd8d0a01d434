/**
 * Every kind of failure a cycle can meet, through the real fetcher (against a local HTTP server), the
 * real normalizer and DynamoDB Local + s3rver: each is recorded with its URL, stage, code, reason,
 * attempt count and times, later runs leave it alone until its backoff has passed, and then retry it
 * (transient failures after RETRYABLE_BACKOFF_BASE_MS, permanent-looking ones after PERMANENT_BACKOFF_BASE_MS).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';
import { html, startTestServer, type TestServer } from '../fetch/helpers/test-server.js';
import { createHttpFetcher } from '../../../lambdas/fetch/index.js';
import type { ResolveHost } from '../../../lambdas/fetch/index.js';
import { normalize } from '../../../lambdas/normalize/index.js';
import { runCycle } from '../../../lambdas/pipeline/run-cycle.js';
import { silentLogger, type PipelineDeps } from '../../../lambdas/pipeline/deps.js';
import { Source } from '../../../lambdas/sites/sources-schema.js';
import { PERMANENT_BACKOFF_BASE_MS, RETRYABLE_BACKOFF_BASE_MS, backoffMs } from '../../../lambdas/store/failures.js';
import type { FailureItem } from '../../../lambdas/store/ports.js';

/** Small limits so the timeout and the size cap trip quickly. */
const HEADERS_TIMEOUT_MS = 300;
const MAX_BODY_BYTES = 200_000;
/** A host that never resolves (RFC 6761 reserves .invalid); the resolver hook answers like getaddrinfo would. */
const DEAD_HOST = 'news.jsnews-test.invalid';

const ARTICLE = readFileSync('seeds/html/002_dfb4da28d1e41213.html');
const INDEX_PAGE = readFileSync('seeds/replay/jiangsu/www.jssuxun.example/html/jiangsu/index.html');

let env: TestStores;
let server: TestServer;
let base: string;
/** Requests that never get an answer (the timeout case); ended when the test finishes. */
const stalled: import('node:http').ServerResponse[] = [];

beforeAll(async () => {
  [env, server] = await Promise.all([
    startTestStores(),
    startTestServer({
      '/robots.txt': (_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
      '/list.html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(listPage()),
      '/a/ok.html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
      '/a/stall.html': (_q, res) => void stalled.push(res),
      '/a/photo.jpg': (_q, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(2048, 0xff)),
      '/a/huge.html': html(`<html><body><p>${'大'.repeat(MAX_BODY_BYTES)}</p></body></html>`),
      '/a/index.html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(INDEX_PAGE),
      '/private/secret.html': html('<p>must never be requested</p>'),
    }),
  ]);
  base = server.origin;
});
afterAll(async () => {
  for (const res of stalled) res.destroy();
  await server?.close();
  await env?.stop();
});

const url = (path: string) => `${base}${path}`;
const DEAD_URL = `http://${DEAD_HOST}/a/1.html`;

/** Each failing URL with what must be recorded for it. */
function expectations() {
  return [
    { url: DEAD_URL, stage: 'fetch', code: 'FETCH_FAILED', retryable: true, reason: /cannot resolve news\.jsnews-test\.invalid/ },
    { url: url('/a/stall.html'), stage: 'fetch', code: 'FETCH_TIMEOUT', retryable: true, reason: /timeout/i },
    { url: url('/a/gone.html'), stage: 'fetch', code: 'HTTP_STATUS', retryable: false, reason: /HTTP 404/ },
    { url: url('/private/secret.html'), stage: 'fetch', code: 'ROBOTS_DISALLOWED', retryable: false, reason: /robots/i },
    { url: url('/a/huge.html'), stage: 'fetch', code: 'TOO_LARGE', retryable: false, reason: /200000/ },
    { url: url('/a/photo.jpg'), stage: 'fetch', code: 'NOT_HTML', retryable: false, reason: /image\/jpeg/ },
    { url: url('/a/index.html'), stage: 'normalize', code: 'NO_ARTICLE', retryable: false, reason: /list page/ },
  ] as const;
}

function listPage(): string {
  const paths = ['/a/ok.html', '/a/stall.html', '/a/gone.html', '/private/secret.html', '/a/huge.html', '/a/photo.jpg', '/a/index.html'];
  const links = [...paths.map(url), DEAD_URL].map((u, i) => `<li><a href="${u}">江苏新闻第${i}条</a></li>`);
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><ul>${links.join('')}</ul></body></html>`;
}

/** Discovery stand-in: every href on the list page (real discovery is tested in test/unit/discover/). */
const discover: PipelineDeps['discover'] = (page) => [...page.text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);

describe('failure kinds', () => {
  it('records each kind with URL, reason, attempts and time; retries each after its backoff', async () => {
    const stores = await env.freshStores();
    const resolved: string[] = [];
    const resolve: ResolveHost = async (host) => {
      resolved.push(host);
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    const fetcher = createHttpFetcher({
      allowHosts: ['127.0.0.1'],
      resolve,
      delayMs: 0,
      headersTimeoutMs: HEADERS_TIMEOUT_MS,
      maxBodyBytes: MAX_BODY_BYTES,
      maxAttempts: 2,
      backoffBaseMs: 5,
      backoffMaxMs: 10,
    });
    const t0 = new Date('2024-03-01T02:00:00.000Z');
    let now = t0;
    const deps: PipelineDeps = { stores, fetcher, normalize, discover, clock: () => now, logger: silentLogger };
    const source = Source.parse({ id: 'kinds', name: '失败类型', hosts: ['127.0.0.1'], startPages: [{ url: url('/list.html'), kind: 'list' }], schedule: 'rate(1 hour)', enabled: true });
    const expected = expectations();
    const failuresByUrl = async () => new Map((await stores.failures.listBySource('kinds')).map((f) => [f.url, f] as const));
    const requested = (path: string) => server.requestsTo(path).length;

    try {
      // Run 1: the article is stored, every other URL fails with its own code.
      const [first] = await runCycle([source], deps);
      expect(first).toMatchObject({ discovered: 8, new: 1 });
      expect(first!.failed).toEqual(Object.fromEntries(expected.map((e) => [e.code, 1])));
      let failures = await failuresByUrl();
      expect([...failures.keys()].sort()).toEqual(expected.map((e) => e.url).sort());
      for (const e of expected) {
        const f = failures.get(e.url)!;
        expect(f, e.url).toMatchObject({ sourceId: 'kinds', url: e.url, stage: e.stage, code: e.code, retryable: e.retryable, attempts: 1 });
        expect(f.reason, e.url).toMatch(e.reason);
        expect([f.firstFailedAt, f.lastFailedAt], e.url).toEqual([t0.toISOString(), t0.toISOString()]);
        expect(f.nextRetryAt, e.url).toBe(new Date(t0.getTime() + backoffMs(1, e.retryable)).toISOString());
      }
      expect(requested('/private/secret.html')).toBe(0);
      expect(requested('/a/stall.html')).toBe(2); // the fetcher's own retry within the run

      // Run 2, same time: every failure is still backing off, so none is requested again.
      const before = server.log.length;
      const resolvedBefore = resolved.length;
      const [second] = await runCycle([source], deps);
      expect(second).toMatchObject({ deferred: expected.length, retried: 0, failed: {} });
      expect(server.log.slice(before).map((e) => e.path).sort()).toEqual(['/a/ok.html', '/list.html']);
      expect(resolved.length).toBe(resolvedBefore);

      // Run 3, after the transient backoff: the DNS failure and the timeout are retried, the rest wait.
      now = new Date(t0.getTime() + RETRYABLE_BACKOFF_BASE_MS);
      const [third] = await runCycle([source], deps);
      expect(third).toMatchObject({ deferred: expected.length - 2, failed: { FETCH_FAILED: 1, FETCH_TIMEOUT: 1 } });
      failures = await failuresByUrl();
      for (const e of expected) {
        const f = failures.get(e.url)!;
        expect(f.attempts, e.url).toBe(e.retryable ? 2 : 1);
        if (e.retryable) {
          expect(f.firstFailedAt).toBe(t0.toISOString());
          expect(f.lastFailedAt).toBe(now.toISOString());
          expect(f.nextRetryAt).toBe(new Date(now.getTime() + backoffMs(2, true)).toISOString());
        }
      }
      expect(requested('/a/gone.html')).toBe(1);

      // Run 4, after the permanent backoff: everything is retried once more; robots still refuses without a request.
      now = new Date(t0.getTime() + PERMANENT_BACKOFF_BASE_MS);
      const [fourth] = await runCycle([source], deps);
      expect(fourth!.failed).toEqual(Object.fromEntries(expected.map((e) => [e.code, 1])));
      failures = await failuresByUrl();
      for (const e of expected) expect(failures.get(e.url)!.attempts, e.url).toBe(e.retryable ? 3 : 2);
      expect(requested('/a/gone.html')).toBe(2);
      expect(requested('/private/secret.html')).toBe(0);
    } finally {
      await fetcher.close();
    }
  });
});
