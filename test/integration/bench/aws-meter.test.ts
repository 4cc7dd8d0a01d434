/**
 * The cost bench's DynamoDB meter on DynamoDB Local: a BatchGetItem asking for keys that are not there is billed on
 * AWS (half a read unit a key, eventually consistent), but DynamoDB Local reports no capacity for them; the meter
 * must count them, and must not count a found item twice.
 */
import { BatchGetItemCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meterDynamo, newMeter, notFoundReadUnits } from '../../bench/aws-meter.js';
import { startTestStores, type TestStores } from '../../helpers/local-stores.js';

let stores: TestStores;
const use = newMeter().dynamo;
beforeAll(async () => {
  stores = await startTestStores();
  meterDynamo(stores.clients.dynamo, use);
}, 120_000);
afterAll(async () => {
  await stores?.stop();
});

describe('notFoundReadUnits', () => {
  it('counts keys asked minus items returned minus unprocessed keys, at the consistency minimum', () => {
    const input = { RequestItems: { t: { Keys: [1, 2, 3, 4] }, c: { Keys: [1, 2], ConsistentRead: true } } };
    expect(notFoundReadUnits(input, { Responses: { t: [{}], c: [] }, UnprocessedKeys: { t: { Keys: [4] } } })).toBe(2 * 0.5 + 2 * 1);
    expect(notFoundReadUnits(input, { Responses: { t: [{}, {}, {}, {}], c: [{}, {}] } })).toBe(0);
  });
});

describe('meterDynamo on DynamoDB Local', () => {
  it('bills the keys a batch read found nothing under, once', async () => {
    const s = await stores.freshStores();
    const client = stores.clients.dynamo;
    await client.send(new PutItemCommand({ TableName: s.tableName, Item: { PK: { S: 'X#1' }, SK: { S: 'A' }, v: { S: 'small' } } }));
    const before = use.rru;
    await client.send(new BatchGetItemCommand({ RequestItems: { [s.tableName]: { Keys: [{ PK: { S: 'X#1' }, SK: { S: 'A' } }, { PK: { S: 'X#2' }, SK: { S: 'A' } }, { PK: { S: 'X#3' }, SK: { S: 'A' } }] } } }));
    // One small item found (0.5 eventually consistent, reported by DynamoDB Local) + two keys not found (0.5 each).
    expect(use.rru - before).toBe(1.5);
  });

  it('bills a GetItem of a missing key as DynamoDB Local reports it (half a unit)', async () => {
    const s = await stores.freshStores();
    const client = stores.clients.dynamo;
    const before = use.rru;
    await client.send(new GetItemCommand({ TableName: s.tableName, Key: { PK: { S: 'X#none' }, SK: { S: 'A' } } }));
    expect(use.rru - before).toBe(0.5);
  });
});
