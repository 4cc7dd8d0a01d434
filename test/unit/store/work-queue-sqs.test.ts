/**
 * The SQS transport's requests, captured by a middleware on a real SQSClient before anything leaves the
 * process (there is no local SQS): what is sent, in how many calls, and how refusals come back.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { sqsTransport } from '../../../lambdas/store/work-queue-sqs.js';
import { JsnewsError } from '../../../lambdas/contract/errors.js';

const URLS = { fetch: 'https://sqs.us-east-1.amazonaws.com/000000000000/jsnews-fetch', normalize: 'https://sqs.us-east-1.amazonaws.com/000000000000/jsnews-normalize' };

function capturing(answer: (name: string, input: { Entries: { Id: string }[] }) => unknown = () => ({ Successful: [], Failed: [] })) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const sqs = new SQSClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  sqs.middlewareStack.add(
    (_next, context) => async (args) => {
      const name = String(context.commandName);
      calls.push({ name, input: args.input as Record<string, unknown> });
      return { output: { ...(answer(name, args.input as { Entries: { Id: string }[] }) as object), $metadata: {} } } as never;
    },
    { step: 'initialize', name: 'testCapture', priority: 'high' },
  );
  return { sqs, calls };
}

describe('SQS transport: deferring received fetch messages', () => {
  it('changes their visibility to the given seconds, ten receipt handles per call', async () => {
    const { sqs, calls } = capturing();
    const handles = Array.from({ length: 12 }, (_, i) => `rh-${i}`);
    await sqsTransport(sqs, URLS).defer('fetch', handles, 2);
    expect(calls.map((c) => c.name)).toEqual(['ChangeMessageVisibilityBatchCommand', 'ChangeMessageVisibilityBatchCommand']);
    expect(calls[0]!.input.QueueUrl).toBe(URLS.fetch);
    expect(calls[0]!.input.Entries).toHaveLength(10);
    expect(calls[1]!.input.Entries).toEqual([
      { Id: '0', ReceiptHandle: 'rh-10', VisibilityTimeout: 2 },
      { Id: '1', ReceiptHandle: 'rh-11', VisibilityTimeout: 2 },
    ]);
  });

  it('says which deferrals SQS refused, retryable unless SQS blames the request', async () => {
    const { sqs } = capturing((_name, input) => ({
      Successful: [],
      Failed: input.Entries.map((e) => ({ Id: e.Id, Code: 'ReceiptHandleIsInvalid', Message: 'gone', SenderFault: true })),
    }));
    const err = await sqsTransport(sqs, URLS).defer('fetch', ['rh-1'], 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JsnewsError);
    expect((err as JsnewsError).message).toBe('SQS refused to defer 1 of 1 messages: ReceiptHandleIsInvalid: gone');
    expect((err as JsnewsError).retryable).toBe(false);
  });
});

describe('SQS transport: sending', () => {
  it('sends ten messages per call with their DelaySeconds slot, and no FIFO group or deduplication id', async () => {
    const { sqs, calls } = capturing();
    await sqsTransport(sqs, URLS).send('fetch', Array.from({ length: 11 }, (_, i) => ({ body: `{"n":${i}}`, ...(i > 0 ? { delaySeconds: 3 * i } : {}) })));
    expect(calls.map((c) => c.name)).toEqual(['SendMessageBatchCommand', 'SendMessageBatchCommand']);
    const entries = calls.flatMap((c) => c.input.Entries as Record<string, unknown>[]);
    expect(entries[0]).toEqual({ Id: '0', MessageBody: '{"n":0}', DelaySeconds: undefined });
    expect(entries[10]).toEqual({ Id: '0', MessageBody: '{"n":10}', DelaySeconds: 30 });
    expect(entries.some((e) => 'MessageGroupId' in e || 'MessageDeduplicationId' in e)).toBe(false);
  });
});
