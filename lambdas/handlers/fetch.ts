/**
 * Fetch Lambda, consuming the fetch queue: ingests article URLs and reads list pages (pipeline/fetch-work.ts),
 * reporting per-record failures (ReportBatchItemFailures) only for transient failures of our stores or queue.
 * A batch mixes hosts. It never sleeps for politeness: of each host only the batch's first message is handled,
 * holding the host's lease until its fetch returns (pipeline/polite-batch.ts); the host's later messages, a message whose host's lease is
 * not free and one of a later wave (`notBefore`, pipeline/work-queue.ts) go back to SQS invisible until their
 * time and are reported as not done.
 */
import type { Context, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { createHttpFetcher } from '../fetch/http-client.js';
import { normalize } from '../normalize/index.js';
import { defaultDiscover } from '../pipeline/discover-default.js';
import { articleBatch, processFetchWork, type FetchWorkOutcome } from '../pipeline/fetch-work.js';
import { FetchWork } from '../pipeline/work-items.js';
import { parseSqsEvent } from './events.js';
import { createObservability, pipelineLogger, recordEnqueued, recordFailure, recordIngestMetrics, type Observability } from './observability.js';
import { createSqsTransport } from '../store/work-queue-sqs.js';
import { lazyRuntime, runtimeFromEnv, type HandlerRuntime } from './runtime.js';
import { processSqsBatch } from './sqs-batch.js';
import { heldFetcher, holdHost, LEASE_HOLD_MS, splitForPoliteness, visibilitySeconds, type HostHold } from '../pipeline/polite-batch.js';
import { redactText } from '../contract/redact.js';

type Deferred = { item: SQSRecord; seconds: number };

/** `leaseHoldMs`: the host lease's hold (pipeline/polite-batch.ts LEASE_HOLD_MS unless a test of short delays sets less). */
export function makeFetchHandler(runtime: () => HandlerRuntime, obs: Observability, opts: { leaseHoldMs?: number } = {}) {
  // Hosts' nextAt as this container last learnt them (holdHost): a host known not due costs no lease write.
  const known = new Map<string, number>();
  return async (event: unknown, context: Context): Promise<SQSBatchResponse> => {
    obs.logger.addContext(context);
    try {
      const batch = parseSqsEvent(event);
      const rt = runtime();
      const nowMs = rt.deps.clock().getTime();
      // A message of a later wave (its slot was past SQS's 900 s DelaySeconds) waits for its slot, lease untouched.
      const wave = batch.Records.filter((r) => (peek(r).notBefore ?? 0) > nowMs).map((item) => ({ item, seconds: visibilitySeconds(peek(item).notBefore! - nowMs) }));
      const due = batch.Records.filter((r) => !wave.some((w) => w.item === r));
      const { now, later } = splitForPoliteness(due, hostOfRecord, (r) => delayOf(peek(r).url, rt), opts.leaseHoldMs);
      const refused: Deferred[] = [];
      // Each handled URL's hold (or 'none': its host has no delay), handed to its one fetch call (heldFetcher).
      const holds = new Map<string, HostHold | 'none'>();
      const deps = { ...rt.deps, fetcher: heldFetcher(rt.deps.fetcher, (url) => take(holds, url)) };
      // The article pages handled now whose host lease is taken are ingested together: one archive object per
      // invocation (pipeline/fetch-work.ts articleBatch); an item that does not join (lease refused, an error) leaves.
      const ctx = { ...rt, deps, batch: articleBatch(now.flatMap(readableWork), { ...rt, deps }) };
      const response = await processSqsBatch({ Records: now }, context, {
        schema: FetchWork,
        obs,
        handle: async (item, record) => {
          let hold: HostHold | undefined;
          try {
            if (delayOf(item.url, rt) === 0) {
              holds.set(item.url, 'none');
            } else {
              const host = new URL(item.url).host;
              const held = await holdHost(rt.lease, host, {
                delayMs: () => delayOf(item.url, rt),
                nowMs: () => rt.deps.clock().getTime(),
                holdMs: opts.leaseHoldMs,
                known,
                onLost: (err) => obs.logger.warn('could not keep a host lease; its fetch is stopped', { url: item.url, error: redactText(err instanceof Error ? err.message : String(err)) }),
              });
              if (!held.granted) {
                refused.push({ item: record, seconds: held.deferSeconds });
                return held;
              }
              hold = held.hold;
              holds.set(item.url, hold);
              rt.queue.noteHeld?.(host, held.nextAtMs);
            }
            const outcome = observe(await processFetchWork(item, ctx), obs);
            // The hold could not be kept and the fetch was stopped: the message comes back once the lease has run out.
            if (hold?.signal.aborted) refused.push({ item: record, seconds: visibilitySeconds((opts.leaseHoldMs ?? LEASE_HOLD_MS) + delayOf(item.url, rt)) });
            return outcome;
          } finally {
            // The host has answered (the fetch ended the hold), or the work never fetched: stop extending.
            hold?.done();
            ctx.batch.leave(item);
          }
        },
      });
      const back = [...wave, ...later, ...refused];
      if (back.length === 0) return response;
      await defer(back, rt, obs);
      return { batchItemFailures: [...response.batchItemFailures, ...back.map(({ item }) => ({ itemIdentifier: item.messageId }))] };
    } finally {
      obs.metrics.publishStoredMetrics();
    }
  };
}

/** The URL's hold, handed over once: a second fetch of the URL gets none (heldFetcher refuses it). */
function take(holds: Map<string, HostHold | 'none'>, url: string): HostHold | 'none' | undefined {
  const hold = holds.get(url);
  if (hold !== 'none') holds.delete(url);
  return hold;
}

/** The record's work item, or none when its body is unreadable (processSqsBatch acknowledges it as poison). */
function readableWork(record: SQSRecord): FetchWork[] {
  try {
    const parsed = FetchWork.safeParse(JSON.parse(record.body));
    return parsed.success ? [parsed.data] : [];
  } catch {
    return [];
  }
}

/** The record's URL and slot; an unreadable body (acknowledged as poison later) has neither. */
function peek(record: SQSRecord): { url: string | null; notBefore: number | null } {
  try {
    const { url, notBefore } = JSON.parse(record.body) as { url?: unknown; notBefore?: unknown };
    return { url: typeof url === 'string' ? url : null, notBefore: typeof notBefore === 'number' ? notBefore : null };
  } catch {
    return { url: null, notBefore: null };
  }
}

/** The host the record fetches (host[:port], as the lease and the fetcher's gate key it); a record without a URL is its own. */
function hostOfRecord(record: SQSRecord): string {
  const { url } = peek(record);
  try {
    return url ? new URL(url).host : `#${record.messageId}`;
  } catch {
    return `#${record.messageId}`;
  }
}

/** The politeness delay of the URL's host; none for a record without a URL. */
function delayOf(url: string | null, rt: HandlerRuntime): number {
  try {
    return url ? (rt.deps.fetcher.politeDelayMs?.(url) ?? 0) : 0;
  } catch {
    return 0;
  }
}

/**
 * Hands the deferred records back, invisible for their host's wait. If SQS refuses, they still are not
 * acknowledged: they come back after the queue's visibility timeout, later but never impolitely.
 */
async function defer(later: Deferred[], rt: HandlerRuntime, obs: Observability): Promise<void> {
  const bySeconds = new Map<number, string[]>();
  for (const { item, seconds } of later) bySeconds.set(seconds, [...(bySeconds.get(seconds) ?? []), item.receiptHandle]);
  for (const [seconds, handles] of bySeconds) {
    try {
      await rt.queue.deferFetch(handles, seconds);
    } catch (err) {
      obs.logger.warn('could not defer messages; they return after the visibility timeout', { count: handles.length, error: redactText(err instanceof Error ? err.message : String(err)) });
    }
  }
}

/** Metrics and logs of one item; a transient store failure is thrown so SQS delivers the item again. */
function observe(outcome: FetchWorkOutcome, obs: Observability): FetchWorkOutcome {
  if (outcome.kind === 'article') {
    recordIngestMetrics(obs.metrics, outcome.result, outcome.elapsedMs);
    if (outcome.retry) throw outcome.retry;
  } else if (outcome.kind === 'revisit') {
    if (outcome.result?.change) obs.logger.info('change detected', { id: outcome.result.id, url: outcome.result.url, kind: outcome.result.change });
  } else if (!outcome.ok) {
    if (outcome.counts) recordFailure(obs.metrics, outcome.code);
  } else {
    recordEnqueued(obs.metrics, outcome.enqueued);
    obs.logger.info('list page read', { sourceId: outcome.sourceId, url: outcome.url, links: outcome.links, enqueued: outcome.enqueued });
  }
  return outcome;
}

const obs = createObservability('fetch');
export const handler = makeFetchHandler(lazyRuntime(() => runtimeFromEnv(pipelineLogger(obs.logger), { transport: createSqsTransport, fetcher: (hostDelayMs, hostDeadlineMs) => createHttpFetcher({ hostDelayMs, hostDeadlineMs }), normalize, discover: defaultDiscover })), obs);
