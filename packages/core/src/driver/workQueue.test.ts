import { describe, expect, it } from 'vitest';
import { WorkQueue } from './workQueue.js';

describe('WorkQueue', () => {
  it('keeps first-in order, holds a waiting key once, and takes a taken key again', () => {
    const q = new WorkQueue();
    expect(q.add('a')).toBe(true);
    expect(q.add('b')).toBe(true);
    expect(q.add('a')).toBe(false);
    expect(q.size).toBe(2);
    expect(q.has('a')).toBe(true);
    expect(q.take()).toBe('a');
    expect(q.has('a')).toBe(false);
    expect(q.add('a')).toBe(true);
    expect(q.peek()).toEqual(['b', 'a']);
    expect([q.take(), q.take(), q.take()]).toEqual(['b', 'a', undefined]);
  });

  it('stays in order across its compaction (more than 1,024 keys taken)', () => {
    const q = new WorkQueue();
    const taken: string[] = [];
    for (let i = 0; i < 5000; i++) {
      q.add(`k${i}`);
      if (i % 3 === 0) taken.push(q.take() as string);
    }
    for (let k = q.take(); k !== undefined; k = q.take()) taken.push(k);
    expect(taken).toEqual(Array.from({ length: 5000 }, (_, i) => `k${i}`));
  });

  it('forks into an independent queue with the same keys in the same order', () => {
    const q = new WorkQueue();
    for (const k of ['x', 'y', 'z']) q.add(k);
    q.take();
    const copy = q.fork();
    copy.add('w');
    expect(copy.add('y')).toBe(false);
    expect(q.peek()).toEqual(['y', 'z']);
    expect(copy.peek()).toEqual(['y', 'z', 'w']);
    q.take();
    expect(copy.has('y')).toBe(true);
  });
});
