/** What normalize makes of a page in a test: null for a record, else the JsnewsError code ('THROWN' for any other error). */
import { JsnewsError } from '../../lambdas/contract/errors.js';
import { normalize } from '../../lambdas/normalize/index.js';

export function errorCodeOf(bytes: Uint8Array): string | null {
  try {
    normalize(bytes);
    return null;
  } catch (err) {
    return err instanceof JsnewsError ? err.code : 'THROWN';
  }
}
