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
import { memoizeCharTest } from '../clean/char-memo.js';

/** Characters per shingle (see above for why 3). */
export const SHINGLE_CHARS = 3;
const HASH_BITS = 64;
/**
 * What a shingle is made of: Han, Latin letters, digits. Everything else is dropped first. A memo of its own: one
 * shared with people.ts (char-memo.ts, ebd9d01) made simhash64 ~15 % slower (zh-cwced, interleaved A/B).
 */
const isHan = memoizeCharTest(/\p{Script=Han}/u);

/** FNV-1a 64-bit parameters (offset basis 0xcbf29ce484222325, prime 0x100000001b3), as two 32-bit halves. */
const FNV_OFFSET_HI = 0xcbf29ce4;
const FNV_OFFSET_LO = 0x84222325;
const FNV_PRIME_LO = 0x1b3;
/** 2^-32: the high half of a product below 2^53 is `(product * TWO_TO_MINUS_32) | 0`, exact (a power of two, and the product fits a double). */
const TWO_TO_MINUS_32 = 1 / 0x100000000;
/** Code points from here on are astral: two UTF-16 units. */
const BMP_END = 0x10000;

/**
 * Writes the UTF-8 bytes of one code point into `out` from `at`; returns the new end. A caller-owned buffer
 * instead of an array per character keeps hashing allocation-free.
 */
function putUtf8(codePoint: number, out: Uint8Array, at: number): number {
  if (codePoint < 0x80) {
    out[at] = codePoint;
    return at + 1;
  }
  if (codePoint < 0x800) {
    out[at] = 0xc0 | (codePoint >> 6);
    out[at + 1] = 0x80 | (codePoint & 0x3f);
    return at + 2;
  }
  if (codePoint < 0x10000) {
    out[at] = 0xe0 | (codePoint >> 12);
    out[at + 1] = 0x80 | ((codePoint >> 6) & 0x3f);
    out[at + 2] = 0x80 | (codePoint & 0x3f);
    return at + 3;
  }
  out[at] = 0xf0 | (codePoint >> 18);
  out[at + 1] = 0x80 | ((codePoint >> 12) & 0x3f);
  out[at + 2] = 0x80 | ((codePoint >> 6) & 0x3f);
  out[at + 3] = 0x80 | (codePoint & 0x3f);
  return at + 4;
}

/**
 * One FNV-1a 64 step over 32-bit halves: h = (h ^ byte) · prime mod 2^64, with prime = 2^40 + 0x1b3, so
 * h·prime = h·0x1b3 + (lo << 40). The carry into the high half is the high half of lo·0x1b3 (< 2^41, exact as a double):
 * one multiply by 2^-32 and a truncation, about a fifth faster than splitting lo at 16 bits into two 32-bit products
 * (the values stay in registers either way; a state object written per shingle boxed heap numbers). Halves are signed
 * int32 here; callers take `>>> 0` for the unsigned value.
 */
function fnvHi(hi: number, lo: number): number {
  const carry = ((lo >>> 0) * FNV_PRIME_LO * TWO_TO_MINUS_32) | 0;
  return (Math.imul(hi, FNV_PRIME_LO) + carry + (lo << 8)) | 0;
}

/** The FNV state after hashing bytes; written by `fnv1a64Into`, read right after (no tuple allocated per shingle). */
const fnvState = { hi: 0, lo: 0 };

/** FNV-1a 64 over `bytes[from..to)` into `fnvState` as unsigned 32-bit halves. */
function fnv1a64Into(bytes: Uint8Array, from: number, to: number): void {
  let hi = FNV_OFFSET_HI | 0;
  let lo = FNV_OFFSET_LO | 0;
  for (let b = from; b < to; b++) {
    lo ^= bytes[b]!;
    hi = fnvHi(hi, lo);
    lo = Math.imul(lo, FNV_PRIME_LO);
  }
  fnvState.hi = hi >>> 0;
  fnvState.lo = lo >>> 0;
}

