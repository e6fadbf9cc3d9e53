import { describe, expect, it } from 'vitest';
import { RunningHash } from './runningHash.js';

describe('RunningHash', () => {
  it('is FNV-1a 32 in its first lane (Go hash/fnv New32a test vectors)', () => {
    // Go's hash/fnv tests: "" -> 0x811c9dc5, "a" -> 0xe40c292c, "ab" -> 0x4d2505ca.
    expect(new RunningHash().hex().slice(0, 8)).toBe('811c9dc5');
    expect(new RunningHash().mix('a').hex().slice(0, 8)).toBe('e40c292c');
    expect(new RunningHash().mix('ab').hex().slice(0, 8)).toBe('4d2505ca');
  });

  it('does not depend on how the text is split, nor on a skipped prefix', () => {
    const whole = new RunningHash().mix('{"seq":3,"t":1}').hex();
    expect(new RunningHash().mix('{"seq":3,').mix('{"t":1}', 1).hex()).toBe(whole);
    expect(new RunningHash().mix('{"seq":3,"t":2}').hex()).not.toBe(whole);
  });

  it('copies are independent', () => {
    const a = new RunningHash().mix('x');
    const b = a.copy();
    b.mix('y');
    expect(a.hex()).toBe(new RunningHash().mix('x').hex());
    expect(b.hex()).toBe(new RunningHash().mix('xy').hex());
  });
});
