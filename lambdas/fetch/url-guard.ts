/**
 * SSRF guard: only http(s) URLs whose host resolves to public addresses are fetched. Loopback,
 * private, link-local, CGNAT, multicast, reserved, unspecified and IPv4-mapped/compatible IPv6
 * forms are refused, and so are IPv6 translation/tunnel forms (NAT64, 6to4, Teredo, IPv4-translated)
 * whose embedded IPv4 address is not public (FETCH_BLOCKED) unless the host is explicitly allowed (the replay server).
 * The same check runs again at connect time (guardedLookup) so DNS rebinding cannot slip past.
 */
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { ErrorCode, type ErrorCodeValue } from '../contract/errors.js';

/** Resolves a host name to all its addresses. Injectable for tests. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

// Non-public ranges (IANA special-purpose registries, RFC 6890 and successors).
const BLOCKED_IPV4: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8], // "this network", includes the unspecified 0.0.0.0
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT shared space
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, includes broadcast 255.255.255.255
];
const BLOCKED_IPV6: ReadonlyArray<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const BLOCKED = buildBlockList();

function buildBlockList(): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of BLOCKED_IPV4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of BLOCKED_IPV6) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

// IPv4-mapped IPv6 (::ffff:a.b.c.d, any spelling) is never a public site's AAAA record. Not put in
// the BlockList: Node checks IPv4 addresses against ::ffff:0:0/96 too, which would block them all.
const IPV4_MAPPED = /^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/i;

/** Canonical IPv6 spelling (compressed, hex), via the WHATWG URL parser. */
function canonicalIpv6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

/** The eight 16-bit groups of an IPv6 address (any spelling, including a dotted IPv4 tail). */
function ipv6Groups(address: string): number[] {
  const canonical = canonicalIpv6(address);
  const [head = '', tail] = canonical.split('::') as [string, string | undefined];
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function ipv4From(high: number, low: number): string {
  return `${high >>> 8}.${high & 0xff}.${low >>> 8}.${low & 0xff}`;
}

/**
 * The IPv4 addresses an IPv6 address carries by a translation or tunnelling convention: NAT64
 * 64:ff9b::/96 (RFC 6052), IPv4-translated ::ffff:0:a.b.c.d (RFC 2765), 6to4 2002::/16 (RFC 3056,
 * address in groups 1-2) and Teredo 2001:0::/32 (RFC 4380: server in groups 2-3, client in groups
 * 6-7 with every bit inverted). A router on the way may turn such an address into the IPv4 one, so
 * the embedded address must be public too (64:ff9b::a9fe:a9fe reaches 169.254.169.254).
 */
export function embeddedIpv4(address: string): string[] {
  const g = ipv6Groups(address);
  if (g.length !== 8) return [];
  const [g0, g1, g2, g3, g4, g5, g6, g7] = g as [number, number, number, number, number, number, number, number];
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return [ipv4From(g6, g7)];
  if (zeroTo(4) && g4 === 0xffff && g5 === 0) return [ipv4From(g6, g7)];
  if (g0 === 0x2002) return [ipv4From(g1, g2)];
  if (g0 === 0x2001 && g1 === 0) return [ipv4From(g2, g3), ipv4From(g6 ^ 0xffff, g7 ^ 0xffff)];
  return [];
}

/** True for an address that is not publicly routable. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (IPV4_MAPPED.test(canonicalIpv6(address))) return true;
  if (BLOCKED.check(address, 'ipv6')) return true;
  return embeddedIpv4(address).some((v4) => BLOCKED.check(v4, 'ipv4'));
}

export const resolveWithDns: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses.map((a) => a.address))));
  });

export type GuardVerdict =
  | { ok: true; url: URL }
  | { ok: false; code: ErrorCodeValue; reason: string; retryable: boolean };

export interface UrlGuardOptions {
  /** Host names (no port) allowed even when they resolve to non-public addresses. */
  allowHosts?: readonly string[];
  resolve?: ResolveHost;
}

/** URL hostname without IPv6 brackets. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Checks one URL: scheme, credentials, and every address its host resolves to. Never throws. */
export async function checkUrl(rawUrl: string, options: UrlGuardOptions = {}): Promise<GuardVerdict> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, code: ErrorCode.FetchBlocked, reason: `not a valid URL: ${rawUrl}`, retryable: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, code: ErrorCode.FetchBlocked, reason: `scheme ${url.protocol} is not http(s)`, retryable: false };
  }
  if (url.username || url.password) {
    return { ok: false, code: ErrorCode.FetchBlocked, reason: 'URLs with credentials are not fetched', retryable: false };
  }
  const host = bareHostname(url);
  if (options.allowHosts?.includes(host) || options.allowHosts?.includes(url.hostname)) return { ok: true, url };
  if (isIP(host)) return verdictFor(url, host, [host]);
  try {
    const addresses = await (options.resolve ?? resolveWithDns)(host);
    return verdictFor(url, host, addresses);
  } catch (err) {
    return { ok: false, code: ErrorCode.FetchFailed, reason: `cannot resolve ${host}: ${(err as Error).message}`, retryable: true };
  }
}

function verdictFor(url: URL, host: string, addresses: string[]): GuardVerdict {
  if (addresses.length === 0) return { ok: false, code: ErrorCode.FetchFailed, reason: `${host} has no addresses`, retryable: true };
  const blocked = addresses.find(isBlockedAddress);
  if (blocked) {
    const via = blocked === host ? '' : ` (resolves to ${blocked})`;
    return { ok: false, code: ErrorCode.FetchBlocked, reason: `${host}${via} is not a public address`, retryable: false };
  }
  return { ok: true, url };
}

/** Raised at connect time when a host resolves to a blocked address (DNS rebinding). */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
  readonly code = 'JSNEWS_BLOCKED_ADDRESS';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `net.connect` lookup that refuses blocked addresses for hosts not in `allowHosts`. */
export function guardedLookup(allowHosts: readonly string[]) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const blocked = allowHosts.includes(hostname) ? undefined : addresses.find((a) => isBlockedAddress(a.address));
      if (blocked) return callback(new BlockedAddressError(`${hostname} resolves to ${blocked.address}, not a public address`), '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no addresses`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}
