/**
 * One item per URL remembering its last successful fetch (ETag, Last-Modified, sha256 of the body,
 * when, which record it produced): the next fetch is conditional, and the same bytes again are
 * recognised as unchanged without touching the archive or the records.
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UrlState, UrlStateStore } from './ports.js';
import { ITEM_KIND, keys } from '../contract/table-design.js';
import { storeError } from './sdk-errors.js';
import { batchGetItems, batchWriteItems } from './batch-items.js';

function stateOf(item: Record<string, unknown>): UrlState {
  const { url, sourceId, etag, lastModified, sha256, fetchedAt, recordId } = item as unknown as UrlState;
  return { url, sourceId, etag: etag ?? null, lastModified: lastModified ?? null, sha256, fetchedAt, recordId: recordId ?? null };
}

const itemOf = (state: UrlState) => ({ ...keys.urlState(state.url), kind: ITEM_KIND.urlState, ...state });

export function createUrlStateStore(doc: DynamoDBDocumentClient, tableName: string): UrlStateStore {
  return {
    async get(url) {
      try {
        const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.urlState(url) }));
        return out.Item ? stateOf(out.Item) : null;
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
      const items = await batchGetItems(doc, tableName, [...new Set(urls)].map((u) => keys.urlState(u)), `get ${urls.length} url states`);
      return new Map(items.map((item) => [String(item.url), stateOf(item)] as const));
    },
    async putMany(states) {
      // One request a key (BatchWriteItem refuses a key twice): the last state of a URL wins, as with puts in order.
      const last = new Map(states.map((s) => [s.url, s] as const));
      await batchWriteItems(doc, tableName, [...last.values()].map((s) => ({ PutRequest: { Item: itemOf(s) } })), `put ${last.size} url states`);
    },
  };
}
