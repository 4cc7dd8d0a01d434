/**
 * Issue 9 class 8 end to end: `jsnews backfill URL` of a list page (a site's news index, from the replay tree) through
 * the real bin, the real fetcher and normalizer and the local stores (DynamoDB Local + s3rver): no record is stored
 * for it, its failure is NO_ARTICLE, and an article backfilled beside it is stored.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, jsnews, jsnewsSync } from '../../helpers/cli.js';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';

const REPLAY = join(REPO_ROOT, 'seeds/replay/jiangsu');
/** The woaijiangsu news index (seeds/replay/jiangsu/www.woaijiangsu.example/jsxw/index.html) and an article of it. */
const LIST_PAGE = 'http://www.woaijiangsu.example/jsxw/';
const ARTICLE = 'http://www.woaijiangsu.example/jsxw/2021/1216/45871.html';

describe('jsnews backfill of a list page (issue 9 class 8)', () => {
  const base = mkdtempSync(join(tmpdir(), 'jsnews-bf-list-'));
  const env = cliEnv(join(base, 'home'));
  const q = (args: string[]) => jsnewsSync(['query', ...args], { env });
  let backfill: Awaited<ReturnType<typeof jsnews>>;

  beforeAll(async () => {
    expect((await jsnews(['local', 'start'], { env })).status).toBe(0);
    backfill = await jsnews(['backfill', '--replay', REPLAY, LIST_PAGE, ARTICLE], { env });
  }, 240_000);
  afterAll(() => {
    jsnewsSync(['local', 'stop'], { env });
  });

  it('stores the article and no record for the list page, whose failure is NO_ARTICLE', () => {
    expect(backfill.stdout).toMatch(/NO_ARTICLE=1/);
    const records = q(['--all']).stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { url: string; quality: { confidence: number } });
    expect(records.map((r) => r.url)).toEqual([ARTICLE]);
    expect(records[0]!.quality.confidence).toBeGreaterThan(0);
    expect(q(['--url', LIST_PAGE])).toMatchObject({ status: 0, stdout: '', stderr: 'no records\n' });
    const failures = q(['--failures', 'woaijiangsu', '--format', 'table']).stdout;
    expect(failures).toMatch(new RegExp(`NO_ARTICLE +normalize .*${LIST_PAGE.replace(/[./]/g, '\\$&')}`));
  });
});
