import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchRoot, hasBenchData } from '../../bench/datasets.js';
import { aggregateScores, scoreDocument, scoreSet, shingles, tokenize, type TokenMode } from '../../bench/metric.js';

describe('tokenize', () => {
  it('reproduces the README example for the per-character Han rule', () => {
    expect(tokenize('二〇〇五年PM2.5指数_abc，Joel说', 'han')).toEqual(['二', '〇', '〇', '五', '年', 'PM2', '5', '指', '数', '_abc', 'Joel', '说']);
  });

  it('keeps a whole Han run as one token under Python \\w+', () => {
    expect(tokenize('二〇〇五年PM2.5指数_abc，Joel说', 'word')).toEqual(['二〇〇五年PM2', '5指数_abc', 'Joel说']);
  });

  it('matches Python \\w: letters and numbers (², ½, Ⅷ) and _, but not combining marks or punctuation', () => {
    expect(tokenize('x² ½ Ⅷ a-b', 'word')).toEqual(['x²', '½', 'Ⅷ', 'a', 'b']);
    // U+0301 COMBINING ACUTE is not \w in Python, so it splits "cafe\u0301s" (Rust's \w would keep it).
    expect(tokenize('cafe\u0301s', 'word')).toEqual(['cafe', 's']);
    expect(tokenize('हिन्दी', 'word')).toEqual(['ह', 'न', 'द']);
  });

  it('keeps kana, Hangul and full-width Latin inside \\w runs under the Han rule, Han from Ext B as single tokens', () => {
    expect(tokenize('カタカナ한국ＡＢ１漢𠀀字', 'han')).toEqual(['カタカナ한국ＡＢ１', '漢', '𠀀', '字']);
  });

  it('is identical to \\w+ on text without Han', () => {
    const text = 'Gaming used to be so simple. We’d buy a game_1, 2.5x!';
    expect(tokenize(text, 'han')).toEqual(tokenize(text, 'word'));
  });
});

