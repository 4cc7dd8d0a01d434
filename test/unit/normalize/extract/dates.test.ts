import { describe, expect, it } from 'vitest';
import { dateFromUrl, findFullDates, findMonthDayDates } from '../../../../lambdas/normalize/extract/dates.js';
import { findPublished, inferYear } from '../../../../lambdas/normalize/extract/published-date.js';

describe('date expressions', () => {
  it.each([
    ['2024-02-20 09:49 来源:', { year: 2024, month: 2, day: 20, time: '09:49' }],
    ['发布时间:2024/2/5', { year: 2024, month: 2, day: 5, time: null }],
    ['2019.08.26', { year: 2019, month: 8, day: 26, time: null }],
    ['2024年2月20日 09:49', { year: 2024, month: 2, day: 20, time: '09:49' }],
    ['2023年01月29日', { year: 2023, month: 1, day: 29, time: null }],
    ['2024-09-24T10:15:32+08:00', { year: 2024, month: 9, day: 24, time: '10:15', seconds: 32, offset: '+08:00' }],
    ['admin1年前 (2024-09-24)镇江产业信息88', { year: 2024, month: 9, day: 24 }],
  ])('finds the full date in %s', (text, want) => {
    expect(findFullDates(text)[0]).toMatchObject(want);
  });

  it('rejects impossible dates and bare numbers', () => {
    expect(findFullDates('2024-13-40')).toEqual([]);
    expect(findFullDates('电话 025-86163400')).toEqual([]);
    expect(findFullDates('增长5.1%,10%')).toEqual([]);
  });

  it('finds month-day dates without a year, a range giving its first day', () => {
    expect(findMonthDayDates('12月15日下午,市委')[0]).toMatchObject({ text: '12月15日', month: 12, day: 15, year: null });
    expect(findMonthDayDates('8月23日至24日,全市')[0]).toMatchObject({ month: 8, day: 23 });
    // Part of a full date: not a month-day date.
    expect(findMonthDayDates('2024年2月20日')).toEqual([]);
  });

  it('reads TRS and dated URL paths', () => {
    expect(dateFromUrl('https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3363783.shtml')).toMatchObject({ year: 2024, month: 2, day: 20 });
    expect(dateFromUrl('https://www.woaijiangsu.example/jsxw/2021/1216/45871.html')).toMatchObject({ year: 2021, month: 12, day: 16 });
    expect(dateFromUrl('https://example.com/news/2024-02-20/story.html')).toMatchObject({ year: 2024, month: 2, day: 20 });
    expect(dateFromUrl('https://www.zjchanye.example/?id=1187')).toBeNull();
  });
});

describe('findPublished: the page date before the event date', () => {
  const base = { metaDates: [], bylineLines: [], paragraphs: [], url: null, fetchedAt: null };

  it('prefers meta, then the byline, then the URL, then the body dateline', () => {
    const meta = findFullDates('2024-09-24T10:15:32+08:00');
    const byline = ['2024-02-20 09:49 来源: 编辑:中国江苏网'];
    const body = ['2月19日,南京江北新区召开动员大会。'];
    const url = 'https://jsnews.jschina.com.cn/jsyw/202402/t20240221_1.shtml';
    expect(findPublished({ ...base, metaDates: meta, bylineLines: byline, paragraphs: body, url }).published?.basis).toBe('meta');
    expect(findPublished({ ...base, bylineLines: byline, paragraphs: body, url }).published).toMatchObject({ basis: 'byline', day: 20, time: '09:49' });
    expect(findPublished({ ...base, paragraphs: body, url }).published).toMatchObject({ basis: 'url', day: 21 });
    expect(findPublished({ ...base, paragraphs: body }).published).toMatchObject({ basis: 'body', day: 19, year: null });
  });

  it('records the text after the headline and the first date on the page as basis byline; only the first-on-page date is a guess', () => {
    const body = ['2月19日,南京江北新区召开动员大会。'];
    const url = 'https://jsnews.jschina.com.cn/jsyw/202402/t20240221_1.shtml';
    const afterHeadline = findPublished({ ...base, afterHeadline: ' 2005-04-05 06:40更新 来源:新华网', firstPageDate: '2001-01-01 08:00', paragraphs: body, url });
    expect(afterHeadline).toEqual({ published: { text: '2005-04-05 06:40', year: 2005, month: 4, day: 5, time: '06:40', yearInferred: false, basis: 'byline' }, publishedAt: '2005-04-05T06:40:00+08:00' });
    // The URL's date outranks the first date on the page.
    expect(findPublished({ ...base, firstPageDate: '2001-01-01 08:00', paragraphs: body, url }).published).toMatchObject({ basis: 'url', day: 21 });
    expect(findPublished({ ...base, firstPageDate: '2001-01-01 08:00', paragraphs: body })).toEqual({
      published: { text: '2001-01-01 08:00', year: 2001, month: 1, day: 1, time: '08:00', yearInferred: false, basis: 'byline' },
      publishedAt: '2001-01-01T08:00:00+08:00',
      guessed: true,
    });
  });

  it('keeps the offset the page states, else +08:00', () => {
    expect(findPublished({ ...base, metaDates: findFullDates('2024-09-24T02:15:32Z') }).publishedAt).toBe('2024-09-24T02:15:32+00:00');
    expect(findPublished({ ...base, bylineLines: ['2024-02-20 09:49'] }).publishedAt).toBe('2024-02-20T09:49:00+08:00');
  });

  it('infers a missing year from the fetch time, never from nothing', () => {
    const body = ['1月28日,节后上班第一天。'];
    expect(findPublished({ ...base, paragraphs: body }).publishedAt).toBeNull();
    expect(findPublished({ ...base, paragraphs: body, fetchedAt: '2023-01-29T01:00:00Z' })).toMatchObject({
      published: { year: 2023, yearInferred: true },
      publishedAt: '2023-01-28T00:00:00+08:00',
    });
  });

  it('inferYear takes the latest year that does not put the date in the future', () => {
    expect(inferYear(12, 15, { year: 2022, month: 1, day: 10 })).toBe(2021);
    expect(inferYear(1, 28, { year: 2023, month: 1, day: 28 })).toBe(2023);
    expect(inferYear(1, 29, { year: 2023, month: 1, day: 28 })).toBe(2022);
  });
});
