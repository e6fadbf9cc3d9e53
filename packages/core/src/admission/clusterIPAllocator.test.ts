import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import type { RandomSource } from '../sources.js';
import { seededRandomSource } from '../sources.js';
import { AllocationError } from './allocationError.js';
import { ClusterIPAllocator } from './clusterIPAllocator.js';
import { ipv4ToInt } from './ipv4.js';
import { clusterIPRangeOffset } from './rangeOffset.js';

/** A random source that always answers `k` (modulo the bound) and records the bounds asked. */
function fixedRandom(k: number): RandomSource & { bounds: number[] } {
  const bounds: number[] = [];
  return {
    bounds,
    nextInt(bound: number) {
      bounds.push(bound);
      return k % bound;
    },
  };
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('static band offset (ipallocator bitmap.go calculateRangeOffset)', () => {
  it('is 256 for a /12, 16 for a /24 and 0 for a /28, from the CIDR size', () => {
    expect(clusterIPRangeOffset(2 ** 20)).toBe(256);
    expect(clusterIPRangeOffset(256)).toBe(16);
    expect(clusterIPRangeOffset(32)).toBe(16); // /27: 32/16 = 2, raised to the minimum 16
    expect(clusterIPRangeOffset(16)).toBe(0); // /28: at most 16 addresses → no static band
    expect(clusterIPRangeOffset(8)).toBe(0);
    expect(clusterIPRangeOffset(2 ** 13)).toBe(256); // /19: 8192/16 = 512, capped at 256
    expect(clusterIPRangeOffset(2 ** 11)).toBe(128); // /21: 2048/16
  });

  it('is what the allocator uses for its range', () => {
    const r = seededRandomSource(1);
    expect(new ClusterIPAllocator('10.96.0.0/12', r).staticBandSize).toBe(256);
    expect(new ClusterIPAllocator('10.0.0.0/24', r).staticBandSize).toBe(16);
    expect(new ClusterIPAllocator('10.0.0.0/28', r).staticBandSize).toBe(0);
  });
});

describe('ClusterIPAllocator', () => {
  it('excludes the network and broadcast addresses: index 0 is network + 1', () => {
    const ips = new ClusterIPAllocator('10.0.0.0/24', seededRandomSource(1));
    expect(ips.size).toBe(254);
    expect(ips.ipAt(0)).toBe('10.0.0.1');
    expect(ips.ipAt(9)).toBe('10.0.0.10');
    expect(ips.contains('10.0.0.0')).toBe(false);
    expect(ips.contains('10.0.0.255')).toBe(false);
    expect(ips.contains('10.0.0.254')).toBe(true);
  });

  it('puts the first dynamic IP at the upper band start plus the random draw', () => {
    const random = fixedRandom(5);
    const ips = new ClusterIPAllocator('10.96.0.0/12', random);
    expect(ips.allocateNext()).toBe('10.96.1.6'); // 10.96.1.1 + 5
    // the draw is inside the upper band only: 2^20 − 2 usable minus the 256 static ones
    expect(random.bounds).toEqual([2 ** 20 - 2 - 256]);
  });

  it('starts at 10.96.1.1 for a draw of 0', () => {
    expect(new ClusterIPAllocator('10.96.0.0/12', fixedRandom(0)).allocateNext()).toBe('10.96.1.1');
  });

  it('scans forward past used addresses from the random start', () => {
    const ips = new ClusterIPAllocator('10.96.0.0/12', fixedRandom(0));
    ips.allocate('10.96.1.2');
    ips.allocate('10.96.1.3');
    expect(ips.allocateNext()).toBe('10.96.1.1');
    expect(ips.allocateNext()).toBe('10.96.1.4');
    expect(ips.allocateNext()).toBe('10.96.1.5');
  });

  it('wraps around to the start of the upper band, never into the static band', () => {
    // /24: usable .1–.254, static .1–.16, upper band .17–.254 (238 addresses)
    const ips = new ClusterIPAllocator('10.0.0.0/24', fixedRandom(237));
    expect(ips.allocateNext()).toBe('10.0.0.254');
    expect(ips.allocateNext()).toBe('10.0.0.17');
    expect(ips.allocateNext()).toBe('10.0.0.18');
  });

  it('uses the static band only once the upper band is full', () => {
    // /27: 30 usable, static band 16 (.1–.16), upper band 14 (.17–.30)
    const ips = new ClusterIPAllocator('10.0.0.0/27', seededRandomSource(3));
    const upper = Array.from({ length: 14 }, () => ips.allocateNext());
    expect(
      upper.map((ip) => (ipv4ToInt(ip) ?? 0) - (ipv4ToInt('10.0.0.0') ?? 0)).sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 14 }, (_, i) => 17 + i));
    const next = ips.allocateNext();
    const host = (ipv4ToInt(next) ?? 0) % 256;
    expect(host).toBeGreaterThanOrEqual(1);
    expect(host).toBeLessThanOrEqual(16);
  });

  it('allocates every address of a tiny range without a static band, then reports it full', () => {
    const ips = new ClusterIPAllocator('10.0.0.0/29', seededRandomSource(9));
    const got = Array.from({ length: 6 }, () => ips.allocateNext()).sort();
    expect(got).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
    const err = caught(() => ips.allocateNext());
    expect(err).toBeInstanceOf(AllocationError);
    expect((err as AllocationError).code).toBe('RangeFull');
    expect((err as AllocationError).message).toBe('range is full');
    expect(ips.free).toBe(0);
  });

  it('honours a requested IP once and refuses it when taken or out of range', () => {
    const ips = new ClusterIPAllocator('10.96.0.0/12', seededRandomSource(1));
    ips.allocate('10.96.0.10');
    expect(ips.has('10.96.0.10')).toBe(true);
    const taken = caught(() => {
      ips.allocate('10.96.0.10');
    }) as AllocationError;
    expect(taken.code).toBe('AlreadyAllocated');
    expect(taken.message).toBe('provided IP is already allocated');
    const outside = caught(() => {
      ips.allocate('10.0.0.5');
    }) as AllocationError;
    expect(outside.code).toBe('NotInRange');
    expect(outside.message).toBe(
      'the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
    expect(
      (
        caught(() => {
          ips.allocate('10.111.255.255');
        }) as AllocationError
      ).code,
    ).toBe('NotInRange'); // broadcast
    expect(ips.used).toBe(1);
  });

  it('releases addresses and treats releasing a free or foreign address as a no-op', () => {
    const ips = new ClusterIPAllocator('10.96.0.0/12', seededRandomSource(1));
    const ip = ips.allocateNext();
    expect(ips.release(ip)).toBe(true);
    expect(ips.release(ip)).toBe(false);
    expect(ips.release('192.168.0.1')).toBe(false);
    expect(ips.used).toBe(0);
    expect(ips.free).toBe(2 ** 20 - 2);
  });

  it('refuses ranges under 8 or over 2^20 addresses and malformed CIDRs', () => {
    const r = seededRandomSource(1);
    expect(() => new ClusterIPAllocator('10.0.0.0/29', r)).not.toThrow();
    expect(caught(() => new ClusterIPAllocator('10.0.0.0/30', r))).toBeInstanceOf(ConfigError);
    expect(caught(() => new ClusterIPAllocator('10.0.0.0/11', r))).toBeInstanceOf(ConfigError);
    expect(caught(() => new ClusterIPAllocator('10.0.0/24', r))).toBeInstanceOf(ConfigError);
    expect(caught(() => new ClusterIPAllocator('fd00::/108', r))).toBeInstanceOf(ConfigError);
  });

  it('gives 10,000 distinct addresses in the upper band of a /12', () => {
    const ips = new ClusterIPAllocator('10.96.0.0/12', seededRandomSource(42));
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(ips.allocateNext());
    expect(seen.size).toBe(10_000);
    expect(ips.used).toBe(10_000);
    expect([...seen].every((ip) => (ipv4ToInt(ip) ?? 0) >= (ipv4ToInt('10.96.1.1') ?? 0))).toBe(
      true,
    );
  });

  it('agrees with a reference set and prefers the upper band under any allocate/release mix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.oneof(fc.constant('next' as const), fc.nat(40)), { maxLength: 120 }),
        (seed, ops) => {
          // /26: 62 usable, static band 16 (.1–.16), upper band .17–.62
          const ips = new ClusterIPAllocator('10.1.0.0/26', seededRandomSource(seed));
          const held = new Set<number>();
          for (const op of ops) {
            if (op === 'next') {
              const upperFull = [...Array(46).keys()].every((i) => held.has(17 + i));
              if (held.size === 62) {
                expect(caught(() => ips.allocateNext())).toBeInstanceOf(AllocationError);
                continue;
              }
              const host = (ipv4ToInt(ips.allocateNext()) ?? 0) % 256;
              expect(held.has(host)).toBe(false);
              expect(host >= 17 && host <= 62).toBe(!upperFull);
              held.add(host);
            } else {
              const victim = [...held][op % Math.max(1, held.size)];
              if (victim !== undefined) {
                expect(ips.release(`10.1.0.${victim}`)).toBe(true);
                held.delete(victim);
              }
            }
            expect(ips.used).toBe(held.size);
          }
        },
      ),
    );
  });
});
