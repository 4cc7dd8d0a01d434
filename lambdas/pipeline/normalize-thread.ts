/**
 * A worker thread of the pipeline's normalize pool (normalize-pool.ts): the normalizer loaded once, each request
 * answered with its record or the error it threw, in the order the requests came.
 */
import { parentPort } from 'node:worker_threads';
import { toJsnewsError } from '../contract/errors.js';
import { normalize } from '../normalize/index.js';
import type { NormalizeReply, NormalizeRequest } from './normalize-pool.js';

const port = parentPort!;
port.on('message', ({ id, bytes, ctx }: NormalizeRequest) => {
  let reply: NormalizeReply;
  try {
    reply = { id, record: normalize(bytes, ctx) };
  } catch (err) {
    const e = toJsnewsError(err);
    reply = { id, error: { code: e.code, message: e.message, retryable: e.retryable } };
  }
  port.postMessage(reply);
});
