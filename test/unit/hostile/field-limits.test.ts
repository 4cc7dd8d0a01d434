/**
 * Issue 10 items 6 and 14: many blocks do not overflow the stack, text fields have limits and lose their invisible
 * controls, punctuation alone is no article, and `jsnews normalize` prints a line for every input whatever the others
 * do. Inputs are generated (test/hostile/corpus.ts); expected values are written by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../lambdas/normalize/index.js';
import { toJsnewsError } from '../../../lambdas/contract/errors.js';
import { articlePage, hostileCorpus } from '../../hostile/corpus.js';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';

const corpusInput = (name: string) => {
  const input = hostileCorpus().find((i) => i.name === name);
  if (!input) throw new Error(`no corpus input ${name}`);
  return input.bytes();
};
const enc = (s: string) => new TextEncoder().encode(s);
const codeOf = (bytes: Uint8Array) => {
  try {
    normalize(bytes);
    return 'record';
  } catch (err) {
    return toJsnewsError(err).code;
  }
};

describe('many blocks (item 6)', () => {
  it('150k <p> give a record, not INTERNAL (push(...kept) overflowed the stack), cut to 2,000 paragraphs with a warning', () => {
    const record = normalize(corpusInput('p-150000'));
    expect(record.paragraphs.length).toBe(2_000);
    expect(record.quality.warnings.some((w) => w.startsWith('body cut to 2000 paragraphs'))).toBe(true);
  });
  it('130k text lines do not overflow the stack (INTERNAL before)', () => {
    expect(codeOf(corpusInput('text-lines-130000'))).not.toBe('INTERNAL');
  });
});

describe('field limits (item 14)', () => {
  it('a 1,000,000-character headline is cut to 300 characters, with a warning', () => {
    const record = normalize(corpusInput('title-1000000-chars'));
    expect(record.title).toBe('长'.repeat(300));
    // The parse stage's budget keeps 200,000 characters of each text run (parse/budget.ts), the record 300 of those.
    expect(record.quality.warnings).toContain('2 run(s) of text longer than 200000 characters were cut to that length');
    expect(record.quality.warnings).toContain('title cut to 300 of 200000 characters');
  });
  it('C0 controls and bidirectional overrides are removed from the title and the body', () => {
    const page = articlePage('<p>会议\u202e强调\u0007要真抓\u2066实干\u2069，推动\u001b经济\u200f持续回升向好，为全国大局作出更大贡献。</p>', '镇江\u202e召开\u0002全市会议');
    const record = normalize(enc(page));
    expect(record.title).toBe('镇江召开全市会议');
    expect(record.text).toContain('会议强调要真抓实干，推动经济持续回升向好，为全国大局作出更大贡献。');
    expect(record.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  });
  it('a page of 1 M full-width commas is no article', () => {
    expect(codeOf(corpusInput('fullwidth-commas-1000000'))).toBe('NO_ARTICLE');
  });
});

describe('jsnews normalize: a line for every input (item 14)', () => {
  it('prints every line in order around inputs that used to fail inside the normalizer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsnews-hostile-cli-'));
    const files = ['p-150000', 'title-1000000-chars', 'fullwidth-commas-1000000', 'random-no-nul-65536'].map((name) => {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, corpusInput(name));
      return file;
    });
    const seed = 'seeds/002_dfb4da28d1e41213.txt';
    const args = [join(REPO_ROOT, 'bin/jsnews.mjs'), 'normalize', seed, ...files, seed];
    const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
    const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { input: string; error?: { code: string }; title?: string });
    expect(lines.map((l) => l.input)).toEqual([seed, ...files, seed]);
    expect(lines.map((l) => l.error?.code ?? 'record')).toEqual(['record', 'record', 'record', 'NO_ARTICLE', 'UNSUPPORTED_INPUT', 'record']);
    expect(r.status).toBe(1);
  }, 180_000);
});
