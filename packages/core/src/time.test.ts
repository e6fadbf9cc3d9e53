import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_START_TIME_MS,
  DurationParseError,
  formatDuration,
  formatMicroTimestamp,
  formatTimestamp,
  parseDuration,
  parseTimestamp,
} from './time.js';

describe('parseDuration', () => {
  it.each([
    [0, 0],
    [1500, 1500],
    ['0', 0],
    ['500ms', 500],
    ['30s', 30_000],
    ['1.5s', 1500],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['2h3m4s5ms', 7_384_005],
    ['.5s', 500],
    ['1d', 86_400_000],
    ['30d', 2_592_000_000],
    ['1d12h', 129_600_000],
    ['0.5d', 43_200_000],
  ])('reads %j as %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each(['', '5', '5x', '1w', '1D', 'd', '-5s', 's', '1h 30m'])(
    'refuses %j with a typed error',
    (input) => {
      expect(() => parseDuration(input)).toThrow(DurationParseError);
    },
  );

  it('refuses negative and non-finite numbers', () => {
    expect(() => parseDuration(-1)).toThrow(DurationParseError);
    expect(() => parseDuration(Number.NaN)).toThrow(DurationParseError);
    expect(() => parseDuration(Infinity)).toThrow(DurationParseError);
  });

  it('reads back what formatDuration writes (whole milliseconds)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 24 * 3_600_000 }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [1500, '1.5s'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [5_400_250, '1h30m0.25s'],
  ])('%d ms is %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('RFC 3339 timestamps of virtual time', () => {
  it('formats the default start and instants after it', () => {
    expect(formatTimestamp(DEFAULT_START_TIME_MS)).toBe('2025-01-01T00:00:00Z');
    expect(formatTimestamp(DEFAULT_START_TIME_MS + 61_250)).toBe('2025-01-01T00:01:01.250Z');
    // A leap day and a year boundary.
    expect(formatTimestamp(Date.UTC(2024, 1, 29, 23, 59, 59))).toBe('2024-02-29T23:59:59Z');
    expect(formatTimestamp(Date.UTC(1999, 11, 31, 12, 0, 0))).toBe('1999-12-31T12:00:00Z');
  });

  it('gives the right text for instants that share a memo slot, asked alternately', () => {
    const a = DEFAULT_START_TIME_MS + 1_000;
    const b = a + 256; // same slot of the 256-slot memo
    for (let i = 0; i < 3; i++) {
      expect(formatTimestamp(a)).toBe('2025-01-01T00:00:01Z');
      expect(formatTimestamp(b)).toBe('2025-01-01T00:00:01.256Z');
    }
  });

  it('MicroTime always has six fractional digits', () => {
    expect(formatMicroTimestamp(DEFAULT_START_TIME_MS + 10_000)).toBe(
      '2025-01-01T00:00:10.000000Z',
    );
    expect(formatMicroTimestamp(DEFAULT_START_TIME_MS + 10_007)).toBe(
      '2025-01-01T00:00:10.007000Z',
    );
  });

  it('agrees with the platform clock arithmetic for any instant (tests may use Date)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        // The platform's formatter is the reference here; the library itself never uses Date.
        // eslint-disable-next-line no-restricted-syntax
        const reference = new Date(ms).toISOString().replace('.000Z', 'Z');
        expect(formatTimestamp(ms)).toBe(reference);
      }),
    );
  });

  it('reads back what it writes, and reads offsets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        expect(parseTimestamp(formatTimestamp(ms))).toBe(ms);
        expect(parseTimestamp(formatMicroTimestamp(ms))).toBe(ms);
      }),
    );
    expect(parseTimestamp('2025-01-01T02:00:00+02:00')).toBe(DEFAULT_START_TIME_MS);
    expect(parseTimestamp('2024-12-31T19:00:00-05:00')).toBe(DEFAULT_START_TIME_MS);
    expect(parseTimestamp('yesterday')).toBeUndefined();
    expect(parseTimestamp('2025-01-01 00:00:00')).toBeUndefined();
  });
});
