import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  decideChange,
  isGoneRedirect,
  observeFetch,
  soft404Phrase,
  visibleText,
  versionHash,
  type TrackState,
  type TrackedContent,
} from '../../../lambdas/pipeline/changes.js';

const base: TrackedContent = {
  title: '南京江北新区召开四大行动动员大会',
  paragraphs: ['一年之计在于春。2月19日,南京江北新区召开动员大会。', '新增市场主体2.5万家,地区生产总值增长5.1%。', '会议以视频形式召开。'],
  publishedAt: '2024-02-20T10:00:00+08:00',
  authors: ['张三'],
  editors: ['李四'],
  photographers: [],
};
const edited: TrackedContent = { ...base, paragraphs: [base.paragraphs[0]!, '新增市场主体2.6万家,地区生产总值增长5.1%。', base.paragraphs[2]!] };
const live = (content: TrackedContent = base): TrackState => ({ status: 'live', hash: versionHash(content), goneSince: null, goneDetail: null });
const at = (iso: string) => new Date(iso);
const article = (content: TrackedContent) => observeFetch({ kind: 'page', requestedUrl: 'http://a.example/n/1.html', finalUrl: 'http://a.example/n/1.html', status: 200, record: content, pageText: '' });

describe('versionHash / compareVersions', () => {
  it('is the same for the same tracked fields, whatever else differs', () => {
    expect(versionHash({ ...base, extra: 'ads' } as TrackedContent)).toBe(versionHash(base));
    expect(versionHash(edited)).not.toBe(versionHash(base));
  });
  it('says which field changed and how many paragraphs', () => {
    expect(compareVersions(base, edited)).toEqual([{ field: 'paragraphs', summary: '1 of 3 paragraphs changed' }]);
    expect(compareVersions(base, { ...base, title: '新标题' }).map((f) => f.field)).toEqual(['title']);
    expect(compareVersions(base, { ...base, editors: ['王五'], publishedAt: null })).toEqual([
      { field: 'publishedAt', summary: '2024-02-20T10:00:00+08:00 → none' },
      { field: 'editors', summary: '李四 → 王五' },
    ]);
    expect(compareVersions(base, { ...base, paragraphs: [...base.paragraphs, '新增一段。'] })).toEqual([{ field: 'paragraphs', summary: '1 added' }]);
    expect(compareVersions(base, base)).toEqual([]);
  });
});

describe('deletion signals', () => {
  it('finds notice phrases in Simplified and Traditional', () => {
    expect(soft404Phrase('提示信息 信息不存在或已被删除 返回首页')).not.toBeNull();
    expect(soft404Phrase('對不起,您訪問的頁面不存在')).toBe('does-not-exist');
    expect(soft404Phrase('该文章已刪除')).toBe('deleted');
    expect(soft404Phrase('页面找不到了')).toBe('not-found');
    expect(soft404Phrase('信息已过期')).toBe('expired');
    expect(soft404Phrase('南京江北新区召开四大行动动员大会')).toBeNull();
  });
  it('tells a redirect to a home, list or search page from a move to another article', () => {
    expect(isGoneRedirect('http://a.example/n/2024/1.html', 'http://a.example/')).toBe(true);
    expect(isGoneRedirect('http://a.example/n/2024/1.html', 'http://a.example/news/index.shtml')).toBe(true);
    expect(isGoneRedirect('http://a.example/n/2024/1.html', 'http://a.example/news/')).toBe(true);
    expect(isGoneRedirect('http://a.example/n/2024/1.html', 'http://a.example/search.php?keyword=x')).toBe(true);
    expect(isGoneRedirect('http://a.example/a/20211216/1.html', 'http://a.example/jsxw/2021/1216/1.html')).toBe(false);
    expect(isGoneRedirect('http://a.example/n/1.html', 'http://a.example/n/1.html')).toBe(false);
  });
  it('classifies fetch outcomes', () => {
    expect(observeFetch({ kind: 'failure', status: 404, code: 'HTTP_STATUS', reason: 'HTTP 404' })).toMatchObject({ kind: 'gone', reason: 'status' });
    expect(observeFetch({ kind: 'failure', status: 410, code: 'HTTP_STATUS', reason: 'HTTP 410' })).toMatchObject({ kind: 'gone' });
    expect(observeFetch({ kind: 'failure', status: 503, code: 'HTTP_STATUS', reason: 'HTTP 503' }).kind).toBe('unknown');
    expect(observeFetch({ kind: 'failure', status: null, code: 'FETCH_TIMEOUT', reason: 'timeout' }).kind).toBe('unknown');
    expect(observeFetch({ kind: 'not-modified' }).kind).toBe('same');
    const page = { kind: 'page' as const, requestedUrl: 'http://a.example/n/1.html', finalUrl: 'http://a.example/n/1.html', status: 200 };
    expect(observeFetch({ ...page, record: null, pageText: '金山网 首页 信息不存在或已被删除 返回首页' })).toMatchObject({ kind: 'gone', reason: 'soft-404' });
    expect(observeFetch({ ...page, record: null, pageText: '新闻列表 第一页' }).kind).toBe('unknown');
    // A real article that quotes a deletion is an article, not a notice.
    const long = { ...base, paragraphs: ['相关违规内容已被删除。'.padEnd(300, '他') ] };
    expect(observeFetch({ ...page, record: long, pageText: '相关违规内容已被删除' }).kind).toBe('article');
    expect(observeFetch({ ...page, finalUrl: 'http://a.example/', record: base, pageText: '' })).toMatchObject({ kind: 'gone', reason: 'redirect' });
  });
});

