/**
 * The change-tracking scenario of seeds/replay/jiangsu through the real bin on local stores:
 * ingest at 2026-01-01T09:00+08:00, `jsnews revisit --all` at 01-04, 01-06, 01-11 and 01-13
 * (09:00), then the due revisit at 01-13T10:00 that confirms the jinshanwang deletion (its notice
 * page is first seen at 01-13T09:00; a deletion needs a second sighting at least an hour later).
 * Expected, written by hand from the scenario: jssuxun edited (paragraphs), tinghu deleted (404),
 * jinshanwang deleted (notice page), nothing for woaijiangsu or zjchanye.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, jsnews, jsnewsSync } from '../../helpers/cli.js';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';

const REPLAY = join(REPO_ROOT, 'seeds/replay/jiangsu');
const JSSUXUN = 'http://www.jssuxun.example/html/2024/jiangsu_0220/52317.html';
const TINGHU = 'http://www.tinghu.example/xwzx/tpxw/201908/t20190826_2245.html';
const JINSHANWANG = 'http://www.jinshanwang.example/news/zj/202301/t20230129_5581234.shtml';

const lines = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('change scenario through the CLI', () => {
  const base = mkdtempSync(join(tmpdir(), 'jsnews-changes-'));
  const home = join(base, 'home');
  const env = cliEnv(home);
  afterAll(() => {
    jsnewsSync(['local', 'stop'], { env });
  });

  it('reports exactly jssuxun edited, tinghu deleted, jinshanwang deleted', async () => {
    expect((await jsnews(['local', 'start'], { env })).status).toBe(0);
    const run = await jsnews(['run', '--replay', REPLAY, '--now', '2026-01-01T09:00:00+08:00', '--json'], { env });
    expect(run.status).toBe(0);
    const reported: Record<string, unknown>[] = [];
    for (const day of ['2026-01-04', '2026-01-06', '2026-01-11', '2026-01-13']) {
      const r = await jsnews(['revisit', '--all', '--replay', REPLAY, '--now', `${day}T09:00:00+08:00`], { env });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/revisited 5 article\(s\)/);
      // 01-06: four 304s and woaijiangsu's new chrome around the same article: one tracking item each, nothing else.
      if (day === '2026-01-06') expect(r.stderr).toMatch(/: 0 change\(s\), 5 item write\(s\)/);
      reported.push(...lines(r.stdout).map((l) => ({ ...l, day })));
    }
    const confirm = await jsnews(['revisit', '--replay', REPLAY, '--now', '2026-01-13T10:00:00+08:00'], { env });
    expect(confirm.stderr).toMatch(/revisited 1 article\(s\)/);
    reported.push(...lines(confirm.stdout).map((l) => ({ ...l, day: '2026-01-13T10' })));
    expect(reported.map((r) => [r.day, r.kind, r.url])).toEqual([
      ['2026-01-04', 'edited', JSSUXUN],
      ['2026-01-13', 'deleted', TINGHU],
      ['2026-01-13T10', 'deleted', JINSHANWANG],
    ]);

    const changes = await jsnews(['query', '--changes', '--since', '2026-01-01', '--until', '2026-01-31'], { env });
    const rows = lines(changes.stdout);
    expect(rows.map((r) => [r.kind, r.url, r.detectedAt])).toEqual([
      ['edited', JSSUXUN, '2026-01-04T01:00:00.000Z'],
      ['deleted', TINGHU, '2026-01-13T01:00:00.000Z'],
      ['deleted', JINSHANWANG, '2026-01-13T02:00:00.000Z'],
    ]);
    expect(rows[0]!.fields).toEqual([{ field: 'paragraphs', summary: '1 of 11 paragraphs changed' }]);
    expect(rows[1]).toMatchObject({ detail: 'HTTP 404', firstSeenAt: '2026-01-11T01:00:00.000Z' });
    expect(rows[2]).toMatchObject({ firstSeenAt: '2026-01-13T01:00:00.000Z' });
    const bySite = lines((await jsnews(['query', '--changes', '--since', '2026-01-01', '--site', 'www.tinghu.example', '--kind', 'deleted'], { env })).stdout);
    expect(bySite.map((r) => r.url)).toEqual([TINGHU]);

    const id = String(rows[0]!.id);
    const history = lines((await jsnews(['query', '--history', id], { env })).stdout)[0] as { status: string; versionCount: number; versions: { n: number; firstSeenAt: string; lastSeenAt: string }[] };
    expect(history.status).toBe('live');
    expect(history.versions.map((v) => [v.n, v.firstSeenAt, v.lastSeenAt])).toEqual([
      [1, '2026-01-01T01:00:00.000Z', '2026-01-01T01:00:00.000Z'],
      [2, '2026-01-04T01:00:00.000Z', '2026-01-13T01:00:00.000Z'],
    ]);
    const diff = await jsnews(['diff', id], { env });
    expect(diff.stdout).toContain('新增市场主体[-2.5-]{+2.6+}万家');
    expect(diff.stdout.split('\n').filter((l) => l.startsWith('~ ') || l.startsWith('+ ') || l.startsWith('- '))).toHaveLength(1);

    // A revisit of everything at 10:00 finds nothing new (it moves the schedule: tracking items only);
    // replaying that same revisit changes nothing and writes nothing.
    const again = await jsnews(['revisit', '--all', '--replay', REPLAY, '--now', '2026-01-13T10:00:00+08:00'], { env });
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/revisited 5 article\(s\) in [\d.]+ s: 0 change\(s\), 4 item write\(s\)/);
    const replay = await jsnews(['revisit', '--all', '--replay', REPLAY, '--now', '2026-01-13T10:00:00+08:00'], { env });
    expect(replay.stdout).toBe('');
    expect(replay.stderr).toMatch(/revisited 5 article\(s\) in [\d.]+ s: 0 change\(s\), 0 item write\(s\)/);
  }, 240_000);

  it('exports the changes to Parquet and CSV that DuckDB reads back, and to JSON Lines by site and kind', async () => {
    const parquet = join(base, 'changes.parquet');
    const csv = join(base, 'changes.csv');
    const jsonl = join(base, 'tinghu.jsonl');
    const range = ['--since', '2026-01-01', '--until', '2026-01-31'];
    const p = await jsnews(['export', '--changes', '--format', 'parquet', '--out', parquet, ...range], { env });
    expect(p.stderr).toContain('exported 3 change(s) detected 2025-12-31T16:00:00.000Z .. 2026-01-31T15:59:59.999Z');
    expect((await jsnews(['export', '--changes', '--format', 'csv', '--out', csv, ...range], { env })).status).toBe(0);
    const site = await jsnews(['export', '--changes', '--format', 'jsonl', '--out', jsonl, ...range, '--site', 'www.tinghu.example', '--kind', 'deleted'], { env });
    expect(site.stderr).toContain('exported 1 change(s)');
    expect(readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      { url: TINGHU, id: expect.stringMatching(/^[0-9a-f]{64}$/), kind: 'deleted', detectedAt: '2026-01-13T01:00:00.000Z', fields: [], detail: 'HTTP 404', firstSeenAt: '2026-01-11T01:00:00.000Z' },
    ]);
    const wrong = await jsnews(['export', '--changes', '--format', 'csv', '--out', csv, '--from', '2026-01-01'], { env });
    expect(wrong.status).toBe(2);

    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjects();
    const fromParquet = await rows(`select detectedAt, kind, url, siteHost, json_extract_string(fields, '$[0].summary') as summary, detail, firstSeenAt, fromVersion, toVersion from read_parquet('${parquet}')`);
    // In time order as written (the export streams day partitions in order).
    expect(fromParquet.map((r) => [r.detectedAt, r.kind, r.url, r.siteHost])).toEqual([
      ['2026-01-04T01:00:00.000Z', 'edited', JSSUXUN, 'www.jssuxun.example'],
      ['2026-01-13T01:00:00.000Z', 'deleted', TINGHU, 'www.tinghu.example'],
      ['2026-01-13T02:00:00.000Z', 'deleted', JINSHANWANG, 'www.jinshanwang.example'],
    ]);
    expect(fromParquet[0]).toMatchObject({ summary: '1 of 11 paragraphs changed', fromVersion: 1, toVersion: 2, detail: null });
    expect(fromParquet[1]).toMatchObject({ detail: 'HTTP 404', firstSeenAt: '2026-01-11T01:00:00.000Z', fromVersion: null });
    const fromCsv = await rows(`select kind, url from read_csv('${csv}', header = true)`);
    expect(fromCsv.map((r) => [r.kind, r.url])).toEqual(fromParquet.map((r) => [r.kind, r.url]));
    con.closeSync();
  }, 60_000);
});
