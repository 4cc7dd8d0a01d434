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

describe('IPv6 forms that embed an IPv4 address (issue 10 item 10)', () => {
  // Each embeds a non-public IPv4 address; worked out by hand from the RFCs.
  it.each([
    ['64:ff9b::a9fe:a9fe', 'NAT64 of 169.254.169.254'],
    ['64:ff9b::127.0.0.1', 'NAT64 of 127.0.0.1, dotted tail'],
    ['64:ff9b:0:0:0:0:0a00:0001', 'NAT64 of 10.0.0.1, long form'],
    ['2002:7f00:1::', '6to4 of 127.0.0.1'],
    ['2002:a9fe:a9fe:1234::1', '6to4 of 169.254.169.254'],
    ['2002:c0a8:0101::', '6to4 of 192.168.1.1'],
    ['2001:0:7f00:1::', 'Teredo with server 127.0.0.1'],
    ['2001:0:808:808:0:0:f5ff:fffe', 'Teredo with client 10.0.0.1 (inverted bits), public server 8.8.8.8'],
    ['::ffff:0:7f00:1', 'IPv4-translated 127.0.0.1'],
    ['::ffff:0:a9fe:a9fe', 'IPv4-translated 169.254.169.254'],
  ])('blocks %s (%s)', (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each([
    ['64:ff9b::808:808', 'NAT64 of 8.8.8.8'],
    ['2002:808:808::1', '6to4 of 8.8.8.8'],
    ['2001:0:808:808:0:0:f7f7:f7f7', 'Teredo server 8.8.8.8, client 8.8.8.8'],
  ])('allows %s (%s, public)', (address) => expect(isBlockedAddress(address)).toBe(false));

  it('refuses literals in URLs and the same forms from DNS', async () => {
    for (const url of ['http://[64:ff9b::a9fe:a9fe]/latest/meta-data/', 'http://[2002:7f00:1::]/', 'http://[2001:0:7f00:1::]/', 'http://[::ffff:0:7f00:1]/']) {
      expect(await checkUrl(url), url).toMatchObject({ ok: false, code: 'FETCH_BLOCKED', retryable: false });
    }
    const v = await checkUrl('http://nat64.example/', { resolve: async () => ['64:ff9b::a9fe:a9fe'] });
    expect(v).toMatchObject({ ok: false, code: 'FETCH_BLOCKED' });
  });
});
