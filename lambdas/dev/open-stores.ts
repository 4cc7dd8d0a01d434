/**
 * Opens the stores a command needs: real AWS when configured; else the local stores `jsnews local
 * start` keeps running for this data directory, when they answer; else local stores started for the
 * duration of the command (table and bucket ensured either way). `close()` releases what was opened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../contract/config.js';
import { ensureTable } from '../store/provision.js';
import { createStores, type Stores } from '../store/stores.js';
import { makeClients, type StoreClients } from '../store/clients.js';
import { ensureBucket, findRunningStores, startLocalStores } from './local-stores.js';

export interface OpenStores {
  stores: Stores;
  clients: StoreClients;
  config: AppConfig;
  /** Where the stores came from: AWS, stores left running by `jsnews local start`, or started for this command. */
  origin: 'aws' | 'running' | 'started';
  close(): Promise<void>;
}

export async function openStores(config: AppConfig, options: { inMemory?: boolean } = {}): Promise<OpenStores> {
  if (config.mode === 'aws') {
    const clients = makeClients({ mode: 'aws', region: config.region, dynamoEndpoint: config.dynamoEndpoint, s3Endpoint: config.s3Endpoint });
    const stores = createStores(clients, config);
    return { stores, clients, config, origin: 'aws', close: async () => clients.destroy() };
  }
  const running = options.inMemory ? null : await findRunningStores(config.localDataDir);
  if (running) {
    // `jsnews local start` created the table and bucket (ensureRunningStoresReady): no round trips here.
    const clients = makeClients({ mode: 'local', region: config.region, dynamoEndpoint: running.dynamo.endpoint, s3Endpoint: running.s3.endpoint });
    return {
      stores: createStores(clients, config),
      clients,
      config: { ...config, dynamoEndpoint: running.dynamo.endpoint, s3Endpoint: running.s3.endpoint },
      origin: 'running',
      close: async () => clients.destroy(),
    };
  }
  // In memory nothing is kept: dynalite (pure JS, so no Java needed) instead of DynamoDB Local, and
  // s3rver (which needs a directory) gets a temp one, removed on close.
  const tempS3 = options.inMemory ? mkdtempSync(join(tmpdir(), 'jsnews-s3-')) : null;
  const removeTemp = () => tempS3 && rmSync(tempS3, { recursive: true, force: true });
  const local = await startLocalStores(tempS3 ? { inMemory: true, s3Dir: tempS3, dynamo: 'dynalite' } : { dataDir: config.localDataDir });
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
    origin: 'started',
    async close() {
      clients.destroy();
      await local.stop();
      removeTemp();
    },
  };
}

/** Creates the table and bucket in stores just started by `jsnews local start`, so commands using them need no checks. */
export async function ensureRunningStoresReady(config: AppConfig, endpoints: { dynamo: string; s3: string }): Promise<void> {
  const clients = makeClients({ mode: 'local', region: config.region, dynamoEndpoint: endpoints.dynamo, s3Endpoint: endpoints.s3 });
  try {
    await ensureTable(clients.dynamo, config.tableName);
    await ensureBucket(clients.s3, config.bucketName);
  } finally {
    clients.destroy();
  }
}
