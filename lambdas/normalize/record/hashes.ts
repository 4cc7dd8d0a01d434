/**
 * Content hashes for the record: `contentHash` (and the text-only `id`) are hex SHA-256.
 * node:crypto is pure computation, allowed in the core.
 */
import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256 of a string (as UTF-8) or of raw bytes. */
export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
