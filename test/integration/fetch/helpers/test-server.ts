/** A scriptable node:http server on 127.0.0.1:0 that logs every request (arrival and end). */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface LoggedRequest {
  path: string;
  startedAt: number;
  finishedAt: number;
  status: number;
  headers: IncomingMessage['headers'];
}

/** A route answers a request; `n` is how many times this path was requested before (0 first). */
export type Route = (req: IncomingMessage, res: ServerResponse, n: number) => void;

export interface TestServer {
  origin: string;
  port: number;
  log: LoggedRequest[];
  requestsTo(path: string): LoggedRequest[];
  close(): Promise<void>;
}

const now = (): number => performance.timeOrigin + performance.now();

export async function startTestServer(routes: Record<string, Route>): Promise<TestServer> {
  const log: LoggedRequest[] = [];
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const entry: LoggedRequest = { path, startedAt: now(), finishedAt: Number.NaN, status: 0, headers: req.headers };
    log.push(entry);
    res.on('finish', () => {
      entry.finishedAt = now();
      entry.status = res.statusCode;
    });
    res.on('close', () => {
      if (Number.isNaN(entry.finishedAt)) entry.finishedAt = now();
    });
    const n = counts.get(path) ?? 0;
    counts.set(path, n + 1);
    const route = routes[path] ?? routes[path.split('?')[0] ?? ''];
    if (route) return route(req, res, n);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    log,
    requestsTo: (path) => log.filter((e) => e.path === path),
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

export const html = (body: string): Route => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
};

/** True when no two logged requests overlap in time (each starts after the previous one ended). */
export function noOverlap(entries: LoggedRequest[]): boolean {
  const sorted = [...entries].sort((a, b) => a.startedAt - b.startedAt);
  return sorted.every((e, i) => i === 0 || e.startedAt >= sorted[i - 1]!.finishedAt);
}

/** Gaps between the end of one request and the start of the next, in ms. */
export function gapsMs(entries: LoggedRequest[]): number[] {
  const sorted = [...entries].sort((a, b) => a.startedAt - b.startedAt);
  return sorted.slice(1).map((e, i) => e.startedAt - sorted[i]!.finishedAt);
}
