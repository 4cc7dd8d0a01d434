/**
 * One item per URL remembering its last successful fetch (ETag, Last-Modified, sha256 of the body,
 * when, which record it produced): the next fetch is conditional, and the same bytes again are
 * recognised as unchanged without touching the archive or the records. A URL whose sha256 is its
 * record's id has no item of its own: ingest wrote its state into the record's first tracking item
 * (contract/table-design.ts trackUrlState), read here when the URL has no `URL#` / `STATE` item
 * (items written before, and URLs of other records, have one, and it comes first).
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UrlState, UrlStateStore } from './ports.js';
import { sha256Hex } from '../contract/hashing.js';
import { ITEM_KIND, keys } from '../contract/table-design.js';
import { storeError } from './sdk-errors.js';
import { batchGetItems, batchWriteItems } from './batch-items.js';

function stateOf(item: Record<string, unknown>): UrlState {
  const { url, sourceId, etag, lastModified, sha256, fetchedAt, recordId } = item as unknown as UrlState;
  return { url, sourceId, etag: etag ?? null, lastModified: lastModified ?? null, sha256, fetchedAt, recordId: recordId ?? null };
}

/** The URL state a tracking item holds for `url` (its id is sha256(url)); null when it holds none. */
function stateInTrack(url: string, item: Record<string, unknown> | undefined): UrlState | null {
  if (typeof item?.urlSha256 !== 'string' || typeof item.urlFetchedAt !== 'string') return null;
  const etag = item.urlEtag as string | null | undefined;
  const lastModified = item.urlLastModified as string | null | undefined;
  return { url, sourceId: String(item.sourceId), etag: etag ?? null, lastModified: lastModified ?? null, sha256: item.urlSha256, fetchedAt: item.urlFetchedAt, recordId: sha256Hex(url) };
}

const itemOf = (state: UrlState) => ({ ...keys.urlState(state.url), kind: ITEM_KIND.urlState, ...state });

export function createUrlStateStore(doc: DynamoDBDocumentClient, tableName: string): UrlStateStore {
  return {
    async get(url) {
      try {
        const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.urlState(url) }));
        if (out.Item) return stateOf(out.Item);
        const track = await doc.send(new GetCommand({ TableName: tableName, Key: keys.track(sha256Hex(url)) }));
        return stateInTrack(url, track.Item);
      } catch (err) {
        throw storeError('DynamoDB', `get url state ${url}`, err);
      }
    },
    async put(state) {
      try {
        await doc.send(new PutCommand({ TableName: tableName, Item: itemOf(state) }));
      } catch (err) {
        throw storeError('DynamoDB', `put url state ${state.url}`, err);
      }
    },
    async getMany(urls) {
      const unique = [...new Set(urls)];
      const items = await batchGetItems(doc, tableName, unique.map((u) => keys.urlState(u)), `get ${urls.length} url states`);
      const states = new Map(items.map((item) => [String(item.url), stateOf(item)] as const));
      // The URLs without an item of their own: their tracking items (one more BatchGetItem, fresh URLs only).
      const missing = new Map(unique.filter((u) => !states.has(u)).map((u) => [keys.track(sha256Hex(u)).PK, u] as const));
      if (missing.size === 0) return states;
      const tracks = await batchGetItems(doc, tableName, [...missing.values()].map((u) => keys.track(sha256Hex(u))), `get ${missing.size} tracked url states`);
      for (const track of tracks) {
        const url = missing.get(String(track.PK));
        const state = url === undefined ? null : stateInTrack(url, track);
        if (state) states.set(state.url, state);
      }
      return states;
    },
    async putMany(states) {
      // A URL twice: its last state wins (batch-items.ts sends one request a key).
      await batchWriteItems(doc, tableName, states.map((s) => ({ PutRequest: { Item: itemOf(s) } })), `put ${states.length} url states`);
    },
  };
}
