import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import type { RandomSource } from '../sources.js';
import { seededRandomSource } from '../sources.js';
import { AllocationError } from './allocationError.js';
import { NodePortAllocator } from './nodePortAllocator.js';
import { nodePortRangeOffset } from './rangeOffset.js';

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

describe('NodePortAllocator', () => {
  it('has a static band of 86 ports for 30000-32767 (portallocator calculateRangeOffset)', () => {
    expect(nodePortRangeOffset(2768)).toBe(86);
    expect(nodePortRangeOffset(16)).toBe(0);
    expect(nodePortRangeOffset(100)).toBe(16);
    expect(nodePortRangeOffset(10_000)).toBe(128);
    const ports = new NodePortAllocator('30000-32767', seededRandomSource(1));
    expect(ports.size).toBe(2768);
    expect(ports.staticBandSize).toBe(86);
    expect(ports.range).toBe('30000-32767');
  });

  it('puts the first dynamic port at 30086 plus the random draw, inside the upper band', () => {
    const random = fixedRandom(14);
    const ports = new NodePortAllocator('30000-32767', random);
    expect(ports.allocateNext()).toBe(30100);
    expect(random.bounds).toEqual([2768 - 86]);
  });

  it('scans forward past used ports and wraps inside the upper band', () => {
    const ports = new NodePortAllocator('30000-32767', fixedRandom(2681));
    expect(ports.allocateNext()).toBe(32767);
    ports.allocate(30086);
    expect(ports.allocateNext()).toBe(30087);
  });

  it('falls back to the static band only when the upper band is full', () => {
    const ports = new NodePortAllocator('30000-30099', seededRandomSource(5)); // offset 16
    const upper = Array.from({ length: 84 }, () => ports.allocateNext());
    expect(Math.min(...upper)).toBe(30016);
    expect(Math.max(...upper)).toBe(30099);
    const next = ports.allocateNext();
    expect(next).toBeGreaterThanOrEqual(30000);
    expect(next).toBeLessThan(30016);
  });

  it('refuses taken and out-of-range ports with upstream messages, and reports a full range', () => {
    const ports = new NodePortAllocator('30000-30009', seededRandomSource(5));
    ports.allocate(30005);
    const taken = caught(() => {
      ports.allocate(30005);
    }) as AllocationError;
    expect(taken.code).toBe('AlreadyAllocated');
    expect(taken.message).toBe('provided port is already allocated');
    const outside = caught(() => {
      ports.allocate(31000);
    }) as AllocationError;
    expect(outside.message).toBe(
      'provided port is not in the valid range. The range of valid ports is 30000-30009',
    );
    for (let i = 0; i < 9; i++) ports.allocateNext();
    expect((caught(() => ports.allocateNext()) as AllocationError).code).toBe('RangeFull');
    expect(ports.release(30005)).toBe(true);
    expect(ports.allocateNext()).toBe(30005);
  });

  it('parses base-last, base+offset and refuses nonsense', () => {
    const r = seededRandomSource(1);
    expect(new NodePortAllocator('30000+2767', r).range).toBe('30000-32767');
    expect(caught(() => new NodePortAllocator('32767-30000', r))).toBeInstanceOf(ConfigError);
    expect(caught(() => new NodePortAllocator('ports', r))).toBeInstanceOf(ConfigError);
  });
});
