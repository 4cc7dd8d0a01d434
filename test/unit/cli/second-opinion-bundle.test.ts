/**
 * The built CLI keeps Readability.js and linkedom (the second opinion, asked on few pages) out of the code every
 * `jsnews` process compiles: they are prebuilt into files of their own (dist/cli/vendor/) that only a page asking for
 * the second opinion loads. Runs the real bin in a child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../lambdas/normalize/index.js';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';

const CLI = join(REPO_ROOT, 'dist/cli');

describe('the second opinion in the built CLI', () => {
  it('is not in the chunks every command loads', () => {
    const chunks = readdirSync(CLI).filter((f) => f.endsWith('.js'));
    const withLibraries = chunks.filter((f) => /node_modules\/(linkedom|@mozilla\/readability)\//.test(readFileSync(join(CLI, f), 'utf8')));
    expect(withLibraries).toEqual([]);
  });

  it('is loaded and answers on a page that asks for it', () => {
    // Prose without a single punctuation mark reads like a list: low confidence, so the second opinion is asked.
    const lines = [
      'The city council approved the budget on Monday after a long debate about housing transport and schools in the north',
      'Officials said the plan would add four hundred homes and two bus lines and a new library by the end of next year',
      'Residents who attended the meeting asked for more parks and safer streets near the schools and the council agreed',
    ];
    const dir = mkdtempSync(join(tmpdir(), 'jsnews-second-opinion-'));
    const page = join(dir, 'page.html');
    const html = `<html><head><title>City council approves budget</title></head><body><h1>City council approves budget</h1><div class="content">${lines.map((t) => `<p>${t}</p>`).join('')}</div></body></html>`;
    writeFileSync(page, html);
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/jsnews.mjs'), 'normalize', page], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const record = JSON.parse(r.stdout) as { quality: { warnings: string[]; confidence: number } };
    // Readability ran in the built CLI (its libraries loaded from dist/cli/vendor/) and gave what the source gives.
    expect(record.quality.warnings.some((w) => /^second opinion: readability (agrees|answered)/.test(w))).toBe(true);
    expect(record.quality).toEqual(normalize(new TextEncoder().encode(html)).quality);
  });
});
