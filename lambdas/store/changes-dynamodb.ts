/**
 * Change tracking in the single table (docs/table-design.md):
 *   tracking item `REC#<id>` / `TRACK`: status, version count, revisit schedule; GSI3 (overloaded)
 *     `REVISIT#<sourceId>` / `<nextRevisitAt>#<id>` finds a source's due revisits with one Query;
 *   version items `REC#<id>` / `VER#<n>`: each distinct normalized version, first and last seen;
 *   change items `CHG#<China day>` / `<detectedAt>#<id>#<kind>`, GSI2 (overloaded) `CHGSITE#<host>`.
 * Version writes are conditional on the item not existing, so replaying them writes nothing; a change
 * item is written with its tracking item in one transaction (both or neither).
 * Every read is a GetItem or a Query.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { bodyKeyFor } from '../contract/archive-keys.js';
import { chinaDay, daysBetween } from '../contract/china-time.js';
import { GSI, ITEM_KIND, keys, stripKeys } from '../contract/table-design.js';
import type { Archive, ChangeFilter, ChangeItem, ChangeStore, DueRevisit, TrackItem, VersionItem } from './ports.js';
import { MAX_INLINE_ITEM_BYTES } from './records-dynamodb.js';
import { readRecordBody } from './record-packing.js';
import { storeError } from './sdk-errors.js';
import { batchGetItems, batchWriteItems } from './batch-items.js';

/** Days of change partitions read at once for a date range (each a Query on its own partition). */
const DAY_QUERY_CONCURRENCY = 8;
/** Default page of due revisits one planning call returns. */
const DEFAULT_DUE_LIMIT = 1000;

