/** Builds every store port over one set of SDK clients: what the CLI and the Lambda handlers pass to pipeline/. */
import type { StoreClients } from './clients.js';
import type { Archive, ChangeStore, FailureStore, UrlStateStore } from './ports.js';
import { createDynamoChangeStore } from './changes-dynamodb.js';
import { createS3Archive } from './archive-s3.js';
import { createPointerTable, withTablePointers } from './pointers-dynamodb.js';
import { createDynamoRecordStore, type DynamoRecordStore } from './records-dynamodb.js';
import { createUrlStateStore } from './url-state.js';
import { createFailureStore } from './failures.js';

export interface Stores {
  archive: Archive;
  records: DynamoRecordStore;
  urlState: UrlStateStore;
  failures: FailureStore;
  changes: ChangeStore;
}

export function createStores(clients: Pick<StoreClients, 'doc' | 's3'>, names: { tableName: string; bucketName: string }): Stores {
  // Fetch pointers are table items; the S3 pointers of older archives are still listed.
  const archive = withTablePointers(createS3Archive(clients.s3, names.bucketName), createPointerTable(clients.doc, names.tableName));
  return {
    archive,
    records: createDynamoRecordStore(clients.doc, names.tableName, archive),
    urlState: createUrlStateStore(clients.doc, names.tableName),
    failures: createFailureStore(clients.doc, names.tableName),
    changes: createDynamoChangeStore(clients.doc, names.tableName, archive),
  };
}
