import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './eventQueue.js';
import { MinSyncBatcher } from './minSyncBatcher.js';
import { RandomStreams } from './randomStreams.js';

type Op =
  | { readonly kind: 'push'; readonly time: number }
  | { readonly kind: 'pop' }
  | { readonly kind: 'cancel'; readonly pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('push' as const),
      time: fc.integer({ min: 0, max: 9 }),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'pop' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
);

/** Applies `ops`; returns what came out (payloads popped, cancels' answers). */
function apply(q: EventQueue<string>, ops: readonly Op[], tag: string): unknown[] {
  const out: unknown[] = [];
  let pushed = 0;
  for (const op of ops) {
    if (op.kind === 'push') {
      q.push(op.time, `${tag}${pushed++}@${op.time}`);
    } else if (op.kind === 'pop') {
      out.push([q.peekTime(), q.peekSeq(), q.pop()]);
    } else {
      out.push(q.cancel(op.pick % 64));
    }
  }
  return out;
}

function drain(q: EventQueue<string>): unknown[] {
  const out: unknown[] = [];
  // Bounded: a broken fork must fail here, not spin.
  for (let i = 0; q.size > 0 && i < 500; i++) out.push([q.peekTime(), q.peekSeq(), q.pop()]);
  return out;
}

describe('EventQueue.fork', () => {
  it('a fork and its parent each behave as a queue that saw only its own operations', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 40 }),
        fc.array(opArb, { maxLength: 30 }),
        fc.array(opArb, { maxLength: 30 }),
        (prefix, a, b) => {
          const parent = new EventQueue<string>(2);
          apply(parent, prefix, 'p');
          const child = parent.fork((x) => x);
          const grandchild = child.fork((x) => x);
          const seen = [apply(parent, a, 'x'), apply(child, b, 'x'), apply(grandchild, a, 'x')];
          const finals = [drain(parent), drain(child), drain(grandchild)];
          for (const [i, ops] of [a, b, a].entries()) {
            const reference = new EventQueue<string>(2);
            apply(reference, prefix, 'p');
            expect(seen[i]).toEqual(apply(reference, ops, 'x'));
            expect(finals[i]).toEqual(drain(reference));
          }
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('maps each pending payload; undefined cancels the event in the fork only', () => {
    const q = new EventQueue<string>();
    q.push(5, 'keep');
    const dropped = q.push(3, 'drop');
    const cancelled = q.push(4, 'cancelled');
    q.cancel(cancelled);
    const seen: string[] = [];
    const copy = q.fork((p) => {
      seen.push(p);
      return p === 'drop' ? undefined : p.toUpperCase();
    });
    expect(seen.sort()).toEqual(['drop', 'keep']); // a cancelled event is not mapped
    expect(copy.size).toBe(1);
    expect(copy.isPending(dropped)).toBe(false);
    expect(q.isPending(dropped)).toBe(true);
    expect(copy.pop()).toBe('KEEP');
    expect([q.pop(), q.pop(), q.pop()]).toEqual(['drop', 'keep', undefined]);
  });

  it('continues the sequence numbers, so ties after the fork keep scheduling order', () => {
    const q = new EventQueue<string>();
    q.push(1, 'a');
    const copy = q.fork((p) => p);
    const next = copy.push(1, 'b');
    expect(next).toBe(q.push(1, 'b'));
    expect([copy.pop(), copy.pop()]).toEqual(['a', 'b']);
  });
});

describe('RandomStreams.fork', () => {
  it('every stream continues with the same draws on both sides, independently', () => {
    const streams = new RandomStreams('fork');
    streams.stream('a').nextInt(100);
    const copy = streams.fork();
    const mine = [streams.stream('a').nextInt(1000), streams.stream('b').nextInt(1000)];
    // The copy draws the same values although the parent drew first.
    expect([copy.stream('a').nextInt(1000), copy.stream('b').nextInt(1000)]).toEqual(mine);
    expect(copy.stream('a')).not.toBe(streams.stream('a'));
  });
});

describe('MinSyncBatcher.clone', () => {
  it('keeps the last and pending sync, then evolves on its own', () => {
    const b = new MinSyncBatcher(1000);
    b.request(0);
    b.synced(0);
    expect(b.request(10)).toEqual({ at: 1000, isNew: true });
    const c = b.clone();
    expect(c.request(20)).toEqual({ at: 1000, isNew: false });
    c.synced(1000);
    expect(b.pendingAt).toBe(1000);
    expect(c.pendingAt).toBeUndefined();
  });
});
