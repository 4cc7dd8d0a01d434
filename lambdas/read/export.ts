/**
 * Streaming exports of records (or of detected changes) to JSON Lines, CSV or Parquet: one flat row
 * per record, with the nested fields (lists, people, figures, published, quality, raw) as JSON text
 * columns (CSV) or Parquet JSON columns, which DuckDB, pandas and Spark read as JSON. Rows are written
 * as they come, so memory stays bounded by one Parquet row group.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { NewsRecord } from '../contract/record.js';
import type { ChangeRow } from './index.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Rows per Parquet row group: ~1,000 records of ~8 KB of text is ~8 MB in memory before it is written. */
export const PARQUET_ROW_GROUP_ROWS = 1_000;

type ColumnType = 'STRING' | 'INT32' | 'DOUBLE' | 'JSON';
interface Column<T> {
  name: string;
  type: ColumnType;
  get(r: T): unknown;
}

/** The flat columns of a record export, in order. Nested values are JSON. */
export const EXPORT_COLUMNS: readonly Column<NewsRecord>[] = [
  { name: 'id', type: 'STRING', get: (r) => r.id },
  { name: 'schemaVersion', type: 'INT32', get: (r) => r.schemaVersion },
  { name: 'url', type: 'STRING', get: (r) => r.url },
  { name: 'canonicalUrl', type: 'STRING', get: (r) => r.canonicalUrl },
  { name: 'siteHost', type: 'STRING', get: (r) => r.site.host },
  { name: 'siteName', type: 'STRING', get: (r) => r.site.name },
  { name: 'title', type: 'STRING', get: (r) => r.title },
  { name: 'subtitle', type: 'STRING', get: (r) => r.subtitle },
  { name: 'publishedAt', type: 'STRING', get: (r) => r.publishedAt },
  { name: 'published', type: 'JSON', get: (r) => r.published },
  { name: 'source', type: 'STRING', get: (r) => r.source },
  { name: 'originalUrl', type: 'STRING', get: (r) => r.originalUrl },
  { name: 'authors', type: 'JSON', get: (r) => r.authors },
  { name: 'editors', type: 'JSON', get: (r) => r.editors },
  { name: 'photographers', type: 'JSON', get: (r) => r.photographers },
  { name: 'province', type: 'STRING', get: (r) => r.region.province },
  { name: 'city', type: 'STRING', get: (r) => r.region.city },
  { name: 'district', type: 'STRING', get: (r) => r.region.district },
  { name: 'people', type: 'JSON', get: (r) => r.people },
  { name: 'figures', type: 'JSON', get: (r) => r.figures },
  { name: 'paragraphs', type: 'JSON', get: (r) => r.paragraphs },
  { name: 'text', type: 'STRING', get: (r) => r.text },
  { name: 'language', type: 'STRING', get: (r) => r.language },
  { name: 'sourceScript', type: 'STRING', get: (r) => r.sourceScript },
  { name: 'confidence', type: 'DOUBLE', get: (r) => (r.quality as { confidence?: number }).confidence ?? null },
  { name: 'quality', type: 'JSON', get: (r) => r.quality },
  { name: 'contentHash', type: 'STRING', get: (r) => r.contentHash },
  { name: 'simhash', type: 'STRING', get: (r) => r.simhash },
  { name: 'fetchedAt', type: 'STRING', get: (r) => r.raw?.fetchedAt ?? null },
  { name: 'raw', type: 'JSON', get: (r) => r.raw },
  { name: 'normalizerVersion', type: 'STRING', get: (r) => r.normalizerVersion },
];

/** The columns of a change export (`jsnews export --changes`), in order: one row per detected change. */
export const CHANGE_EXPORT_COLUMNS: readonly Column<ChangeRow>[] = [
  { name: 'detectedAt', type: 'STRING', get: (c) => c.detectedAt },
  { name: 'kind', type: 'STRING', get: (c) => c.kind },
  { name: 'id', type: 'STRING', get: (c) => c.id },
  { name: 'url', type: 'STRING', get: (c) => c.url },
  { name: 'siteHost', type: 'STRING', get: (c) => hostOf(c.url) },
  { name: 'fields', type: 'JSON', get: (c) => c.fields },
  { name: 'detail', type: 'STRING', get: (c) => c.detail ?? null },
  { name: 'firstSeenAt', type: 'STRING', get: (c) => c.firstSeenAt ?? null },
  { name: 'fromVersion', type: 'INT32', get: (c) => c.fromVersion ?? null },
  { name: 'toVersion', type: 'INT32', get: (c) => c.toVersion ?? null },
];

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export interface ExportWriter<T = NewsRecord> {
  write(row: T): Promise<void>;
  /** Finishes the file; resolves to the number of records written. */
  close(): Promise<number>;
}

async function writeText(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function endStream(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function createExportWriter(format: ExportFormat, path: string): Promise<ExportWriter<NewsRecord>>;
export function createExportWriter<T>(format: ExportFormat, path: string, columns: readonly Column<T>[]): Promise<ExportWriter<T>>;
export async function createExportWriter<T>(format: ExportFormat, path: string, columns: readonly Column<T>[] = EXPORT_COLUMNS as unknown as readonly Column<T>[]): Promise<ExportWriter<T>> {
  let count = 0;
  if (format === 'jsonl' || format === 'csv') {
    const stream = createWriteStream(path);
    await once(stream, 'open');
    if (format === 'csv') await writeText(stream, `${columns.map((c) => c.name).join(',')}\r\n`);
    return {
      async write(r) {
        count++;
        await writeText(stream, format === 'jsonl' ? `${JSON.stringify(r)}\n` : `${columns.map((c) => csvField(c.get(r))).join(',')}\r\n`);
      },
      async close() {
        await endStream(stream);
        return count;
      },
    };
  }
  const { ParquetWriter, fileWriter } = await import('hyparquet-writer');
  const schema = [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => ({ ...parquetType(c.type), name: c.name, repetition_type: 'OPTIONAL' as const })),
  ];
  const writer = new ParquetWriter({ writer: fileWriter(path), schema, createdBy: 'jsnews export' });
  let buffer: T[] = [];
  const flush = async () => {
    if (buffer.length === 0) return;
    await writer.write({ columnData: columns.map((c) => ({ name: c.name, data: buffer.map((r) => c.get(r) ?? null) })), rowGroupSize: PARQUET_ROW_GROUP_ROWS });
    buffer = [];
  };
  return {
    async write(r) {
      count++;
      buffer.push(r);
      if (buffer.length >= PARQUET_ROW_GROUP_ROWS) await flush();
    },
    async close() {
      await flush();
      writer.finish();
      return count;
    },
  };
}

function parquetType(type: ColumnType): { type: 'BYTE_ARRAY' | 'INT32' | 'DOUBLE'; converted_type?: 'UTF8' | 'JSON' } {
  switch (type) {
    case 'STRING':
      return { type: 'BYTE_ARRAY', converted_type: 'UTF8' };
    case 'JSON':
      return { type: 'BYTE_ARRAY', converted_type: 'JSON' };
    case 'INT32':
      return { type: 'INT32' };
    case 'DOUBLE':
      return { type: 'DOUBLE' };
  }
}
