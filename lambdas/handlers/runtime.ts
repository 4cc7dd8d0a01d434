/**
 * What a handler needs beyond its event, built once per Lambda container (module scope, reused
 * across invocations) from the environment: stores over SDK clients, the HTTP fetcher, the
 * normalizer, the sources registry and the work queue. Tests build one from local stores instead.
 */
import { loadConfig, queueUrlsFromEnv, sourcesFileFromEnv, type QueueUrls } from '../contract/config.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import type { Fetcher } from '../fetch/types.js';
import type { DiscoverFn, NormalizeFn, PipelineDeps, PipelineLogger } from '../pipeline/deps.js';
import { hostDelayOf, hostDelays } from '../pipeline/host-delays.js';
import { workQueueOver, type WorkQueue } from '../pipeline/work-queue.js';
import { loadSources } from '../sites/load-sources.js';
import { hostDeadlines, type Source } from '../sites/sources-schema.js';
import { makeClients, type StoreClients } from '../store/clients.js';
import { createStores } from '../store/stores.js';
import { createHostLeaseStore } from '../store/host-lease-dynamodb.js';
import type { HostLeaseStore, QueueTransport } from '../store/ports.js';

export interface HandlerRuntime {
  deps: PipelineDeps;
  sources: Source[];
  queue: WorkQueue;
  /** Per-host politeness lease shared by every fetch Lambda (pipeline/polite-batch.ts). */
  lease: HostLeaseStore;
}

/**
 * The heavy parts a handler may need, passed in by the handler itself so each bundle only contains
 * what its Lambda uses (backfill needs no HTTP client and no normalizer; normalize needs no HTTP
 * client and no queue).
 */
export interface Capabilities {
  /** The work queues' transport (store/work-queue-sqs.ts), for the Lambdas that enqueue. */
  transport?: (region: string, urls: QueueUrls) => QueueTransport;
  /** Builds the HTTP fetcher, given per-host delays and fetch deadlines from the sources. */
  fetcher?: (hostDelayMs: Record<string, number>, hostDeadlineMs: Record<string, number>) => Fetcher;
  normalize?: NormalizeFn;
  discover?: DiscoverFn;
}

export interface RuntimeParts {
  clients: Pick<StoreClients, 'doc' | 's3'>;
  names: { tableName: string; bucketName: string };
  sources: Source[];
  queue: WorkQueue;
  logger: PipelineLogger;
  capabilities: Capabilities;
  clock?: () => Date;
}

function unavailable(what: string): never {
  throw new JsnewsError(ErrorCode.Internal, `${what} is not bundled into this Lambda`);
}

const NO_FETCHER: Fetcher = { fetch: () => unavailable('the HTTP fetcher'), close: async () => {} };
const NO_QUEUE: WorkQueue = { sendFetch: () => unavailable('the work queue'), sendNormalize: () => unavailable('the work queue'), deferFetch: () => unavailable('the work queue') };

export function buildRuntime(parts: RuntimeParts): HandlerRuntime {
  const { capabilities: cap } = parts;
  const fetcher = cap.fetcher ? cap.fetcher(hostDelays(parts.sources), hostDeadlines(parts.sources)) : NO_FETCHER;
  return {
    sources: parts.sources,
    queue: parts.queue,
    lease: createHostLeaseStore(parts.clients.doc, parts.names.tableName),
    deps: {
      stores: createStores(parts.clients, parts.names),
      fetcher,
      normalize: cap.normalize ?? (() => unavailable('the normalizer')),
      discover: cap.discover ?? (() => unavailable('link discovery')),
      clock: parts.clock ?? (() => new Date()),
      logger: parts.logger,
    },
  };
}

/** The runtime of a deployed Lambda, from its environment (validated; a bad deploy fails loudly). */
export function runtimeFromEnv(logger: PipelineLogger, capabilities: Capabilities, env: NodeJS.ProcessEnv = process.env): HandlerRuntime {
  const config = loadConfig(env);
  const clients = makeClients({ region: config.region, mode: config.mode, dynamoEndpoint: config.dynamoEndpoint, s3Endpoint: config.s3Endpoint });
  const sources = loadSources(sourcesFileFromEnv(env));
  return buildRuntime({
    clients,
    names: { tableName: config.tableName, bucketName: config.bucketName },
    sources,
    // Fetch messages of a host are spread over slots of its configured delay (pipeline/work-queue.ts).
    queue: capabilities.transport ? workQueueOver(capabilities.transport(config.region, queueUrlsFromEnv(env)), { delayMsOf: hostDelayOf(sources) }) : NO_QUEUE,
    logger,
    capabilities,
  });
}

/** Builds the runtime on first use and keeps it for the container's lifetime. */
export function lazyRuntime(build: () => HandlerRuntime): () => HandlerRuntime {
  let runtime: HandlerRuntime | undefined;
  return () => (runtime ??= build());
}
