/**
 * Queries and exports through the real bin against real local stores filled by a replay run:
 * every URL a record was known under, id prefixes, --all, --limit, --columns, --min-confidence,
 * sources list, and exports read back by DuckDB (Parquet, CSV) and line by line (JSON Lines).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, jsnews, jsnewsSync } from '../../helpers/cli.js';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';

const REPLAY = join(REPO_ROOT, 'seeds/replay/jiangsu');
/** The woaijiangsu seed article: fetched at /jsxw/…, canonical on https, and reached from an old URL by a 301. */
const ARTICLE = {
  id: '68edd7675f868896e9c7d9d97b600a3c6f30b061a45d28a6cf48fa2b21964746',
  url: 'http://www.woaijiangsu.example/jsxw/2021/1216/45871.html',
  canonical: 'https://www.woaijiangsu.example/jsxw/2021/1216/45871.html',
  redirectedFrom: 'http://www.woaijiangsu.example/a/20211216/45871.html',
  title: '把新发展理念体现在项目建设上落实到实际行动中',
};
const TINGHU_TITLE = '市产业园区项目载体建设现场推进会与会人员来亭观摩';

describe('jsnews query and export', () => {
  const base = mkdtempSync(join(tmpdir(), 'jsnews-qe-'));
  const env = cliEnv(join(base, 'home'));
  const q = (args: string[]) => jsnewsSync(['query', ...args], { env });

  beforeAll(async () => {
    expect((await jsnews(['local', 'start'], { env })).status).toBe(0);
    const run = await jsnews(['run', '--replay', REPLAY, '--source', 'woaijiangsu', '--source', 'tinghu'], { env });
    expect(run.status).toBe(0);
    const bf = await jsnews(['backfill', '--replay', REPLAY, ARTICLE.redirectedFrom], { env });
    expect(bf.status).toBe(0);
  }, 240_000);
  afterAll(() => {
    jsnewsSync(['local', 'stop'], { env });
  });

  it('finds a record by its fetched URL, its canonical URL and the URL that redirected to it', () => {
    for (const url of [ARTICLE.url, ARTICLE.canonical, ARTICLE.redirectedFrom]) {
      const r = q(['--url', url]);
      expect(r.status, url).toBe(0);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
      expect(lines.map((l) => l.id), url).toEqual([ARTICLE.id]);
    }
    const none = q(['--url', 'http://www.woaijiangsu.example/nothing.html']);
    expect(none).toMatchObject({ status: 0, stdout: '' });
    expect(none.stderr).toBe('no records\n');
  });

  it('takes a unique id prefix of at least 8 hex digits', () => {
    for (const prefix of [ARTICLE.id.slice(0, 12), ARTICLE.id.slice(0, 8).toUpperCase()]) {
      const r = q(['--id', prefix, '--format', 'table', '--columns', 'id,title']);
      expect(r.status, prefix).toBe(0);
      expect(r.stdout.split('\n')[2]).toBe(`${ARTICLE.id.slice(0, 12)}  ${ARTICLE.title}`);
    }
    const short = q(['--id', ARTICLE.id.slice(0, 7)]);
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 8 hex digits');
  });

  it('--all pages through every record; --limit everywhere; failures have a reason column', () => {
    const all = q(['--all', '--format', 'table', '--columns', 'site,title']);
    expect(all.status).toBe(0);
    expect(all.stdout.split('\n').slice(2).filter(Boolean).sort()).toEqual([`www.tinghu.example       ${TINGHU_TITLE}`, `www.woaijiangsu.example  ${ARTICLE.title}`].sort());
    expect(q(['--all', '--limit', '1']).stdout.trim().split('\n')).toHaveLength(1);
    const failures = q(['--failures', 'tinghu', '--limit', '2', '--format', 'table']);
    expect(failures.status).toBe(0);
    const rows = failures.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^code +stage +attempts +lastFailedAt +nextRetryAt +url +reason$/);
    expect(rows.slice(2)).toHaveLength(2);
    expect(rows[2]).toMatch(/^HTTP_STATUS +fetch +1 .* HTTP 404$/);
    expect(q(['--columns', 'nope', '--all']).status).toBe(2);
  });

  it('--min-confidence keeps only records that carry a confidence at least that high', () => {
    const records = q(['--all']).stdout.trim().split('\n').map((l) => JSON.parse(l) as { quality: { confidence?: number } });
    const withConfidence = records.filter((r) => typeof r.quality.confidence === 'number').length;
    const r = q(['--all', '--min-confidence', '0']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(withConfidence);
    expect(q(['--all', '--min-confidence', '1.5']).status).toBe(2);
  });

  it('a backfill that cannot reach a stored article keeps its record and records no failure for it', async () => {
    // Without --replay the .example hosts do not resolve: every fetch fails.
    const bf = await jsnews(['backfill', ARTICLE.url], { env });
    expect(bf.status).toBe(1);
    expect(bf.stdout).toMatch(/\nwoaijiangsu +1 +0 +0 +0 +0 +0 +0 +[A-Z_]+=1\n/);
    expect(bf.stdout).toContain('FAILED: no source could fetch anything');
    // The kept failure has no failure item, yet it is among the top reasons, with its URL as the example.
    expect(bf.stdout).toContain(`\nTop failure reasons:\n  1 × woaijiangsu ${/[A-Z_]+=1/.exec(bf.stdout)![0].slice(0, -2)}: `);
    expect(bf.stdout).toContain(`\n      e.g. ${ARTICLE.url}\n`);
    expect(q(['--failures', 'woaijiangsu']).stdout).not.toContain(ARTICLE.url);
    expect(JSON.parse(q(['--id', ARTICLE.id]).stdout) as { title: string }).toMatchObject({ title: ARTICLE.title });
  });

  it('sources list shows the replay sources', () => {
    const r = jsnewsSync(['sources', 'list', '--replay', REPLAY], { env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\ntinghu +亭湖区 新闻中心 +yes +www\.tinghu\.example +1 +cron\(0 6 \* \* \? \*\)\n/);
  });

  it('exports Parquet and CSV that DuckDB reads back, and JSON Lines, with the filters applied', async () => {
    const parquet = join(base, 'records.parquet');
    const csv = join(base, 'records.csv');
    const jsonl = join(base, 'tinghu.jsonl');
    expect((await jsnews(['export', '--format', 'parquet', '--out', parquet], { env })).stderr).toContain('exported 2 of 2 records');
    expect((await jsnews(['export', '--format', 'csv', '--out', csv], { env })).status).toBe(0);
    const tinghu = await jsnews(['export', '--format', 'jsonl', '--out', jsonl, '--source', 'tinghu', '--replay', REPLAY], { env });
    expect(tinghu.stderr).toContain('exported 1 of 2 records');
    expect(readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { title: string }).title)).toEqual([TINGHU_TITLE]);
    const dated = await jsnews(['export', '--format', 'jsonl', '--out', join(base, 'none.jsonl'), '--from', '2030-01-01'], { env });
    expect(dated.stderr).toContain('exported 0 of 2 records');

    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjects();
    const fromParquet = await rows(`select id, title, city, siteHost, json_extract_string(people, '$[0].name') as firstPerson, json_array_length(paragraphs) as paras from read_parquet('${parquet}') order by siteHost`);
    expect(fromParquet.map((r) => [r.siteHost, r.title, r.city])).toEqual([
      ['www.tinghu.example', TINGHU_TITLE, '盐城'],
      ['www.woaijiangsu.example', ARTICLE.title, '南京'],
    ]);
    expect(fromParquet[0]!.firstPerson).toBe('戴源');
    expect(Number(fromParquet[0]!.paras)).toBe(5);
    const fromCsv = await rows(`select id, title from read_csv('${csv}', header = true) order by title`);
    expect(fromCsv.map((r) => r.id).sort()).toEqual(fromParquet.map((r) => r.id).sort());
    con.closeSync();
  });
});
