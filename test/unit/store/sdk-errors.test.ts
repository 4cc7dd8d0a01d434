import { describe, expect, it } from 'vitest';
import { isTransientStoreError, storeError } from '../../../lambdas/store/sdk-errors.js';
import { JsnewsError } from '../../../lambdas/contract/errors.js';

/** An error shaped like an AWS SDK v3 service exception (name, $fault, $metadata.httpStatusCode). */
function sdkError(name: string, status: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} message`), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, ...extra });
}
function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:4566`), { code });
}

describe('SDK error mapping', () => {
  it.each([
    ['DynamoDB throttling (HTTP 400)', sdkError('ThrottlingException', 400)],
    ['provisioned throughput exceeded (HTTP 400)', sdkError('ProvisionedThroughputExceededException', 400)],
    ['S3 RequestTimeout (HTTP 400)', sdkError('RequestTimeout', 400)],
    ['S3 SlowDown (HTTP 503)', sdkError('SlowDown', 503)],
    ['an internal server error', sdkError('InternalServerError', 500)],
    ['HTTP 429', sdkError('TooManyRequestsException', 429)],
    ['a refused connection', socketError('ECONNREFUSED')],
    ['a reset connection', socketError('ECONNRESET')],
    ['a refused connection inside an AggregateError (happy eyeballs)', new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], 'connect failed')],
    ['a reset in the cause chain', new Error('socket hang up', { cause: socketError('ECONNRESET') })],
    ['an SDK timeout without a status', Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError' })],
  ])('transient: %s', (_what, err) => {
    expect(isTransientStoreError(err)).toBe(true);
    expect(storeError('DynamoDB', 'put record x', err)).toMatchObject({ code: 'STORE_FAILED', retryable: true });
  });

  it.each([
    ['an item over the size limit', sdkError('ValidationException', 400, { message: 'Item size has exceeded the maximum allowed size' })],
    ['a failed condition', sdkError('ConditionalCheckFailedException', 400)],
    ['access denied', sdkError('AccessDenied', 403)],
    ['a missing bucket', sdkError('NoSuchBucket', 404)],
    ['a missing table', sdkError('ResourceNotFoundException', 400)],
  ])('permanent: %s', (_what, err) => {
    expect(isTransientStoreError(err)).toBe(false);
    expect(storeError('S3', 'put raw/x', err).retryable).toBe(false);
  });

  it('names the service and the call, keeps the cause, and passes a JsnewsError through', () => {
    const cause = sdkError('NoSuchBucket', 404);
    const e = storeError('S3', 'put raw/ab/x.html.gz', cause);
    expect(e.message).toBe('S3 put raw/ab/x.html.gz: NoSuchBucket message');
    expect(e.cause).toBe(cause);
    const own = new JsnewsError('STORE_FAILED', 'already mapped', false);
    expect(storeError('DynamoDB', 'get', own)).toBe(own);
  });
});