/** FNV-1a 64 of a string's UTF-8 bytes as [hi, lo]. */
export function fnv1a64(text: string): [number, number] {
  const codePoints = toCodePoints(text);
  const bytes = new Uint8Array(codePoints.length * 4);
  let n = 0;
  for (const cp of codePoints) n = putUtf8(cp, bytes, n);
  fnv1a64Into(bytes, 0, n);
  return [fnvState.hi, fnvState.lo];
}

/** Code points of a string (a lone surrogate is its own code point, as in `[...text]`). */
function toCodePoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    out.push(cp);
    if (cp >= BMP_END) i++;
  }
  return out;
}

/**
 * Scratch arrays reused from call to call (simhash64 calls nothing that calls it back), so a record's hash allocates
 * no typed array of the text's size: those were about 24 bytes per character of body, every record. Kept only up to
 * SCRATCH_MAX_UNITS code units (a 60,000-character body, record/build-record.ts MAX_BODY_CHARS, fits); a longer text
 * gets arrays of its own for that call.
 */
const SCRATCH_MAX_UNITS = 1 << 16;
let scratchCodePoints: Int32Array = new Int32Array(0);
let scratchStarts: Int32Array = new Int32Array(0);
let scratchTable: Int32Array = new Int32Array(0);

function scratchOf(current: Int32Array, size: number): Int32Array {
  return current.length >= size ? current : new Int32Array(size);
}

/**
 * The two characters outside ASCII whose lowercase (String.prototype.toLowerCase, no locale) holds a character a
 * shingle is made of: U+0130 İ → "i" + U+0307 (the combining dot is dropped), U+212A KELVIN SIGN → "k". Every other
 * character's lowercase holds none, or is the character itself (Han has no case): checked over every code point, and
 * simhash-reference.test.ts holds the whole function to `text.toLowerCase()` then the kept characters.
 */
const DOTTED_CAPITAL_I = 0x130;
const KELVIN_SIGN = 0x212a;
const ASCII_CASE_BIT = 0x20;

/**
 * The code points a shingle is made of (Han, a-z, 0-9), in order, of `text.toLowerCase()`, written into `out` (text.length
 * long); returns how many. Lowercased here, per character, rather than by toLowerCase, which copied the whole text.
 */
function keptCodePoints(text: string, out: Int32Array): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp < 0x80) {
      if (isAsciiAlnum(cp)) out[n++] = cp >= 0x41 && cp <= 0x5a ? cp | ASCII_CASE_BIT : cp;
      continue;
    }
    if (cp >= BMP_END) i++;
    if (isHan(cp)) out[n++] = cp;
    else if (cp === DOTTED_CAPITAL_I) out[n++] = 0x69; // i
    else if (cp === KELVIN_SIGN) out[n++] = 0x6b; // k
  }
  return n;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Odd 32-bit multipliers that spread three code points over the dedupe table (any odd constants work). */
const MIX_A = 0x9e3779b1;
const MIX_B = 0x85ebca77;
const MIX_C = 0xc2b2ae3d;

/**
 * Start indexes of the distinct shingles of `codePoints[0, n)`, first occurrence each, written into `starts`; returns
 * how many. An open-addressing table of start indexes (`table`, at least twice the shingle count, a power of two),
 * compared by their three code points: exact, and several times faster than a Set of keys.
 */
function distinctShingleStarts(codePoints: Int32Array, n: number, starts: Int32Array, table: Int32Array, size: number): number {
  if (n < SHINGLE_CHARS) {
    if (n > 0) starts[0] = 0;
    return n > 0 ? 1 : 0;
  }
  const count = n - SHINGLE_CHARS + 1;
  const mask = size - 1;
  table.fill(-1, 0, size);
  let found = 0;
  for (let i = 0; i < count; i++) {
    const a = codePoints[i]!;
    const b = codePoints[i + 1]!;
    const c = codePoints[i + 2]!;
    let slot = (Math.imul(a, MIX_A) ^ Math.imul(b, MIX_B) ^ Math.imul(c, MIX_C)) & mask;
    for (;;) {
      const s = table[slot]!;
      if (s < 0) {
        table[slot] = i;
        starts[found++] = i;
        break;
      }
      if (codePoints[s] === a && codePoints[s + 1] === b && codePoints[s + 2] === c) break;
      slot = (slot + 1) & mask;
    }
  }
  return found;
}

