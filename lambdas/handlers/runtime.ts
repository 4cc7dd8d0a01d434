/**
 * What a handler needs beyond its event, built once per Lambda container (module scope, reused
 * across invocations) from the environment: stores over SDK clients, the HTTP fetcher, the
 * normalizer, the sources registry and the work queue. Tests build one from local stores instead.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { loadConfig } from '../config.js';
import { createHttpFetcher, type FetcherOptionsInput } from '../fetch/index.js';
import { makeClients, type StoreClients } from '../local/clients.js';
import { normalize } from '../normalize/index.js';
import { defaultDiscover } from '../pipeline/discover-default.js';
import type { PipelineDeps, PipelineLogger } from '../pipeline/deps.js';
import { loadSources } from '../sites/load-sources.js';
import type { Source } from '../sites/sources-schema.js';
import { createStores } from '../store/stores.js';
import { listArchiveDays, type ArchiveDay, type DaySelection } from './archive-days.js';
import { queueUrlsFromEnv, sourcesFileFromEnv } from './env.js';
import { createSqsWorkQueue, type WorkQueue } from './work-queue.js';

export interface HandlerRuntime {
  deps: PipelineDeps;
  sources: Source[];
  queue: WorkQueue;
  /** Archived (source, day) partitions, for reprocess fan-out. */
  listDays(selection: DaySelection): Promise<ArchiveDay[]>;
}

export interface RuntimeParts {
  clients: Pick<StoreClients, 'doc' | 's3'>;
  names: { tableName: string; bucketName: string };
  sources: Source[];
  queue: WorkQueue;
  logger: PipelineLogger;
  /** Extra fetcher options (tests allow 127.0.0.1); per-host delays come from the sources. */
  fetcherOptions?: FetcherOptionsInput;
  clock?: () => Date;
}

/** Per-host crawl delays from the sources' politeness settings. */
export function hostDelays(sources: readonly Source[]): Record<string, number> {
  const delays: Record<string, number> = {};
  for (const s of sources) for (const host of s.hosts) delays[host] = s.politeness.delayMs;
  return delays;
}

export function buildRuntime(parts: RuntimeParts): HandlerRuntime {
  const fetcher = createHttpFetcher({ ...parts.fetcherOptions, hostDelayMs: { ...hostDelays(parts.sources), ...parts.fetcherOptions?.hostDelayMs } });
  return {
    sources: parts.sources,
    queue: parts.queue,
    listDays: (selection) => listArchiveDays(parts.clients.s3, parts.names.bucketName, selection),
    deps: {
      stores: createStores(parts.clients, parts.names),
      fetcher,
      normalize,
      discover: defaultDiscover,
      clock: parts.clock ?? (() => new Date()),
      logger: parts.logger,
    },
  };
}

/** The runtime of a deployed Lambda, from its environment (validated; a bad deploy fails loudly). */
export function runtimeFromEnv(logger: PipelineLogger, env: NodeJS.ProcessEnv = process.env): HandlerRuntime {
  const config = loadConfig(env);
  const clients = makeClients({ region: config.region, mode: config.mode, dynamoEndpoint: config.dynamoEndpoint, s3Endpoint: config.s3Endpoint });
  const sqs = new SQSClient({ region: config.region });
  return buildRuntime({
    clients,
    names: { tableName: config.tableName, bucketName: config.bucketName },
    sources: loadSources(sourcesFileFromEnv(env)),
    queue: createSqsWorkQueue(sqs, queueUrlsFromEnv(env)),
    logger,
  });
}

/** Builds the runtime on first use and keeps it for the container's lifetime. */
export function lazyRuntime(build: () => HandlerRuntime): () => HandlerRuntime {
  let runtime: HandlerRuntime | undefined;
  return () => (runtime ??= build());
}
