/**
 * A worker thread of the normalize pool (normalize-pool.ts): runs the pure normalizer on the bytes it
 * is sent and posts back the record, or the error's code, message and retryability.
 */
import { parentPort } from 'node:worker_threads';
import { normalize } from '../normalize/index.js';
import { toJsnewsError } from '../normalize/errors.js';
import type { NormalizeRequest, NormalizeResponse } from './normalize-pool.js';

if (!parentPort) throw new Error('normalize-worker.ts runs only as a worker thread');
const port = parentPort;

port.on('message', (req: NormalizeRequest) => {
  let res: NormalizeResponse;
  try {
    res = { id: req.id, ok: true, record: normalize(req.bytes, req.ctx) };
  } catch (err) {
    const e = toJsnewsError(err);
    res = { id: req.id, ok: false, error: { code: e.code, message: e.message, retryable: e.retryable } };
  }
  port.postMessage(res);
});
