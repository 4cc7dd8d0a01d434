import { describe, expect, it } from 'vitest';
import { checkUrl, isBlockedAddress } from '../../../lambdas/fetch/url-guard.js';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:8.8.8.8', '::ffff:7f00:1', 'not-an-ip',
  ])('blocks %s', (a) => expect(isBlockedAddress(a)).toBe(true));
  it.each(['8.8.8.8', '93.184.216.34', '180.97.1.1', '2400:3200::1', '2001:4860:4860::8888'])('allows %s', (a) => expect(isBlockedAddress(a)).toBe(false));
});

describe('checkUrl', () => {
  const resolve = (map: Record<string, string[]>) => async (host: string) => {
    const found = map[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found;
  };
  it('allows a public host', async () => {
    expect(await checkUrl('https://jsnews.jschina.com.cn/jsyw/', { resolve: resolve({ 'jsnews.jschina.com.cn': ['180.97.1.1'] }) })).toMatchObject({ ok: true });
  });
  it('blocks when any resolved address is private', async () => {
    const v = await checkUrl('http://mixed.example/', { resolve: resolve({ 'mixed.example': ['8.8.8.8', '192.168.0.2'] }) });
    expect(v).toMatchObject({ ok: false, code: 'FETCH_BLOCKED', retryable: false });
  });
  it('lets allowHosts through without resolving', async () => {
    expect(await checkUrl('http://127.0.0.1:8080/x', { allowHosts: ['127.0.0.1'] })).toMatchObject({ ok: true });
    expect(await checkUrl('http://[::1]:8080/x', { allowHosts: ['::1'] })).toMatchObject({ ok: true });
  });
  it('refuses schemes, credentials and junk', async () => {
    for (const url of ['file:///etc/passwd', 'gopher://x.example/', 'http://user:pw@x.example/', 'not a url']) {
      expect(await checkUrl(url), url).toMatchObject({ ok: false, code: 'FETCH_BLOCKED' });
    }
  });
  it('refuses decimal and hex spellings of loopback (normalized by the URL parser)', async () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://[0:0:0:0:0:ffff:7f00:1]/']) {
      expect(await checkUrl(url), url).toMatchObject({ ok: false, code: 'FETCH_BLOCKED' });
    }
  });
  it('reports DNS failure as a retryable FETCH_FAILED', async () => {
    expect(await checkUrl('http://nxdomain.example/', { resolve: resolve({}) })).toMatchObject({ ok: false, code: 'FETCH_FAILED', retryable: true });
  });
});
