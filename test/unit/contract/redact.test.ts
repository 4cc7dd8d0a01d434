/** Issue 10 item 11: credentials and over-long URLs never reach logs or failure items. Expected strings written by hand. */
import { describe, expect, it, vi } from 'vitest';
import { MAX_TEXT_CHARS, MAX_URL_CHARS, redactFields, redactText, redactUrl, stripCredentials } from '../../../lambdas/contract/redact.js';
import { createStderrLogger } from '../../../lambdas/pipeline/deps.js';
import { parseBackfillPayload } from '../../../lambdas/pipeline/backfill-payload.js';

describe('redactUrl', () => {
  it('hides user and password', () => {
    expect(redactUrl('http://user:s3cr3t@host.example/a?b=1')).toBe('http://***:***@host.example/a?b=1');
    expect(redactUrl('http://user@host.example/')).toBe('http://***@host.example/');
    expect(redactUrl('not a url://user:s3cr3t@x')).not.toContain('s3cr3t');
    expect(redactUrl('ftp://admin:hunter2@10.0.0.1/x')).toBe('ftp://***:***@10.0.0.1/x');
  });
  it('cuts a long query and a long URL, saying how long they were', () => {
    const long = `http://host.example/a?${'q'.repeat(100_000)}`;
    const out = redactUrl(long);
    expect(out.length).toBeLessThanOrEqual(MAX_URL_CHARS + 20);
    expect(out).toContain(encodeURIComponent('…(100000 chars)'));
    expect(redactUrl(`http://host.example/${'p'.repeat(5000)}`)).toMatch(/…\(5020 chars\)$/);
  });
  it('leaves an ordinary URL as it is', () => {
    expect(redactUrl('https://jsnews.jschina.com.cn/jsyw/202402/t20240221_1.shtml?id=5')).toBe('https://jsnews.jschina.com.cn/jsyw/202402/t20240221_1.shtml?id=5');
  });
});

describe('redactText and stripCredentials', () => {
  it('redacts every URL inside a message and caps the message', () => {
    expect(redactText('refused http://u:pw@a.example/ and https://b.example/?x=1')).toBe('refused http://***:***@a.example/ and https://b.example/?x=1');
    expect(redactText('x'.repeat(50_000)).length).toBeLessThanOrEqual(MAX_TEXT_CHARS + 20);
  });
  it('stripCredentials keeps everything else (stored URLs stay fetchable)', () => {
    const q = `http://a.example/x?${'q'.repeat(5000)}`;
    expect(stripCredentials(q)).toBe(q);
    expect(stripCredentials('http://u:pw@a.example/x')).toBe('http://***:***@a.example/x');
  });
  it('redactFields redacts strings only', () => {
    expect(redactFields({ url: 'http://u:pw@a.example/', n: 3 })).toEqual({ url: 'http://***:***@a.example/', n: 3 });
  });
});

describe('call sites', () => {
  it('the stderr logger writes no password', () => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    createStderrLogger('info').warn('ingest failed', { url: 'http://user:s3cr3t@host.example/', reason: 'FETCH_BLOCKED http://user:s3cr3t@host.example/' });
    const written = String(spy.mock.calls[0]?.[0]);
    spy.mockRestore();
    expect(written).not.toContain('s3cr3t');
    expect(written).toContain('http://***:***@host.example/');
  });
  it('the backfill payload refuses credentialed URLs with a clear error, without echoing the password', () => {
    let message = '';
    try {
      parseBackfillPayload({ urls: ['http://user:s3cr3t@host.example/a.html'] });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/must not contain a user name or password/);
    expect(message).not.toContain('s3cr3t');
  });
});
