import { describe, expect, it } from 'vitest';
import { HostGate } from '../../../lambdas/fetch/politeness.js';

// Order facts only (no timing): tasks to one host never interleave; other hosts are not blocked.
describe('HostGate', () => {
  it('runs tasks for one host one at a time, in call order', async () => {
    const gate = new HostGate(true);
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      events.push(`end ${name}`);
    };
    await Promise.all(['a', 'b', 'c'].map((n) => gate.run('h', () => 0, task(n))));
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('does not hold one host back for another', async () => {
    const gate = new HostGate(true);
    const events: string[] = [];
    let release!: () => void;
    const blocked = gate.run('slow.example', () => 0, () => new Promise<void>((r) => (release = r)));
    await gate.run('fast.example', () => 0, async () => void events.push('fast ran'));
    expect(events).toEqual(['fast ran']);
    release();
    await blocked;
  });

  it('keeps going after a task throws', async () => {
    const gate = new HostGate(true);
    await expect(gate.run('h', () => 0, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run('h', () => 0, async () => 'ok')).resolves.toBe('ok');
  });

  it('when disabled, tasks for one host interleave', async () => {
    const gate = new HostGate(false);
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      events.push(`end ${name}`);
    };
    await Promise.all(['a', 'b'].map((n) => gate.run('h', () => 0, task(n))));
    expect(events.slice(0, 2)).toEqual(['start a', 'start b']);
  });
});