/** The dedupe table's size for `n` kept characters: the power of two at least twice the shingle count. */
function tableSize(n: number): number {
  const count = Math.max(1, n - SHINGLE_CHARS + 1);
  let size = 1;
  while (size < count * 2) size <<= 1;
  return size;
}

function toHex(hi: number, lo: number): string {
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** Bytes per 64-bit hash, and values per byte: votes are tallied per (byte position, byte value), then spread to bits. */
const HASH_BYTES = HASH_BITS / 8;
const BYTE_VALUES = 256;
const scratchTally = new Int32Array(HASH_BYTES * BYTE_VALUES);

/** SimHash as 16 lowercase hex digits; "0000000000000000" for text with no Han, letters or digits. */
export function simhash64(text: string): string {
  const keep = text.length <= SCRATCH_MAX_UNITS;
  const codePoints = scratchOf(scratchCodePoints, text.length);
  const n = keptCodePoints(text, codePoints);
  const size = tableSize(n);
  const starts = scratchOf(scratchStarts, n);
  const table = scratchOf(scratchTable, size);
  if (keep) {
    scratchCodePoints = codePoints;
    scratchStarts = starts;
    scratchTable = table;
  }
  const found = distinctShingleStarts(codePoints, n, starts, table, size);
  const tally = scratchTally;
  tally.fill(0);
  tallyShingleHashes(codePoints, starts, found, Math.min(n, SHINGLE_CHARS), tally);
  const [hi, lo] = majorityBits(tally, found);
  return toHex(hi, lo);
}

/*
 * The steps below are separate functions on purpose: each loop is optimized on its own. As one function, V8 compiled
 * the hashing loop on-stack and dropped that code at the first allocation after it, on every call (--trace-deopt:
 * "insufficient type feedback for construct"), so the loop mostly ran unoptimized.
 */

/**
 * FNV-1a 64 from the offset basis over the UTF-8 bytes of one BMP code unit, per unit, as two int32 halves side by
 * side (firstState[2u] high, [2u + 1] low): the state after a shingle's first character, asked for every shingle (three
 * of its nine bytes for Han), is read from here. Filled on first sight; (0, 0), the unfilled value, is never a filled
 * one in practice, and if it were it would only be computed again. One array rather than three (high, low, seen): a
 * shingle's first character costs one cache line, not three (the arrays are 64K entries each, and the pages parsed
 * between two records push them out of the cache).
 */
const firstState = new Int32Array(2 * BMP_END);

function fillFirst(cp: number): void {
  let h = FNV_OFFSET_HI | 0;
  let l = FNV_OFFSET_LO | 0;
  const bytes = utf8Packed(cp);
  for (let k = utf8Length(cp) - 1; k >= 0; k--) {
    l ^= (bytes >>> (8 * k)) & 0xff;
    h = fnvHi(h, l);
    l = Math.imul(l, FNV_PRIME_LO);
  }
  firstState[2 * cp] = h;
  firstState[2 * cp + 1] = l;
}

/** UTF-8 byte count of a code point. */
function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < BMP_END ? 3 : 4;
}

/** A code point's UTF-8 bytes packed into one 32-bit integer, first byte highest (read it with `>>> 0`). */
function utf8Packed(cp: number): number {
  if (cp < 0x80) return cp;
  if (cp < 0x800) return ((0xc0 | (cp >> 6)) << 8) | (0x80 | (cp & 0x3f));
  if (cp < BMP_END) return ((0xe0 | (cp >> 12)) << 16) | ((0x80 | ((cp >> 6) & 0x3f)) << 8) | (0x80 | (cp & 0x3f));
  return ((0xf0 | (cp >> 18)) << 24) | ((0x80 | ((cp >> 12) & 0x3f)) << 16) | ((0x80 | ((cp >> 6) & 0x3f)) << 8) | (0x80 | (cp & 0x3f));
}

