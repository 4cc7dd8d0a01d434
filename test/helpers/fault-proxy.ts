/**
 * A small TCP proxy for fault injection in front of a local store (DynamoDB Local, s3rver). The
 * fault applies to connections accepted while it is set, and can be changed at any time:
 * - pass: bytes are forwarded both ways unchanged;
 * - drop: the client connection is closed (FIN) as soon as its first bytes arrive;
 * - reset: the client connection is reset (RST) as soon as its first bytes arrive;
 * - delay: every chunk in either direction is held for `delayMs` before it is forwarded;
 * - blackhole: the connection is accepted and read, but nothing is forwarded or answered.
 * `faultEvery` (default 1) applies the fault to one connection in N only (the first after set(), then every Nth), so a run sees a mix of
 * healthy and faulty requests. Counters tell a test that the faults were really hit.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export type Fault = 'pass' | 'drop' | 'reset' | 'delay' | 'blackhole';

export interface FaultProxy {
  /** http://127.0.0.1:port of the proxy. */
  endpoint: string;
  set(fault: Fault, options?: { delayMs?: number; faultEvery?: number }): void;
  /** Connections accepted so far, and how many of them got a fault. */
  stats(): { connections: number; faulted: number };
  /** Destroys every open connection (clients then reconnect under the current fault). */
  cutAll(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let fault: Fault = 'pass';
  let delayMs = 0;
  let faultEvery = 1;
  let connections = 0;
  /** Connections since the last set(): the 1st, (N+1)th, (2N+1)th ... of them get the fault, so a run that opens any connection meets it. */
  let sinceSet = 0;
  let faulted = 0;
  const open = new Set<Socket>();

  const track = (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => s.destroy());
  };

  const server: Server = createServer((client) => {
    track(client);
    connections++;
    sinceSet++;
    const mode: Fault = fault !== 'pass' && (sinceSet - 1) % faultEvery === 0 ? fault : 'pass';
    if (mode !== 'pass') faulted++;
    if (mode === 'blackhole') {
      client.resume(); // read and discard forever
      return;
    }
    if (mode === 'drop' || mode === 'reset') {
      client.once('data', () => (mode === 'reset' ? client.resetAndDestroy() : client.end()));
      return;
    }
    const upstream = connect(target.port, target.host);
    track(upstream);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    if (mode === 'pass') {
      client.pipe(upstream);
      upstream.pipe(client);
      return;
    }
    const wait = delayMs;
    const relay = (from: Socket, to: Socket) =>
      from.on('data', (chunk: Buffer) => {
        setTimeout(() => {
          if (!to.destroyed) to.write(chunk);
        }, wait);
      });
    relay(client, upstream);
    relay(upstream, client);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault proxy has no TCP address');

  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    set(next, options = {}) {
      fault = next;
      delayMs = options.delayMs ?? 0;
      faultEvery = Math.max(1, options.faultEvery ?? 1);
      sinceSet = 0;
    },
    stats: () => ({ connections, faulted }),
    cutAll() {
      for (const s of open) s.destroy();
    },
    close() {
      for (const s of open) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Host and port of an http://host:port endpoint. */
export function endpointTarget(endpoint: string): { host: string; port: number } {
  const url = new URL(endpoint);
  return { host: url.hostname, port: Number(url.port) };
}
