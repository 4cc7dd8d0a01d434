/**
 * The raw-page archive: one private, encrypted bucket for fetched bytes (raw/) plus a log bucket for
 * its server access logs. Raw keys are content-addressed and written once, so versioning is off: a
 * version history of immutable objects would only double storage.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledgeNag } from '../nag.js';
import { Construct } from 'constructs';
import { RAW_PREFIX } from '../../lambdas/contract/archive-keys.js';

/** Access logs are for audits and incident forensics; a quarter covers both. */
export const ACCESS_LOG_EXPIRE_DAYS = 90;
/** Abandoned multipart uploads cost money and are never finished by us after a day. */
export const ABORT_MULTIPART_DAYS = 1;

export interface ArchiveProps {
  rawInfrequentAccessDays: number;
  /** 0 = keep raw pages forever. */
  rawExpireDays: number;
  removalPolicy: RemovalPolicy;
}

export class Archive extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ArchiveProps) {
    super(scope, id);
    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_EXPIRE_DAYS) }],
      removalPolicy: props.removalPolicy,
    });
    acknowledgeNag(this.logBucket, 'AwsSolutions-S1', 'This is the access-log bucket itself; logging it into itself would loop.');

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: false,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'archive/',
      lifecycleRules: rawLifecycleRules(props),
      removalPolicy: props.removalPolicy,
    });
  }
}

function rawLifecycleRules(props: ArchiveProps): s3.LifecycleRule[] {
  return [
    {
      id: 'raw-to-infrequent-access',
      prefix: RAW_PREFIX,
      transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(props.rawInfrequentAccessDays) }],
      ...(props.rawExpireDays > 0 ? { expiration: Duration.days(props.rawExpireDays) } : {}),
    },
    { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(ABORT_MULTIPART_DAYS) },
  ];
}
