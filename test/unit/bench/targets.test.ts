import { describe, expect, it } from 'vitest';
import { bodyF1Line, datesLine, estimatedFailedLine, failedPagesLine, gneChecksLine, judgeBoth } from '../../bench/targets.js';

describe('issue 9 target lines (as scored / script-folded)', () => {
  it('never says "met" from the script-folded figure alone', () => {
    expect(judgeBoth(true, true)).toBe('met');
    expect(judgeBoth(false, true)).toBe('met script-folded, not as scored');
    expect(judgeBoth(true, false)).toBe('met as scored, not script-folded');
    expect(judgeBoth(false, false)).toBe('not met');
  });

  it('prints both figures on the body F1 line, judged on the unrounded values', () => {
    expect(bodyF1Line('zh-cwced', 0.9702, 0.9761, 0.975)).toBe('issue 9 zh-cwced body F1: as scored 0.9702 / script-folded 0.9761 (target >= 0.975: met script-folded, not as scored)');
    expect(bodyF1Line('aeb', 0.97495, 0.97495, 0.975)).toBe('issue 9 aeb body F1: as scored 0.9749 / script-folded 0.9749 (target >= 0.975: not met)');
  });

  it('prints pages below 0.5 page F1 both ways against the 1% target', () => {
    expect(failedPagesLine('zh-cwced', 1, 0, 69)).toBe('issue 9 zh-cwced pages below 0.5 page F1: as scored 1/69 (1.4%) / script-folded 0/69 (0.0%) (target <= 1%: met script-folded, not as scored)');
    expect(failedPagesLine('aeb', 1, 1, 181)).toBe('issue 9 aeb pages below 0.5 page F1: as scored 1/181 (0.6%) / script-folded 1/181 (0.6%) (target <= 1%: met)');
  });

  it('prints dates and the gne label checks with their targets', () => {
    expect(estimatedFailedLine('gne', 0, 61)).toBe('issue 9 gne pages below 0.5 est. page F1: 0/61 (0.0%) (target <= 1%: met)');
    expect(datesLine('zh-cwced', 47, 51, 48)).toBe('issue 9 zh-cwced dates to the day: 47/51 (target >= 48: not met)');
    const gne = { articles: 61, title: 61, date: 60, start: 58, end: 61, clean: 61, body: 58, notArticles: 1, rejected: 1 };
    expect(gneChecksLine(gne, 59)).toBe('issue 9 gne title/date/start/end/clean: 61/60/58/61/61 of 61 (target >= 59 each: not met: start); not-article pages rejected 1/1');
    expect(gneChecksLine({ ...gne, start: 60 }, 59)).toBe('issue 9 gne title/date/start/end/clean: 61/60/60/61/61 of 61 (target >= 59 each: met); not-article pages rejected 1/1');
  });
});