export function createDynamoChangeStore(doc: DynamoDBDocumentClient, tableName: string, archive: Archive): ChangeStore {
  const send = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw storeError('DynamoDB', what, err);
    }
  };
  const putOnce = async (what: string, Item: Record<string, unknown>): Promise<void> => {
    try {
      await doc.send(new PutCommand({ TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return;
      throw storeError('DynamoDB', what, err);
    }
  };
  /** A Query page by page (each page up to 1 MB), so a caller can stream. */
  async function* queryPages(what: string, input: Omit<QueryCommandInput, 'TableName'>): AsyncGenerator<Record<string, unknown>[]> {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await send(what, () => doc.send(new QueryCommand({ TableName: tableName, ...input, ExclusiveStartKey: start })));
      yield (out.Items ?? []) as Record<string, unknown>[];
      start = out.LastEvaluatedKey;
    } while (start);
  }
  const queryAll = async (what: string, input: Omit<QueryCommandInput, 'TableName'>, limit = Infinity): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    for await (const page of queryPages(what, input)) {
      items.push(...page);
      if (items.length >= limit) break;
    }
    return items.slice(0, limit);
  };
  const batchGet = (keyList: Record<string, unknown>[]) => batchGetItems(doc, tableName, keyList, 'batch get changes');
  const trackItem = (track: TrackItem): Record<string, unknown> => {
    const item: Record<string, unknown> = { ...keys.track(track.id), kind: ITEM_KIND.track, ...track };
    if (track.nextRevisitAt) {
      item.GSI3PK = keys.revisitPartition(track.sourceId);
      item.GSI3SK = `${track.nextRevisitAt}#${track.id}`;
    }
    return item;
  };
  const range = (filter: ChangeFilter) => ({ ':a': filter.since, ':b': `${filter.until}#~` });
  const dayQuery = (day: string, filter: ChangeFilter): Omit<QueryCommandInput, 'TableName'> => ({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :a AND :b',
    ExpressionAttributeValues: { ':pk': keys.changeDayPartition(day), ...range(filter) },
  });
  async function* dayPages(filter: ChangeFilter): AsyncGenerator<Record<string, unknown>[]> {
    for (const day of daysBetween(chinaDay(filter.since), chinaDay(filter.until))) yield* queryPages(`changes of ${day}`, dayQuery(day, filter));
  }
  /** A site's changes, page by page in time order: GSI2 projects only failure attributes, so the keys come from it and the items from a BatchGet. */
  async function* sitePages(filter: ChangeFilter): AsyncGenerator<Record<string, unknown>[]> {
    const pages = queryPages(`changes of ${filter.host}`, {
      IndexName: GSI.bySiteDate,
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':pk': keys.changeSitePartition(filter.host ?? ''), ...range(filter) },
    });
    for await (const found of pages) {
      const items = await batchGet(found.map((i) => ({ PK: i.PK, SK: i.SK })));
      yield items.sort((a, b) => String(a.SK).localeCompare(String(b.SK)));
    }
  }
  const readVersion = async (item: Record<string, unknown>): Promise<VersionItem> => {
    const v = stripKeys(item) as unknown as VersionItem & { bodyKey?: string; bodyAt?: [number, number]; bodyIn?: string };
    if (v.bodyAt && v.bodyIn) {
      const { bodyAt: [offset, length], bodyIn, ...rest } = v;
      const { paragraphs } = readRecordBody(await archive.getMember(bodyIn, { offset, length }));
      return { ...rest, content: { ...rest.content, paragraphs } };
    }
    if (!v.bodyKey) return v;
    const body = await archive.getBody(v.bodyKey);
    const { bodyKey: _bodyKey, ...rest } = v;
    return { ...rest, content: { ...rest.content, paragraphs: body.paragraphs } };
  };

  return {
    async getTrack(id) {
      const out = await send(`get tracking ${id}`, () => doc.send(new GetCommand({ TableName: tableName, Key: keys.track(id) })));
      return out.Item ? (stripKeys(out.Item) as unknown as TrackItem) : null;
    },
    async getTracks(ids) {
      const items = await batchGet(ids.map((id) => keys.track(id)));
      return new Map(items.map((item) => [String(item.id), stripKeys(item) as unknown as TrackItem] as const));
    },
    async putTracks(tracks) {
      // An id twice: its last item wins (batch-items.ts sends one request a key).
      await batchWriteItems(doc, tableName, tracks.map((t) => ({ PutRequest: { Item: trackItem(t) } })), `put ${tracks.length} tracking items`);
    },
    async putTrack(track, change) {
      const item = trackItem(track);
      if (!change) {
        await send(`put tracking ${track.id}`, () => doc.send(new PutCommand({ TableName: tableName, Item: item })));
        return;
      }
      // Both or neither (ports.ts). The change's key is its detectedAt: rewriting the same change writes the same item.
      await send(`put tracking ${track.id} with change ${change.kind}`, () =>
        doc.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: tableName, Item: changeItem(change) } }, { Put: { TableName: tableName, Item: item } }] })),
      );
    },
    async getVersion(id, n) {
      const out = await send(`get version ${id} #${n}`, () => doc.send(new GetCommand({ TableName: tableName, Key: keys.version(id, n) })));
      return out.Item ? readVersion(out.Item) : null;
    },
    async putVersion(version, options = {}) {
      let item: Record<string, unknown> = { ...keys.version(version.id, version.n), kind: ITEM_KIND.version, ...version };
      if (options.body) {
        // The paragraphs are its record's body member (archived with the page): the item names it (issue 13: a
        // version item with them inline was ~7 write units on the bench:revisit edit, named ~1).
        item = { ...item, content: { ...version.content, paragraphs: [] }, bodyAt: [options.body.range.offset, options.body.range.length], bodyIn: options.body.key };
      } else if (Buffer.byteLength(JSON.stringify(item), 'utf8') > MAX_INLINE_ITEM_BYTES) {
        const bodyKey = bodyKeyFor(version.id, `version-${version.hash}`);
        await archive.putBody(bodyKey, { paragraphs: version.content.paragraphs, text: '' });
        item = { ...item, content: { ...version.content, paragraphs: [] }, bodyKey };
      }
      if (options.replace) await send(`put version ${version.id} #${version.n}`, () => doc.send(new PutCommand({ TableName: tableName, Item: item })));
      else await putOnce(`put version ${version.id} #${version.n}`, item);
    },
    async history(id) {
      // 'REC' < 'TRACK' < 'VER#…': one Query reads the tracking item and every version, not the record.
      const items = await queryAll(`history ${id}`, {
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':pk': keys.recordPartition(id), ':a': 'TRACK', ':b': `${keys.versionPrefix}~` },
      });
      const trackItem = items.find((i) => i.SK === 'TRACK');
      const versions = await Promise.all(items.filter((i) => String(i.SK).startsWith(keys.versionPrefix)).map(readVersion));
      return { track: trackItem ? (stripKeys(trackItem) as unknown as TrackItem) : null, versions: versions.sort((a, b) => a.n - b.n) };
    },
    async changes(filter) {
      let items: Record<string, unknown>[];
      if (filter.host) {
        items = [];
        for await (const page of sitePages(filter)) items.push(...page);
      } else {
        const days = daysBetween(chinaDay(filter.since), chinaDay(filter.until));
        const perDay: Record<string, unknown>[][] = new Array(days.length);
        let next = 0;
        const worker = async () => {
          while (next < days.length) {
            const i = next++;
            perDay[i] = await queryAll(`changes of ${days[i]}`, dayQuery(days[i]!, filter));
          }
        };
        await Promise.all(Array.from({ length: Math.min(DAY_QUERY_CONCURRENCY, days.length) }, worker));
        items = perDay.flat();
      }
      return items
        .map(toChange)
        .filter((c) => !filter.kind || c.kind === filter.kind)
        .sort((a, b) => a.detectedAt.localeCompare(b.detectedAt) || a.id.localeCompare(b.id));
    },
    async *streamChanges(filter) {
      // Day partitions one after another, each in sort-key (detectedAt) order: the stream is in time order.
      const pages = filter.host ? sitePages(filter) : dayPages(filter);
      for await (const page of pages) {
        for (const c of page.map(toChange)) if (!filter.kind || c.kind === filter.kind) yield c;
      }
    },
    async dueRevisits(sourceId, before, limit = DEFAULT_DUE_LIMIT) {
      const items = await queryAll(
        `due revisits of ${sourceId}`,
        {
          IndexName: GSI.byDay,
          KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :b',
          ExpressionAttributeValues: { ':pk': keys.revisitPartition(sourceId), ':b': `${before}#~` },
          Limit: Math.min(limit, DEFAULT_DUE_LIMIT),
        },
        limit,
      );
      // GSI3 is KEYS_ONLY: the id is in PK (REC#<id>), the time in GSI3SK (<nextRevisitAt>#<id>).
      return items.map((i) => {
        const sk = String(i.GSI3SK);
        return { id: String(i.PK).slice(keys.recordPartition('').length), sourceId, nextRevisitAt: sk.slice(0, sk.lastIndexOf('#')) } satisfies DueRevisit;
      });
    },
  };
}

function toChange(item: Record<string, unknown>): ChangeItem {
  const { changeKind, ...rest } = stripKeys(item);
  return { ...rest, kind: changeKind } as unknown as ChangeItem;
}

/** A change's table item: its China day's partition, and its site's partition in GSI2. */
function changeItem(change: ChangeItem): Record<string, unknown> {
  const sk = keys.changeSort(change.detectedAt, change.id, change.kind);
  return {
    PK: keys.changeDayPartition(chinaDay(change.detectedAt)),
    SK: sk,
    GSI2PK: keys.changeSitePartition(change.host),
    GSI2SK: sk,
    ...change,
    // `kind` is the item kind in this table; the change's own kind is stored as changeKind.
    kind: ITEM_KIND.change,
    changeKind: change.kind,
  };
}