describe('decideChange', () => {
  it('an identical version or a 304 changes nothing', () => {
    expect(decideChange(live(), article(base), at('2026-01-02T00:00:00Z'))).toEqual({ state: live(), change: null, newVersion: false, stateChanged: false });
    expect(decideChange(live(), { kind: 'same' }, at('2026-01-02T00:00:00Z')).stateChanged).toBe(false);
  });
  it('an edit is reported at once, with the fields', () => {
    const d = decideChange(live(), article(edited), at('2026-01-03T01:00:00Z'), { previous: base });
    expect(d.change).toEqual({ kind: 'edited', detectedAt: '2026-01-03T01:00:00.000Z', fields: [{ field: 'paragraphs', summary: '1 of 3 paragraphs changed' }] });
    expect(d.state.hash).toBe(versionHash(edited));
    expect(d.newVersion).toBe(true);
  });
  it('a deletion needs two gone sightings at least an hour apart; a failure in between neither confirms nor resets', () => {
    const gone = observeFetch({ kind: 'failure', status: 404, code: 'HTTP_STATUS', reason: 'HTTP 404' });
    const first = decideChange(live(), gone, at('2026-01-11T01:00:00Z'));
    expect(first.change).toBeNull();
    expect(first.state.goneSince).toBe('2026-01-11T01:00:00.000Z');
    expect(decideChange(first.state, gone, at('2026-01-11T01:59:59Z')).change).toBeNull();
    const failed = decideChange(first.state, { kind: 'unknown', detail: 'timeout' }, at('2026-01-12T00:00:00Z'));
    expect(failed.state).toEqual(first.state);
    const second = decideChange(failed.state, gone, at('2026-01-11T02:00:00Z'));
    expect(second.change).toEqual({ kind: 'deleted', detectedAt: '2026-01-11T02:00:00.000Z', fields: [], detail: 'HTTP 404', firstSeenAt: '2026-01-11T01:00:00.000Z' });
    expect(second.state.status).toBe('deleted');
    // Seen gone again: nothing new.
    expect(decideChange(second.state, gone, at('2026-01-20T00:00:00Z')).change).toBeNull();
    // The confirmation gap is configurable.
    expect(decideChange(first.state, gone, at('2026-01-11T01:10:00Z'), { confirmDeletionAfterMs: 10 * 60 * 1000 }).change?.kind).toBe('deleted');
  });
  it('a page that is back before confirmation cancels the pending deletion', () => {
    const first = decideChange(live(), { kind: 'gone', reason: 'status', detail: 'HTTP 404' }, at('2026-01-11T01:00:00Z'));
    const back = decideChange(first.state, { kind: 'same' }, at('2026-01-11T03:00:00Z'));
    expect(back.change).toBeNull();
    expect(back.state).toEqual(live());
    expect(back.stateChanged).toBe(true);
  });
  it('a deleted article that comes back is restored (with the fields when its content changed)', () => {
    const deleted: TrackState = { ...live(), status: 'deleted' };
    expect(decideChange(deleted, article(base), at('2026-02-01T00:00:00Z')).change).toEqual({ kind: 'restored', detectedAt: '2026-02-01T00:00:00.000Z', fields: [] });
    const d = decideChange(deleted, article(edited), at('2026-02-01T00:00:00Z'), { previous: base });
    expect(d.change?.kind).toBe('restored');
    expect(d.change?.fields.map((f) => f.field)).toEqual(['paragraphs']);
    expect(d.newVersion).toBe(true);
  });
});

describe('visibleText', () => {
  it('drops scripts, styles, comments and tags', () => {
    expect(visibleText('<html><head><title>提示</title><script>var a="已删除";</script><style>p{}</style></head><body><!-- 不存在 --><p>信息<b>不存在</b></p></body></html>')).toBe('提示 信息 不存在');
  });
});
