/**
 * Environment of the Lambda handlers: names (shared with the CDK stack, which sets them) and their
 * validation. The table/bucket part is lambdas/config.ts; this adds what only the Lambdas need.
 */
import { z } from 'zod';
import { ErrorCode, JsnewsError } from '../normalize/errors.js';

export const ENV = {
  table: 'JSNEWS_TABLE',
  bucket: 'JSNEWS_BUCKET',
  fetchQueueUrl: 'JSNEWS_FETCH_QUEUE_URL',
  normalizeQueueUrl: 'JSNEWS_NORMALIZE_QUEUE_URL',
  /** Path of a sources JSON file bundled next to the handler (deploys made with `-c sources=`). */
  sourcesFile: 'JSNEWS_SOURCES_FILE',
  stage: 'JSNEWS_STAGE',
} as const;

const QueueEnv = z.object({
  [ENV.fetchQueueUrl]: z.string().url(),
  [ENV.normalizeQueueUrl]: z.string().url(),
});

export interface QueueUrls {
  fetch: string;
  normalize: string;
}

/** Queue URLs the fan-out handlers enqueue to. Throws InvalidArgument naming the missing variable. */
export function queueUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): QueueUrls {
  const parsed = QueueEnv.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new JsnewsError(ErrorCode.InvalidArgument, `invalid handler environment: ${issues}`);
  }
  return { fetch: parsed.data[ENV.fetchQueueUrl], normalize: parsed.data[ENV.normalizeQueueUrl] };
}

/** The sources override file, when the deploy bundled one. */
export function sourcesFileFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[ENV.sourcesFile];
  return value ? value : undefined;
}
