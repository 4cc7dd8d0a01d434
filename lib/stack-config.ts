/**
 * Deploy-time configuration, read once from CDK context (`-c key=value` or cdk.json "context") and
 * validated with zod. Everything else in lib/ receives the typed `StackConfig`.
 */
import { z } from 'zod';
import { ErrorCode, JsnewsError } from '../lambdas/contract/errors.js';

/** Raw pages move to Standard-IA after this many days (30 is the S3 minimum for that transition). */
export const DEFAULT_RAW_INFREQUENT_ACCESS_DAYS = 30;
/** Raw pages are deleted after this many days; reprocessing needs them, so keep a year by default. 0 = never. */
export const DEFAULT_RAW_EXPIRE_DAYS = 365;
/**
 * Upper bound on concurrent fetch Lambdas across all hosts: a cost and blast-radius cap. Per-host
 * politeness comes from the host lease in the table (pipeline/polite-batch.ts), not from this number.
 */
export const DEFAULT_FETCH_MAX_CONCURRENCY = 10;
/** CloudWatch log retention for every function. */
export const DEFAULT_LOG_RETENTION_DAYS = 30;

export const Stage = z.enum(['dev', 'prod']);
export type Stage = z.infer<typeof Stage>;

/** A context value may arrive as a string (`-c x=...`) or as JSON (cdk.json). */
const jsonish = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && /^\s*[[{]/.test(v) ? JSON.parse(v) : v), schema);
const intish = z.coerce.number().int().min(0);

const StackConfigSchema = z.object({
  stage: Stage.default('dev'),
  /** Path to a JSON file listing sources; default: the registry in lambdas/sites/. */
  sources: z.string().min(1).optional(),
  /** Per-source schedule overrides: `{"<sourceId>": "rate(2 hours)" | "cron(...)" | "off"}`. */
  schedules: jsonish(z.record(z.string(), z.string().min(1))).default({}),
  rawInfrequentAccessDays: intish.min(30).default(DEFAULT_RAW_INFREQUENT_ACCESS_DAYS),
  rawExpireDays: intish.default(DEFAULT_RAW_EXPIRE_DAYS),
  fetchMaxConcurrency: intish.min(2).max(1000).default(DEFAULT_FETCH_MAX_CONCURRENCY),
  logRetentionDays: intish.default(DEFAULT_LOG_RETENTION_DAYS),
});
export type StackConfig = z.infer<typeof StackConfigSchema>;

/** Keys read from CDK context; anything else in context is CDK's own. */
export const CONTEXT_KEYS = Object.keys(StackConfigSchema.shape) as (keyof StackConfig)[];

/** Validates context values (undefined = use default) into a StackConfig, with readable errors. */
export function parseStackConfig(context: Record<string, unknown>): StackConfig {
  const picked = Object.fromEntries(CONTEXT_KEYS.map((k) => [k, context[k]]).filter(([, v]) => v !== undefined));
  let parsed;
  try {
    parsed = StackConfigSchema.safeParse(picked);
  } catch (err) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `invalid CDK context: ${(err as Error).message}`, false, { cause: err });
  }
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new JsnewsError(ErrorCode.InvalidArgument, `invalid CDK context: ${issues}`);
  }
  const config = parsed.data;
  if (config.rawExpireDays !== 0 && config.rawExpireDays <= config.rawInfrequentAccessDays) {
    throw new JsnewsError(
      ErrorCode.InvalidArgument,
      `invalid CDK context: rawExpireDays (${config.rawExpireDays}) must be 0 or greater than rawInfrequentAccessDays (${config.rawInfrequentAccessDays})`,
    );
  }
  return config;
}
