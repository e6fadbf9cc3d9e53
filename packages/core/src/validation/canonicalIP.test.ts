import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalIP } from './canonicalIP.js';
import { isIP } from './network.js';

describe('canonicalIP', () => {
  it('prints IPv6 as Go net.IP.String does (RFC 5952)', () => {
    const rows: readonly (readonly [string, string])[] = [
      ['1234::5678:0000:0000:9abc:def0', '1234::5678:0:0:9abc:def0'],
      ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
      ['0:0:0:0:0:0:0:1', '::1'],
      ['0:0:0:0:0:0:0:0', '::'],
      ['fe80:0:0:0:0:0:0:0', 'fe80::'],
      ['1:0:0:0:1:0:0:0', '1::1:0:0:0'], // the first of two longest runs
      ['1:0:0:1:0:0:0:1', '1:0:0:1::1'], // the longer run wins
      ['1:0:1:1:1:1:1:1', '1:0:1:1:1:1:1:1'], // one zero group is never `::`
      ['fd00::0a', 'fd00::a'],
      ['::ffff:10.0.0.1', '10.0.0.1'], // IPv4-mapped prints as IPv4
      ['::10.0.0.1', '::a00:1'],
      ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ];
    for (const [input, canonical] of rows) expect(canonicalIP(input), input).toBe(canonical);
  });

  it('leaves IPv4 and text that is not an address alone', () => {
    expect(canonicalIP('10.0.0.1')).toBe('10.0.0.1');
    for (const bad of [
      '',
      'x',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '::1.2.3',
      '300.0.0.1',
      'fd00::g',
    ]) {
      expect(canonicalIP(bad), bad).toBe(bad);
    }
  });

  it('is idempotent and keeps valid addresses valid', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(group, fc.constant(0)), { minLength: 8, maxLength: 8 }),
        (gs) => {
          const long = gs.map((g) => g.toString(16).padStart(4, '0')).join(':');
          const once = canonicalIP(long);
          expect(isIP(once)).toBe(true);
          expect(canonicalIP(once)).toBe(once);
          expect(canonicalIP(once.toUpperCase())).toBe(once);
        },
      ),
    );
  });
});
