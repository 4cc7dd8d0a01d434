/**
 * `jsnews normalize --jobs N`: the inputs normalized on worker threads give the same JSON lines in the same (input)
 * order and the same exit status as one in-process run, failed inputs included. Runs the real bin in a child process.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';
import { MIN_INPUTS_PER_WORKER, workerCount } from '../../../lambdas/cli/normalize-workers.js';

function jsnews(args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/jsnews.mjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** A small synthetic article page: a title, a date line and `paragraphs` paragraphs of Chinese text. */
const SENTENCES = ['与会人员实地观摩了园区载体建设情况。', '会议就下一步重点工作作出具体部署。', '各部门负责同志分别汇报了推进进度和存在的困难。', '今年全市计划新开工重大项目一百余个。', '市领导要求倒排工期、挂图作战，确保按时完成。'];
function article(title: string, paragraphs: number): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>第${i + 1}个议题，${title}项目推进会${SENTENCES[i % 5]}${SENTENCES[(i * 3 + 1) % 5]}</p>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}_新闻网</title></head><body><div class="nav"><a href="/">首页</a></div><h1>${title}</h1><div class="info">2024-02-21 09:00 来源：新闻网</div><div class="content">${body}</div></body></html>`;
}

describe('jsnews normalize --jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsnews-jobs-'));
  // The first input is long (slow) and the rest short, so with two workers the second finishes later inputs before
  // the first is done: the output must still come in input order.
  const long = join(dir, 'long.html');
  writeFileSync(long, article('长篇报道', 1500));
  const shorts = ['甲', '乙', '丙', '丁'].map((name, i) => {
    const file = join(dir, `short-${i}.html`);
    writeFileSync(file, article(`${name}地新闻`, 3));
    return file;
  });
  const empty = join(dir, 'empty.html');
  writeFileSync(empty, '');
  const missing = join(dir, 'no-such.html');
  const inputs = [long, shorts[0]!, empty, shorts[1]!, missing, shorts[2]!, shorts[3]!];

  it('writes the lines of one in-process run, in input order, with failed inputs as error lines and exit 1', () => {
    const inProcess = jsnews(['normalize', '--jobs', '1', ...inputs]);
    const threads = jsnews(['normalize', '--jobs', '2', ...inputs]);
    expect(threads.stderr).toBe('');
    expect(threads.status).toBe(1);
    expect(threads.lines.map((l) => l.input)).toEqual(inputs);
    expect(threads.lines[0]).toMatchObject({ title: '长篇报道' });
    expect(threads.lines[1]).toMatchObject({ title: '甲地新闻' });
    expect(threads.lines[2]).toEqual({ input: empty, error: { code: 'EMPTY_INPUT', message: expect.any(String) } });
    expect(threads.lines[4]).toEqual({ input: missing, error: { code: 'READ_FAILED', message: expect.stringMatching(/ENOENT/) } });
    expect(threads.lines[6]).toMatchObject({ title: '丁地新闻' });
    expect(inProcess.status).toBe(1);
    expect(threads.stdout).toBe(inProcess.stdout);
  });

  it('exits 0 when every input succeeds, with more threads asked for than there are inputs', () => {
    const r = jsnews(['normalize', '--jobs', '8', '--url', 'https://news.example.cn/a.html', ...shorts]);
    expect(r.status).toBe(0);
    expect(r.lines.map((l) => l.input)).toEqual(shorts);
    expect(r.lines.every((l) => l.url === 'https://news.example.cn/a.html')).toBe(true);
  });

  it('runs its worker threads from the CommonJS build alone (bin/jsnews.mjs and dist/cli/normalize.cjs, through the code cache)', () => {
    // A copy of the bin and of the CommonJS build without any ES module chunk: a worker started from the ES module
    // build's entry (dist/cli/normalize-workers-thread.js) would fail its inputs with INTERNAL lines here.
    const copy = mkdtempSync(join(tmpdir(), 'jsnews-jobs-cjs-'));
    cpSync(join(REPO_ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(REPO_ROOT, 'package.json'), join(copy, 'package.json'));
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'));
    mkdirSync(join(copy, 'dist/cli'), { recursive: true });
    for (const part of ['normalize.cjs', 'vendor']) cpSync(join(REPO_ROOT, 'dist/cli', part), join(copy, 'dist/cli', part), { recursive: true });
    writeFileSync(join(copy, 'dist/cli/jsnews.js'), "throw new Error('the ES module build was loaded');\n");
    const run = (bin: string) =>
      spawnSync(process.execPath, [bin, 'normalize', '--jobs', '2', ...inputs], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, JSNEWS_COMPILE_CACHE: join(copy, 'cache') } });
    const copied = run(join(copy, 'bin/jsnews.mjs'));
    expect(copied.stderr).toBe('');
    expect(copied.stdout).toBe(jsnews(['normalize', '--jobs', '1', ...inputs]).stdout);
  });

  it('rejects a --jobs that is not a whole number from 1 up, with exit 2', () => {
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const r = jsnews(['normalize', '--jobs', bad, shorts[0]!]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^jsnews normalize: INVALID_ARGUMENT: invalid option: --jobs/);
    }
  });

  it('uses threads only when there are inputs for them', () => {
    expect(workerCount(4, 1)).toBe(1); // one input: in process, whatever --jobs says
    expect(workerCount(4, 3)).toBe(3); // --jobs given: at most one thread per input
    expect(workerCount(1, 100)).toBe(1);
    expect(workerCount(undefined, MIN_INPUTS_PER_WORKER - 1)).toBe(1); // the default: too few inputs for a thread
  });
});
