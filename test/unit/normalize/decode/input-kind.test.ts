import { describe, expect, it } from 'vitest';
import { detectInputKind } from '../../../../lambdas/normalize/decode/input-kind.js';

describe('detectInputKind: comments before the first tag (issue 10: one way to read them)', () => {
  it('ends a comment at its first -->, as HTML does, so text after it is not skipped as comment', () => {
    // Read lazily-but-extendable, "<!-- a --> b -->" was one comment and the page "started with" <p>.
    expect(detectInputKind('<!-- 说明 --> 正文第一句 --> <p>第二句</p>')).toBe('text');
    expect(detectInputKind('<!-- 说明 -->\n<!-- 二 --> <p>第二句</p>')).toBe('html');
  });

  it('skips any number of comments before a tag, and reads comments before text as text', () => {
    // 500 empty comments fill the 4 KB head. Each comment could be read ending at any later -->: 2^n ways to fail
    // before text (24 comments took 0.4 s, 40 would take hours).
    expect(detectInputKind(`${'<!---->'.repeat(500)}<p>正文</p>`)).toBe('html');
    expect(detectInputKind(`${'<!---->'.repeat(500)}标题\n会议强调要真抓实干。`)).toBe('text');
  });
});
