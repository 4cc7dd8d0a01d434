/** Shared by the CLI commands: zod failures as one readable line per problem. */
import type { ZodError } from 'zod';

export function formatZodError(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('\n');
}
