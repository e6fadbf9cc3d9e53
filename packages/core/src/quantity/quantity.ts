/**
 * The parsed form of a resource quantity. Values are held exactly as a count of nano-units in a
 * BigInt, which is upstream's finest precision (`resource.Nano`).
 * @packageDocumentation
 */
import { QuantityError } from './quantityError.js';

/** How a quantity was written, which decides how {@link Quantity.toString} renders it (as upstream's `Format`). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const NANO = 1_000_000_000n;
const MAX_SAFE = 2n ** 53n;
const decimalSuffixByExp: Readonly<Record<number, string>> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const binarySuffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

/** Divides rounding away from zero (upstream rounds quantities "up" in magnitude). */
function divUp(n: bigint, d: bigint): bigint {
  if (n >= 0n) return (n + d - 1n) / d;
  return -((-n + d - 1n) / d);
}

function toSafeNumber(v: bigint, what: string, text: string): number {
  if (v > MAX_SAFE || v < -MAX_SAFE) {
    throw new QuantityError(
      text,
      `${what} ${v.toString()} is above 2^53 and cannot be represented exactly as a number`,
    );
  }
  return Number(v);
}

/**
 * A Kubernetes resource quantity, parsed exactly by {@link parseQuantity}.
 *
 * @example
 * ```ts
 * const q = parseQuantity('1.5Gi');
 * q.bytes();       // 1610612736
 * q.toString();    // '1536Mi'
 * q.compare(parseQuantity('2G')); // -1
 * ```
 */
export class Quantity {
  /** The value in nano-units (value × 10^9), exact. */
  readonly nanos: bigint;
  /** The notation it was written in. */
  readonly format: QuantityFormat;

  /** Builds a quantity from a count of nano-units; prefer {@link parseQuantity}. */
  constructor(nanos: bigint, format: QuantityFormat = 'DecimalSI') {
    this.nanos = nanos;
    this.format = format;
  }

  /** Millicores (value × 1000) rounded up, like upstream's `MilliValue`: `0.1m` → 1. */
  cpuMillis(): number {
    return toSafeNumber(divUp(this.nanos, 1_000_000n), 'millivalue', this.toString());
  }

  /**
   * The value rounded up to an integer, like upstream's `Value` (bytes for memory).
   * @throws {@link QuantityError} when the value is above 2^53 (not exactly representable).
   */
  bytes(): number {
    return toSafeNumber(divUp(this.nanos, NANO), 'value', this.toString());
  }

  /** −1, 0 or 1 as this quantity is less than, equal to or greater than `other`. */
  compare(other: Quantity): -1 | 0 | 1 {
    if (this.nanos < other.nanos) return -1;
    return this.nanos > other.nanos ? 1 : 0;
  }

  /** True when both quantities have the same value (`1Ki` equals `1024`). */
  equals(other: Quantity): boolean {
    return this.nanos === other.nanos;
  }

  /**
   * Canonical text, as upstream's `String()`: the largest suffix that keeps an integer mantissa
   * (`1000` → `1k`, `1.5` → `1500m`, `1.5Gi` → `1536Mi`); binary quantities that are not whole
   * multiples of 1024 fall back to decimal notation.
   */
  toString(): string {
    if (this.nanos === 0n) return '0';
    if (this.format === 'BinarySI' && this.nanos % NANO === 0n) {
      const value = this.nanos / NANO;
      const abs = value < 0n ? -value : value;
      if (abs >= 1024n) {
        let mantissa = value;
        let i = 0;
        while (i < binarySuffixes.length - 1 && mantissa % 1024n === 0n) {
          mantissa /= 1024n;
          i += 1;
        }
        return `${mantissa.toString()}${binarySuffixes[i] ?? ''}`;
      }
    }
    // Largest exponent that is a multiple of 3 and leaves an integer mantissa.
    let mantissa = this.nanos;
    let exp = -9;
    while (exp < 18 && mantissa % 1000n === 0n) {
      mantissa /= 1000n;
      exp += 3;
    }
    if (this.format === 'DecimalExponent') {
      return exp === 0 ? mantissa.toString() : `${mantissa.toString()}e${exp}`;
    }
    return `${mantissa.toString()}${decimalSuffixByExp[exp] ?? ''}`;
  }
}
