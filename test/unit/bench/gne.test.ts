import { describe, expect, it } from 'vitest';
import { END_SLACK_CHARS, estimatedPageF1, judgeGnePage, START_SLACK_CHARS, summarizeGne, type GneLabel } from '../../bench/gne.js';
import { calibrate } from '../../bench/calibration.js';

const label: GneLabel = {
  id: 'x-1',
  title: '某地举行 春季运动会',
  published: '2020-03-04 09:05',
  author: null,
  editor: null,
  source: null,
  body_first: '三月四日上午，\n运动会开幕',
  body_last: '比赛将持续三天。',
  must_not: ['责任编辑：王某', '相关新闻'],
  kind: 'article',
};
const both = { title: true, date: true };

describe('judgeGnePage', () => {
  it('compares with all white space removed and checks time when the label has one', () => {
    const v = judgeGnePage(label, { errored: false, text: '三月四日上午， 运动会开幕。\n比赛将持续三天。', title: '某地举行春季运动会', date: { year: 2020, month: 3, day: 4, time: '09:05' } }, both);
    expect(v).toMatchObject({ title: true, date: true, start: true, end: true, clean: true, before: 0, after: 0 });
    const late = judgeGnePage(label, { errored: false, text: '三月四日上午，运动会开幕。比赛将持续三天。', title: '某地举行春季运动会', date: { year: 2020, month: 3, day: 4, time: '09:12' } }, both);
    expect(late.date).toBe(false);
  });

  it('allows a short lead and trailer, not a chrome paragraph, and finds must_not strings', () => {
    const lead = '原标题：某地运动会';
    const ok = judgeGnePage(label, { errored: false, text: `${lead}\n三月四日上午，运动会开幕。比赛将持续三天。\n责任编辑：王某`, title: null, date: null }, both);
    expect(ok).toMatchObject({ start: true, end: true, clean: false, before: 9, chrome: ['责任编辑：王某'] });
    const long = '很'.repeat(START_SLACK_CHARS + 1);
    const tail = '尾'.repeat(END_SLACK_CHARS + 1);
    const bad = judgeGnePage(label, { errored: false, text: `${long}三月四日上午，运动会开幕。比赛将持续三天。${tail}`, title: null, date: null }, both);
    expect(bad).toMatchObject({ start: false, end: false, clean: true, title: false, date: false });
  });

  it('scores an error as a rejected page and fails every article check', () => {
    const v = judgeGnePage({ ...label, kind: 'not-article' }, { errored: true, text: '', title: null, date: null }, both);
    expect(v.rejected).toBe(true);
    const s = summarizeGne([v, judgeGnePage(label, { errored: true, text: '', title: null, date: null }, { title: false, date: false })]);
    expect(s).toMatchObject({ articles: 1, title: null, date: null, start: 0, end: 0, clean: 0, notArticles: 1, rejected: 1 });
  });
});

describe('calibrate', () => {
  it('bins pages by confidence and counts failed pages below 0.5', () => {
    const t = calibrate([
      { confidence: 0.1, f1: 0.2 },
      { confidence: 0.45, f1: 0.9 },
      { confidence: 0.95, f1: 1 },
      { confidence: 1, f1: 0.3 },
      { confidence: null, f1: 0 },
    ]);
    expect(t.bins[0]).toMatchObject({ from: 0, pages: 1, failed: 1 });
    expect(t.bins.at(-1)).toMatchObject({ from: 0.9, to: 1, pages: 2, meanF1: 0.65, failed: 1 });
    expect(t).toMatchObject({ noRecord: 1, failed: 3, failedBelow: 1, failedNoRecord: 1, goodBelow: 1 });
  });
});

describe('estimatedPageF1 (calibration on gne)', () => {
  it('is the F1 of a body whose share between body_first and body_last is its precision (recall 1)', () => {
    expect(estimatedPageF1({ before: 0, after: 0 }, '正文一二三四')).toBe(1);
    // 10 squeezed characters, 2 before and 3 after the labelled span: precision 0.5, F1 2·0.5/1.5.
    expect(estimatedPageF1({ before: 2, after: 3 }, '导航 正文正文 文尾巴尾')).toBeCloseTo(2 / 3, 6);
    expect(estimatedPageF1({ before: -1, after: 0 }, '正文')).toBe(0);
    expect(estimatedPageF1({ before: 0, after: -1 }, '正文')).toBe(0);
  });
});

describe('calibrate: F1 as scored beside the folded F1', () => {
  it('counts the pages below 0.5 by the scored F1 apart', () => {
    const t = calibrate([
      { confidence: 0.9, f1: 1, scoredF1: 0.4 },
      { confidence: 0.3, f1: 0.2, scoredF1: 0.2 },
      { confidence: 0.9, f1: 1, scoredF1: 1 },
    ]);
    expect(t).toMatchObject({ failed: 1, failedBelow: 1, failedAsScored: { failed: 2, below: 1 } });
    expect(calibrate([{ confidence: 1, f1: 1 }]).failedAsScored).toBeUndefined();
  });
});
