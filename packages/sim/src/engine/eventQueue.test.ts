import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError } from './engineErrors.js';
import { EventQueue } from './eventQueue.js';

type Op =
  | { readonly kind: 'push'; readonly time: number }
  | { readonly kind: 'pop' }
  | { readonly kind: 'cancel'; readonly pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('push' as const),
      time: fc.integer({ min: 0, max: 20 }),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'pop' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
);

interface RefEntry {
  readonly time: number;
  readonly seq: number;
}

describe('EventQueue', () => {
  it('agrees with a sorted-array reference under any mix of push, pop and cancel', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 300 }),
        fc.integer({ min: 1, max: 8 }),
        (ops, cap) => {
          const q = new EventQueue<number>(cap);
          let ref: RefEntry[] = [];
          let issued = 0;
          for (const op of ops) {
            if (op.kind === 'push') {
              const seq = q.push(op.time, issued);
              expect(seq).toBe(issued);
              ref.push({ time: op.time, seq });
              ref.sort((a, b) => a.time - b.time || a.seq - b.seq);
              issued++;
            } else if (op.kind === 'pop') {
              const expected = ref.shift();
              expect(q.peekTime()).toBe(expected?.time);
              expect(q.pop()).toBe(expected?.seq);
            } else {
              if (issued === 0) continue;
              const seq = op.pick % issued;
              const wasPending = ref.some((e) => e.seq === seq);
              expect(q.cancel(seq)).toBe(wasPending);
              ref = ref.filter((e) => e.seq !== seq);
            }
            expect(q.size).toBe(ref.length);
          }
          const drained: number[] = [];
          while (q.size > 0) drained.push(q.pop() ?? -1);
          expect(drained).toEqual(ref.map((e) => e.seq));
          expect(q.pop()).toBeUndefined();
          expect(q.peekTime()).toBeUndefined();
        },
      ),
    );
  });

  it('returns events at one instant first in, first out', () => {
    const q = new EventQueue<string>();
    q.push(10, 'b');
    q.push(5, 'a');
    q.push(10, 'c');
    q.push(10, 'd');
    expect([q.pop(), q.pop(), q.pop(), q.pop()]).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses to cancel an event that already ran, was cancelled or was never issued', () => {
    const q = new EventQueue<string>();
    const a = q.push(1, 'a');
    const b = q.push(2, 'b');
    expect(q.pop()).toBe('a');
    expect(q.cancel(a)).toBe(false);
    expect(q.cancel(b)).toBe(true);
    expect(q.cancel(b)).toBe(false);
    expect(q.cancel(99)).toBe(false);
    expect(q.cancel(-1)).toBe(false);
    expect(q.cancel(0.5)).toBe(false);
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBeUndefined();
  });

  it('skips a cancelled head when peeking', () => {
    const q = new EventQueue<string>();
    const a = q.push(1, 'a');
    q.push(7, 'b');
    q.cancel(a);
    expect(q.isPending(a)).toBe(false);
    expect(q.peekTime()).toBe(7);
    expect(q.peekSeq()).toBe(1);
  });

  it('still refuses to cancel long-finished events after their bookkeeping was released', () => {
    const q = new EventQueue<number>();
    const first = q.push(0, 0);
    for (let i = 1; i < 100_000; i++) q.push(i % 97, i);
    let popped = 0;
    while (q.size > 0) {
      q.pop();
      popped++;
    }
    expect(popped).toBe(100_000);
    expect(q.cancel(first)).toBe(false);
    expect(q.isPending(first)).toBe(false);
    const later = q.push(5, 1);
    expect(q.isPending(later)).toBe(true);
    expect(q.cancel(later)).toBe(true);
    expect(q.size).toBe(0);
  });

  it('refuses a time that is not a finite number', () => {
    const q = new EventQueue<string>();
    expect(() => q.push(Number.NaN, 'x')).toThrow(InvalidArgumentError);
    expect(() => q.push(Number.POSITIVE_INFINITY, 'x')).toThrow(InvalidArgumentError);
    expect(q.size).toBe(0);
  });
});
