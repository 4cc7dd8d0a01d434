/**
 * The undici Agent the fetcher uses: connect/headers/body timeouts, a connect-time SSRF check
 * (guardedLookup) and `connectTo` overrides that send chosen hosts to another address (the
 * replay server on 127.0.0.1:port) while URLs and Host headers keep their real names.
 */
import { Agent, buildConnector } from 'undici';
import { guardedLookup } from './url-guard.js';

export interface AgentOptions {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  allowHosts: readonly string[];
  connectTo: Readonly<Record<string, { host: string; port: number }>>;
}

export function createAgent(options: AgentOptions): Agent {
  const base = buildConnector({ timeout: options.connectTimeoutMs, lookup: guardedLookup(options.allowHosts) as never });
  const connect: buildConnector.connector = (opts, callback) => {
    const target = options.connectTo[opts.hostname];
    if (!target) return base(opts, callback);
    base({ ...opts, hostname: target.host, port: String(target.port), servername: opts.hostname }, callback);
  };
  return new Agent({ connect, headersTimeout: options.headersTimeoutMs, bodyTimeout: options.bodyTimeoutMs });
}
