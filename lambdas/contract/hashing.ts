/**
 * Hashes shared by the record (contentHash, id), the store (URL keys, raw archive keys) and the
 * work queue (deduplication ids). node:crypto is pure computation, allowed everywhere.
 */
import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256 of a string (as UTF-8) or of raw bytes. */
export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

const HEX64 = /^[0-9a-f]{16}$/;

/** Number of differing bits between two 16-hex-digit SimHashes. */
export function hammingDistance(a: string, b: string): number {
  if (!HEX64.test(a) || !HEX64.test(b)) throw new RangeError(`not a 64-bit hex simhash: ${a} / ${b}`);
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff > 0n) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}
