import { describe, expect, it, vi } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BATCH_WRITE_MAX_ITEMS, batchGetItems, batchWriteItems, type WriteRequest } from '../../../lambdas/store/batch-items.js';
import { JsnewsError } from '../../../lambdas/contract/errors.js';

type Input = { RequestItems: Record<string, unknown> };

/** A document client whose `send` answers with `answer(input)` and keeps every input it was sent. */
function fakeDoc(answer: (input: Input, call: number) => unknown) {
  const inputs: Input[] = [];
  const doc = { send: async (command: { input: Input }) => answer(command.input, inputs.push(structuredClone(command.input)) - 1) } as unknown as DynamoDBDocumentClient;
  return { doc, inputs };
}

const puts = (n: number): WriteRequest[] => Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: { PK: `K#${i}`, SK: 'S' } } }));

describe('batchWriteItems', () => {
  it('sends 25 requests a call and sends again what DynamoDB left unprocessed', async () => {
    const { doc, inputs } = fakeDoc((input, call) => {
      // The first call leaves its last two requests unprocessed (throttled); every other call takes all.
      const chunk = input.RequestItems.t as WriteRequest[];
      return { UnprocessedItems: call === 0 ? { t: chunk.slice(-2) } : {} };
    });
    await batchWriteItems(doc, 't', puts(BATCH_WRITE_MAX_ITEMS + 3), 'test');
    const sizes = inputs.map((i) => (i.RequestItems.t as unknown[]).length);
    expect(sizes).toEqual([25, 2, 3]);
    expect((inputs[1]!.RequestItems.t as WriteRequest[]).map((r) => 'PutRequest' in r && r.PutRequest.Item.PK)).toEqual(['K#23', 'K#24']);
  });

  it('gives up with a retryable store failure when items stay unprocessed', async () => {
    vi.useFakeTimers();
    try {
      const { doc, inputs } = fakeDoc((input) => ({ UnprocessedItems: input.RequestItems }));
      const done = batchWriteItems(doc, 't', puts(1), 'put test items').then(
        () => null,
        (err: unknown) => err,
      );
      await vi.runAllTimersAsync();
      const err = await done;
      expect(err).toBeInstanceOf(JsnewsError);
      expect((err as JsnewsError).retryable).toBe(true);
      expect((err as JsnewsError).message).toMatch(/put test items: still unprocessed/);
      expect(inputs).toHaveLength(7);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('batchGetItems', () => {
  it('reads 100 keys a call, again for unprocessed keys, and returns every item found', async () => {
    const keys = Array.from({ length: 130 }, (_, i) => ({ PK: `K#${i}`, SK: 'S' }));
    const { doc, inputs } = fakeDoc((input, call) => {
      const asked = (input.RequestItems.t as { Keys: { PK: string }[] }).Keys;
      // Call 0 answers half its keys and leaves the other half unprocessed; K#7 does not exist.
      const answered = call === 0 ? asked.slice(0, 50) : asked;
      const left = call === 0 ? asked.slice(50) : [];
      return { Responses: { t: answered.filter((k) => k.PK !== 'K#7').map((k) => ({ ...k, v: 1 })) }, UnprocessedKeys: left.length ? { t: { Keys: left } } : {} };
    });
    const items = await batchGetItems(doc, 't', keys, 'test');
    expect(inputs.map((i) => (i.RequestItems.t as { Keys: unknown[] }).Keys.length)).toEqual([100, 50, 30]);
    expect(items.map((i) => i.PK).sort()).toEqual(keys.map((k) => k.PK).filter((k) => k !== 'K#7').sort());
  });
});
