/**
 * Meters for the cost bench: SDK middleware that counts what the unmodified store code sends to
 * DynamoDB, S3 and SQS, without touching any store code path.
 *
 * - DynamoDB: every command is sent with ReturnConsumedCapacity: INDEXES, and the ConsumedCapacity
 *   DynamoDB Local returns (table and each GSI) is summed. A conditional write whose condition fails
 *   returns no ConsumedCapacity, but AWS still bills it (see FAILED_CONDITION_MIN_WRU); it is counted
 *   from the item's size. A batch read is billed for every key it asks for, found or not (at least half a read
 *   unit a key eventually consistent, one strongly consistent); DynamoDB Local reports nothing for missing keys in
 *   a BatchGetItem, so the meter tops each table's reported units up to that floor (batchReadFloor).
 * - S3: requests by command, bytes sent in PutObject bodies and received in GetObject bodies.
 * - SQS: nothing is sent anywhere. The client answers every SendMessageBatch itself (all entries
 *   successful), after counting requests as SQS bills them: each 64 KB of a request's payload is one.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';

/** SQS bills each 64 KB chunk of a request's payload as one request (Amazon SQS pricing page). */
export const SQS_BILLING_CHUNK_BYTES = 64 * 1024;
/** A write unit covers 1 KB of item; a failed conditional write is billed at least one. */
export const WRITE_UNIT_BYTES = 1024;
export const FAILED_CONDITION_MIN_WRU = 1;

export interface DynamoUse {
  requests: number;
  /** Write and read request units, table and indexes together. */
  wru: number;
  rru: number;
  /** Units by where they were consumed: "table" or the GSI name. */
  byTarget: Map<string, { wru: number; rru: number }>;
  /** Conditional writes refused (billed from the item's size, see the header). */
  failedConditions: number;
  /** What the host lease items (`LEASE#<host>`) took of the above: requests and units. */
  lease: { requests: number; wru: number; rru: number; refused: number };
}

export interface S3Use {
  requests: Map<string, number>;
  bytesPut: number;
  bytesGot: number;
}

export interface SqsUse {
  /** Billed requests (64 KB chunks) and API calls, by operation. */
  billed: number;
  calls: number;
  messages: number;
  payloadBytes: number;
  /** Received messages handed back (ChangeMessageVisibility: per-host politeness deferrals), and the calls that did it. */
  deferred: number;
  deferralCalls: number;
  /** Every message sent, by queue URL, with its DelaySeconds: the bench replays them as Lambda events. */
  sent: Map<string, { body: string; delaySeconds: number }[]>;
  /** Every hand-back: the receipt handle and its new visibility, in seconds. */
  handedBack: Map<string, number>;
}

export interface Meter {
  dynamo: DynamoUse;
  s3: S3Use;
  sqs: SqsUse;
}

export function newMeter(): Meter {
  return {
    dynamo: { requests: 0, wru: 0, rru: 0, byTarget: new Map(), failedConditions: 0, lease: { requests: 0, wru: 0, rru: 0, refused: 0 } },
    s3: { requests: new Map(), bytesPut: 0, bytesGot: 0 },
    sqs: { billed: 0, calls: 0, messages: 0, payloadBytes: 0, deferred: 0, deferralCalls: 0, sent: new Map(), handedBack: new Map() },
  };
}

/** Resets every counter in place (the middleware keeps writing into the same meter). */
export function resetMeter(m: Meter): void {
  Object.assign(m.dynamo, { requests: 0, wru: 0, rru: 0, failedConditions: 0, lease: { requests: 0, wru: 0, rru: 0, refused: 0 } });
  m.dynamo.byTarget.clear();
  m.s3.requests.clear();
  Object.assign(m.s3, { bytesPut: 0, bytesGot: 0 });
  Object.assign(m.sqs, { billed: 0, calls: 0, messages: 0, payloadBytes: 0, deferred: 0, deferralCalls: 0 });
  m.sqs.sent.clear();
  m.sqs.handedBack.clear();
}

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}
interface ConsumedCapacity extends Capacity {
  Table?: Capacity;
  GlobalSecondaryIndexes?: Record<string, Capacity>;
  LocalSecondaryIndexes?: Record<string, Capacity>;
}

const WRITE_COMMANDS = new Set(['PutCommand', 'UpdateCommand', 'DeleteCommand', 'BatchWriteCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteCommand', 'TransactWriteItemsCommand']);

function addCapacity(use: DynamoUse, target: string, write: boolean, c: Capacity | undefined): void {
  if (!c) return;
  const units = c.CapacityUnits ?? (write ? c.WriteCapacityUnits : c.ReadCapacityUnits) ?? 0;
  const row = use.byTarget.get(target) ?? { wru: 0, rru: 0 };
  if (write) row.wru += units;
  else row.rru += units;
  use.byTarget.set(target, row);
}

function recordCapacity(use: DynamoUse, write: boolean, consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
  for (const cc of consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]) {
    const total = cc.CapacityUnits ?? 0;
    if (write) use.wru += total;
    else use.rru += total;
    addCapacity(use, 'table', write, cc.Table);
    for (const [name, c] of Object.entries(cc.GlobalSecondaryIndexes ?? {})) addCapacity(use, name, write, c);
  }
}

/** AWS on-demand: a read of up to 4 KB is one read unit strongly consistent, half eventually consistent; a key
 * that is not found is still billed as a read (DynamoDB pricing, read request units). */
export const EVENTUAL_READ_MIN_RRU = 0.5;
export const CONSISTENT_READ_MIN_RRU = 1;

