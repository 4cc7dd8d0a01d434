import { describe, expect, it } from 'vitest';
import { CONTEXT_MAX_CHARS, MAX_CANDIDATES, MAX_FIGURES, findFigures, parseChineseNumeral } from '../../../../lambdas/normalize/enrich/figures.js';
import { repeated } from './hostile-text.js';
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
    // 十件 is 「十件大事」 (ten major events, a count); 「两个毫不动摇」 is a quoted slogan, not a figure.
    ['001', ['1500亿元', '不低于80%', '不低于80%', '550亿元', '350亿元', '十件']],
    ['002', ['超5000亿元', '2.5万家', '5.1%', '10%', '159个', '100%', '700亿元', '100个', '5场以上', '10场以上']],
    ['003', ['219个', '超千亿元', '27.3%', '64.5%', '70%', '30%', '9个', '284个', '超过30亿元']],
    // 先后18次的项目观摩 is a count; 第十八次 (ordinal), 七届八次 (session) and 「三项清理」 (slogan) are not.
    ['004', ['18次', '27个']],
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
    expect(findFigures(loadSeed('003').paragraphs).find((f) => f.text === '超千亿元')).toMatchObject({ value: 1e11, unit: 'CNY', qualifier: 'over' });
    expect(findFigures(loadSeed('003').paragraphs).find((f) => f.text === '超过30亿元')!.value).toBe(3_000_000_000);
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
    expect(one('增长5%-8%。')).toMatchObject({ text: '5%-8%', value: 5, unit: 'percent', qualifier: 'range', upper: 8 });
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
    expect(texts('“两个毫不动摇”', '「三项清理」', '万家灯火', '千家万户', '亿元以上项目', '万元以下')).toEqual([]);
    expect(texts('几十万元', '数百家', '上百万元', '数千万元', '十几位', '五六千元', '成千上万名')).toEqual([]);
    expect(texts('工作了3个月', '两个小时', '前4个月', '前100名', '七届八次全会', '二期工程', '两位数增长', '三次产业')).toEqual([]);
    expect(texts('iPhone 11支持', '骁龙855平台', 'X50基带', '八家子村', '五棵树镇')).toEqual([]);
  });

  it('keeps small Arabic counts and two equal figures in one sentence', () => {
    expect(texts('举办活动5场以上、专题活动10场以上。')).toEqual(['5场以上', '10场以上']);
    expect(texts('占比不低于80%、投资占比不低于80%。')).toEqual(['不低于80%', '不低于80%']);
  });

  it('splits context on sentence marks (kept), never on a decimal point', () => {
    expect(one('开局良好！增长5.1%;其余持平。').context).toBe('增长5.1%;');
    expect(one('开局良好! 增长5.1%。').context).toBe('增长5.1%。');
  });

  it('does not end a sentence at a mojibake ? between Han characters', () => {
    expect(one('增速高于当?仄骄怠,占比80%。').context).toBe('增速高于当?仄骄怠,占比80%。');
  });
});

