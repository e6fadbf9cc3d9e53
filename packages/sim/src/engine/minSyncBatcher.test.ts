import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError } from './engineErrors.js';
import { MinSyncBatcher, nextSyncTime } from './minSyncBatcher.js';

describe('MinSyncBatcher', () => {
  it('applies the first change after a quiet period at once and batches the rest', () => {
    const b = new MinSyncBatcher(1000);
    expect(b.request(5000)).toEqual({ at: 5000, isNew: true });
    b.synced(5000);
    expect(b.request(5200)).toEqual({ at: 6000, isNew: true });
    expect(b.request(5900)).toEqual({ at: 6000, isNew: false });
    expect(b.request(6000)).toEqual({ at: 6000, isNew: false });
    b.synced(6000);
    expect(b.request(9000)).toEqual({ at: 9000, isNew: true });
  });

  it('never syncs twice within minSyncPeriod and never delays a change past it', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 3000 }),
        fc.array(fc.nat({ max: 2500 }), { maxLength: 60 }),
        (period, gaps) => {
          const b = new MinSyncBatcher(period);
          const syncs: number[] = [];
          let now = 0;
          let due: number | undefined;
          for (const gap of gaps) {
            now += gap;
            // run the sync if it is due before this change arrives
            if (due !== undefined && due <= now) {
              syncs.push(due);
              b.synced(due);
              due = undefined;
            }
            const r = b.request(now);
            expect(r.at).toBeGreaterThanOrEqual(now);
            expect(r.at - now).toBeLessThanOrEqual(period);
            if (r.isNew) due = r.at;
            expect(due).toBe(r.at);
          }
          for (let i = 1; i < syncs.length; i++) {
            expect(syncs[i]! - syncs[i - 1]!).toBeGreaterThanOrEqual(period);
          }
        },
      ),
    );
  });

  it('computes the sync time from lastSync and now', () => {
    expect(nextSyncTime(undefined, 700, 1000)).toBe(700);
    expect(nextSyncTime(10_000, 10_400, 1000)).toBe(11_000);
    expect(nextSyncTime(10_000, 12_000, 1000)).toBe(12_000);
  });

  it('defaults to kube-proxy’s 1 s and refuses a negative period', () => {
    expect(new MinSyncBatcher().minSyncPeriodMs).toBe(1000);
    expect(() => new MinSyncBatcher(-5)).toThrow(InvalidArgumentError);
  });
});
