/**
 * The pure core: page bytes plus context in, one contract record out. No network, no store,
 * no clock, no environment. (Work in progress: the real pipeline of stages lands next.)
 */
import type { NewsRecord, PageContext } from './record/schema.js';
import { ErrorCode, JsnewsError } from './errors.js';

export const NORMALIZER_VERSION = '0.1.0';

export function normalize(bytes: Uint8Array, ctx: PageContext): NewsRecord {
  void bytes;
  void ctx;
  throw new JsnewsError(ErrorCode.Internal, 'normalize is not implemented yet');
}