describe('findFigures: units, qualifiers and ranges of the record contract', () => {
  it('reads other currencies by ISO code, percentage points and counts with any classifier', () => {
    expect(one('价值3121亿美元。')).toMatchObject({ value: 312_100_000_000, unit: 'USD' });
    expect(one('收入100英镑。')).toMatchObject({ value: 100, unit: 'GBP' });
    expect(one('投资60亿欧元。')).toMatchObject({ value: 6_000_000_000, unit: 'EUR' });
    expect(one('下滑4.51个百分点。')).toMatchObject({ value: 4.51, unit: 'percentPoint' });
    expect(one('出货量已突破200万部。')).toMatchObject({ value: 2_000_000, unit: 'count', qualifier: 'over' });
    expect(one('销量319万台。')).toMatchObject({ value: 3_190_000, unit: 'count' });
    expect(one('约有6亿人次出行。')).toMatchObject({ text: '约有6亿人次', value: 600_000_000, unit: 'count', qualifier: 'about' });
    expect(texts('抓获9名嫌疑人、捣毁窝点56个、立案1187宗、29层楼、26间房')).toEqual(['9名', '56个', '1187宗', '29层', '26间']);
  });

  it('reads Chinese-numeral counts from 两 up, and amounts with inner 多 / 余', () => {
    expect(one('进行两次核酸检测。')).toMatchObject({ value: 2, unit: 'count' });
    expect(one('三个奖项。')).toMatchObject({ value: 3, unit: 'count' });
    expect(one('转走了一百三十多万元。')).toMatchObject({ value: 1_300_000, unit: 'CNY', qualifier: 'over' });
    expect(one('奖金20多万元。')).toMatchObject({ value: 200_000, unit: 'CNY', qualifier: 'over' });
    expect(one('涉案5.26亿余元。')).toMatchObject({ value: 526_000_000, unit: 'CNY', qualifier: 'over' });
    expect(one('宣传700余次。')).toMatchObject({ value: 700, unit: 'count', qualifier: 'over' });
    expect(one('入户宣传5万余人次。')).toMatchObject({ value: 50_000, unit: 'count', qualifier: 'over' });
    expect(one('派发30余万份。')).toMatchObject({ value: 300_000, unit: 'count', qualifier: 'over' });
    expect(one('每年百余名学生。')).toMatchObject({ value: 100, qualifier: 'over' });
    expect(one('近千辆单车。')).toMatchObject({ value: 1000, qualifier: 'about' });
  });

  it('reads qualifiers before and after the figure', () => {
    expect(one('超过2000亿元。')).toMatchObject({ text: '超过2000亿元', qualifier: 'over' });
    expect(one('逾千款商品。')).toMatchObject({ value: 1000, qualifier: 'over' });
    expect(one('占比90%以上。')).toMatchObject({ text: '90%以上', qualifier: 'over' });
    expect(one('100美元左右。')).toMatchObject({ value: 100, unit: 'USD', qualifier: 'about' });
    expect(one('降到2000元以下。')).toMatchObject({ value: 2000, qualifier: 'under' });
    expect(one('月销售额不超过3万元。')).toMatchObject({ value: 30_000, qualifier: 'under' });
    expect(one('增长14％多。')).toMatchObject({ value: 14, qualifier: 'over' });
    expect(one('新签约1500亿元。').qualifier).toBeUndefined();
    expect(one('最近3家企业。').qualifier).toBeUndefined();
  });

  it('reads a range as one figure with its upper end', () => {
    expect(one('达到6500~7000人次。')).toMatchObject({ value: 6500, upper: 7000, unit: 'count', qualifier: 'range' });
    expect(one('住六到八人。')).toMatchObject({ value: 6, upper: 8, unit: 'count', qualifier: 'range' });
    expect(one('价格15-18万元。')).toMatchObject({ value: 150_000, upper: 180_000, unit: 'CNY' });
    expect(one('在39%至41%之间。')).toMatchObject({ value: 39, upper: 41, unit: 'percent' });
    expect(one('成本在2元—10元之间。')).toMatchObject({ value: 2, upper: 10, unit: 'CNY' });
    expect(texts('同比增长35.7%至35.9亿元。')).toEqual(['35.7%', '35.9亿元']);
    expect(texts('从几万元、几十万元到100多万元不等。')).toEqual(['100多万元']);
  });
});

describe('findFigures on hostile inputs (issue 10: bounded records, linear time)', () => {
  it('caps figures at MAX_FIGURES and says so in the warnings', () => {
    const warnings: string[] = [];
    const figures = findFigures([repeated('增长1%，', 20_000)], warnings);
    expect(figures).toHaveLength(MAX_FIGURES);
    expect(warnings).toEqual([`figures capped at ${MAX_FIGURES}: the rest of the body was not read for figures`]);
  });

  it('caps each context at CONTEXT_MAX_CHARS on each side of its figure', () => {
    const figures = findFigures([repeated('投资3万亿元，', 10_000)]);
    expect(figures).toHaveLength(MAX_FIGURES);
    expect(figures[0]).toMatchObject({ value: 3e12, unit: 'CNY' });
    const longest = Math.max(...figures.map((f) => f.context.length));
    expect(longest).toBeLessThanOrEqual(2 * CONTEXT_MAX_CHARS + '投资3万亿元，'.length);
  });

  it('stops examining candidates on 万亿元 ×100k (no figures, every one an idiom) and caps 1% ×200k', () => {
    const warnings: string[] = [];
    expect(findFigures([repeated('万亿元', 100_000)], warnings)).toHaveLength(0);
    expect(warnings).toEqual([`figures: stopped after ${MAX_CANDIDATES} numbers with a unit; the rest of the body was not read for figures`]);
    expect(findFigures([repeated('1%', 200_000)])).toHaveLength(MAX_FIGURES);
  });

  it('gives no warning under the cap', () => {
    const warnings: string[] = [];
    findFigures(loadSeed('002').paragraphs, warnings);
    expect(warnings).toEqual([]);
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
