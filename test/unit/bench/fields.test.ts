import { describe, expect, it } from 'vitest';
import { authorNames, findDay, judgeAuthors, labelDay, sameDay } from '../../bench/fields.js';

describe('labelDay', () => {
  it('reads full-date labels and refuses partial ones', () => {
    expect(labelDay('2005-5-7 21:23:57')).toEqual({ year: 2005, month: 5, day: 7 });
    expect(labelDay('2004-12-10')).toEqual({ year: 2004, month: 12, day: 10 });
    expect(labelDay('1998-3')).toBeNull();
    expect(labelDay('2018')).toBeNull();
    expect(labelDay('刘涛')).toBeNull();
  });
});

describe('findDay / sameDay', () => {
  it('finds the first date in a peer string, as written', () => {
    expect(findDay('2022-02-06T12:48:06.000Z')).toEqual({ year: 2022, month: 2, day: 6 });
    expect(findDay('2019年06月15日08:18')).toEqual({ year: 2019, month: 6, day: 15 });
    expect(sameDay(findDay('2005/5/7'), labelDay('2005-05-07 10:00'))).toBe(true);
    expect(sameDay(null, labelDay('2005-05-07'))).toBe(false);
  });
});

describe('authors (strict set equality)', () => {
  it('splits labels on spaces and 、 and drops parenthesised aliases', () => {
    expect([...authorNames(['周思博 (Joel Spolsky)'])]).toEqual(['周思博']);
    expect([...authorNames(['赵延东、风笑天'])]).toEqual(['赵延东', '风笑天']);
    expect([...authorNames(['伊琳  李清芬'])]).toEqual(['伊琳', '李清芬']);
  });

  it('is exact only for equal sets, found when extras are predicted, wrong when a name is missing', () => {
    expect(judgeAuthors('王建宏 张文攀', ['张文攀', '王建宏'])).toBe('exact');
    expect(judgeAuthors('王建宏 张文攀', ['王建宏', '张文攀', '李四'])).toBe('found');
    expect(judgeAuthors('王建宏 张文攀', ['王建宏'])).toBe('wrong');
    expect(judgeAuthors('海姑娘', [])).toBe('wrong');
  });

  it('compares in Simplified script', () => {
    expect(judgeAuthors('刘国栋', ['劉國棟'])).toBe('exact');
  });
});
