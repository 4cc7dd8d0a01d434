/**
 * A URL's last successful fetch (ETag, Last-Modified, sha256 of the body, when, which record it produced): the next
 * fetch is conditional, and the same bytes again are recognised as unchanged without touching the archive or the
 * records. A URL whose sha256 is its record's id keeps it in that record's tracking item (contract/table-design.ts
 * trackUrlState: ingest writes it with the first tracking item, later fetches update it there), which is read first:
 * an unchanged revisit of such a URL reads one key (issue 13). Any other URL, and a URL whose tracking item holds no
 * state (written before the state moved there), has a `URL#` / `STATE` item of its own, read second.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TrackItem, UrlState, UrlStateStore } from './ports.js';
import { sha256Hex } from '../contract/hashing.js';
import { ITEM_KIND, keys, stripKeys, trackUrlState, urlStateInTrack } from '../contract/table-design.js';
import { storeError } from './sdk-errors.js';
import { batchGetItems, batchWriteItems } from './batch-items.js';

function stateOf(item: Record<string, unknown>): UrlState {
  const { url, sourceId, etag, lastModified, sha256, fetchedAt, recordId } = item as unknown as UrlState;
  return { url, sourceId, etag: etag ?? null, lastModified: lastModified ?? null, sha256, fetchedAt, recordId: recordId ?? null };
}

const itemOf = (state: UrlState) => ({ ...keys.urlState(state.url), kind: ITEM_KIND.urlState, ...state });

export function createUrlStateStore(doc: DynamoDBDocumentClient, tableName: string): UrlStateStore {
  const getItem = async (key: { PK: string; SK: string }, what: string) => {
    try {
      return (await doc.send(new GetCommand({ TableName: tableName, Key: key }))).Item;
    } catch (err) {
      throw storeError('DynamoDB', what, err);
    }
  };
  /** The state written into the URL's tracking item; false when there is no such item (the URL then gets its own). */
  const putInTrack = async (state: UrlState, attributes: Record<string, unknown>): Promise<boolean> => {
    const names = Object.keys(attributes);
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.track(state.recordId!),
          ConditionExpression: 'attribute_exists(PK)',
          UpdateExpression: `SET ${names.map((n, i) => `#a${i} = :v${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
          ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, attributes[n]])),
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw storeError('DynamoDB', `put url state ${state.url} in its tracking item`, err);
    }
  };
  const putMany = async (states: readonly UrlState[]): Promise<void> => {
    const last = new Map(states.map((s) => [s.url, s] as const));
    const inTrack = await Promise.all([...last.values()].map(async (s) => {
      const attributes = trackUrlState(s);
      return attributes !== null && (await putInTrack(s, attributes));
    }));
    const own = [...last.values()].filter((_, k) => !inTrack[k]);
    if (own.length > 0) await batchWriteItems(doc, tableName, own.map((s) => ({ PutRequest: { Item: itemOf(s) } })), `put ${own.length} url states`);
  };
  return {
    async get(url) {
      const inTrack = urlStateInTrack(url, await getItem(keys.track(sha256Hex(url)), `get url state ${url}`));
      if (inTrack) return inTrack;
      const item = await getItem(keys.urlState(url), `get url state ${url}`);
      return item ? stateOf(item) : null;
    },
    put: (state) => putMany([state]),
    async getMany(urls) {
      const unique = [...new Set(urls)];
      const tracks = new Map<string, TrackItem | null>(unique.map((u) => [sha256Hex(u), null]));
      for (const item of await batchGetItems(doc, tableName, unique.map((u) => keys.track(sha256Hex(u))), `get ${unique.length} tracking items of url states`)) {
        tracks.set(String(item.id), stripKeys(item) as unknown as TrackItem);
      }
      const states = new Map<string, UrlState>();
      for (const u of unique) {
        const state = urlStateInTrack(u, tracks.get(sha256Hex(u)) as Record<string, unknown> | null);
        if (state) states.set(u, state);
      }
      // The URLs whose tracking item holds no state: their own items (one more BatchGetItem; fresh URLs, other records' URLs).
      const rest = unique.filter((u) => !states.has(u));
      if (rest.length > 0) for (const item of await batchGetItems(doc, tableName, rest.map((u) => keys.urlState(u)), `get ${rest.length} url states`)) states.set(String(item.url), stateOf(item));
      return { states, tracks };
    },
    putMany,
  };
}
