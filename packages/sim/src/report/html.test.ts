import { describe, expect, it } from 'vitest';
import { clock, count, esc, px, shortDuration } from './html.js';

describe('report text helpers', () => {
  it('escapes the five HTML-special characters', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('prints virtual time as mm:ss.mmm, minutes past 59 included', () => {
    expect(clock(0)).toBe('00:00.000');
    expect(clock(85_250)).toBe('01:25.250');
    expect(clock(4_502_001)).toBe('75:02.001');
  });

  it('groups thousands without a locale and rounds pixels to a tenth', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(count(999)).toBe('999');
    expect(px(12.345)).toBe('12.3');
    expect(px(-0.01)).toBe('0');
    expect(shortDuration(150_000)).toBe('2m30s');
    expect(shortDuration(3_900_000)).toBe('1h5m');
  });
});
