/**
 * The per-host politeness lease (issue 13: the FIFO group per host made every page its own invocation and SQS
 * round trip; on a standard queue any container may hold any host's message, so the host's turn is kept here).
 * One item per host, `LEASE#<host>` / `LEASE`:
 *   nextAt  epoch ms before which no fetch of the host may start;
 *   heldBy  the holder's token while a fetch Lambda works on the host (absent once released).
 * acquire is one conditional write (nextAt has passed → nextAt = the hold's end, heldBy = a new token): of any
 * number of containers asking at once exactly one gets it. The hold ends by itself (a holder that died frees the
 * host at holdUntil); release writes nextAt = the fetch's end + the host's delay, only while the token is still
 * the holder's. A refused acquire reads the item (eventually consistent, half a read unit) to say until when.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ITEM_KIND, keys } from '../contract/table-design.js';
import type { HostLeaseStore, LeaseGrant } from './ports.js';
import { storeError } from './sdk-errors.js';

export function createHostLeaseStore(doc: DynamoDBDocumentClient, tableName: string): HostLeaseStore {
  async function refusal(host: string, nowMs: number): Promise<LeaseGrant> {
    try {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.hostLease(host), ProjectionExpression: 'nextAt, heldBy' }));
      const nextAt = typeof out.Item?.nextAt === 'number' ? out.Item.nextAt : nowMs;
      return { granted: false, nextAtMs: nextAt, held: typeof out.Item?.heldBy === 'string' };
    } catch (err) {
      throw storeError('DynamoDB', `read host lease ${host}`, err);
    }
  }

  return {
    async acquire(host, nowMs, holdUntilMs) {
      const token = randomUUID();
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.hostLease(host),
            UpdateExpression: 'SET nextAt = :hold, heldBy = :token, #kind = :kind',
            ConditionExpression: 'attribute_not_exists(nextAt) OR nextAt <= :now',
            ExpressionAttributeNames: { '#kind': 'kind' },
            ExpressionAttributeValues: { ':hold': holdUntilMs, ':token': token, ':kind': ITEM_KIND.hostLease, ':now': nowMs },
          }),
        );
        return { granted: true, token };
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) return refusal(host, nowMs);
        throw storeError('DynamoDB', `acquire host lease ${host}`, err);
      }
    },
    async release(host, token, nextAtMs) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.hostLease(host),
            UpdateExpression: 'SET nextAt = :next REMOVE heldBy',
            ConditionExpression: 'heldBy = :token',
            ExpressionAttributeValues: { ':next': nextAtMs, ':token': token },
          }),
        );
      } catch (err) {
        // Our hold ran out and another fetch holds the host now: its lease is not ours to move.
        if (err instanceof ConditionalCheckFailedException) return;
        throw storeError('DynamoDB', `release host lease ${host}`, err);
      }
    },
  };
}
