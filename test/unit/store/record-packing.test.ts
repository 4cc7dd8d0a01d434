import { createHash } from 'node:crypto';
import { gzipSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packRecordMap, RECORD_DICTIONARY_V1, unpackRecordMap } from '../../../lambdas/store/record-packing.js';

const record = {
  schemaVersion: 1,
  id: 'a'.repeat(64),
  url: 'http://www.example.cn/a.html',
  title: '镇江召开全市工作会议',
  paragraphs: ['镇江市今天召开会议，研究部署全年工作。', '会议指出，要坚持稳中求进。'],
  contentHash: 'b'.repeat(64),
  simhash: '0123456789abcdef',
};
const attrs = { id: record.id, contentHash: record.contentHash, simhash: record.simhash };

describe('record packing (the record map of a record item)', () => {
  it('keeps the id, contentHash and simhash out of the compressed map (the item has them) and gives the record back', () => {
    const packed = packRecordMap(record);
    expect(Object.keys(packed)).toEqual(['recordZ1']);
    const stored = JSON.parse(inflateRawSync(packed.recordZ1, { dictionary: RECORD_DICTIONARY_V1 }).toString('utf8'));
    expect(stored.id).toBeUndefined();
    expect(stored.contentHash).toBeUndefined();
    expect(stored.simhash).toBeUndefined();
    expect(stored.title).toBe('镇江召开全市工作会议');
    expect(unpackRecordMap(packed, attrs)).toEqual(record);
  });

  it('is smaller than gzip of the whole map', () => {
    expect(packRecordMap(record).recordZ1.length).toBeLessThan(gzipSync(JSON.stringify(record)).length - 100);
  });

  it('reads the gzip layout written before (recordGz: the whole map) and plain maps', () => {
    expect(unpackRecordMap({ recordGz: gzipSync(JSON.stringify(record)) }, attrs)).toEqual(record);
    expect(unpackRecordMap({ record }, attrs)).toEqual(record);
    expect(unpackRecordMap({}, attrs)).toBeNull();
  });

  it('never changes the v1 dictionary: items written with it need these exact bytes to be read', () => {
    expect(createHash('sha256').update(RECORD_DICTIONARY_V1).digest('hex')).toBe(PINNED_V1_SHA256);
  });
});

// The dictionary's hash as first written (2026-12-02): any edit of its bytes must fail this test.
const PINNED_V1_SHA256 = '3de42f7cba3b184160cffb00c94103b427614da137b019afda20c25f7a63eaa4';
