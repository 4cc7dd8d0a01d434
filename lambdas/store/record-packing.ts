/**
 * How a record item holds its record map (records-dynamodb.ts): raw DEFLATE with a preset dictionary, in the
 * Binary attribute `recordZ1`, without the three fields the item carries as attributes anyway (id in PK,
 * contentHash, simhash). Write units are per KB, and most of a small record's compressed bytes were its
 * JSON field names and the hex it repeats; measured on the 317 bench and seed records (normalize, text emptied
 * as the store does): gzip of the whole map 3,797 B → 3,276 B (−0.5 write units a record put, fresh or
 * reprocess), for no measurable CPU (the dictionary only primes the window).
 *
 * Layouts written before stay readable: `recordGz` (gzip of the whole map) and a plain `record` map.
 */
import { deflateRawSync, gunzipSync, inflateRawSync } from 'node:zlib';

/** zlib's default level: the level the gzip layout used, and brotli's extra 5-10 % was not worth its CPU. */
const RECORD_DEFLATE_LEVEL = 6;

/**
 * The v1 preset dictionary: strings a record map repeats, the likeliest last (DEFLATE reaches back 32 KB and
 * codes near matches shorter). First generic Chinese news vocabulary (credit labels, the province's city names,
 * administrative units, common policy words) and English function words, then the record's JSON skeleton in
 * the order NewsRecord serializes (CONTRACT.md), with the values most records carry. Nothing of any one site or
 * bench page. NEVER EDIT: items written with it need these exact bytes to be read (a unit test pins its hash);
 * a better dictionary is a new attribute (`recordZ2`) beside this one.
 */
export const RECORD_DICTIONARY_V1 = Buffer.from(
  '记者 编辑 责任编辑 来源 通讯员 摄影 本报讯 新华社 人民网 中国 江苏 南京 苏州 无锡 常州 镇江 扬州 泰州 南通 盐城 淮安 宿迁 连云港 徐州 ' +
    '省 市 区 县 镇 万元 亿元 公司 企业 发展 工作 建设 推进 全面 经济 社会 服务 项目 会议 领导 群众 ' +
    'the of and to in a is that for on with as by at from ' +
    '{"schemaVersion":1,"url":"https://www.","canonicalUrl":"https://www.","site":{"host":"www.","name":null},"title":"","subtitle":null,' +
    '"publishedAt":"2026-01-01T00:00:00+08:00","published":{"text":"","year":2026,"month":1,"day":1,"time":"00:00","yearInferred":false,"basis":"meta"},' +
    '"source":null,"originalUrl":null,"authors":[],"editors":[],"photographers":[],"region":{"province":"江苏","city":null,"district":null},' +
    '"people":[{"name":"","titles":[]}],"figures":[{"text":"","value":0,"unit":"CNY","context":"","qualifier":"about"}],"paragraphs":["",""],' +
    '"text":"","language":"zh-Hans","sourceScript":"Hans","quality":{"pinyinAnnotationsRemoved":0,"suspectedGarbled":0,"warnings":[],"confidence":0.9},' +
    '"raw":{"bucket":"jsnews-","key":"raw/sha256/00/.html.gz","sha256":"","bytes":0,"contentType":"text/html; charset=utf-8","charset":"utf-8",' +
    '"status":200,"fetchedAt":"2026-01-01T00:00:00.000Z"},"normalizerVersion":"1.0.0"}',
  'utf8',
);

/** The record fields a record item also holds as attributes: left out of the packed map, put back on read. */
export interface RecordItemAttributes {
  id: string;
  contentHash: string;
  simhash: string;
}

type RecordMap = Record<string, unknown>;

export function packRecordMap(record: RecordMap): { recordZ1: Buffer } {
  const { id: _id, contentHash: _contentHash, simhash: _simhash, ...rest } = record;
  return { recordZ1: deflateRawSync(JSON.stringify(rest), { level: RECORD_DEFLATE_LEVEL, dictionary: RECORD_DICTIONARY_V1 }) };
}

/** The record map of an item in any layout written so far, or null when the item holds none. */
export function unpackRecordMap(item: { recordZ1?: Uint8Array; recordGz?: Uint8Array; record?: RecordMap }, attrs: RecordItemAttributes): RecordMap | null {
  if (item.recordZ1) {
    const rest = JSON.parse(inflateRawSync(item.recordZ1, { dictionary: RECORD_DICTIONARY_V1 }).toString('utf8')) as RecordMap;
    return { ...rest, id: attrs.id, contentHash: attrs.contentHash, simhash: attrs.simhash };
  }
  if (item.recordGz) return JSON.parse(gunzipSync(item.recordGz).toString('utf8')) as RecordMap;
  return item.record ?? null;
}

/**
 * A record's body as a batch archive member (issue 13: the record item was ~4.2 of a fresh page's write units,
 * most of it the body). What goes there is the bulk of a record and what is read out of its text: `paragraphs`,
 * `people`, `figures`, and `text` only when it is not `paragraphs` joined with "\n" (CONTRACT.md). Measured on
 * the 321 bench and seed records (packed as the item packs them): the map without these three fields is ~220 B
 * (p90 273), so the item stays under 1 KB, one write unit; with `people` and `figures` kept in it 86 of 321
 * passed 1 KB. JSON, gzipped by the batch archive with the rest of the object.
 */
export interface RecordBody {
  paragraphs: string[];
  people: unknown[];
  figures: unknown[];
  text?: string;
}

/** Joins paragraphs into `text` (CONTRACT.md). */
export const TEXT_JOINER = '\n';

export function recordBodyOf(record: { paragraphs: string[]; text: string; people: unknown[]; figures: unknown[] }): RecordBody {
  const { paragraphs, people, figures, text } = record;
  return { paragraphs, people, figures, ...(text === paragraphs.join(TEXT_JOINER) ? {} : { text }) };
}

/** The bytes putBatch archives for a record's body. */
export function recordBodyBytes(record: { paragraphs: string[]; text: string; people: unknown[]; figures: unknown[] }): Uint8Array {
  return Buffer.from(JSON.stringify(recordBodyOf(record)), 'utf8');
}

/** A body member back (gunzipped bytes) as the record fields it holds, `text` rebuilt where it was left out. */
export function readRecordBody(bytes: Uint8Array): { paragraphs: string[]; people: unknown[]; figures: unknown[]; text: string } {
  const body = JSON.parse(Buffer.from(bytes).toString('utf8')) as RecordBody;
  return { paragraphs: body.paragraphs, people: body.people, figures: body.figures, text: body.text ?? body.paragraphs.join(TEXT_JOINER) };
}
