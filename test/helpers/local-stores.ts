/**
 * Integration-test stores: one DynamoDB Local (-inMemory) and one s3rver per test file, real SDK
 * clients, a fresh table + bucket per `freshStores()` call so tests in one file do not see each
 * other's items. Every DynamoDB command name is logged so tests can assert that no Scan is used.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_REGION } from '../../lambdas/contract/config.js';
import { ensureBucket, ensureTable, startLocalStores, type LocalStores } from '../../lambdas/dev/local-stores.js';
import { makeClients, type StoreClients } from '../../lambdas/store/clients.js';
import { createStores, type Stores } from '../../lambdas/store/stores.js';

export interface TestStores {
  local: LocalStores;
  clients: StoreClients;
  /** Every DynamoDB command sent, by name (e.g. "PutCommand", "QueryCommand"). */
  commands: string[];
  freshStores(): Promise<Stores & { tableName: string; bucketName: string }>;
  stop(): Promise<void>;
}

let counter = 0;

export async function startTestStores(): Promise<TestStores> {
  const s3Dir = mkdtempSync(join(tmpdir(), 'jsnews-s3-'));
  const local = await startLocalStores({ inMemory: true, s3Dir });
  const clients = makeClients({ mode: 'local', region: LOCAL_REGION, dynamoEndpoint: local.dynamo.endpoint, s3Endpoint: local.s3.endpoint });
  const commands: string[] = [];
  clients.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordCommandNames' },
  );
  return {
    local,
    clients,
    commands,
    async freshStores() {
      const n = `${process.pid}-${++counter}`;
      const tableName = `jsnews-test-${n}`;
      const bucketName = `jsnews-test-${n}`;
      await ensureTable(clients.dynamo, tableName);
      await ensureBucket(clients.s3, bucketName);
      return { ...createStores(clients, { tableName, bucketName }), tableName, bucketName };
    },
    async stop() {
      clients.destroy();
      await local.stop();
      rmSync(s3Dir, { recursive: true, force: true });
    },
  };
}
