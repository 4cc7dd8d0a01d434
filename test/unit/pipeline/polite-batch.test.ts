import { describe, expect, it } from 'vitest';
import { splitForPoliteness } from '../../../lambdas/pipeline/polite-batch.js';

interface Msg {
  id: string;
  host: string;
}
const m = (id: string, host: string): Msg => ({ id, host });
const delays: Record<string, number> = { 'a.example': 2000, 'b.example': 500, 'c.example': 0, 'd.example': 61_000 };
const split = (items: Msg[]) => splitForPoliteness(items, (x) => x.host, (x) => delays[x.host] ?? 0);

describe('splitForPoliteness', () => {
  it('handles the first message of each host now and defers the rest of that host by its delay, rounded up to seconds', () => {
    const out = split([m('1', 'a.example'), m('2', 'a.example'), m('3', 'b.example'), m('4', 'a.example'), m('5', 'b.example')]);
    expect(out.now.map((x) => x.id)).toEqual(['1', '3']);
    // a: 2,000 ms = 2 s; b: 500 ms rounds up to 1 s (never less polite than configured).
    expect(out.later.map((l) => [l.item.id, l.seconds])).toEqual([
      ['2', 2],
      ['4', 2],
      ['5', 1],
    ]);
  });

  it('handles a whole host group at once when the host has no delay', () => {
    const out = split([m('1', 'c.example'), m('2', 'c.example'), m('3', 'c.example')]);
    expect(out.now.map((x) => x.id)).toEqual(['1', '2', '3']);
    expect(out.later).toEqual([]);
  });

  it('keeps a long Crawl-delay whole (61 s) and a single message is never deferred', () => {
    expect(split([m('1', 'd.example'), m('2', 'd.example')]).later.map((l) => l.seconds)).toEqual([61]);
    expect(split([m('1', 'a.example')]).later).toEqual([]);
  });
});
