import { describe, expect, it } from 'vitest';
import { nextRevisitAt, nextVisit, DEFAULT_SCHEDULE } from '../../../lambdas/pipeline/revisit-schedule.js';

const first = new Date('2026-01-01T01:00:00.000Z');
const iso = (d: Date) => d.toISOString();

describe('nextRevisitAt', () => {
  it('follows +1 h, +1 d, +3 d, +7 d, +30 d from the first sighting', () => {
    expect(iso(nextRevisitAt(first, first))).toBe('2026-01-01T02:00:00.000Z');
    expect(iso(nextRevisitAt(first, new Date('2026-01-01T02:00:00.000Z')))).toBe('2026-01-02T01:00:00.000Z');
    expect(iso(nextRevisitAt(first, new Date('2026-01-02T05:00:00.000Z')))).toBe('2026-01-04T01:00:00.000Z');
    expect(iso(nextRevisitAt(first, new Date('2026-01-04T01:00:00.000Z')))).toBe('2026-01-08T01:00:00.000Z');
    expect(iso(nextRevisitAt(first, new Date('2026-01-08T01:00:00.000Z')))).toBe('2026-01-31T01:00:00.000Z');
  });
  it('then every 30 days counted from the first sighting, however late the last revisit was', () => {
    expect(iso(nextRevisitAt(first, new Date('2026-01-31T01:00:00.000Z')))).toBe('2026-03-02T01:00:00.000Z');
    expect(iso(nextRevisitAt(first, new Date('2026-02-15T00:00:00.000Z')))).toBe('2026-03-02T01:00:00.000Z');
    expect(iso(nextRevisitAt(first, new Date('2026-04-05T00:00:00.000Z')))).toBe('2026-05-01T01:00:00.000Z');
  });
  it('takes a source schedule, offsets in any order', () => {
    expect(iso(nextRevisitAt(first, first, { afterHours: [48, 6], everyHours: 24 }))).toBe('2026-01-01T07:00:00.000Z');
    expect(iso(nextRevisitAt(first, new Date('2026-01-03T01:00:00.000Z'), { afterHours: [48, 6], everyHours: 24 }))).toBe('2026-01-04T01:00:00.000Z');
  });
});

describe('nextVisit', () => {
  it('comes back after the confirmation gap when a deletion is pending', () => {
    const now = new Date('2026-01-13T01:00:00.000Z');
    expect(iso(nextVisit(first, now, DEFAULT_SCHEDULE, false, 3_600_000))).toBe('2026-01-31T01:00:00.000Z');
    expect(iso(nextVisit(first, now, DEFAULT_SCHEDULE, true, 3_600_000))).toBe('2026-01-13T02:00:00.000Z');
  });
});
