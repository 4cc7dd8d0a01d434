/**
 * `jsnews backfill --remote`: sends a backfill payload to the deployed backfill Lambda (the
 * BackfillFunctionName stack output) and returns what it enqueued. The payload is validated here
 * first with the same schema the Lambda uses, so a typo fails fast without an AWS call.
 */
import { z } from 'zod';
import { parseBackfillPayload, type BackfillResponse } from '../pipeline/backfill-payload.js';
import { invokeFunction } from '../store/lambda-invoke.js';
import { awsRegionFromEnv } from '../contract/config.js';
import { parseInput } from '../contract/zod-issues.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';

const RemoteOptions = z.object({
  functionName: z.string().min(1, 'functionName is required (the stack output BackfillFunctionName)'),
  region: z.string().min(1, 'region is required (or set AWS_REGION)'),
});
export type RemoteOptions = z.infer<typeof RemoteOptions>;

export type RemoteBackfillResult = Extract<BackfillResponse, { ok: true }>;

/** Invokes the backfill Lambda synchronously. Throws JsnewsError (InvalidArgument for a rejected payload). */
export async function invokeRemoteBackfill(payload: unknown, options: { functionName: string; region?: string }): Promise<RemoteBackfillResult> {
  parseBackfillPayload(payload);
  const { functionName, region } = parseInput(RemoteOptions, { ...options, region: options.region ?? awsRegionFromEnv() ?? '' }, 'remote options');
  const out = await invokeFunction(functionName, region, payload);
  if (out.functionError) throw new JsnewsError(ErrorCode.Internal, `backfill Lambda failed (${out.functionError}): ${out.text}`);
  return toResult(out.text);
}

function toResult(text: string): RemoteBackfillResult {
  let response: BackfillResponse;
  try {
    response = JSON.parse(text) as BackfillResponse;
  } catch {
    throw new JsnewsError(ErrorCode.Internal, `backfill Lambda answered with non-JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok) throw new JsnewsError(ErrorCode.InvalidArgument, response.error.message);
  return response;
}
