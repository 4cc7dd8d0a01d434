import { describe, expect, it } from 'vitest';
import { dateFromUrl, walkStep } from '../../../lambdas/pipeline/list-work.js';
import { listPageUrl } from '../../../lambdas/sites/sources-schema.js';
import { Source } from '../../../lambdas/sites/sources-schema.js';
import type { ListWork } from '../../../lambdas/pipeline/work-items.js';

const START = 'https://news.example.cn/jsyw/index.shtml';
const source = Source.parse({
  id: 'walk-test',
  name: '测试',
  hosts: ['news.example.cn'],
  startPages: [{ url: START, kind: 'list' }],
  schedule: 'rate(1 hour)',
  enabled: true,
  listPageRange: { template: 'index_{n}.shtml', first: 1, last: 5 },
});
const noTemplate = Source.parse({ ...source, listPageRange: undefined });

const article = (day: string, n: number) => `https://news.example.cn/jsyw/${day.slice(0, 4)}${day.slice(5, 7)}/t${day.replace(/-/g, '')}_${n}.shtml`;
const walkItem = (n: number): ListWork => ({ kind: 'list', url: listPageUrl(source, START, n), sourceId: source.id, pageKind: 'list', walk: { startUrl: START, n, from: '2024-02-10', to: '2024-02-20' } });

describe('list pages and the date walk', () => {
  it('reads the day a URL names, or null', () => {
    expect(dateFromUrl('https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml')).toBe('2024-02-20');
    expect(dateFromUrl('https://www.example.com/jsxw/2021/1216/45871.html')).toBe('2021-12-16');
    expect(dateFromUrl('https://www.example.com/?id=1187')).toBeNull();
  });

  it('page 0 is the start page; n ≥ 1 comes from the template; no template means page 0 only', () => {
    expect(listPageUrl(source, START, 0)).toBe(START);
    expect(listPageUrl(source, START, 3)).toBe('https://news.example.cn/jsyw/index_3.shtml');
    expect(() => listPageUrl(noTemplate, START, 1)).toThrow(/no listPageRange template/);
  });

  it('a list without a walk keeps every link and goes nowhere', () => {
    const links = [article('2020-01-01', 1), 'https://news.example.cn/about.html'];
    expect(walkStep({ kind: 'list', url: START, sourceId: source.id, pageKind: 'list' }, links, source)).toEqual({ articles: links });
  });

  it('keeps links dated inside [from, to] and walks on while the page holds anything not older than from', () => {
    const links = [article('2024-02-25', 1), article('2024-02-20', 2), article('2024-02-10', 3), article('2024-02-09', 4), 'https://news.example.cn/undated.html'];
    const step = walkStep(walkItem(0), links, source);
    expect(step.articles).toEqual([article('2024-02-20', 2), article('2024-02-10', 3)]);
    expect(step.next).toEqual(walkItem(1));
  });

  it('stops when every dated link is older than from (undated links do not keep it going)', () => {
    const step = walkStep(walkItem(4), [article('2024-02-09', 1), article('2023-12-31', 2), 'https://news.example.cn/undated.html'], source);
    expect(step).toEqual({ articles: [] });
  });

  it('walks on past a page with no dated links at all (a page of undated links is not the end of the list)', () => {
    expect(walkStep(walkItem(2), ['https://news.example.cn/undated.html'], source).next).toEqual(walkItem(3));
  });

  it('stops after page 0 without a template, and at MAX_BACKFILL_LIST_PAGES (200) pages', () => {
    const item = { ...walkItem(0), sourceId: noTemplate.id };
    expect(walkStep(item, [article('2024-02-15', 1)], noTemplate).next).toBeUndefined();
    expect(walkStep(walkItem(198), [article('2024-02-15', 1)], source).next?.walk?.n).toBe(199);
    expect(walkStep(walkItem(199), [article('2024-02-15', 1)], source).next).toBeUndefined();
  });
});
