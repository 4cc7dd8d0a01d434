/**
 * vitest global setup: builds the CLI (dist/cli) once before any test runs, so tests that spawn
 * bin/jsnews.mjs run the code of this checkout, never a stale build.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '../../scripts/build-cli.mjs'), '--quiet'], { stdio: 'inherit' });
}
