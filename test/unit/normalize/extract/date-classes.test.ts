/**
 * Issue 9 class 6 (dates), on small pages written for the test: publish times only in inline scripts, a visible
 * byline time against a meta time an hour apart, a year-less self-media byline, English and US dates, a body dateline
 * against a labelled date under the article, a comment's time.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../lambdas/normalize/index.js';
import { findFullDates } from '../../../../lambdas/normalize/extract/dates.js';
import { writesDayFirst } from '../../../../lambdas/normalize/extract/language.js';

const PROSE =
  '<p>本市今年以来持续推进老旧小区改造工作，累计完成改造项目四十余个，惠及居民一万余户，群众满意度明显提升。</p>' +
  '<p>据介绍，下一步将围绕加装电梯、雨污分流和停车设施等方面继续发力，确保年底前全面完成既定目标任务。</p>' +
  '<p>市住建局有关负责人表示，改造过程中将充分听取居民意见，做到改造前问需于民、改造中问计于民、改造后问效于民。</p>';
const ENGLISH =
  '<p>The city council voted on Tuesday to extend the pilot programme for another two years, citing strong demand from residents.</p>' +
  '<p>Officials said the scheme, which offers cheaper fares outside rush hours, had moved thousands of trips away from the busiest trains.</p>' +
  '<p>Critics argued that the savings were too small to change habits, but the vote passed with a comfortable majority.</p>';

function page(head: string, body: string): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}
const HEAD = '<title>老旧小区改造完成四十余个项目</title>';
const HEADLINE = '<h1>老旧小区改造完成四十余个项目</h1>';

describe('dates (issue 9 class 6)', () => {
  it('reads a Unix time assigned in an inline script as China time', () => {
    // 1700000000 s = 2023-11-14 22:13:20 UTC = 2023-11-15 06:13:20 in China.
    const html = page(HEAD, `${HEADLINE}<span id="publish_time">昨天</span><div id="content">${PROSE}</div><script>var nickname = "号"; var ct = "1700000000";</script>`);
    const r = normalize(html);
    expect(r.publishedAt).toBe('2023-11-15T06:13:20+08:00');
    expect(r.published?.basis).toBe('meta');
  });

  it('reads publishTime from a data object in a script, not a bare render "time"', () => {
    const html = page(HEAD, `${HEADLINE}<div class="content">${PROSE}</div><script>window.DATA = {"time": "2022-07-01 10:00:00", "publishTime": "2021-03-04 05:06:07"};</script>`);
    expect(normalize(html).publishedAt).toBe('2021-03-04T05:06:07+08:00');
  });

  it('prefers the visible byline time to a meta time an hour later, and the meta time to a byline days away', () => {
    const near = page(`${HEAD}<meta property="article:published_time" content="2018-12-28T20:56:29+08:00">`, `${HEADLINE}<div class="info">2018年12月28日 19:55 城市日报</div><div class="content">${PROSE}</div>`);
    expect(normalize(near).publishedAt).toBe('2018-12-28T19:55:00+08:00');
    const far = page(`${HEAD}<meta property="article:published_time" content="2018-12-28T20:56:29+08:00">`, `${HEADLINE}<div class="info">2018年12月24日 19:55 城市日报</div><div class="content">${PROSE}</div>`);
    expect(normalize(far).publishedAt).toBe('2018-12-28T20:56:29+08:00');
    const dateOnly = page(`${HEAD}<meta property="article:published_time" content="2018-12-28T20:56:29+08:00">`, `${HEADLINE}<div class="info">2018-12-28 城市日报</div><div class="content">${PROSE}</div>`);
    expect(normalize(dateOnly).publishedAt).toBe('2018-12-28T20:56:29+08:00');
  });

  it('gives a year-less self-media byline (发布时间：MM-DD HH:MM in two spans) the year of the page\'s modified date', () => {
    const html = page(`${HEAD}<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">`, `${HEADLINE}<div class="article-source"><span class="date">发布时间：10-08</span><span class="time">12:00</span></div><div class="content">${PROSE}</div>`);
    const r = normalize(html);
    expect(r.publishedAt).toBe('2019-10-08T12:00:00+08:00');
    expect(r.published?.yearInferred).toBe(true);
  });

  it('reads a two-digit-year byline after a publish label (发布时间：18-03-08 23:16, date and time in two spans)', () => {
    const html = page(`${HEAD}<meta itemprop="dateUpdate" content="2018-03-09 10:00:00">`, `${HEADLINE}<div class="article-source"><span class="author-name">某某号</span><span class="date">发布时间：18-03-08</span><span class="time">23:16</span></div><div class="content">${PROSE}</div>`);
    expect(normalize(html).publishedAt).toBe('2018-03-08T23:16:00+08:00');
    expect(findFullDates('时间：18-03-0823:16')[0]).toMatchObject({ year: 2018, month: 3, day: 8, time: '23:16' });
    // Not without the label, and not a day-month-year with a four-digit year.
    expect(findFullDates('比分 18-03-08')).toEqual([]);
    expect(findFullDates('时间：12-05-2019').map((d) => [d.year, d.month, d.day])).not.toContainEqual([2012, 5, 20]);
  });

  it('takes the labelled date under the article over a dateline opening the body', () => {
    const html = page(HEAD, `${HEADLINE}<div>来源于：市住建局</div><div class="content"><p>2019年2月27日下午，${PROSE.slice(3)}</div><div>发布日期：2019-03-06 责任编辑：王明</div>`);
    expect(normalize(html).publishedAt).toBe('2019-03-06T00:00:00+08:00');
  });

  it('does not read a comment row\'s time as the byline', () => {
    const html = page(`${HEAD}<meta property="article:published_time" content="2019-11-25T11:01:53+08:00">`, `${HEADLINE}<div class="content">${PROSE}</div><div class="comments"><div class="info">网友甲 2019-11-25 11:33:58</div><p>说得好</p></div>`);
    expect(normalize(html).publishedAt).toBe('2019-11-25T11:01:53+08:00');
  });

  it('reads English visible dates, <time datetime> and US month/day/year', () => {
    const visible = page('<title>Council extends off-peak fares</title>', `<h1>Council extends off-peak fares</h1><p class="byline">By Jane Doe · October 16, 2020</p><article>${ENGLISH}</article>`);
    expect(normalize(visible).publishedAt).toBe('2020-10-16T00:00:00+08:00');
    const time = page('<title>Council extends off-peak fares</title>', `<h1>Council extends off-peak fares</h1><article>${ENGLISH}<footer><time datetime="2025-09-16T08:30:00Z">last week</time></footer></article>`);
    expect(normalize(time).publishedAt).toBe('2025-09-16T08:30:00+00:00');
    expect(findFullDates('Sep 16, 2025')[0]).toMatchObject({ year: 2025, month: 9, day: 16 });
    expect(findFullDates('16 October 2020, 3:05 pm')[0]).toMatchObject({ year: 2020, month: 10, day: 16, time: '15:05' });
    expect(findFullDates('发布日期： 9/17/2004 5:54:13 AM')[0]).toMatchObject({ year: 2004, month: 9, day: 17, time: '05:54', seconds: 13 });
    expect(findFullDates('17/9/2004')[0]).toMatchObject({ month: 9, day: 17 });
    expect(findFullDates('the 2nd of May 2020 at 10')).toEqual([]);
  });
});

describe('English visible dates (issue 9 class 6, English pages)', () => {
  it('reads month names in capitals and a time of day between day and year', () => {
    expect(findFullDates('JANE DOE, CITY NEWS 18 NOV 2019')[0]).toMatchObject({ year: 2019, month: 11, day: 18 });
    expect(findFullDates('Updated SEPT. 3, 2021')[0]).toMatchObject({ year: 2021, month: 9, day: 3 });
    expect(findFullDates('March 20 15:23 2019 Print This Article')[0]).toMatchObject({ year: 2019, month: 3, day: 20, time: '15:23' });
    // Lower-case "may" is a verb, never read as a month.
    expect(findFullDates('we may 12, 2019 see')).toEqual([]);
  });

  it('reads a date glued to the words around it when element texts are joined without a space', () => {
    expect(findFullDates('By Jane DoeNovember 15, 2019Taste receptors')[0]).toMatchObject({ year: 2019, month: 11, day: 15 });
    expect(findFullDates('2019s')).toEqual([]);
    expect(findFullDates('November 15, 2019s')).toEqual([]);
  });

  it('reads an upper-case byline date under the headline', () => {
    const html = page('<title>Council extends off-peak fares</title>', `<h1>Council extends off-peak fares</h1><div class="author">JANE DOE, CITY NEWS 18 NOV 2019</div><article>${ENGLISH}</article>`);
    expect(normalize(html).publishedAt).toBe('2019-11-18T00:00:00+08:00');
  });

  it('takes a blog post\'s own date above its headline, not a comment\'s time under a repeat of the headline', () => {
    const html = page(
      '<title>City Blog » Council extends off-peak fares</title>',
      `<div class="clock">Tuesday, December 27, 2006</div><div class="post"><p>Saturday, September 10th, 2005 10:56 am</p>` +
        `<p class="title"><font size="5">Council extends off-peak fares</font></p>${ENGLISH}</div>` +
        `<div class="comments">Council extends off-peak fares has 1 comment: reader says <small>September 19th, 2005 at 7:32 pm</small><p>Good news for commuters, finally.</p></div>`,
    );
    expect(normalize(html).publishedAt).toBe('2005-09-10T10:56:00+08:00');
  });
});

describe('the headline the article follows (issue 9 class 6)', () => {
  it('reads no time after a repeat of the headline inside the article container', () => {
    const html = page(
      '<title>Council extends off-peak fares</title>',
      `<p>Posted Saturday, September 10th, 2005 10:56 am</p><div class="post"><p class="title"><font size="5">Council extends off-peak fares</font></p>${ENGLISH}` +
        `<p>“Council extends off-peak fares” has 1 comment</p><p>reader said on September 19th, 2005 at 7:32 pm that it was good news for commuters at last.</p></div>`,
    );
    expect(normalize(html).publishedAt).toBe('2005-09-10T10:56:00+08:00');
  });
});

describe('day/month order of N/N/YYYY dates (issue 9 class 6)', () => {
  const PT =
    '<p>A equipe de atendimento domiciliar registrou na manhã desta sexta-feira o arrombamento de dois veículos estacionados em frente à unidade.</p>' +
    '<p>Segundo a coordenação, objetos pessoais e documentos foram levados, e um boletim de ocorrência foi registrado na delegacia do bairro.</p>' +
    '<p>A prefeitura informou que vai reforçar a iluminação e a vigilância no local para evitar novos casos nas próximas semanas.</p>';
  const pageIn = (lang: string, date: string, body: string) =>
    page(`<meta http-equiv="content-language" content="${lang}"><title>Atendimento registra arrombamento</title>`, `<h1>Atendimento registra arrombamento</h1><small class="text-muted">${date} - Publicado por: Maria Souza</small><article>${body}</article>`);

  it('reads 05/10/2018 day first on a page whose language writes dates so (pt_BR, en-GB)', () => {
    expect(normalize(pageIn('pt_BR', '05/10/2018', PT)).publishedAt).toBe('2018-10-05T00:00:00+08:00');
    expect(normalize(pageIn('en-GB', '05/10/2018', ENGLISH)).publishedAt).toBe('2018-10-05T00:00:00+08:00');
  });

  it('keeps month first on US English and on pages that do not say (US-configured servers print 9/17/2004)', () => {
    expect(normalize(pageIn('en-US', '05/10/2018', ENGLISH)).publishedAt).toBe('2018-05-10T00:00:00+08:00');
    const plain = page('<title>Council extends off-peak fares</title>', `<h1>Council extends off-peak fares</h1><small class="date">05/10/2018</small><article>${ENGLISH}</article>`);
    expect(normalize(plain).publishedAt).toBe('2018-05-10T00:00:00+08:00');
    expect(findFullDates('17/9/2004', { dayFirst: false })[0]).toMatchObject({ month: 9, day: 17 });
    expect(findFullDates('9/17/2004', { dayFirst: true })[0]).toMatchObject({ month: 9, day: 17 });
  });

  it('knows which declared languages write the day first', () => {
    for (const lang of ['pt_BR', 'pt-br', 'de', 'fr-FR', 'ru', 'en-GB', 'en_IN', 'es']) expect(writesDayFirst(lang), lang).toBe(true);
    for (const lang of ['en', 'en-US', 'en-ca', 'zh-CN', 'zh', 'ja', 'ko-KR', '', null, undefined, '*']) expect(writesDayFirst(lang), String(lang)).toBe(false);
  });
});

describe('Chinese clock words and page clocks', () => {
  it('reads 下午/晚上 on a 12-hour clock as the afternoon or evening, after a Chinese or a numeric date', () => {
    const time = (s: string) => findFullDates(s)[0]?.time;
    expect(time('2024年5月6日 下午3:20')).toBe('15:20');
    expect(time('2024年5月6日 晚上8:05 来源：城市日报')).toBe('20:05');
    expect(time('2024年5月6日 上午9:05')).toBe('09:05');
    expect(time('2024年5月6日 中午12:30')).toBe('12:30');
    expect(time('2024年5月6日 中午1:10')).toBe('13:10');
    expect(time('2024年5月6日 凌晨0:40')).toBe('00:40');
    // Already on a 24-hour clock: kept.
    expect(time('2024年5月6日 下午15:20')).toBe('15:20');
    expect(time('2024-05-06 下午3:20')).toBe('15:20');
    expect(time('2024-05-06 10:00')).toBe('10:00');
  });

  it('never takes a page clock (今天是 2024年12月27日) for the publish date', () => {
    const clock = '<div class="top">今天是2024年12月27日 星期五 欢迎访问本站</div>';
    const none = page(HEAD, `${clock}${HEADLINE}<div class="content">${PROSE}</div>`);
    expect(normalize(none).publishedAt).toBeNull();
    const later = page(HEAD, `${clock}${HEADLINE}<div class="content">${PROSE}</div><div class="foot">2024-05-06 10:00 城市日报</div>`);
    expect(normalize(later).publishedAt).toBe('2024-05-06T10:00:00+08:00');
    const info = page(HEAD, `<div class="top">今日：2024年12月27日</div>${HEADLINE}<div class="info">发布日期：2024-05-06</div><div class="content">${PROSE}</div>`);
    expect(normalize(info).publishedAt).toBe('2024-05-06T00:00:00+08:00');
  });
});
