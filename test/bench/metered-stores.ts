/**
 * The store set-up the AWS-use benches share (bench:cost, bench:revisit): DynamoDB Local (in memory)
 * and s3rver (its objects under /dev/shm when there is one), the project's table and bucket, SDK
 * clients whose DynamoDB and S3 requests are metered (aws-meter.ts) from the start.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_REGION } from '../../lambdas/contract/config.js';
import { ensureBucket, startLocalStores } from '../../lambdas/dev/local-stores.js';
import { makeClients, type StoreClients } from '../../lambdas/store/clients.js';
import { ensureTable } from '../../lambdas/store/provision.js';
import { meterDynamo, meterS3, newMeter, type Meter } from './aws-meter.js';

const S3RVER_DIR_PARENT = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

export interface MeteredStores {
  clients: StoreClients;
  names: { tableName: string; bucketName: string };
  meter: Meter;
  stop(): Promise<void>;
}

export async function startMeteredStores(name: string): Promise<MeteredStores> {
  const s3Dir = mkdtempSync(join(S3RVER_DIR_PARENT, `jsnews-${name}-s3-`));
  const local = await startLocalStores({ inMemory: true, s3Dir });
  const clients = makeClients({ mode: 'local', region: LOCAL_REGION, dynamoEndpoint: local.dynamo.endpoint, s3Endpoint: local.s3.endpoint });
  const names = { tableName: name, bucketName: `${name}-archive` };
  const meter = newMeter();
  await ensureTable(clients.dynamo, names.tableName);
  await ensureBucket(clients.s3, names.bucketName);
  // Metered after provisioning: table and bucket creation are no part of any figure.
  meterDynamo(clients.dynamo, meter.dynamo);
  meterS3(clients.s3, meter.s3);
  return {
    clients,
    names,
    meter,
    async stop() {
      clients.destroy();
      await local.stop();
      rmSync(s3Dir, { recursive: true, force: true });
    },
  };
}
