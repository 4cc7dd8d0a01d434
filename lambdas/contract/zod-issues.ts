/** Shared by everything that validates input with zod: one readable form for its issues, one way to fail. */
import type { z } from 'zod';
import { ErrorCode, JsnewsError } from './errors.js';

/** Formats zod issues as `where: what`, e.g. `[0].startPages[1].url: must be an http(s) URL`, joined by "; ". */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') || '(root)';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/** Validates an event, payload, option set or file with zod; failures become one readable JsnewsError(InvalidArgument). */
export function parseInput<T extends z.ZodTypeAny>(schema: T, input: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new JsnewsError(ErrorCode.InvalidArgument, `invalid ${what}: ${formatIssues(parsed.error)}`);
}
