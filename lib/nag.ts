/**
 * cdk-nag 3 glue. cdk-nag is CommonJS whose re-exports Node's ESM loader cannot see as named
 * exports, so lib/ imports it through here. Suppressions use CDK's own `Validations.acknowledge`
 * (cdk-nag 3 dropped NagSuppressions); every one carries its reason.
 */
import { Validations } from 'aws-cdk-lib';
import cdkNag from 'cdk-nag';
import type { IConstruct } from 'constructs';

export const { AwsSolutionsChecks } = cdkNag;

/** Acknowledges one finding (`AwsSolutions-IAM5[Resource::...]` or a whole rule id) on a construct and its children. */
export function acknowledgeNag(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}
