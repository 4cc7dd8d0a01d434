/**
 * What the pipeline needs, passed in (no globals): stores, a fetcher, the normalizer, a clock and a
 * logger. The CLI and the Lambda handlers build one PipelineDeps and call the same functions.
 */
import { redactFields } from '../contract/redact.js';
import type { Fetcher } from '../fetch/types.js';
import type { NewsRecord, PageContext } from '../contract/record.js';
import type { Archive, ChangeStore, FailureStore, RecordStore, UrlStateStore } from '../store/ports.js';
import type { Source, StartPageKind } from '../sites/sources-schema.js';

export type NormalizeFn = (bytes: Uint8Array, ctx: PageContext) => NewsRecord;

/** Article URLs found on a decoded start page (list, RSS or sitemap). */
export type DiscoverFn = (page: { kind: StartPageKind; text: string; url: string }, source: Source) => string[];

export type LogFields = Record<string, unknown>;
export interface PipelineLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface PipelineStores {
  archive: Archive;
  records: RecordStore;
  urlState: UrlStateStore;
  failures: FailureStore;
  /** Change tracking (versions, changes, revisit schedule); without it nothing is tracked. */
  changes?: ChangeStore;
}

export interface PipelineDeps {
  stores: PipelineStores;
  fetcher: Fetcher;
  normalize: NormalizeFn;
  discover: DiscoverFn;
  clock: () => Date;
  logger: PipelineLogger;
}

/** A logger that drops everything below `level` and writes JSON lines to stderr. */
export function createStderrLogger(level: 'debug' | 'info' | 'warn' | 'error' = 'info'): PipelineLogger {
  const order = ['debug', 'info', 'warn', 'error'] as const;
  const min = order.indexOf(level);
  const write = (lvl: (typeof order)[number]) => (message: string, fields?: LogFields) => {
    if (order.indexOf(lvl) < min) return;
    process.stderr.write(`${JSON.stringify({ level: lvl, message, ...redactFields(fields) })}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: PipelineLogger = { debug() {}, info() {}, warn() {}, error() {} };
