import { describe, expect, it } from 'vitest';
import { ageOf, humanDuration, rfc1123z } from './humanDuration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration follows apimachinery HumanDuration', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [-1500, '0s'],
    [-2000, '<invalid>'],
    [5 * S, '5s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [3 * M + 2 * S, '3m2s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [5 * H + 3 * M, '5h3m'],
    [8 * H + 59 * M, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [2 * D + 3 * H, '2d3h'],
    [8 * D + 5 * H, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [735 * D, '2y5d'],
    [365 * 9 * D, '9y'],
  ])('%d ms prints %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('ageOf', () => {
  it('is the time since an RFC 3339 timestamp, or <unknown> without one', () => {
    const start = Date.UTC(2025, 0, 1);
    expect(ageOf('2025-01-01T00:00:00Z', start + 65 * S)).toBe('65s');
    expect(ageOf(undefined, start)).toBe('<unknown>');
    expect(ageOf('yesterday', start)).toBe('<unknown>');
  });
});

describe('rfc1123z prints describe times', () => {
  it('formats UTC with the weekday, like Go time.RFC1123Z', () => {
    expect(rfc1123z('2025-01-01T00:00:05Z')).toBe('Wed, 01 Jan 2025 00:00:05 +0000');
    expect(rfc1123z('2024-02-29T23:59:59.500Z')).toBe('Thu, 29 Feb 2024 23:59:59 +0000');
    expect(rfc1123z('2025-01-01T01:00:00+02:00')).toBe('Tue, 31 Dec 2024 23:00:00 +0000');
    expect(rfc1123z(undefined)).toBe('<unknown>');
  });
});
