import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type * as NodeRsJieba from '@node-rs/jieba';
import { DICT_BYTES, DICT_TOTAL_FREQ, subsetTagger } from '../../../../lambdas/normalize/enrich/segmenter.js';

const require = createRequire(import.meta.url);
const { Jieba } = require('@node-rs/jieba') as typeof NodeRsJieba;
const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
const whole = Jieba.withDict(dict);
const tagWhole = (text: string) => whole.tag(text, true);

/** Sentences written for the test: names, posts, function words, numbers, Latin, marks, spaces, odd code units. */
const SENTENCES = [
  '省委常委、市委书记韩立明出席会议并讲话',
  '会上张磊还表示要继续努力',
  '大家都说要向雷锋同志学习',
  '王和平表示项目进展顺利',
  '潘振声生于上海1991年调任江苏省文联党组成员',
  '复旦大学教授韦丽华长期从事古籍整理',
  '国务院总理李强5月7日在北京人民大会堂会见来访的外国客人',
  '据新华社北京12月3日电（记者 王晓东）',
  'CEO张伟在2024 WAIC上说AI+制造的前景很好',
  '他把这本书给了她，然后就走了。',
  '中国地理学会人文地理专业委员会副主任刘彦随研究员',
  '我们中出了一个叛徒',
  '南京市长江大桥',
  '',
  ' ',
  'a b\tc\n',
  '市委\u3000书记',
  '\ud800市委书记',
  '书记\udc00马明龙',
  '\ufdd0市委书记马明龙',
];

/** Random texts (a fixed seed): characters of names, posts and function words, digits, Latin and marks. */
function randomTexts(count: number): string[] {
  const pool = [...'不与为之也于从以但和在对将就被把给向由等都还自至最更才又及并而且王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹市委书记省长主任会议表示出席国家中华人民共和国经济发展建设工作大学教授研究所Aa1 2.%-_#&+，、。'];
  let seed = 13;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 40) }, () => pool[Math.floor(next() * pool.length)]).join(''));
}

describe('dict.txt is what the subset loading assumes (an upgrade of @node-rs/jieba fails here)', () => {
  const lines = dict.toString('utf8').split('\n');
  const last = lines.pop();

  it('has the length and the frequency total segmenter.ts holds, one `word freq tag` line each, no white space in a word', () => {
    expect(last).toBe('');
    expect(dict.length).toBe(DICT_BYTES);
    const bad = lines.filter((line) => !/^[^\s\ufdd0]+ \d+ [^\s]+$/u.test(line));
    expect(bad).toEqual([]);
    expect(lines.reduce((n, line) => n + Number(line.split(' ')[1]), 0)).toBe(DICT_TOTAL_FREQ);
  });

  it('is sorted by its bytes, each word once', () => {
    const words = lines.map((line) => Buffer.from(line.split(' ')[0]!));
    const outOfOrder = words.filter((w, i) => i > 0 && Buffer.compare(words[i - 1]!, w) >= 0);
    expect(outOfOrder).toEqual([]);
  });
});

describe('subsetTagger tags every text as the whole dictionary does', () => {
  const random = randomTexts(1_500);

  it('on sentences written for the test, each with a fresh tagger (only its own entries loaded)', () => {
    for (const text of SENTENCES) expect(subsetTagger(Jieba, dict)(text), text).toEqual(tagWhole(text));
  });

  it('on random texts through one tagger (entries of earlier texts loaded too; past the switch to the whole dictionary)', () => {
    const tag = subsetTagger(Jieba, dict);
    const differ = [...SENTENCES, ...random].filter((text) => JSON.stringify(tag(text)) !== JSON.stringify(tagWhole(text)));
    expect(differ).toEqual([]);
  });

  it('loads a dictionary of another length (not the checked file) whole', () => {
    const other = Buffer.concat([dict, Buffer.from('韩立明出 9999999 nr\n')]);
    const otherWhole = Jieba.withDict(other);
    const tag = subsetTagger(Jieba, other);
    for (const text of ['省委常委、市委书记韩立明出席会议并讲话', ...SENTENCES.slice(1, 5)]) expect(tag(text), text).toEqual(otherWhole.tag(text, true));
    // The added word wins only with it loaded: a subset taken from the checked file would not know it.
    expect(otherWhole.tag('市委书记韩立明出席会议', true).map((t) => t.word)).toContain('韩立明出');
  });

  it('needs the stand-in word: the text\'s own entries alone (the frequency total wrong) change answers here', () => {
    const entries = new Map(dict.toString('utf8').split('\n').map((line) => [line.split(' ')[0]!, line] as const));
    const ownEntriesOnly = (text: string) => {
      const own = new Set<string>();
      const chars = [...text];
      for (let a = 0; a < chars.length; a++) for (let b = a + 1; b <= chars.length; b++) {
        const line = entries.get(chars.slice(a, b).join(''));
        if (line !== undefined) own.add(line);
      }
      return Jieba.withDict(Buffer.from([...own].map((line) => `${line}\n`).join(''))).tag(text, true);
    };
    const differ = [...SENTENCES, ...random.slice(0, 300)].filter((text) => JSON.stringify(ownEntriesOnly(text)) !== JSON.stringify(tagWhole(text)));
    expect(differ.length).toBeGreaterThan(0);
  });
});
