import { describe, expect, it } from 'vitest';
import { hammingDistance } from '../../../../lambdas/contract/hashing.js';
import { fnv1a64, simhash64 } from '../../../../lambdas/normalize/enrich/simhash.js';
import { loadSeed, SEED_IDS } from './seed-text.js';

const MASK64 = (1n << 64n) - 1n;
/** Reference FNV-1a 64 in BigInt, to check the fast two-half version. */
function fnvReference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & MASK64;
  return h.toString(16).padStart(16, '0');
}
const fnvHex = (text: string) => fnv1a64(text).map((h) => h.toString(16).padStart(8, '0')).join('');
const body = (id: (typeof SEED_IDS)[number]) => loadSeed(id).paragraphs.join('\n');

describe('fnv1a64', () => {
  it('matches the published test vectors', () => {
    expect(fnvHex('')).toBe('cbf29ce484222325');
    expect(fnvHex('a')).toBe('af63dc4c8601ec8c');
    expect(fnvHex('foobar')).toBe('85944171f73967e8');
  });

  it('matches a BigInt reference on Han, mixed and astral text', () => {
    for (const text of ['南京江北新区', '韩立明讲话', '5G网络94.5%', '𠀀𠀁字', body('001').slice(0, 200)]) {
      expect(fnvHex(text), text).toBe(fnvReference(text));
    }
  });
});

describe('simhash64', () => {
  it('is 16 lowercase hex digits and deterministic', () => {
    const hash = simhash64(body('000'));
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash64(body('000'))).toBe(hash);
    expect(hammingDistance(hash, simhash64(body('000')))).toBe(0);
  });

  it('ignores punctuation, width and white space', () => {
    expect(simhash64('项目建设,争朝夕。 不负春光')).toBe(simhash64('项目建设，争朝夕\n不负春光'));
  });

  it('gives a fixed hash for text with nothing to shingle', () => {
    expect(simhash64('')).toBe('0000000000000000');
    expect(simhash64('。,!')).toBe('0000000000000000');
  });

  it('keeps a repost with one changed sentence close (≤ 10 bits)', () => {
    const paragraphs = loadSeed('000').paragraphs;
    const repost = [...paragraphs];
    repost[1] = repost[1]!.replace('会议听取了全市重大项目建设、招商成果、工业和商贸服务业发展等情况汇报', '会上通报了全年项目推进情况');
    repost.push('(来源:南京日报)');
    expect(repost.join('\n')).not.toBe(paragraphs.join('\n'));
    expect(hammingDistance(simhash64(paragraphs.join('\n')), simhash64(repost.join('\n')))).toBeLessThanOrEqual(10);
  });

  it('keeps unrelated seeds far apart (≥ 20 bits)', () => {
    const hashes = SEED_IDS.map((id) => simhash64(body(id)));
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        expect(hammingDistance(hashes[i]!, hashes[j]!), `${SEED_IDS[i]} vs ${SEED_IDS[j]}`).toBeGreaterThanOrEqual(20);
      }
    }
  });
});

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('0000000000000001', '8000000000000000')).toBe(2);
  });

  it('rejects a value that is not 16 hex digits', () => {
    expect(() => hammingDistance('abc', '0000000000000000')).toThrow(RangeError);
  });
});
