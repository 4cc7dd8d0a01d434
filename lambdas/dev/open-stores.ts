/**
 * Opens the stores a command needs: real AWS when configured, else embedded local stores started
 * for the duration of the command (table and bucket ensured). `close()` releases everything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../contract/config.js';
import { ensureTable } from '../store/provision.js';
import { createStores, type Stores } from '../store/stores.js';
import { makeClients, type StoreClients } from '../store/clients.js';
import { ensureBucket, startLocalStores } from './local-stores.js';

export interface OpenStores {
  stores: Stores;
  clients: StoreClients;
  config: AppConfig;
  close(): Promise<void>;
}

export async function openStores(config: AppConfig, options: { inMemory?: boolean } = {}): Promise<OpenStores> {
  if (config.mode === 'aws') {
    const clients = makeClients({ mode: 'aws', region: config.region, dynamoEndpoint: config.dynamoEndpoint, s3Endpoint: config.s3Endpoint });
    const stores = createStores(clients, config);
    return { stores, clients, config, close: async () => clients.destroy() };
  }
  // In memory nothing is kept: s3rver (which needs a directory) gets a temp one, removed on close.
  const tempS3 = options.inMemory ? mkdtempSync(join(tmpdir(), 'jsnews-s3-')) : null;
  const removeTemp = () => tempS3 && rmSync(tempS3, { recursive: true, force: true });
  const local = await startLocalStores(tempS3 ? { inMemory: true, s3Dir: tempS3 } : { dataDir: config.localDataDir });
  const clients = makeClients({ mode: 'local', region: config.region, dynamoEndpoint: local.dynamo.endpoint, s3Endpoint: local.s3.endpoint });
  try {
    await ensureTable(clients.dynamo, config.tableName);
    await ensureBucket(clients.s3, config.bucketName);
  } catch (err) {
    clients.destroy();
    await local.stop();
    removeTemp();
    throw err;
  }
  const stores = createStores(clients, config);
  return {
    stores,
    clients,
    config: { ...config, dynamoEndpoint: local.dynamo.endpoint, s3Endpoint: local.s3.endpoint },
    async close() {
      clients.destroy();
      await local.stop();
      removeTemp();
    },
  };
}
