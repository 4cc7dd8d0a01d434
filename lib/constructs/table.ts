/**
 * The records table, declared from the store's own definition (lambdas/store/table-design.ts) so
 * the deployed keys and indexes can never drift from what the code writes and queries.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinition } from '../../lambdas/contract/table-design.js';

export interface RecordsTableProps {
  deletionProtection: boolean;
  removalPolicy: RemovalPolicy;
}

type Definition = ReturnType<typeof tableDefinition>;
type KeySchema = readonly { AttributeName?: string; KeyType?: string }[];
type Projection = NonNullable<Definition['GlobalSecondaryIndexes'][number]['Projection']>;

/** The placeholder name only feeds tableDefinition(); CloudFormation names the real table. */
const DEFINITION = tableDefinition('unused');

export class RecordsTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: RecordsTableProps) {
    super(scope, id);
    const { partitionKey, sortKey } = toKeys(DEFINITION.KeySchema);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey,
      sortKey,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: props.removalPolicy,
    });
    for (const index of DEFINITION.GlobalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({ indexName: index.IndexName!, ...toKeys(index.KeySchema!), ...toProjection(index.Projection!) });
    }
  }
}

function toKeys(schema: KeySchema): { partitionKey: dynamodb.Attribute; sortKey?: dynamodb.Attribute } {
  const attr = (name: string): dynamodb.Attribute => {
    const def = DEFINITION.AttributeDefinitions.find((a) => a.AttributeName === name);
    if (def?.AttributeType !== 'S') throw new Error(`table-design: attribute ${name} must be a declared string attribute`);
    return { name, type: dynamodb.AttributeType.STRING };
  };
  const hash = schema.find((k) => k.KeyType === 'HASH')?.AttributeName;
  const range = schema.find((k) => k.KeyType === 'RANGE')?.AttributeName;
  if (!hash) throw new Error('table-design: key schema without a HASH key');
  return { partitionKey: attr(hash), ...(range ? { sortKey: attr(range) } : {}) };
}

function toProjection(projection: Projection): Pick<dynamodb.GlobalSecondaryIndexProps, 'projectionType' | 'nonKeyAttributes'> {
  switch (projection.ProjectionType) {
    case 'KEYS_ONLY':
      return { projectionType: dynamodb.ProjectionType.KEYS_ONLY };
    case 'INCLUDE':
      return { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: projection.NonKeyAttributes ?? [] };
    default:
      return { projectionType: dynamodb.ProjectionType.ALL };
  }
}
