import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { KubesimError } from '../errors.js';
import {
  QUANTITY_FORMAT_MESSAGE,
  QuantityError,
  bytes,
  cpuMillis,
  parseQuantity,
} from './index.js';

describe('parseQuantity', () => {
  it('reads millicores, whole cores and fractions', () => {
    expect(cpuMillis('250m')).toBe(250);
    expect(cpuMillis('1.5')).toBe(1500);
    expect(cpuMillis('.5')).toBe(500);
    expect(cpuMillis(2)).toBe(2000);
    expect(cpuMillis(0.25)).toBe(250);
    expect(cpuMillis('+1')).toBe(1000);
  });

  it('rounds millicores up like MilliValue', () => {
    expect(cpuMillis('0.1m')).toBe(1);
    expect(cpuMillis('1n')).toBe(1);
    expect(cpuMillis('1000001n')).toBe(2);
    expect(cpuMillis('-0.1m')).toBe(-1);
  });

  it('reads binary suffixes exactly', () => {
    expect(bytes('1Ki')).toBe(1024);
    expect(bytes('128Mi')).toBe(134217728);
    expect(bytes('1.5Gi')).toBe(1610612736);
    expect(bytes('2Ti')).toBe(2 * 1024 ** 4);
  });

  it('reads decimal suffixes and exponents without float drift', () => {
    expect(bytes('1G')).toBe(1e9);
    expect(bytes('1e3')).toBe(1000);
    expect(bytes('1E3')).toBe(1000);
    expect(cpuMillis('1.5e-3')).toBe(2);
    expect(parseQuantity('1.5e-3').nanos).toBe(1_500_000n);
    expect(bytes('0.3k')).toBe(300);
    expect(bytes('1.1M')).toBe(1_100_000);
    expect(parseQuantity('1E').nanos).toBe(10n ** 27n);
  });

  it('rounds values up to an integer', () => {
    expect(bytes('1.5')).toBe(2);
    expect(bytes('100m')).toBe(1);
    expect(bytes('1001m')).toBe(2);
    expect(bytes('0')).toBe(0);
  });

  it('rounds below one nano-unit up, as upstream does', () => {
    expect(parseQuantity('1e-10').nanos).toBe(1n);
    expect(parseQuantity('0.0000000001').toString()).toBe('1n');
  });

  it('refuses values above 2^53 with a clear error', () => {
    expect(() => bytes('8Ei')).toThrow(/above 2\^53/);
    expect(() => cpuMillis('10P')).toThrow(QuantityError);
    expect(bytes(String(2 ** 53))).toBe(2 ** 53);
  });

  it('refuses garbage with the upstream message', () => {
    for (const bad of ['', 'abc', '1.5.5', '1 Gi', 'Gi', '--1', '1Mi1x', '0x10', '1Gb', '1KB']) {
      let caught: unknown;
      try {
        parseQuantity(bad);
      } catch (e) {
        caught = e;
      }
      expect(caught, bad).toBeInstanceOf(QuantityError);
      expect(caught).toBeInstanceOf(KubesimError);
      expect((caught as QuantityError).code).toBe('InvalidQuantity');
      expect((caught as QuantityError).detail).toBe(QUANTITY_FORMAT_MESSAGE);
    }
  });

  it('refuses unknown suffixes', () => {
    for (const bad of ['1e', '1ki', '1i', '1mi', '1Kii', '1ee3']) {
      expect(() => parseQuantity(bad), bad).toThrow("unable to parse quantity's suffix");
    }
  });

  it('refuses non-finite numbers', () => {
    expect(() => parseQuantity(Number.NaN)).toThrow(QuantityError);
    expect(() => parseQuantity(Number.POSITIVE_INFINITY)).toThrow(QuantityError);
  });
});

describe('Quantity', () => {
  it('prints the canonical form', () => {
    expect(parseQuantity('1000').toString()).toBe('1k');
    expect(parseQuantity('1.5').toString()).toBe('1500m');
    expect(parseQuantity('1.5Gi').toString()).toBe('1536Mi');
    expect(parseQuantity('1024Ki').toString()).toBe('1Mi');
    expect(parseQuantity('512').toString()).toBe('512');
    expect(parseQuantity('0.5Ki').toString()).toBe('512');
    expect(parseQuantity('1e3').toString()).toBe('1e3');
    expect(parseQuantity('100m').toString()).toBe('100m');
    expect(parseQuantity('-250m').toString()).toBe('-250m');
    expect(parseQuantity('0Gi').toString()).toBe('0');
  });

  it('compares by value across notations', () => {
    expect(parseQuantity('1Ki').compare(parseQuantity('1024'))).toBe(0);
    expect(parseQuantity('1k').compare(parseQuantity('1Ki'))).toBe(-1);
    expect(parseQuantity('1G').compare(parseQuantity('1Mi'))).toBe(1);
    expect(parseQuantity('500m').equals(parseQuantity('0.5'))).toBe(true);
  });

  it('reads back its own canonical text', () => {
    const suffixes = ['', 'n', 'u', 'm', 'k', 'M', 'G', 'Ki', 'Mi', 'Gi', 'e3', 'e-2'];
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.constantFrom(...suffixes),
        (n, suffix) => {
          const q = parseQuantity(`${n}${suffix}`);
          expect(parseQuantity(q.toString()).compare(q)).toBe(0);
        },
      ),
    );
  });

  it('agrees with integer arithmetic for millicores', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (m) => {
        expect(cpuMillis(`${m}m`)).toBe(m);
        expect(cpuMillis(`${Math.floor(m / 1000)}.${String(m % 1000).padStart(3, '0')}`)).toBe(m);
      }),
    );
  });
});
