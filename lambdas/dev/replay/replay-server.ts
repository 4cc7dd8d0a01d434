/**
 * Serves a recorded site tree for offline runs (layout: seeds/replay/README.md). Answers by the
 * Host header, so URLs keep their real hosts; the fetcher is pointed at 127.0.0.1:port with
 * `replayFetcherOptions(server)` (connectTo + allowHosts). Every request is logged so tests can
 * check robots and politeness from the server's side.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadManifest, type PageVersion, type PathBehaviour, type ReplaySite } from './manifest.js';

export interface ReplayLogEntry {
  /** Order of arrival, from 1. */
  seq: number;
  /** Arrival and end of response, epoch ms with sub-ms precision. */
  startedAt: number;
  finishedAt: number;
  host: string;
  /** Path and query as requested. */
  path: string;
  status: number;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  userAgent: string | null;
}

export interface ReplayServerOptions {
  /** Interface to listen on (default 127.0.0.1). */
  listenHost?: string;
  /** Port (default 0: a free one). */
  port?: number;
  /** Initial generation for versioned pages (default 0). */
  generation?: number;
  /**
   * The simulated clock time-based versions are picked by; `setNow` sets one. Without a clock the server
   * ignores time-based versions and serves every path as declared (so runs on the real clock see the tree
   * as it was recorded, not as it is at the end of its scenario).
   */
  clock?: () => Date;
}

export interface ReplayServer {
  port: number;
  /** http://127.0.0.1:port */
  origin: string;
  /** Hosts the tree serves. */
  hosts: string[];
  log: ReplayLogEntry[];
  /** Versioned pages serve the version for this generation from now on ("the site changed"). */
  setGeneration(n: number): void;
  /** Time-based versions are picked as if it were this time from now on (a simulated clock). */
  setNow(time: Date | string): void;
  /** Forgets failTimes counters and the log (a fresh run against the same tree). */
  reset(): void;
  close(): Promise<void>;
}

// Content types by extension, for files the manifest says nothing about.
const EXTENSION_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};
const DEFAULT_INDEX_FILE = 'index.html';

const now = (): number => performance.timeOrigin + performance.now();

export async function startReplayServer(dir: string, opts: ReplayServerOptions = {}): Promise<ReplayServer> {
  const manifest = await loadManifest(dir);
  const sites = new Map(manifest.sites.map((s) => [s.host, s]));
  const log: ReplayLogEntry[] = [];
  const served = new Map<string, number>();
  let generation = opts.generation ?? 0;
  let clock: (() => Date) | null = opts.clock ?? null;

  const server = createServer((req, res) => {
    const entry = startEntry(req, log);
    res.on('finish', () => {
      entry.status = res.statusCode;
      entry.finishedAt = now();
    });
    const site = sites.get(entry.host);
    if (!site) return send(res, 404, { 'content-type': 'text/plain' }, `no such host in the replay tree: ${entry.host}`);
    const key = `${entry.host} ${entry.path}`;
    const count = served.get(key) ?? 0;
    served.set(key, count + 1);
    respond(dir, site, entry.path, req, res, count, generation, clock?.() ?? null).catch((err) => send(res, 500, { 'content-type': 'text/plain' }, String(err)));
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, opts.listenHost ?? '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hosts: [...sites.keys()],
    log,
    setGeneration: (n) => void (generation = n),
    setNow: (time) => {
      const fixed = new Date(time);
      if (Number.isNaN(fixed.getTime())) throw new RangeError(`not a time: ${String(time)}`);
      clock = () => fixed;
    },
    reset: () => {
      served.clear();
      log.length = 0;
    },
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((err) => (err ? fail(err) : ok()));
        server.closeAllConnections();
      }),
  };
}

/** Fetcher options that route the tree's hosts to the server and exempt them from the SSRF guard. */
export function replayFetcherOptions(server: Pick<ReplayServer, 'port' | 'hosts'>): {
  allowHosts: string[];
  connectTo: Record<string, { host: string; port: number }>;
} {
  return {
    allowHosts: [...server.hosts],
    connectTo: Object.fromEntries(server.hosts.map((h) => [h, { host: '127.0.0.1', port: server.port }])),
  };
}

function startEntry(req: IncomingMessage, log: ReplayLogEntry[]): ReplayLogEntry {
  const header = (name: string): string | null => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(', ') : (v ?? null);
  };
  const entry: ReplayLogEntry = {
    seq: log.length + 1,
    startedAt: now(),
    finishedAt: Number.NaN,
    host: (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase(),
    path: req.url ?? '/',
    status: 0,
    ifNoneMatch: header('if-none-match'),
    ifModifiedSince: header('if-modified-since'),
    userAgent: header('user-agent'),
  };
  log.push(entry);
  return entry;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer = ''): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

