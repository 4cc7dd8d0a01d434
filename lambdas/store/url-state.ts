/**
 * One item per URL remembering its last successful fetch (ETag, Last-Modified, sha256 of the body,
 * when, which record it produced): the next fetch is conditional, and the same bytes again are
 * recognised as unchanged without touching the archive or the records.
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UrlState, UrlStateStore } from './ports.js';
import { ITEM_KIND, keys } from '../contract/table-design.js';
import { storeError } from './sdk-errors.js';

export function createUrlStateStore(doc: DynamoDBDocumentClient, tableName: string): UrlStateStore {
  return {
    async get(url) {
      try {
        const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.urlState(url) }));
        if (!out.Item) return null;
        const { url: u, sourceId, etag, lastModified, sha256, fetchedAt, recordId } = out.Item as UrlState;
        return { url: u, sourceId, etag: etag ?? null, lastModified: lastModified ?? null, sha256, fetchedAt, recordId: recordId ?? null };
      } catch (err) {
        throw storeError('DynamoDB', `get url state ${url}`, err);
      }
    },
    async put(state) {
      try {
        await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.urlState(state.url), kind: ITEM_KIND.urlState, ...state } }));
      } catch (err) {
        throw storeError('DynamoDB', `put url state ${state.url}`, err);
      }
    },
  };
}
