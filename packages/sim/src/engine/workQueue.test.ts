import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError } from './engineErrors.js';
import { ENDPOINTSLICE_BACKOFF, backoffDelay } from '@kubesim/core';
import { WorkQueue } from './workQueue.js';

describe('WorkQueue', () => {
  it('processes a key added twice before processing once', () => {
    const q = new WorkQueue<string>();
    expect(q.add('a')).toBe(true);
    expect(q.add('b')).toBe(true);
    expect(q.add('a')).toBe(false);
    expect([q.get(), q.get(), q.get()]).toEqual(['a', 'b', undefined]);
  });

  it('processes a key re-added while processing again after done, never concurrently', () => {
    const q = new WorkQueue<string>();
    q.add('a');
    expect(q.get()).toBe('a');
    q.add('a');
    expect(q.get()).toBeUndefined();
    q.done('a');
    expect(q.get()).toBe('a');
    q.done('a');
    expect(q.isEmpty).toBe(true);
  });

  it('never hands out a key being processed and never loses an add', () => {
    type Op = { kind: 'add'; key: number } | { kind: 'get' } | { kind: 'done'; pick: number };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), key: fc.nat({ max: 4 }) }),
      fc.constant({ kind: 'get' as const }),
      fc.record({ kind: fc.constant('done' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        const q = new WorkQueue<number>();
        const processing: number[] = [];
        const lastAdd = new Map<number, number>();
        const lastStart = new Map<number, number>();
        let step = 0;
        const take = (): void => {
          const k = q.get();
          if (k === undefined) return;
          expect(processing).not.toContain(k);
          processing.push(k);
          lastStart.set(k, step++);
        };
        for (const op of ops) {
          if (op.kind === 'add') {
            q.add(op.key);
            lastAdd.set(op.key, step++);
          } else if (op.kind === 'get') {
            take();
          } else if (processing.length > 0) {
            const [k] = processing.splice(op.pick % processing.length, 1);
            q.done(k!);
          }
        }
        // Drain: finish everything in flight, then process until empty.
        for (;;) {
          for (const k of processing.splice(0)) q.done(k);
          if (q.length === 0) break;
          while (q.length > 0) take();
        }
        expect(q.isEmpty).toBe(true);
        for (const [k, at] of lastAdd) expect(lastStart.get(k)!).toBeGreaterThan(at);
      }),
    );
  });

  it('queues a delayed key when woken at its time, earliest time winning', () => {
    const q = new WorkQueue<string>();
    expect(q.addAfter('a', 5000, 1000)).toBe(6000);
    expect(q.addAfter('a', 9000, 1000)).toBe(6000);
    expect(q.addAfter('b', 3000, 1000)).toBe(4000);
    expect(q.addAfter('a', 1000, 2000)).toBe(3000);
    expect(q.nextWakeTime()).toBe(3000);
    expect(q.wake(2999)).toBe(0);
    expect(q.get()).toBeUndefined();
    expect(q.wake(3000)).toBe(1);
    expect(q.get()).toBe('a');
    expect(q.nextWakeTime()).toBe(4000);
    expect(q.wake(10_000)).toBe(1);
    expect(q.get()).toBe('b');
    expect(q.waitingCount).toBe(0);
    expect(q.nextWakeTime()).toBeUndefined();
  });

  it('queues at once for a zero delay and refuses a negative one', () => {
    const q = new WorkQueue<string>();
    expect(q.addAfter('a', 0, 70)).toBe(70);
    expect(q.get()).toBe('a');
    expect(() => q.addAfter('a', -1, 0)).toThrow(InvalidArgumentError);
  });

  it('backs off like the EndpointSlice controller: 1 s doubling to 1000 s, dropped after 15 retries', () => {
    const q = new WorkQueue<string>({ backoff: ENDPOINTSLICE_BACKOFF });
    let now = 0;
    const waits: number[] = [];
    for (;;) {
      const r = q.addRateLimited('svc', now);
      if (r.kind === 'dropped') {
        expect(r.retries).toBe(15);
        break;
      }
      waits.push(r.at - now);
      now = r.at;
      q.wake(now);
      expect(q.get()).toBe('svc');
      q.done('svc');
    }
    expect(waits).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 1_000_000,
      1_000_000, 1_000_000, 1_000_000, 1_000_000,
    ]);
    expect(q.numRequeues('svc')).toBe(0);
  });

  it('starts back-off over after forget', () => {
    const q = new WorkQueue<string>({ backoff: ENDPOINTSLICE_BACKOFF });
    q.addRateLimited('k', 0);
    q.addRateLimited('k', 0);
    expect(q.numRequeues('k')).toBe(2);
    q.forget('k');
    q.wake(10_000);
    expect(q.get()).toBe('k');
    q.done('k');
    const r = q.addRateLimited('k', 10_000);
    expect(r).toEqual({ kind: 'scheduled', at: 11_000, retry: 1 });
  });

  it('refuses an inconsistent back-off policy', () => {
    expect(() => new WorkQueue({ backoff: { baseMs: 10, maxMs: 5, maxRetries: 1 } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new WorkQueue({ backoff: { baseMs: 1, maxMs: 5, maxRetries: -1 } })).toThrow(
      InvalidArgumentError,
    );
  });

  it('keeps FIFO order over many keys (prefix compaction)', () => {
    const q = new WorkQueue<number>();
    for (let i = 0; i < 5000; i++) q.add(i);
    const out: number[] = [];
    for (let k = q.get(); k !== undefined; k = q.get()) {
      out.push(k);
      q.done(k);
      if (k % 7 === 0 && k < 5000) q.add(k + 10_000);
    }
    expect(out.slice(0, 5000)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(out.length).toBe(5000 + 715);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base and never exceeds the cap (a zero base stays zero)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000 }),
        fc.nat({ max: 10_000_000 }),
        fc.nat({ max: 2000 }),
        (base, extra, n) => {
          const policy = { baseMs: base, maxMs: base + extra, maxRetries: Infinity };
          const d = backoffDelay(policy, n);
          expect(d).toBeLessThanOrEqual(policy.maxMs);
          expect(d).toBe(base === 0 ? 0 : Math.min(base * 2 ** Math.min(n, 60), base + extra));
        },
      ),
    );
  });
});
