/**
 * Failures are data: every URL that failed (fetch codes, NO_ARTICLE and other normalize errors,
 * store errors) is one item per (source, URL) with code, reason, attempt count, first/last time and
 * the next time it is due for a retry (exponential backoff). Success clears it. `dueFailures` is a
 * Query on the overloaded GSI2 (`DUE#<sourceId>`, sorted by nextRetryAt), never a Scan.
 */
import { redactText, stripCredentials } from '../contract/redact.js';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FailureInput, FailureItem, FailureStore } from './ports.js';
import { GSI, ITEM_KIND, keys } from '../contract/table-design.js';
import { sha256Hex } from '../contract/hashing.js';
import { storeError } from './sdk-errors.js';

/** First retry of a transient failure (5xx, timeout): soon, the next cycle or two. */
export const RETRYABLE_BACKOFF_BASE_MS = 15 * 60 * 1000;
/** First retry of a permanent-looking failure (404, NO_ARTICLE, robots): a page may still change, but not often. */
export const PERMANENT_BACKOFF_BASE_MS = 24 * 60 * 60 * 1000;
/** Each further attempt doubles the wait. */
export const BACKOFF_FACTOR = 2;
/** Never wait longer than a week: a page that keeps failing is still retried now and then. */
export const MAX_BACKOFF_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A transient failure of our own stores (S3 or DynamoDB were down or throttled) says nothing about
 * the page: it is due again at once, so the next run after the outage retries it (issue 10 item 9:
 * with the 15-minute backoff an immediate rerun stored 0 of 5 pages).
 */
export const STORE_OUTAGE_BACKOFF_MS = 0;

/** Wait before the next retry of a failure after `attempts` failures. */
export function retryDelayMs(input: Pick<FailureInput, 'stage' | 'retryable'>, attempts: number): number {
  if (input.stage === 'store' && input.retryable) return STORE_OUTAGE_BACKOFF_MS;
  return backoffMs(attempts, input.retryable);
}

/** Wait before the next retry after `attempts` failures. */
export function backoffMs(attempts: number, retryable: boolean): number {
  const base = retryable ? RETRYABLE_BACKOFF_BASE_MS : PERMANENT_BACKOFF_BASE_MS;
  return Math.min(MAX_BACKOFF_MS, base * BACKOFF_FACTOR ** Math.max(0, attempts - 1));
}

export function createFailureStore(doc: DynamoDBDocumentClient, tableName: string): FailureStore {
  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw storeError('DynamoDB', what, err);
    }
  };
  return {
    async record(input, now) {
      const key = keys.failure(input.sourceId, input.url);
      const prev = await call(`get failure ${input.url}`, () => doc.send(new GetCommand({ TableName: tableName, Key: key })));
      const previous = prev.Item as FailureItem | undefined;
      const attempts = (previous?.attempts ?? 0) + 1;
      const nowIso = now.toISOString();
      const nextRetryAt = new Date(now.getTime() + retryDelayMs(input, attempts)).toISOString();
      const item: FailureItem = {
        ...input,
        // What is stored is what may be shown: no credentials, no 100 kB reasons (the key still hashes the URL as given).
        url: stripCredentials(input.url),
        reason: redactText(input.reason),
        status: input.status ?? null,
        attempts,
        firstFailedAt: previous?.firstFailedAt ?? nowIso,
        lastFailedAt: nowIso,
        nextRetryAt,
      };
      await call(`put failure ${input.url}`, () =>
        doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...key,
              kind: ITEM_KIND.failure,
              ...item,
              GSI2PK: keys.dueFailurePartition(input.sourceId),
              GSI2SK: `${nextRetryAt}#${sha256Hex(input.url)}`,
            },
          }),
        ),
      );
      return item;
    },
    async clear(sourceId, url) {
      await call(`delete failure ${url}`, () => doc.send(new DeleteCommand({ TableName: tableName, Key: keys.failure(sourceId, url) })));
    },
    async listBySource(sourceId) {
      return queryAll(doc, tableName, {
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.failurePartition(sourceId) },
      });
    },
    async dueFailures(sourceId, now) {
      return queryAll(doc, tableName, {
        IndexName: GSI.bySiteDate,
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :due',
        ExpressionAttributeValues: { ':pk': keys.dueFailurePartition(sourceId), ':due': `${now.toISOString()}#~` },
      });
    },
  };
}

async function queryAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  q: { IndexName?: string; KeyConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> },
): Promise<FailureItem[]> {
  const out: FailureItem[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc
      .send(new QueryCommand({ TableName: tableName, ...q, ExclusiveStartKey: startKey }))
      .catch((err: unknown) => {
        throw storeError('DynamoDB', 'query failures', err);
      });
    for (const it of page.Items ?? []) out.push(toFailure(it));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return out;
}

function toFailure(it: Record<string, unknown>): FailureItem {
  return {
    sourceId: it.sourceId as string,
    url: it.url as string,
    stage: it.stage as FailureItem['stage'],
    code: it.code as FailureItem['code'],
    reason: it.reason as string,
    retryable: Boolean(it.retryable),
    status: (it.status as number | null | undefined) ?? null,
    attempts: it.attempts as number,
    firstFailedAt: it.firstFailedAt as string,
    lastFailedAt: it.lastFailedAt as string,
    nextRetryAt: it.nextRetryAt as string,
  };
}
