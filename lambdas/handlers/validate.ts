/** Validates an event or payload with zod; failures become one readable JsnewsError(InvalidArgument). */
import type { z } from 'zod';
import { ErrorCode, JsnewsError } from '../normalize/errors.js';
import { formatIssues } from '../validation.js';

export function parseInput<T extends z.ZodTypeAny>(schema: T, input: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new JsnewsError(ErrorCode.InvalidArgument, `invalid ${what}: ${formatIssues(parsed.error)}`);
}
