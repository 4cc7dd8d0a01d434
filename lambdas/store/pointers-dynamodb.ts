/**
 * Fetch pointers as table items (issue 13: an S3 PUT per pointer cost USD 5 per million pages, a table item of
 * under 1 KB costs one write unit, USD 0.625 per million). One item per (source, China day, URL):
 *   PK `PTR#<sourceId>`, SK `<China day>#<sha256(url)>`, the pointer as JSON in `p`
 * (the same fetch of the same URL on the same day overwrites, as the S3 key did). A source's pointers of a
 * day range are one Query; the (source, day) partitions are found by skipping from day to day (Limit 1,
 * keys only), so a year of one source is ~365 tiny Queries, as with the S3 listing before. The sources
 * that ever wrote a pointer are items `PTRSRC` / `<sourceId>`, written once per container and source, so
 * "every source" needs no Scan and no registry (ad-hoc backfill sources included).
 *
 * Pointers written before this change are S3 objects under `fetches/`: `withTablePointers` lists both,
 * so reprocess and backfill still find every archived page.
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { chinaDay } from '../contract/china-time.js';
import { sha256Hex } from '../contract/hashing.js';
import { ITEM_KIND, keys } from '../contract/table-design.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import type { Archive, ArchiveDay, FetchPointer, PointerFilter } from './ports.js';
import { storeCall } from './sdk-errors.js';
import { batchWriteItems } from './batch-items.js';

/** Sorts after every character of a day and a hex hash: `<day>#~` is past every pointer of that day. */
const AFTER_DAY = '#~';
/** Lower and upper bounds of a China day (YYYY-MM-DD) as sort-key text: before and after every real day. */
const FIRST_DAY = '0000-00-00';
const LAST_DAY = '9999-99-99';
/** Source ids become key segments: the alphabet the S3 pointer keys allowed. */
const SOURCE_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export interface PointerTable {
  put(pointer: FetchPointer): Promise<void>;
  /** Pointers at once (BatchWriteItem); the same key twice: the last wins, as with puts in order. */
  putMany(pointers: readonly FetchPointer[]): Promise<void>;
  list(filter: PointerFilter): AsyncIterable<FetchPointer>;
  listDays(filter: PointerFilter): Promise<ArchiveDay[]>;
}

export function createPointerTable(doc: DynamoDBDocumentClient, tableName: string): PointerTable {
  /** Sources whose marker this container has written: one marker write per source and container lifetime. */
  const marked = new Set<string>();
  const db = <T>(what: string, fn: () => Promise<T>) => storeCall('DynamoDB', what, fn);

  async function markSource(sourceId: string): Promise<void> {
    if (marked.has(sourceId)) return;
    await db(`put pointer source ${sourceId}`, () =>
      doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.pointerSource(sourceId), kind: ITEM_KIND.pointerSource, sourceId } })),
    );
    marked.add(sourceId);
  }

  async function sourcesOf(filter: PointerFilter): Promise<string[]> {
    if (filter.sourceId) return [filter.sourceId];
    const ids: string[] = [];
    for await (const item of query({ PK: keys.pointerSourcePartition }, 'SK')) ids.push(String(item.SK));
    return ids;
  }

  async function* query(range: { PK: string; from?: string; to?: string }, projection?: string, limit?: number): AsyncIterable<Record<string, unknown>> {
    let start: Record<string, unknown> | undefined;
    do {
      const bounded = range.from !== undefined && range.to !== undefined;
      const out = await db(`query ${range.PK}`, () =>
        doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: bounded ? 'PK = :pk AND SK BETWEEN :lo AND :hi' : 'PK = :pk',
            ExpressionAttributeValues: { ':pk': range.PK, ...(bounded ? { ':lo': range.from, ':hi': range.to } : {}) },
            ...(projection ? { ProjectionExpression: projection } : {}),
            ...(limit ? { Limit: limit } : {}),
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        ),
      );
      for (const item of out.Items ?? []) yield item;
      if (limit) return;
      start = out.LastEvaluatedKey;
    } while (start);
  }

  /** The pointer's item, its source checked and marked first. */
  async function itemOf(pointer: FetchPointer): Promise<Record<string, unknown>> {
    if (!SOURCE_ID_RE.test(pointer.sourceId)) {
      throw new JsnewsError(ErrorCode.InvalidArgument, `source id not usable in a key: ${JSON.stringify(pointer.sourceId)}`);
    }
    await markSource(pointer.sourceId);
    const key = keys.fetchPointer(pointer.sourceId, chinaDay(pointer.fetchedAt), sha256Hex(pointer.url));
    return { ...key, kind: ITEM_KIND.fetchPointer, p: JSON.stringify(pointer) };
  }

  return {
    async put(pointer) {
      const Item = await itemOf(pointer);
      await db(`put fetch pointer ${pointer.url}`, () => doc.send(new PutCommand({ TableName: tableName, Item })));
    },

    async putMany(pointers) {
      // One URL fetched twice a day: its last pointer wins (batch-items.ts sends one request a key).
      const items: Record<string, unknown>[] = [];
      for (const p of pointers) items.push(await itemOf(p));
      await batchWriteItems(doc, tableName, items.map((Item) => ({ PutRequest: { Item } })), `put ${items.length} fetch pointers`);
    },

    async *list(filter) {
      for (const sourceId of await sourcesOf(filter)) {
        const range = { PK: keys.pointerPartition(sourceId), from: filter.from ?? FIRST_DAY, to: `${filter.to ?? LAST_DAY}${AFTER_DAY}` };
        for await (const item of query(range, 'p')) yield JSON.parse(String(item.p)) as FetchPointer;
      }
    },

    async listDays(filter) {
      const days: ArchiveDay[] = [];
      for (const sourceId of await sourcesOf(filter)) {
        let from = filter.from ?? FIRST_DAY;
        const to = `${filter.to ?? LAST_DAY}${AFTER_DAY}`;
        for (;;) {
          let next: string | undefined;
          for await (const item of query({ PK: keys.pointerPartition(sourceId), from, to }, 'SK', 1)) next = String(item.SK).slice(0, FIRST_DAY.length);
          if (!next) break;
          days.push({ sourceId, day: next });
          from = `${next}${AFTER_DAY}`;
        }
      }
      return days;
    },
  };
}

/**
 * The archive with its fetch pointers in the table: new pointers are table items; listings read the table
 * and then the S3 pointers written before the move (deduplicated by source and day for `listDays`).
 */
export function withTablePointers(archive: Archive, pointers: PointerTable): Archive {
  return {
    ...archive,
    putFetchPointer: (pointer) => pointers.put(pointer),
    putFetchPointers: (list) => pointers.putMany(list),
    async *listFetchPointers(filter) {
      yield* pointers.list(filter);
      yield* archive.listFetchPointers(filter);
    },
    async listDays(filter) {
      const seen = new Map<string, ArchiveDay>();
      for (const d of [...(await pointers.listDays(filter)), ...(await archive.listDays(filter))]) seen.set(`${d.sourceId}/${d.day}`, d);
      return [...seen.values()].sort((a, b) => (a.sourceId === b.sourceId ? a.day.localeCompare(b.day) : a.sourceId.localeCompare(b.sourceId)));
    },
  };
}
