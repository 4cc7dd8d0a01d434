import { describe, expect, it } from 'vitest';
import { findFigures, parseChineseNumeral } from '../../../../lambdas/normalize/enrich/figures.js';
import { loadSeed } from './seed-text.js';

const texts = (...paragraphs: string[]) => findFigures(paragraphs).map((f) => f.text);
const one = (paragraph: string) => {
  const figures = findFigures([paragraph]);
  expect(figures).toHaveLength(1);
  return figures[0]!;
};

describe('findFigures on the seeds (hand-checked, in order)', () => {
  it.each([
    ['000', ['14个', '389个', '94.5%', '183个', '1866亿元', '127个']],
    ['001', ['1500亿元', '80%', '80%', '550亿元', '350亿元']],
    ['002', ['5000亿元', '2.5万家', '5.1%', '10%', '159个', '100%', '700亿元', '100个', '5场', '10场']],
    ['003', ['219个', '千亿元', '27.3%', '64.5%', '70%', '30%', '9个', '284个', '30亿元']],
    ['004', ['27个']],
  ] as const)('seed %s', (id, expected) => {
    expect(findFigures(loadSeed(id).paragraphs).map((f) => f.text)).toEqual(expected);
  });

  it('gives values, units and the sentence for seed 000', () => {
    const figures = findFigures(loadSeed('000').paragraphs);
    expect(figures.map((f) => [f.value, f.unit])).toEqual([
      [14, 'count'], [389, 'count'], [94.5, 'percent'], [183, 'count'], [186_600_000_000, 'CNY'], [127, 'count'],
    ]);
    expect(figures[4]!.context).toBe('183个亿元以上省市区重大产业项目集中竣工,计划总投资1866亿元。');
  });

  it('converts 千亿元 and 2.5万家 in seeds 003 and 002', () => {
    expect(findFigures(loadSeed('003').paragraphs).find((f) => f.text === '千亿元')).toMatchObject({ value: 1e11, unit: 'CNY' });
    expect(findFigures(loadSeed('003').paragraphs).find((f) => f.text === '30亿元')!.value).toBe(3_000_000_000);
    expect(findFigures(loadSeed('002').paragraphs).find((f) => f.text === '2.5万家')).toMatchObject({ value: 25_000, unit: 'count' });
  });
});

describe('findFigures rules', () => {
  it('reads money in yuan with 元 万元 亿元 万亿元', () => {
    expect(one('收入12元。').value).toBe(12);
    expect(one('投资300万元。').value).toBe(3_000_000);
    expect(one('总投资1.2万亿元。')).toMatchObject({ text: '1.2万亿元', value: 1_200_000_000_000, unit: 'CNY' });
    expect(one('基金5千万元。').value).toBe(50_000_000);
  });

  it('reads percentages with % and ％', () => {
    expect(one('增长94.5%。')).toMatchObject({ value: 94.5, unit: 'percent' });
    expect(one('增长12％。')).toMatchObject({ text: '12％', value: 12, unit: 'percent' });
    expect(texts('增长5%-8%。')).toEqual(['5%', '8%']);
  });

  it('reads thousands separators and full-width digits', () => {
    expect(one('签约1,500亿元。').value).toBe(150_000_000_000);
    expect(one('新增５０个。').value).toBe(50);
  });

  it('reads Chinese numerals', () => {
    expect(one('一千五百家企业参加。')).toMatchObject({ value: 1500, unit: 'count' });
    expect(one('两百个项目。').value).toBe(200);
    expect(one('十二个项目。').value).toBe(12);
    expect(one('超千亿元。').value).toBe(1e11);
  });

  it('excludes ordinals, the indefinite 一, dates, 成, small Chinese numerals, idioms and codes', () => {
    expect(texts('第六场观摩', '第十八次推进会', '最后一场', '一个个镜头', '一项任务', '一批项目')).toEqual([]);
    expect(texts('2023年12月15日下午', '占比近七成', '一号战略', '一老一小', '5G网络', '3+3+X', '1+6服务专班')).toEqual([]);
    expect(texts('两个毫不动摇', '三项清理', '万家灯火', '千家万户', '亿元以上项目')).toEqual([]);
  });

  it('keeps small Arabic counts and two equal figures in one sentence', () => {
    expect(texts('举办活动5场以上、专题活动10场以上。')).toEqual(['5场', '10场']);
    expect(texts('占比不低于80%、投资占比不低于80%。')).toEqual(['80%', '80%']);
  });

  it('splits context on sentence marks (kept), never on a decimal point', () => {
    expect(one('开局良好！增长5.1%;其余持平。').context).toBe('增长5.1%;');
    expect(one('开局良好! 增长5.1%。').context).toBe('增长5.1%。');
  });

  it('does not end a sentence at a mojibake ? between Han characters', () => {
    expect(one('增速高于当?仄骄怠,占比80%。').context).toBe('增速高于当?仄骄怠,占比80%。');
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['一千五百', 1500], ['两百', 200], ['十二', 12], ['二十', 20], ['千亿', 1e11], ['三万五千', 35_000],
    ['两万亿', 2e12], ['一亿二千万', 120_000_000], ['亿', 1e8], ['万亿', 1e12],
  ] as const)('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });
});
