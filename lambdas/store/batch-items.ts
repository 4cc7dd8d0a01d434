/**
 * BatchGetItem and BatchWriteItem over the single table, for the stores that read or write many small items at once
 * (URL states, fetch pointers, tracking items of a fetch batch: issue 13, ~6 requests a page were the pipeline's
 * largest CPU cost after normalize). Both follow the DynamoDB docs for batch operations: at most 100 keys a get and
 * 25 requests a write per call, and UnprocessedKeys / UnprocessedItems (throttling, the 16 MB response cap) sent
 * again with exponential backoff. What is still unprocessed after BATCH_MAX_ATTEMPTS calls is a retryable store
 * failure: the caller records its pages as failed (nothing is lost, the next run or SQS retry redoes them).
 * A batch write has no conditions: use it only for items whose every write is a plain overwrite.
 * DynamoDB refuses a BatchGetItem or BatchWriteItem that names a key twice (ValidationException, the whole call): both
 * send each key once, a write the last request of a key (as puts and deletes in order would leave it), so callers
 * may pass a batch's items as they come (two URLs of one record, one pointer fetched twice).
 */
import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { storeCall } from './sdk-errors.js';
import { TABLE_KEY_ATTRIBUTES } from '../contract/table-design.js';

/** BatchGetItem takes at most 100 keys per call. */
export const BATCH_GET_MAX_KEYS = 100;
/** BatchWriteItem takes at most 25 put or delete requests per call. */
export const BATCH_WRITE_MAX_ITEMS = 25;
/** Calls per chunk before giving up on its unprocessed part: 50 ms, 100 ms, ... between them (~3 s in all). */
const BATCH_MAX_ATTEMPTS = 7;
const BATCH_RETRY_BASE_MS = 50;

type Item = Record<string, unknown>;
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

/** An item's or a key's table key as one string. */
const keyOf = (item: Item): string => JSON.stringify(TABLE_KEY_ATTRIBUTES.map((name) => item[name]));

/** Each key once, the first time it comes. */
function eachKeyOnce(keys: readonly Item[]): Item[] {
  const seen = new Map<string, Item>();
  for (const key of keys) if (!seen.has(keyOf(key))) seen.set(keyOf(key), key);
  return [...seen.values()];
}

/** One request a key, the last one of it: what the requests applied in order would leave. */
function lastPerKey(requests: readonly WriteRequest[]): WriteRequest[] {
  const last = new Map<string, WriteRequest>();
  for (const r of requests) last.set(keyOf('PutRequest' in r ? r.PutRequest.Item : r.DeleteRequest.Key), r);
  return [...last.values()];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends `first`, then whatever each answer leaves unprocessed, with backoff; throws once attempts run out. */
async function untilProcessed<R>(what: string, first: R, send: (request: R) => Promise<R | null>): Promise<void> {
  let request: R | null = first;
  for (let attempt = 0; request; attempt++) {
    if (attempt >= BATCH_MAX_ATTEMPTS) throw new JsnewsError(ErrorCode.StoreFailed, `DynamoDB ${what}: still unprocessed after ${BATCH_MAX_ATTEMPTS} calls`, true);
    if (attempt > 0) await sleep(BATCH_RETRY_BASE_MS * 2 ** (attempt - 1));
    request = await send(request);
  }
}

/** The items of `keys` that exist (in no particular order), each once (a key named twice is read once). */
export async function batchGetItems(doc: DynamoDBDocumentClient, tableName: string, keyList: readonly Item[], what: string): Promise<Item[]> {
  const keys = eachKeyOnce(keyList);
  const found: Item[] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_MAX_KEYS) {
    await untilProcessed(what, keys.slice(i, i + BATCH_GET_MAX_KEYS), async (chunk) => {
      const out = await storeCall('DynamoDB', what, () => doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: chunk } } })));
      found.push(...((out.Responses?.[tableName] ?? []) as Item[]));
      const left = out.UnprocessedKeys?.[tableName]?.Keys as Item[] | undefined;
      return left && left.length > 0 ? left : null;
    });
  }
  return found;
}

/**
 * Every request of `requestList` applied as if in order (puts overwrite, deletes of nothing are no-ops; of a key named
 * twice only its last request is sent); chunks of 25 one after another.
 */
export async function batchWriteItems(doc: DynamoDBDocumentClient, tableName: string, requestList: readonly WriteRequest[], what: string): Promise<void> {
  const requests = lastPerKey(requestList);
  for (let i = 0; i < requests.length; i += BATCH_WRITE_MAX_ITEMS) {
    await untilProcessed(what, requests.slice(i, i + BATCH_WRITE_MAX_ITEMS), async (chunk) => {
      const out = await storeCall('DynamoDB', what, () => doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: chunk } })));
      const left = out.UnprocessedItems?.[tableName] as WriteRequest[] | undefined;
      return left && left.length > 0 ? left : null;
    });
  }
}
