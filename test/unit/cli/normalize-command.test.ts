/**
 * `jsnews normalize` exactly as CONTRACT.md fixes it: JSON Lines in input order, `input` as given, errors as lines,
 * exit status 1 if any input failed. Runs the real bin in a child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';

function jsnews(args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/jsnews.mjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, lines: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), stderr: r.stderr };
}

describe('jsnews normalize', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsnews-cli-'));
  const empty = join(dir, 'empty.html');
  writeFileSync(empty, '');
  const png = join(dir, 'image.txt');
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  it('prints one record per input in order, errors as lines, and exits 1 when any failed', () => {
    const r = jsnews(['normalize', '--fetched-at', '2024-02-21T09:00:00+08:00', 'seeds/002_dfb4da28d1e41213.txt', empty, png, 'no/such/file.html', 'seeds/003_3e0a5657ee805610.txt']);
    expect(r.status).toBe(1);
    expect(r.lines.map((l) => l.input)).toEqual(['seeds/002_dfb4da28d1e41213.txt', empty, png, 'no/such/file.html', 'seeds/003_3e0a5657ee805610.txt']);
    expect(r.lines[0]).toMatchObject({ schemaVersion: 1, title: '南京江北新区:“新春第一会”“热辣滚烫”鼓干劲', source: '中国江苏网' });
    expect(r.lines[1]).toEqual({ input: empty, error: { code: 'EMPTY_INPUT', message: expect.any(String) } });
    expect(r.lines[2]).toEqual({ input: png, error: { code: 'UNSUPPORTED_INPUT', message: expect.stringMatching(/PNG/) } });
    expect(r.lines[3]).toEqual({ input: 'no/such/file.html', error: { code: 'READ_FAILED', message: expect.stringMatching(/ENOENT/) } });
    expect(r.lines[4]).toMatchObject({ title: '不负春光乘势上 项目建设争朝夕' });
  });

  it('exits 0 when every input succeeds, and uses --url for site and canonical URL', () => {
    const url = 'https://www.jssuxun.example/html/2024/jiangsu_0220/52317.html?utm_source=feed#top';
    const r = jsnews(['normalize', '--url', url, 'seeds/html/002_dfb4da28d1e41213.html']);
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ url, canonicalUrl: 'https://www.jssuxun.example/html/2024/jiangsu_0220/52317.html', site: { host: 'www.jssuxun.example', name: '江苏苏讯网' } });
  });

  it('--charset is the caller charset (like an HTTP header)', () => {
    const r = jsnews(['normalize', '--charset', 'big5', 'seeds/html/004_9102397643b9cae0.html']);
    expect(r.status).toBe(0);
    expect(r.lines[0]).toMatchObject({ title: '市产业园区项目载体建设现场推进会与会人员来亭观摩' });
  });

  it('rejects bad options with a readable message and exit 2', () => {
    const r = jsnews(['normalize', '--fetched-at', 'yesterday', 'seeds/000_0bd5e5fca5af9d22.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^jsnews normalize: INVALID_ARGUMENT: invalid option: --fetched-at: must be an ISO 8601/);
    expect(jsnews(['normalize', '--charset', 'klingon', 'x.html']).stderr).toMatch(/not a charset label/);
    expect(jsnews(['normalize']).stderr).toMatch(/no input files/);
  });
});
