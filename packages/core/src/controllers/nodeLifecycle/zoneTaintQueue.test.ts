import { describe, expect, it } from 'vitest';
import { ZoneTaintQueue } from './zoneTaintQueue.js';

describe('ZoneTaintQueue', () => {
  it('takes the first node at once and then one per 1/rate seconds, in order', () => {
    const q = new ZoneTaintQueue(0.1);
    for (const n of ['a', 'b', 'c']) q.add(n);
    expect(q.take(5000)).toBe('a');
    expect(q.take(5000)).toBeUndefined();
    expect(q.nextTakeAt(5000)).toBe(15_000);
    expect(q.take(14_999)).toBeUndefined();
    expect(q.take(15_000)).toBe('b');
    expect(q.nextTakeAt(15_000)).toBe(25_000);
    expect(q.take(25_000)).toBe('c');
    expect(q.nextTakeAt(25_000)).toBeUndefined();
  });

  it('does not queue a node twice and forgets removed nodes', () => {
    const q = new ZoneTaintQueue(0.1);
    expect(q.add('a')).toBe(true);
    expect(q.add('a')).toBe(false);
    expect(q.remove('a')).toBe(true);
    expect(q.take(0)).toBeUndefined();
  });

  it('takes nothing at rate 0 and starts a fresh bucket empty when the old one had no token', () => {
    const q = new ZoneTaintQueue(0.1);
    q.add('a');
    q.add('b');
    expect(q.take(0)).toBe('a');
    q.swapRate(0, 1000);
    expect(q.nextTakeAt(50_000)).toBeUndefined();
    expect(q.take(50_000)).toBeUndefined();
    q.swapRate(0.01, 60_000);
    expect(q.nextTakeAt(60_000)).toBe(160_000);
  });

  it('keeps a full bucket full when the rate changes while a token is available', () => {
    const q = new ZoneTaintQueue(0.1);
    q.add('a');
    q.swapRate(0.01, 30_000);
    expect(q.take(30_000)).toBe('a');
  });
});
