import { describe, expect, it } from 'vitest';
import { diffParagraphs, diffText, renderDiff, similarity, tokenize } from '../../../lambdas/read/text-diff.js';

describe('tokenize', () => {
  it('splits Han text by character and keeps numbers and Latin words whole', () => {
    expect(tokenize('新增2.5万家EDA企业,增长10%')).toEqual(['新', '增', '2.5', '万', '家', 'EDA', '企', '业', ',', '增', '长', '10%']);
    expect(tokenize('营收1,234亿元')).toEqual(['营', '收', '1,234', '亿', '元']);
  });
});

describe('diffText', () => {
  it('shows a corrected figure as the figure, not a digit', () => {
    expect(diffText('新增市场主体2.5万家', '新增市场主体2.6万家')).toEqual([
      { op: 'same', text: '新增市场主体' },
      { op: 'removed', text: '2.5' },
      { op: 'added', text: '2.6' },
      { op: 'same', text: '万家' },
    ]);
  });
  it('a dropped name is one removed run of characters', () => {
    expect(diffText('韩立明讲话,夏心旻主持', '韩立明讲话,主持')).toEqual([
      { op: 'same', text: '韩立明讲话,' },
      { op: 'removed', text: '夏心旻' },
      { op: 'same', text: '主持' },
    ]);
  });
});

describe('diffParagraphs', () => {
  const a = ['第一段不变。', '新增市场主体2.5万家,地区生产总值增长5.1%。', '第三段不变。'];
  it('aligns paragraphs, then diffs the edited one', () => {
    const d = diffParagraphs(a, [a[0]!, '新增市场主体2.6万家,地区生产总值增长5.1%。', a[2]!]);
    expect(d.map((p) => p.op)).toEqual(['same', 'changed', 'same']);
    expect(renderDiff(d)).toBe('  第一段不变。\n~ 新增市场主体[-2.5-]{+2.6+}万家,地区生产总值增长5.1%。\n  第三段不变。');
  });
  it('an unrelated replacement is a removal and an addition, an insertion is an addition', () => {
    expect(diffParagraphs(a, [a[0]!, '完全不同的另一段内容。', a[2]!]).map((p) => p.op)).toEqual(['same', 'removed', 'added', 'same']);
    expect(diffParagraphs(a, [a[0]!, '插入的新段落。', ...a.slice(1)]).map((p) => p.op)).toEqual(['same', 'added', 'same', 'same']);
    expect(diffParagraphs(a, a.slice(1)).map((p) => p.op)).toEqual(['removed', 'same', 'same']);
  });
  it('similarity is the share of common tokens', () => {
    expect(similarity('甲乙丙丁', '甲乙丙戊')).toBe(0.75);
    expect(similarity('', '')).toBe(1);
  });
});
