import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { memberFor, packBatch, rangeOf, readIndex, unpackMember } from '../../../lambdas/store/batch-archive.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const page = (text: string) => {
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  return { bytes, sha256: sha(bytes) };
};
const gbk = new Uint8Array([0x3c, 0x70, 0x3e, 0xd6, 0xd0, 0xce, 0xc4, 0x3c, 0x2f, 0x70, 0x3e]); // <p>中文</p> in GBK
const pages = [page('<html><p>一</p></html>'), { bytes: gbk, sha256: sha(gbk) }, page('<html>' + '三'.repeat(5000) + '</html>')];

/** What an S3 Range GET returns for `bytes=a-b` (inclusive). */
function rangeGet(body: Uint8Array, range: string): Uint8Array {
  const m = /^bytes=(\d+)-(\d+)$/.exec(range)!;
  return body.subarray(Number(m[1]), Number(m[2]) + 1);
}

describe('batch archive format', () => {
  it('reads every page alone from its member range, bytes exact and checked by sha256', async () => {
    const packed = await packBatch(pages);
    expect(packed.members).toHaveLength(3);
    for (const [i, m] of packed.members.entries()) {
      expect(m.sha256).toBe(pages[i]!.sha256);
      expect(m.bytes).toBe(pages[i]!.bytes.byteLength);
      const got = await unpackMember(rangeGet(packed.body, rangeOf(m)), m.sha256);
      expect(Buffer.from(got).equals(Buffer.from(pages[i]!.bytes))).toBe(true);
    }
    // members are contiguous, then the index
    expect(packed.members[1]!.offset).toBe(packed.members[0]!.length);
    expect(packed.index.offset).toBe(packed.members.reduce((n, m) => n + m.length, 0));
    expect(packed.index.offset + packed.index.length).toBe(packed.body.byteLength);
    expect(packed.sha256).toBe(sha(packed.body));
  });

  it('finds a page by its sha256 through the index member', async () => {
    const packed = await packBatch(pages);
    const index = await readIndex(rangeGet(packed.body, rangeOf(packed.index)));
    expect(index.members).toEqual(packed.members);
    const m = memberFor(index, pages[1]!.sha256)!;
    expect(Buffer.from(await unpackMember(rangeGet(packed.body, rangeOf(m)), pages[1]!.sha256)).equals(Buffer.from(gbk))).toBe(true);
    expect(memberFor(index, '0'.repeat(64))).toBeNull();
  });

  it('is one ordinary gzip file as a whole: every page in order, then the index line', async () => {
    const packed = await packBatch(pages);
    const whole = gunzipSync(packed.body);
    const expected = Buffer.concat(pages.map((p) => p.bytes));
    expect(whole.subarray(0, expected.byteLength).equals(expected)).toBe(true);
    const tail = whole.subarray(expected.byteLength).toString('utf8');
    expect(tail.startsWith('\n{"jsnewsBatch":1,')).toBe(true);
    // and the gzip tool agrees
    const viaTool = execFileSync('gzip', ['-dc'], { input: packed.body });
    expect(Buffer.compare(viaTool, whole)).toBe(0);
  });

  it('is deterministic: the same pages give the same bytes (a retried batch writes the same key)', async () => {
    const a = await packBatch(pages);
    const b = await packBatch(pages);
    expect(b.sha256).toBe(a.sha256);
    expect(Buffer.from(b.body).equals(Buffer.from(a.body))).toBe(true);
    const other = await packBatch(pages.slice(0, 2));
    expect(other.sha256).not.toBe(a.sha256);
  });

  it('stores the same bytes once when two URLs of a batch served them', async () => {
    const packed = await packBatch([pages[0]!, pages[1]!, pages[0]!]);
    expect(packed.members.map((m) => m.sha256)).toEqual([pages[0]!.sha256, pages[1]!.sha256]);
  });

  it('refuses a wrong range or a page that does not match its sha256', async () => {
    const packed = await packBatch(pages);
    const m = packed.members[1]!;
    await expect(unpackMember(rangeGet(packed.body, rangeOf({ offset: m.offset + 1, length: m.length })), m.sha256)).rejects.toThrow(/gzip/);
    await expect(unpackMember(rangeGet(packed.body, rangeOf(m)), pages[0]!.sha256)).rejects.toThrow(/sha256/);
    await expect(readIndex(rangeGet(packed.body, rangeOf(packed.members[0]!)))).rejects.toThrow(/batch index|JSON/);
  });
});
