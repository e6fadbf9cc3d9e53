import { describe, expect, it } from 'vitest';
import type { RandomSource } from '../sources.js';
import { AllocationBitmap } from './allocationBitmap.js';

/** Always draws `k` (mod the bound): the scan starts at `offset + k`. */
const fixed = (k: number): RandomSource => ({ nextInt: (bound: number) => k % bound });

describe('AllocationBitmap over lazily allocated pages', () => {
  it('scans across page boundaries (8,192 slots a page) and wraps around inside the band', () => {
    const bits = new AllocationBitmap(20_000, 0, fixed(8_190));
    expect(bits.next()).toBe(8_190);
    expect(bits.next()).toBe(8_191);
    // The next slot is the first of the second page, never touched before.
    expect(bits.has(8_192)).toBe(false);
    expect(bits.next()).toBe(8_192);
    for (let i = 8_193; i < 20_000; i++) expect(bits.set(i)).toBe(true);
    // Past the end: wraps to the start of the band, in the first page.
    expect(bits.next()).toBe(0);
    expect(bits.used).toBe(20_000 - 8_190 + 1);
  });

  it('skips full words and full pages and finds the one free slot', () => {
    const bits = new AllocationBitmap(3 * 8_192, 0, fixed(0));
    for (let i = 0; i < 3 * 8_192; i++) bits.set(i);
    expect(bits.next()).toBeUndefined();
    expect(bits.clear(2 * 8_192 + 77)).toBe(true);
    expect(bits.clear(2 * 8_192 + 77)).toBe(false);
    expect(bits.free).toBe(1);
    expect(bits.next()).toBe(2 * 8_192 + 77);
    expect(bits.free).toBe(0);
  });

  it('copyFrom gives an independent copy of every page', () => {
    const a = new AllocationBitmap(20_000, 0, fixed(0));
    a.set(5);
    a.set(9_000);
    const b = new AllocationBitmap(20_000, 0, fixed(0));
    b.copyFrom(a);
    expect([b.has(5), b.has(9_000), b.used]).toEqual([true, true, 2]);
    b.set(9_001);
    b.clear(5);
    expect([a.has(5), a.has(9_001), a.used]).toEqual([true, false, 2]);
  });

  it('shares pages after copyFrom until either side writes, in both directions and across copies of copies', () => {
    const a = new AllocationBitmap(20_000, 0, fixed(0));
    a.set(1);
    const b = new AllocationBitmap(20_000, 0, fixed(0));
    b.copyFrom(a);
    // The original writes after the copy: the copy does not see it.
    a.set(2);
    a.clear(1);
    expect([b.has(1), b.has(2), b.used]).toEqual([true, false, 1]);
    const c = new AllocationBitmap(20_000, 0, fixed(0));
    c.copyFrom(b);
    b.set(3);
    c.set(4);
    expect([a.has(3), a.has(4), b.has(4), c.has(3)]).toEqual([false, false, false, false]);
    expect([a.used, b.used, c.used]).toEqual([1, 2, 2]);
    // A page first allocated after the copy belongs to its writer alone.
    a.set(9_000);
    expect(b.has(9_000) || c.has(9_000)).toBe(false);
  });
});
