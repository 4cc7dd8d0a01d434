/**
 * 64-bit SimHash of article text, for finding reposts of one story across sites.
 *
 * Features are character 3-grams ("shingles") of the text reduced to Han characters, Latin letters and
 * digits: Chinese has no word breaks, and 3-grams are long enough to be specific to a story yet short
 * enough that one edited sentence only changes the shingles it touches. Punctuation and white space are
 * dropped so full/half-width marks and re-wrapping do not change the hash. Each DISTINCT shingle votes
 * once on each of the 64 bits of its FNV-1a 64 hash (so a phrase repeated twenty times, 项目建设, does not
 * outvote the rest); a bit is set when its vote is positive.
 * Two reposts of one story land a few bits apart; unrelated stories about half of 64.
 */

/** Characters per shingle (see above for why 3). */
export const SHINGLE_CHARS = 3;
const HASH_BITS = 64;
/** What a shingle is made of: Han, Latin letters, digits. Everything else is dropped first. */
const KEPT_CHARS = /[\p{Script=Han}A-Za-z0-9]/gu;

/** FNV-1a 64-bit parameters (offset basis 0xcbf29ce484222325, prime 0x100000001b3), as two 32-bit halves. */
const FNV_OFFSET_HI = 0xcbf29ce4;
const FNV_OFFSET_LO = 0x84222325;
const FNV_PRIME_LO = 0x1b3;
const TWO_TO_32 = 2 ** 32;

/** UTF-8 bytes of one code point (TextEncoder per character is several times slower). */
function utf8Bytes(codePoint: number): number[] {
  if (codePoint < 0x80) return [codePoint];
  if (codePoint < 0x800) return [0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f)];
  if (codePoint < 0x10000) return [0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
  return [0xf0 | (codePoint >> 18), 0x80 | ((codePoint >> 12) & 0x3f), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
}

/**
 * FNV-1a 64 over byte lists, as [hi, lo] 32-bit unsigned halves. Done in doubles rather than BigInt for
 * speed: prime = 2^40 + 0x1b3, so h·prime = h·0x1b3 + (lo << 40), each part exact below 2^53.
 */
function fnv1a64Bytes(parts: readonly (readonly number[])[]): [number, number] {
  let hi = FNV_OFFSET_HI;
  let lo = FNV_OFFSET_LO;
  for (let p = 0; p < parts.length; p++) {
    const bytes = parts[p]!;
    for (let b = 0; b < bytes.length; b++) {
      lo = (lo ^ bytes[b]!) >>> 0;
      const low = lo * FNV_PRIME_LO; // < 2^41, exact; `>>> 0` takes an exact integer mod 2^32
      const carry = (low / TWO_TO_32) >>> 0; // division by 2^32 is exact; `>>> 0` truncates to the integer part
      hi = (hi * FNV_PRIME_LO + carry + ((lo << 8) >>> 0)) >>> 0;
      lo = low >>> 0;
    }
  }
  return [hi, lo];
}

/** FNV-1a 64 of a string's UTF-8 bytes as [hi, lo]. */
export function fnv1a64(text: string): [number, number] {
  return fnv1a64Bytes([...text].map((c) => utf8Bytes(c.codePointAt(0)!)));
}

/** Distinct shingles as [start index, key] over the kept characters' code points (keys only dedupe; nothing is copied). */
function distinctShingleStarts(chars: readonly string[]): number[] {
  const count = chars.length < SHINGLE_CHARS ? Math.min(chars.length, 1) : chars.length - SHINGLE_CHARS + 1;
  const seen = new Set<string>();
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    const key = chars.length < SHINGLE_CHARS ? chars.join('') : chars[i]! + chars[i + 1]! + chars[i + 2]!;
    if (seen.has(key)) continue;
    seen.add(key);
    starts.push(i);
  }
  return starts;
}

/** FNV-1a 64 over the UTF-8 bytes of `n` code points from `start`, without building byte arrays. */
function fnv1a64CodePoints(codePoints: readonly number[], start: number, n: number): [number, number] {
  let hi = FNV_OFFSET_HI;
  let lo = FNV_OFFSET_LO;
  const step = (byte: number) => {
    lo = (lo ^ byte) >>> 0;
    const low = lo * FNV_PRIME_LO;
    const carry = (low / TWO_TO_32) >>> 0;
    hi = (hi * FNV_PRIME_LO + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = low >>> 0;
  };
  for (let i = start; i < start + n; i++) for (const byte of utf8Bytes(codePoints[i]!)) step(byte);
  return [hi, lo];
}

function toHex(hi: number, lo: number): string {
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** SimHash as 16 lowercase hex digits; "0000000000000000" for text with no Han, letters or digits. */
export function simhash64(text: string): string {
  const votes = new Array<number>(HASH_BITS).fill(0);
  const chars = text.toLowerCase().match(KEPT_CHARS) ?? [];
  const codePoints = chars.map((c) => c.codePointAt(0)!);
  const width = Math.min(chars.length, SHINGLE_CHARS);
  for (const start of distinctShingleStarts(chars)) {
    const [hi, lo] = fnv1a64CodePoints(codePoints, start, width);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += (hi >>> (31 - bit)) & 1 ? 1 : -1;
      votes[32 + bit]! += (lo >>> (31 - bit)) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) hi = (hi | (1 << (31 - bit))) >>> 0;
    if (votes[32 + bit]! > 0) lo = (lo | (1 << (31 - bit))) >>> 0;
  }
  return toHex(hi, lo);
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