async function respond(dir: string, site: ReplaySite, path: string, req: IncomingMessage, res: ServerResponse, count: number, generation: number, now: Date | null): Promise<void> {
  const pathname = path.split('?')[0] ?? '/';
  const declared: PathBehaviour = site.paths[path] ?? site.paths[pathname] ?? {};
  const version = pickVersion(declared, generation, now);
  if (version === NOT_YET) return send(res, 404, { 'content-type': 'text/html; charset=utf-8' }, '<h1>404 Not Found</h1>');
  // A version's status or redirect replaces the path's own.
  const behaviour: PathBehaviour = version && (version.status !== undefined || version.redirect !== undefined) ? { ...declared, status: version.status, redirect: version.redirect } : declared;
  if (behaviour.failTimes !== undefined && count < behaviour.failTimes) {
    const headers: Record<string, string> = { 'content-type': 'text/plain' };
    if (behaviour.retryAfterSeconds !== undefined) headers['retry-after'] = String(behaviour.retryAfterSeconds);
    return send(res, 503, headers, 'Service Unavailable (replay failTimes)');
  }
  if (behaviour.redirect) return send(res, behaviour.redirect.status, { location: behaviour.redirect.to });
  // A version that only answers a status has no body of its own (not the page it replaces).
  const statusOnly = version !== undefined && version.file === undefined;
  const file = statusOnly ? null : (version?.file ?? behaviour.file ?? defaultFile(pathname));
  const etag = version && version.etag !== undefined ? (version.etag ?? undefined) : behaviour.etag;
  const lastModified = version && version.lastModified !== undefined ? (version.lastModified ?? undefined) : behaviour.lastModified;
  const body = file ? await readTreeFile(dir, site.host, file) : null;
  if (behaviour.status !== undefined && (behaviour.status < 200 || behaviour.status > 299)) {
    return send(res, behaviour.status, { 'content-type': 'text/html; charset=utf-8' }, body ?? `<h1>${behaviour.status}</h1>`);
  }
  if (!body) return send(res, 404, { 'content-type': 'text/html; charset=utf-8' }, '<h1>404 Not Found</h1>');
  const headers: Record<string, string> = {};
  const contentType = behaviour.contentType === undefined ? contentTypeFor(file!, site) : behaviour.contentType;
  if (contentType) headers['content-type'] = contentType;
  if (etag) headers['etag'] = etag;
  if (lastModified) headers['last-modified'] = lastModified;
  if (isNotModified(req, etag, lastModified)) return send(res, 304, headers);
  send(res, behaviour.status ?? 200, headers, body);
}

/** A path with time-based versions asked for before the first one: it does not exist yet. */
const NOT_YET = Symbol('not yet');

function pickVersion(behaviour: PathBehaviour, generation: number, now: Date | null): PageVersion | typeof NOT_YET | undefined {
  const versions = behaviour.versions ?? [];
  const timed = versions.filter((v) => v.from !== undefined);
  if (timed.length) {
    if (!now) return undefined;
    const t = now.getTime();
    const due = timed.filter((v) => Date.parse(v.from!) <= t).sort((a, b) => Date.parse(b.from!) - Date.parse(a.from!));
    return due[0] ?? NOT_YET;
  }
  const byGeneration = versions.filter((v) => v.fromGeneration !== undefined && v.fromGeneration <= generation);
  return byGeneration.sort((a, b) => b.fromGeneration! - a.fromGeneration!)[0];
}

function defaultFile(pathname: string): string | null {
  const decoded = decodeURIComponent(pathname).replace(/^\/+/, '');
  if (decoded.split('/').includes('..')) return null;
  return decoded === '' || decoded.endsWith('/') ? `${decoded}${DEFAULT_INDEX_FILE}` : decoded;
}

async function readTreeFile(dir: string, host: string, file: string): Promise<Buffer | null> {
  const root = resolve(dir, host);
  const full = resolve(join(root, file));
  if (!full.startsWith(root + sep)) return null;
  try {
    return await readFile(full);
  } catch {
    return null;
  }
}

function contentTypeFor(file: string, site: ReplaySite): string {
  return EXTENSION_TYPES[extname(file).toLowerCase()] ?? site.contentType;
}

function isNotModified(req: IncomingMessage, etag: string | undefined, lastModified: string | undefined): boolean {
  const inm = req.headers['if-none-match'];
  if (etag && inm) return inm.split(',').map((t) => t.trim()).some((t) => t === etag || t === '*' || t === `W/${etag}`);
  const ims = req.headers['if-modified-since'];
  if (lastModified && ims && !inm) return Date.parse(ims) >= Date.parse(lastModified);
  return false;
}
