/**
 * The per-host politeness lease (issue 13: the FIFO group per host made every page its own invocation and SQS
 * round trip; on a standard queue any container may hold any host's message, so the host's turn is kept here).
 * One item per host, `LEASE#<host>` / `LEASE`:
 *   nextAt  epoch ms before which no fetch of the host may start (the hold's end plus the host's delay);
 *   heldBy  the token of the last holder (its extensions are conditional on it).
 * acquire is one conditional write (nextAt has passed → nextAt = the caller's, heldBy = a new token): of any
 * number of containers asking at once exactly one gets it. A refused acquire is the same write, billed as one;
 * its answer carries the item as it was (ReturnValuesOnConditionCheckFailure), so until when costs no read.
 * extend moves nextAt on while the token is still the holder's. Nothing ever moves nextAt back: the lease is
 * not released, it runs out (pipeline/polite-batch.ts holdHost), which saves the release write a page paid.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ITEM_KIND, keys } from '../contract/table-design.js';
import type { HostLeaseStore } from './ports.js';
import { storeError } from './sdk-errors.js';

export function createHostLeaseStore(doc: DynamoDBDocumentClient, tableName: string): HostLeaseStore {
  return {
    async acquire(host, nowMs, nextAtMs) {
      const token = randomUUID();
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.hostLease(host),
            UpdateExpression: 'SET nextAt = :next, heldBy = :token, #kind = :kind',
            ConditionExpression: 'attribute_not_exists(nextAt) OR nextAt <= :now',
            ExpressionAttributeNames: { '#kind': 'kind' },
            ExpressionAttributeValues: { ':next': nextAtMs, ':token': token, ':kind': ITEM_KIND.hostLease, ':now': nowMs },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { granted: true, token };
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) return { granted: false, nextAtMs: nextAtOf(err.Item) ?? nowMs };
        throw storeError('DynamoDB', `acquire host lease ${host}`, err);
      }
    },
    async extend(host, token, nextAtMs) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.hostLease(host),
            UpdateExpression: 'SET nextAt = :next',
            ConditionExpression: 'heldBy = :token',
            ExpressionAttributeValues: { ':next': nextAtMs, ':token': token },
          }),
        );
        return true;
      } catch (err) {
        // Our hold ran out and another fetch holds the host now: its lease is not ours to move.
        if (err instanceof ConditionalCheckFailedException) return false;
        throw storeError('DynamoDB', `extend host lease ${host}`, err);
      }
    },
  };
}

/** The refused item's nextAt: the exception carries it in DynamoDB's wire form (the document client does not unmarshall errors). */
function nextAtOf(item: unknown): number | null {
  const raw = (item as { nextAt?: unknown } | undefined)?.nextAt;
  if (typeof raw === 'number') return raw;
  const n = Number((raw as { N?: unknown } | undefined)?.N);
  return Number.isFinite(n) ? n : null;
}