/**
 * tally[p * 256 + v]: how many distinct shingles' FNV-1a 64 hashes have value v in byte p (p = 0: high byte of hi).
 * A shingle is `width` code points from each start; its hash is FNV-1a 64 of their UTF-8 bytes.
 */
function tallyShingleHashes(codePoints: Int32Array, starts: Int32Array, found: number, width: number, tally: Int32Array): void {
  for (let n = 0; n < found; n++) {
    const start = starts[n]!;
    const first = codePoints[start]!;
    let h: number;
    let l: number;
    if (first < BMP_END) {
      h = firstState[2 * first]!;
      l = firstState[2 * first + 1]!;
      if (h === 0 && l === 0) {
        fillFirst(first);
        h = firstState[2 * first]!;
        l = firstState[2 * first + 1]!;
      }
    } else {
      h = FNV_OFFSET_HI | 0;
      l = FNV_OFFSET_LO | 0;
      const bytes = utf8Packed(first);
      for (let k = 3; k >= 0; k--) {
        l ^= (bytes >>> (8 * k)) & 0xff;
        h = fnvHi(h, l);
        l = Math.imul(l, FNV_PRIME_LO);
      }
    }
    for (let c = 1; c < width; c++) {
      const cp = codePoints[start + c]!;
      const bytes = utf8Packed(cp);
      for (let k = utf8Length(cp) - 1; k >= 0; k--) {
        l ^= (bytes >>> (8 * k)) & 0xff;
        h = fnvHi(h, l);
        l = Math.imul(l, FNV_PRIME_LO);
      }
    }
    tally[h >>> 24]!++;
    tally[BYTE_VALUES + ((h >>> 16) & 0xff)]!++;
    tally[2 * BYTE_VALUES + ((h >>> 8) & 0xff)]!++;
    tally[3 * BYTE_VALUES + (h & 0xff)]!++;
    tally[4 * BYTE_VALUES + (l >>> 24)]!++;
    tally[5 * BYTE_VALUES + ((l >>> 16) & 0xff)]!++;
    tally[6 * BYTE_VALUES + ((l >>> 8) & 0xff)]!++;
    tally[7 * BYTE_VALUES + (l & 0xff)]!++;
  }
}

/** Scratch for majorityBits: per-bit counts, and one byte position's counts as they are folded. */
const scratchOnes = new Int32Array(HASH_BITS);
const scratchFold = new Int32Array(BYTE_VALUES / 2);

/** The hash's two halves: a bit is set when more of the `voters` shingles have it 1 than 0 (each votes once per bit). */
function majorityBits(tally: Int32Array, voters: number): [number, number] {
  // ones[p * 8 + k]: the shingles whose byte p has bit k (k = 0: 0x80) set. Per byte position, the lowest bit's count is
  // the sum over odd values; folding the values in pairs (v, v + 1) then leaves the next bit as the lowest, and so on:
  // 255 pair sums per position instead of 128 per bit.
  const ones = scratchOnes;
  const fold = scratchFold;
  for (let p = 0; p < HASH_BYTES; p++) {
    let src = tally;
    let at = p * BYTE_VALUES;
    for (let k = 7, n = BYTE_VALUES; k >= 0; k--, n >>= 1) {
      let sum = 0;
      for (let j = 0; 2 * j < n; j++) {
        const odd = src[at + 2 * j + 1]!;
        sum += odd;
        fold[j] = src[at + 2 * j]! + odd;
      }
      ones[p * 8 + k] = sum;
      src = fold;
      at = 0;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (2 * ones[bit]! > voters) hi = (hi | (1 << (31 - bit))) >>> 0;
    if (2 * ones[32 + bit]! > voters) lo = (lo | (1 << (31 - bit))) >>> 0;
  }
  return [hi, lo];
}
