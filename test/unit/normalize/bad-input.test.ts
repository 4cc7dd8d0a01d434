/**
 * Bad input gets a readable error code or a record with warnings: never a crash, a hang or unbounded memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../lambdas/normalize/index.js';
import { JsnewsError } from '../../../lambdas/contract/errors.js';
import { REPO_ROOT } from '../../helpers/seed-expectations.js';

const enc = (s: string) => new TextEncoder().encode(s);
const seedBytes = (name: string) => new Uint8Array(readFileSync(join(REPO_ROOT, name)));

function errorCodeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(JsnewsError);
    expect((err as JsnewsError).message.length).toBeGreaterThan(10);
    return (err as JsnewsError).code;
  }
  throw new Error('expected a JsnewsError');
}

const ARTICLE = '<h1>市委市政府举行重大项目现场观摩会</h1><div class="content">' +
  '<p>12月15日下午,市委市政府举行今年最后一场推进高质量发展重大项目现场观摩会,动员各板块各部门深入学习领会中央经济工作会议精神。</p>' +
  '<p>今年以来,全市上下积极应对疫情冲击、经济下行压力和外部环境影响,有力有序推进项目建设,取得良好成效。</p></div>';

describe('bad input', () => {
  it('empty file → EMPTY_INPUT', () => {
    expect(errorCodeOf(() => normalize(new Uint8Array(0)))).toBe('EMPTY_INPUT');
    expect(errorCodeOf(() => normalize(enc(' \n\t\r\n ')))).toBe('EMPTY_INPUT');
  });

  it.each([
    ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['PDF', enc('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj')],
    ['gzip', new Uint8Array(gzipSync(Buffer.from(ARTICLE)))],
    ['other binary with NUL bytes', new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x43])],
  ])('%s → UNSUPPORTED_INPUT naming what it is', (_name, bytes) => {
    expect(errorCodeOf(() => normalize(bytes))).toBe('UNSUPPORTED_INPUT');
  });

  it('a 30 MB page → INPUT_TOO_LARGE before any parsing', () => {
    const big = new Uint8Array(30 * 1024 * 1024).fill(0x61);
    expect(errorCodeOf(() => normalize(big))).toBe('INPUT_TOO_LARGE');
  });

  it('truncated HTML (cut mid-tag) still gives the article with what arrived', () => {
    const html = `<html><head><title>观摩会_江苏网</title></head><body>${ARTICLE}<div class="footer"><a href="/x`;
    const record = normalize(enc(html));
    expect(record.title).toBe('市委市政府举行重大项目现场观摩会');
    expect(record.paragraphs).toHaveLength(2);
  });

  it('unbalanced HTML (unclosed and stray closing tags) still gives the article', () => {
    const html = `<html><body><div><div><h1>市委市政府举行重大项目现场观摩会</h1></span></b><div class="content"><p>${'全市上下积极应对疫情冲击、经济下行压力和外部环境影响,有力有序推进项目建设,取得良好成效。'}<p>${'各板块各部门深入学习领会中央经济工作会议精神,确保今年圆满收官、明年顺利开局。'}</td></tr></body>`;
    const record = normalize(enc(html));
    expect(record.text).toContain('有力有序推进项目建设');
    expect(record.text).toContain('明年顺利开局');
  });

  it('a wrong declared charset is overruled and reported in warnings', () => {
    // The HTML rendering of seed 001 is UTF-8 but declares gbk.
    const record = normalize(seedBytes('seeds/html/001_7b4567f576345d14.html'), { url: 'http://www.jinshanwang.example/news/zj/202301/t20230129_5581234.shtml' });
    expect(record.title).toBe('镇江市项目攻坚暨产业强市大会召开');
    expect(record.quality.warnings.join('\n')).toMatch(/declared charset "gbk" ignored/);
  });

  it('deeply nested markup (100,000 levels) → a record with a warning, no stack overflow', () => {
    const depth = 100_000;
    const html = `<html><body><h1>市委市政府举行重大项目现场观摩会</h1>${'<div>'.repeat(depth)}${ARTICLE}${'</div>'.repeat(depth)}</body></html>`;
    const record = normalize(enc(html));
    expect(record.text).toContain('有力有序推进项目建设');
    expect(record.quality.warnings.join('\n')).toMatch(/nested deeper/);
  });

  it('an index page with no article → NO_ARTICLE', () => {
    const code = errorCodeOf(() => normalize(seedBytes('seeds/html/index-woaijiangsu.html'), { url: 'https://www.woaijiangsu.example/jsxw/' }));
    expect(code).toBe('NO_ARTICLE');
  });

  it('a text file with no prose → NO_ARTICLE', () => {
    expect(errorCodeOf(() => normalize(enc('首页\n新闻\n关于我们\n联系我们\n')))).toBe('NO_ARTICLE');
  });
});
