/**
 * The data directory and `jsnews local start|stop|status` through the real bin: the same store from
 * any working directory, commands using the running stores, a clear error without Java.
 */
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, jsnews, jsnewsSync } from '../../helpers/cli.js';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';

const REPLAY = join(REPO_ROOT, 'seeds/replay/jiangsu');

describe('jsnews local stores and data directory', () => {
  const base = mkdtempSync(join(tmpdir(), 'jsnews-local-'));
  const home = join(base, 'home');
  const env = cliEnv(home);
  afterAll(() => {
    jsnewsSync(['local', 'stop'], { env });
  });

  it('a run creates the data directory and says so; a query from another directory reads the same store', async () => {
    const run = await jsnews(['run', '--replay', REPLAY, '--source', 'tinghu'], { env });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`jsnews: created local stores in ${join(home, 'local')}`);
    expect(run.stdout).toMatch(/^source +discovered/);
    expect(run.stdout).toMatch(/\ntinghu +15 +0 +0 +1 +0 +1 +0 +HTTP_STATUS=14\n/);
    const q = await jsnews(['query', '--site', 'www.tinghu.example', '--format', 'table'], { env, cwd: join(REPO_ROOT, 'seeds') });
    expect(q.status).toBe(0);
    expect(q.stdout).toContain('市产业园区项目载体建设现场推进会与会人员来亭观摩');
    expect(q.stderr).not.toContain('created');
    // --home wins over JSNEWS_HOME: another directory, an empty store, "no records", exit 0.
    const other = await jsnews(['query', '--site', 'www.tinghu.example', '--home', join(base, 'other')], { env });
    expect(other.status).toBe(0);
    expect(other.stdout).toBe('');
    expect(other.stderr).toContain('no records');
    expect(other.stderr).toContain(`created local stores in ${join(base, 'other', 'local')}`);
    expect(run.stderr + q.stderr).not.toContain('NodeVersionSupportWarning');
  });

  it('local start keeps the stores up between commands; status and stop', async () => {
    expect(jsnewsSync(['local', 'status'], { env }).status).toBe(1);
    const start = await jsnews(['local', 'start', '--json'], { env });
    expect(start.status).toBe(0);
    const info = JSON.parse(start.stdout) as { dynamo: { pid: number; endpoint: string }; dataDir: string };
    expect(info.dataDir).toBe(join(home, 'local'));
    const status = jsnewsSync(['local', 'status', '--json'], { env });
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, dynamo: { pid: info.dynamo.pid } });
    // A query now uses the running stores: it finds the stored record and starts no JVM of its own.
    const q = await jsnews(['query', '--site', 'www.tinghu.example', '--format', 'table', '--columns', 'site,title'], { env });
    expect(q.status).toBe(0);
    expect(q.stdout.split('\n')[2]).toBe('www.tinghu.example  市产业园区项目载体建设现场推进会与会人员来亭观摩');
    expect(jsnewsSync(['local', 'start'], { env }).stdout).toMatch(/^already running/);
    const stop = jsnewsSync(['local', 'stop'], { env });
    expect(stop.stdout).toContain('stopped');
    expect(jsnewsSync(['local', 'status'], { env }).status).toBe(1);
    expect(() => process.kill(info.dynamo.pid, 0)).toThrow();
  });

  it('without Java: a clear error naming what to install, exit 1, no stack trace', () => {
    // A PATH holding only node (java often sits next to it in /usr/bin).
    const bin = join(base, 'bin-without-java');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const noJava = cliEnv(join(base, 'nojava'), { PATH: bin, JAVA_HOME: '' });
    const r = jsnewsSync(['query', '--day', '2024-02-20'], { env: noJava });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^jsnews query: STORE_FAILED: the local stores need Java 17 or newer .*apt-get install openjdk-17-jre-headless.*--in-memory runs need no Java$/m);
  });

  it('without Java, --in-memory still works (dynalite): a replay run stores and reports as with DynamoDB Local', async () => {
    const bin = join(base, 'bin-only-node');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const noJava = cliEnv(join(base, 'nojava-mem'), { PATH: bin, JAVA_HOME: '' });
    const r = await jsnews(['run', '--in-memory', '--replay', REPLAY, '--source', 'tinghu'], { env: noJava });
    expect(r.stderr).not.toContain('Java');
    expect(r.status).toBe(0);
    // The same row the DynamoDB Local run above prints: 15 discovered, 1 new, 14 replay 404s.
    expect(r.stdout).toMatch(/\ntinghu +15 +0 +0 +1 +0 +1 +0 +HTTP_STATUS=14\n/);
    expect(r.stdout).toContain('1 of 1 source(s) fetched pages');
    // Nothing kept: no data directory was created.
    expect(existsSync(join(base, 'nojava-mem'))).toBe(false);
  });
});

describe('honest runs', () => {
  const home = join(mkdtempSync(join(tmpdir(), 'jsnews-honest-')), 'home');
  const env = cliEnv(home);

  it('exits 1 when no source could fetch anything, with the top reasons and an example URL each (also --in-memory)', async () => {
    const sources = join(dirname(home), 'sources.json');
    const source = (id: string, host: string) => ({
      id,
      name: id,
      hosts: [host],
      startPages: [{ url: `http://${host}/news/`, kind: 'list' }],
      schedule: 'rate(1 hour)',
      politeness: { delayMs: 0, maxConcurrency: 1 },
      enabled: true,
    });
    writeFileSync(sources, JSON.stringify([source('dead-one', 'news.jsnews-cli-test.invalid'), source('dead-two', 'www.jsnews-cli-test.invalid')]));
    const r = await jsnews(['run', '--sources', sources, '--in-memory'], { env });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\ndead-one +0 +0 +0 +0 +0 +0 +0 +FETCH_FAILED=1\n/);
    expect(r.stdout).toContain('Top failure reasons:');
    expect(r.stdout).toMatch(/1 × dead-one FETCH_FAILED: cannot resolve news\.jsnews-cli-test\.invalid.*\n +e\.g\. http:\/\/news\.jsnews-cli-test\.invalid\/news\//);
    expect(r.stdout).toMatch(/1 × dead-two FETCH_FAILED: cannot resolve www\.jsnews-cli-test\.invalid/);
    expect(r.stdout).toContain('FAILED: no source could fetch anything');
    // --in-memory kept nothing on disk.
    expect(existsSync(join(home, 'local'))).toBe(false);
    const json = await jsnews(['run', '--sources', sources, '--in-memory', '--json'], { env });
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as { sourceId: string; reasons: { code: string; exampleUrl: string }[] }[];
    expect(parsed.map((s) => [s.sourceId, s.reasons[0]?.code, s.reasons[0]?.exampleUrl])).toEqual([
      ['dead-one', 'FETCH_FAILED', 'http://news.jsnews-cli-test.invalid/news/'],
      ['dead-two', 'FETCH_FAILED', 'http://www.jsnews-cli-test.invalid/news/'],
    ]);
  });
});
