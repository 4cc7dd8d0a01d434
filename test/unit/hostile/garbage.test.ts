/**
 * Issue 10 item 13: garbage gives errors, not records. The inputs are the corpus's garbage class (test/hostile/corpus.ts)
 * up to 1 MB; the bench runs the bigger ones. Before: zlib/raw-deflate pages, random bytes without NUL and a BOM in
 * front of binary data became records; UTF-32 text was read as UTF-16.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../lambdas/normalize/index.js';
import { toJsnewsError } from '../../../lambdas/contract/errors.js';
import { articlePage, hostileCorpus } from '../../hostile/corpus.js';

const MAX_TEST_BYTES = 1024 * 1024;

function outcome(bytes: Uint8Array): string {
  try {
    normalize(bytes);
    return 'record';
  } catch (err) {
    return toJsnewsError(err).code;
  }
}

describe('garbage inputs of the hostile corpus', () => {
  const inputs = hostileCorpus()
    .filter((i) => i.kind === 'garbage')
    .map((i) => ({ ...i, built: i.bytes() }))
    .filter((i) => i.built.length <= MAX_TEST_BYTES);
  it('has enough of them to mean something', () => expect(inputs.length).toBeGreaterThanOrEqual(25));
  it.each(inputs.map((i) => [i.name, i] as const))('%s', (_name, input) => {
    expect(outcome(input.built)).toBe(input.expect);
  });
});

describe('UTF-32 and UTF-16 with a byte-order mark', () => {
  const page = articlePage('<p>镇江市今天召开会议，研究部署全年工作，会议强调要真抓实干推动高质量发展。</p>', '镇江召开全市工作会议');
  const utf32 = (littleEndian: boolean) => {
    const cps = [0xfeff, ...[...page].map((c) => c.codePointAt(0)!)];
    const view = new DataView(new ArrayBuffer(cps.length * 4));
    cps.forEach((cp, i) => view.setUint32(i * 4, cp, littleEndian));
    return new Uint8Array(view.buffer);
  };
  it.each([true, false])('UTF-32 (little endian: %s) is read as UTF-32, title intact', (le) => {
    const record = normalize(utf32(le));
    expect(record.title).toBe('镇江召开全市工作会议');
    expect(record.text).toContain('镇江市今天召开会议');
  });
  it('a UTF-16LE page still reads', () => {
    const units = [0xfeff, ...[...page].flatMap((c) => { const s = c; return Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)); })];
    const view = new DataView(new ArrayBuffer(units.length * 2));
    units.forEach((u, i) => view.setUint16(i * 2, u, true));
    expect(normalize(new Uint8Array(view.buffer)).title).toBe('镇江召开全市工作会议');
  });
});
