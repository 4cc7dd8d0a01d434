/** Shared by everything that validates input with zod: one readable form for its issues. */
import type { z } from 'zod';

/** Formats zod issues as `where: what`, e.g. `[0].startPages[1].url: must be an http(s) URL`, joined by "; ". */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('') || '(root)';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
