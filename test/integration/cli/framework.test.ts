/**
 * The CLI framework through the real bin: help for every command, --version, one error-line form,
 * exit 2 for usage errors before any store is touched.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, jsnewsSync } from '../../helpers/cli.js';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';

const COMMANDS = ['normalize', 'run', 'backfill', 'reprocess', 'query', 'export', 'sources', 'local'];

describe('jsnews CLI framework', () => {
  const home = join(mkdtempSync(join(tmpdir(), 'jsnews-fw-')), 'home');
  const env = cliEnv(home);

  it('prints the package version', () => {
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const r = jsnewsSync(['--version'], { env });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`jsnews ${version}`);
  });

  it.each(COMMANDS)('%s --help lists its options and examples, exit 0', (name) => {
    const r = jsnewsSync([name, '--help'], { env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: jsnews ${name} `));
    expect(r.stdout).toContain('Options:');
    expect(r.stdout).toMatch(/Examples:\n {2}jsnews /);
  });

  it('lists every command in the top-level help; no command is a usage error', () => {
    const help = jsnewsSync(['--help'], { env });
    expect(help.status).toBe(0);
    for (const name of COMMANDS) expect(help.stdout).toMatch(new RegExp(`\\n  ${name} `));
    expect(jsnewsSync([], { env }).status).toBe(2);
  });

  it('unknown options and commands: one error line, exit 2', () => {
    const r = jsnewsSync(['run', '--bogus'], { env });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("jsnews run: INVALID_ARGUMENT: unknown option '--bogus' (see jsnews run --help)");
    const c = jsnewsSync(['frobnicate'], { env });
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/^jsnews: INVALID_ARGUMENT: unknown command 'frobnicate'/);
  });

  it('refuses impossible days and reversed ranges before any store is opened', () => {
    const day = jsnewsSync(['query', '--day', '2024-02-30'], { env });
    expect(day.status).toBe(2);
    expect(day.stderr.trim()).toBe('jsnews query: INVALID_ARGUMENT: invalid option: --day: "2024-02-30" is not a day YYYY-MM-DD (see jsnews query --help)');
    const range = jsnewsSync(['query', '--site', 'www.jssuxun.example', '--from', '2024-03-01', '--to', '2024-02-01'], { env });
    expect(range.status).toBe(2);
    expect(range.stderr).toContain('--from: --from 2024-03-01 is after --to 2024-02-01');
    const limit = jsnewsSync(['query', '--day', '2024-02-20', '--limit', '0'], { env });
    expect(limit.status).toBe(2);
    expect(limit.stderr).toContain('--limit: must be at least 1');
    const bf = jsnewsSync(['backfill', '--source', 'tinghu', '--from', '2024-02-20'], { env });
    expect(bf.status).toBe(2);
    expect(bf.stderr).toContain('--from and --to go together');
    // Nothing was started or created for any of these.
    expect(existsSync(home)).toBe(false);
  });

  it('names the line of a bad URL in a backfill --file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jsnews-urls-')), 'urls.txt');
    writeFileSync(file, '# list\nhttp://www.jssuxun.example/a.html\n\nnot a url\n');
    const r = jsnewsSync(['backfill', '--file', file], { env });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:4: not a URL: not a url`);
    expect(existsSync(home)).toBe(false);
  });
});