interface BatchGetInput {
  RequestItems?: Record<string, { Keys?: unknown[]; ConsistentRead?: boolean }>;
}
interface BatchGetOutput {
  Responses?: Record<string, unknown[]>;
  UnprocessedKeys?: Record<string, { Keys?: unknown[] }>;
}

/**
 * The read units a BatchGetItem is billed for the keys it found nothing under, which DynamoDB Local leaves out of
 * ConsumedCapacity: per table, keys asked minus items returned minus keys handed back unprocessed, times the
 * minimum read of their consistency. Found items are in the reported capacity already.
 */
export function notFoundReadUnits(input: BatchGetInput, output: BatchGetOutput): number {
  let units = 0;
  for (const [table, req] of Object.entries(input.RequestItems ?? {})) {
    const asked = req.Keys?.length ?? 0;
    const found = output.Responses?.[table]?.length ?? 0;
    const unprocessed = output.UnprocessedKeys?.[table]?.Keys?.length ?? 0;
    units += Math.max(0, asked - found - unprocessed) * (req.ConsistentRead ? CONSISTENT_READ_MIN_RRU : EVENTUAL_READ_MIN_RRU);
  }
  return units;
}

/** Size of an item, closely enough for billing: its JSON (names + values, as DynamoDB counts them, plus a little punctuation). */
function itemBytes(item: unknown): number {
  return Buffer.byteLength(JSON.stringify(item ?? {}));
}

export function meterDynamo(client: DynamoDBClient, use: DynamoUse): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'INDEXES';
      const name = String(context.commandName);
      const write = WRITE_COMMANDS.has(name);
      const isLease = String((input.Key as { PK?: unknown } | undefined)?.PK ?? '').startsWith('LEASE#');
      // This command's own units (handlers run a batch's records at once, so the totals move under other commands too).
      const own = (units: number) => {
        if (!isLease) return;
        if (write) use.lease.wru += units;
        else use.lease.rru += units;
      };
      use.requests++;
      if (isLease) use.lease.requests++;
      try {
        const out = await next(args);
        const consumed = (out.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
        recordCapacity(use, write, consumed);
        if (name === 'BatchGetItemCommand' || name === 'BatchGetCommand') {
          const extra = notFoundReadUnits(input as BatchGetInput, out.output as BatchGetOutput);
          if (extra > 0) {
            use.rru += extra;
            addCapacity(use, 'table (batch keys not found)', false, { CapacityUnits: extra });
          }
        }
        own((consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]).reduce((n, c) => n + (c.CapacityUnits ?? 0), 0));
        return out;
      } catch (err) {
        if ((err as { name?: string }).name === 'ConditionalCheckFailedException') {
          use.failedConditions++;
          if (isLease) use.lease.refused++;
          const units = Math.max(FAILED_CONDITION_MIN_WRU, Math.ceil(itemBytes(input.Item ?? input.Key) / WRITE_UNIT_BYTES));
          use.wru += units;
          addCapacity(use, 'table (failed condition)', true, { CapacityUnits: units });
          own(units);
        }
        throw err;
      }
    },
    { step: 'initialize', name: 'benchMeterCapacity', priority: 'high' },
  );
}

function bodyBytes(body: unknown): number {
  if (body === undefined || body === null) return 0;
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  return 0;
}

export function meterS3(client: S3Client, use: S3Use): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName).replace(/Command$/, '');
      use.requests.set(name, (use.requests.get(name) ?? 0) + 1);
      if (name === 'PutObject') use.bytesPut += bodyBytes((args.input as { Body?: unknown }).Body);
      const out = await next(args);
      if (name === 'GetObject') use.bytesGot += Number((out.output as { ContentLength?: number }).ContentLength ?? 0);
      return out;
    },
    { step: 'initialize', name: 'benchMeterS3', priority: 'high' },
  );
}

/** An SQS client that never leaves the process: counts and keeps what the work queue sends. */
export function meteredSqs(use: SqsUse): SQSClient {
  const sqs = new SQSClient({ region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  sqs.middlewareStack.add(
    (_next, context) => async (args) => {
      const input = args.input as { QueueUrl: string; Entries?: { Id: string; MessageBody: string; DelaySeconds?: number; ReceiptHandle?: string; VisibilityTimeout?: number }[] };
      const entries = input.Entries ?? [];
      if (context.commandName === 'ChangeMessageVisibilityBatchCommand') {
        // A small request: one billed 64 KB chunk.
        use.calls++;
        use.billed++;
        use.deferred += entries.length;
        use.deferralCalls++;
        for (const e of entries) use.handedBack.set(e.ReceiptHandle ?? '', e.VisibilityTimeout ?? 0);
        return { output: { Successful: entries.map((e) => ({ Id: e.Id })), Failed: [], $metadata: {} } } as never;
      }
      const payload = entries.reduce((n, e) => n + Buffer.byteLength(e.MessageBody), 0);
      use.calls++;
      use.messages += entries.length;
      use.payloadBytes += payload;
      use.billed += Math.max(1, Math.ceil(payload / SQS_BILLING_CHUNK_BYTES));
      const bodies = use.sent.get(input.QueueUrl) ?? [];
      bodies.push(...entries.map((e) => ({ body: e.MessageBody, delaySeconds: e.DelaySeconds ?? 0 })));
      use.sent.set(input.QueueUrl, bodies);
      return { output: { Successful: entries.map((e) => ({ Id: e.Id, MessageId: e.Id, MD5OfMessageBody: '' })), Failed: [], $metadata: {} } } as never;
    },
    { step: 'initialize', name: 'benchSqsLoopback', priority: 'high' },
  );
  return sqs;
}
