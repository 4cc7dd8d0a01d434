/**
 * The backfill limits (contract/limits.ts) through the real bin: what the Lambda payload refuses,
 * the CLI refuses too, as a usage error before any store is opened (issue 10 item 12).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, jsnewsSync } from '../../helpers/cli.js';

describe('jsnews backfill limits', () => {
  const home = join(mkdtempSync(join(tmpdir(), 'jsnews-limits-')), 'home');
  const env = cliEnv(home);

  it('refuses more than 200 list pages (--pages 0-100000000 was accepted; the Lambda capped at 200)', () => {
    const r = jsnewsSync(['backfill', '--source', 'tinghu', '--pages', '0-100000000'], { env });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--pages: at most 200 list pages per backfill');
    expect(jsnewsSync(['backfill', '--source', 'tinghu', '--pages', '5-205'], { env }).stderr).toContain('at most 200 list pages');
    expect(existsSync(home)).toBe(false);
  });

  it('refuses a source id over 128 characters without echoing it', () => {
    const id = 'a'.repeat(100_000);
    const r = jsnewsSync(['backfill', '--source', id, '--pages', '1-2'], { env });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--source: String must contain at most 128 character(s)');
    expect(r.stderr.length).toBeLessThan(400);
    expect(existsSync(home)).toBe(false);
  });
});