describe('shingles', () => {
  it('counts 4-token windows as a multiset', () => {
    const s = shingles(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd']);
    expect(s.size).toBe(4);
    expect([...s.values()].reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('gives one shingle for 1–3 tokens and none for 0', () => {
    expect(shingles(['a', 'b']).size).toBe(1);
    expect(shingles([]).size).toBe(0);
  });
});

describe('scoreDocument and aggregateScores', () => {
  it('scores an identical text as exact with precision and recall 1', () => {
    const d = scoreDocument('one two three four five', 'one  two three four five', 'word');
    expect(d).toMatchObject({ precision: 1, recall: 1, f1: 1, exact: true });
  });

  it('normalises tp/fp/fn by their sum', () => {
    // truth: 2 shingles (abcd, bcde); prediction: 1 shingle (abcd) → tp 1, fn 1 → 0.5, 0, 0.5.
    const d = scoreDocument('a b c d e', 'a b c d', 'word');
    expect([d.tp, d.fp, d.fn]).toEqual([0.5, 0, 0.5]);
    expect(d.precision).toBe(1);
    expect(d.recall).toBe(0.5);
  });

  it('leaves an empty prediction out of P and counts it as recall 0', () => {
    const docs = [scoreDocument('a b c d e', '', 'word'), scoreDocument('a b c d e', 'a b c d e', 'word')];
    const s = aggregateScores(docs);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(2 / 3, 12);
    expect(s.predicted).toBe(1);
  });

  it('takes F1 of the mean P and mean R, not the mean of per-document F1', () => {
    const docs = [scoreDocument('a b c d e f g', 'a b c d', 'word'), scoreDocument('a b c d', 'a b c d x y z', 'word')];
    const s = aggregateScores(docs);
    const meanF1 = (docs[0]!.f1 + docs[1]!.f1) / 2;
    expect(s.f1).toBeCloseTo((2 * s.precision * s.recall) / (s.precision + s.recall), 12);
    expect(s.f1).not.toBeCloseTo(meanF1, 3);
  });
});

// The published peer figures, reproduced from the stored peer outputs (README table). The full-precision values come
// from an independent Python run of evaluate.py's functions (`statistics.mean`) over the same files.
const haveData = hasBenchData();
const readBodies = (path: string): Map<string, string> =>
  new Map(
    readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; body: string })
      .map((o) => [o.id, o.body]),
  );

const scored = new Map<string, ReturnType<typeof scoreSet>['score']>();
function peerScore(set: string, peer: string, mode: TokenMode) {
  const key = `${set}/${peer}/${mode}`;
  if (!scored.has(key)) scored.set(key, computePeerScore(set, peer, mode));
  return scored.get(key)!;
}

function computePeerScore(set: string, peer: string, mode: TokenMode) {
  const truth = readBodies(join(benchRoot(), set, 'truth.jsonl'));
  const pred = readBodies(join(benchRoot(), set, 'peers', `${peer}.jsonl`));
  return scoreSet([...truth].map(([id, body]) => ({ truth: body, prediction: pred.get(id) ?? '' })), mode).score;
}

describe.skipIf(!haveData)(`published peer figures (bench data at ${benchRoot()})`, () => {
  it('zh-cwced trafilatura with the Han rule: F1 0.906, P 0.919, R 0.893, accuracy 0.174', () => {
    const s = peerScore('zh-cwced', 'trafilatura', 'han');
    expect([s.f1, s.precision, s.recall, s.accuracy].map((x) => x.toFixed(3))).toEqual(['0.906', '0.919', '0.893', '0.174']);
    expect(s.f1).toBeCloseTo(0.9057507482345765, 10);
  });

  it('zh-cwced trafilatura with stock \\w+: the published 0.885 / 0.872 / 0.878 / 0.174', () => {
    const s = peerScore('zh-cwced', 'trafilatura', 'word');
    expect([s.f1, s.precision, s.recall, s.accuracy].map((x) => x.toFixed(3))).toEqual(['0.878', '0.885', '0.872', '0.174']);
  });

  // peer file → [F1, P, R, accuracy] from the aeb README table, and F1 at full precision (Python).
  const AEB: Record<string, [string, string, string, string, number]> = {
    rs_trafilatura: ['0.970', '0.951', '0.990', '0.287', 0.9699545488747071],
    go_trafilatura: ['0.960', '0.940', '0.980', '0.287', 0.9596842463451244],
    trafilatura: ['0.958', '0.938', '0.978', '0.293', 0.9575025204943414],
    newspaper4k: ['0.949', '0.964', '0.934', '0.326', 0.9486639476399961],
    news_please: ['0.948', '0.964', '0.933', '0.326', 0.9481469576192187],
    readability_js: ['0.947', '0.914', '0.982', '0.166', 0.9467476387190945],
    goose3: ['0.896', '0.940', '0.856', '0.232', 0.8964169953874566],
    justext: ['0.804', '0.858', '0.756', '0.088', 0.8038285509142034],
  };
  for (const [peer, [f1, p, r, acc, exactF1]] of Object.entries(AEB)) {
    it(`aeb ${peer}: F1 ${f1}, P ${p}, R ${r}, accuracy ${acc}`, () => {
      const s = peerScore('aeb', peer, 'word');
      expect([s.f1, s.precision, s.recall, s.accuracy].map((x) => x.toFixed(3))).toEqual([f1, p, r, acc]);
      expect(s.f1).toBeCloseTo(exactF1, 10);
    });
  }

  it('aeb: the Han rule moves every peer F1 by at most 0.001 (README)', () => {
    for (const peer of Object.keys(AEB)) {
      expect(Math.abs(peerScore('aeb', peer, 'han').f1 - peerScore('aeb', peer, 'word').f1)).toBeLessThanOrEqual(0.001);
    }
  });
});
