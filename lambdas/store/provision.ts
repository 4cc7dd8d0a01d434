/** Creates the records table and the archive bucket (local stores, or stores made outside CDK) from the contract's definitions. */
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  CreateTableCommand,
  ListTablesCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../contract/table-design.js';

/** Creates the table if it does not exist and waits until it is ACTIVE. Safe to call on every start. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  if (await tableIsActive(client, tableName)) return;
  try {
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  await waitForActive(client, tableName);
}

/** Poll interval while a new table becomes ACTIVE; DynamoDB Local is ACTIVE at once, AWS takes seconds. */
const TABLE_POLL_MS = 500;
/** Give up waiting for ACTIVE after this long. */
const TABLE_WAIT_MAX_MS = 120_000;

async function tableIsActive(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return out.Table?.TableStatus === 'ACTIVE';
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return false;
    throw err;
  }
}

async function waitForActive(client: DynamoDBClient, tableName: string): Promise<void> {
  const deadline = Date.now() + TABLE_WAIT_MAX_MS;
  while (!(await tableIsActive(client, tableName))) {
    if (Date.now() > deadline) throw new Error(`table ${tableName} did not become ACTIVE`);
    await new Promise((r) => setTimeout(r, TABLE_POLL_MS));
  }
}

/** Resolves when the DynamoDB endpoint answers a request (used while a local DynamoDB starts). */
export async function dynamoAnswers(client: DynamoDBClient): Promise<void> {
  await client.send(new ListTablesCommand({ Limit: 1 }));
}

/** Creates the bucket if it does not exist. Safe to call on every start. */
export async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return;
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw err;
  }
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw err;
  }
}
