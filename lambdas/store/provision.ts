/** Creates the records table (DynamoDB Local, or a table made outside CDK) from the contract's definition. */
import {
  CreateTableCommand,
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
