/**
 * Exact parsing of Kubernetes resource quantities (`resource.Quantity`), in integer arithmetic.
 * Mirrors apimachinery `pkg/api/resource/quantity.go` (`ParseQuantity`, `parseQuantityString`).
 * @packageDocumentation
 */
import {
  QUANTITY_FORMAT_MESSAGE,
  QUANTITY_SUFFIX_MESSAGE,
  QuantityError,
} from './quantityError.js';
import { Quantity } from './quantity.js';
import type { QuantityFormat } from './quantity.js';

const decimalSuffixes: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

const binarySuffixes: Readonly<Record<string, number>> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

// The scanner of parseQuantityString: sign, digits, optional fraction, suffix letters, an
// optional exponent sign and digits. Anything left over is the regular-expression error.
const shape = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/;

const NANOS_PER_UNIT = 1_000_000_000n;
/** int64's largest value (2^63 - 1) in nano-units: upstream's `maxAllowed` for binary quantities. */
const MAX_BINARY_NANOS = (2n ** 63n - 1n) * NANOS_PER_UNIT;

/** How many powers of ten, powers of two and which format a suffix stands for. */
interface SuffixMeaning {
  readonly exp10: number;
  readonly exp2: number;
  readonly format: QuantityFormat;
}

function interpretSuffix(suffix: string): SuffixMeaning | undefined {
  const dec = decimalSuffixes[suffix];
  if (dec !== undefined) return { exp10: dec, exp2: 0, format: 'DecimalSI' };
  const bin = binarySuffixes[suffix];
  if (bin !== undefined) return { exp10: 0, exp2: bin, format: 'BinarySI' };
  // `1e3`, `1E-3`: an exponent, as upstream's suffixer accepts for any e/E followed by an integer.
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const rest = suffix.slice(1);
    if (/^[-+]?[0-9]+$/.test(rest)) {
      const exp = Number(rest);
      // Beyond this the value is 0 after rounding to nanos, or too large to hold: refuse.
      if (Math.abs(exp) > 1000) return undefined;
      return { exp10: exp, exp2: 0, format: 'DecimalExponent' };
    }
  }
  return undefined;
}

function numberToText(q: number): string {
  if (!Number.isFinite(q)) throw new QuantityError(String(q), QUANTITY_FORMAT_MESSAGE);
  return String(q);
}

/**
 * Parses a Kubernetes resource quantity exactly: decimal SI suffixes (`n u m k M G T P E`),
 * binary suffixes (`Ki Mi Gi Ti Pi Ei`), exponents (`1e3`, `1.5e-3`), signs and fractions
 * (`1.5`, `.5`). Like upstream, precision below one nano-unit is rounded up (away from zero), so
 * `1e-10` is `1n`; a binary-suffix magnitude above 2^63 - 1 is capped there (`9Ei`), while decimal
 * ones stay exact (`10E`); a binary quantity below one unit takes the `DecimalSI` format. Numbers
 * are read through their decimal text.
 *
 * @throws {@link QuantityError} (code `InvalidQuantity`) for text that is not a quantity.
 * @example
 * ```ts
 * parseQuantity('250m').cpuMillis(); // 250
 * parseQuantity('128Mi').bytes();    // 134217728
 * ```
 */
export function parseQuantity(q: string | number): Quantity {
  const text = typeof q === 'number' ? numberToText(q) : q;
  const m = shape.exec(text);
  // The documented expression needs at least one of `[0-9.]` before the suffix.
  if (m === null || (m[2] === '' && m[3] === undefined)) {
    throw new QuantityError(text, QUANTITY_FORMAT_MESSAGE);
  }
  const sign = m[1] === '-' ? -1n : 1n;
  const whole = m[2] ?? '';
  const fraction = m[3] ?? '';
  const meaning = interpretSuffix(m[4] ?? '');
  if (meaning === undefined) throw new QuantityError(text, QUANTITY_SUFFIX_MESSAGE);
  // value = digits × 10^(exp10 − fraction length) × 2^exp2, as an exact rational num/den.
  const digits = BigInt(`${whole}${fraction}` === '' ? '0' : `${whole}${fraction}`);
  const exp10 = meaning.exp10 - fraction.length + 9; // + 9: we count nano-units
  let num = digits * 2n ** BigInt(meaning.exp2);
  let den = 1n;
  if (exp10 >= 0) num *= 10n ** BigInt(exp10);
  else den = 10n ** BigInt(-exp10);
  // Round up to whole nanos (sign applied after, so the rounding is away from zero).
  let nanos = (num + den - 1n) / den;
  let format = meaning.format;
  // Upstream's slow path caps only binary-suffix magnitudes at int64's largest value (`9Ei` is
  // 2^63 - 1); decimal and exponent forms stay exact (`10E`). A binary quantity that rounds to
  // less than one unit switches to DecimalSI (`0.000000000001Ki` is `2n`). quantity.go
  // `ParseQuantity`, rows `9Ei`, `12E` and `0.000000000001Ki` of quantity_test.go `TestQuantityParse`.
  if (format === 'BinarySI') {
    if (nanos > MAX_BINARY_NANOS) nanos = MAX_BINARY_NANOS;
    if (nanos > 0n && nanos < NANOS_PER_UNIT) format = 'DecimalSI';
  }
  return new Quantity(sign * nanos, format);
}

/**
 * Millicores of a CPU quantity, rounded up (`0.1m` → 1), like upstream's `MilliValue`.
 * @throws {@link QuantityError} for text that is not a quantity or a result above 2^53.
 * @example `cpuMillis('1.5') === 1500`
 */
export function cpuMillis(q: string | number): number {
  return parseQuantity(q).cpuMillis();
}

/**
 * The value of a quantity rounded up to an integer (bytes for memory), like upstream's `Value`.
 * @throws {@link QuantityError} for text that is not a quantity or a value above 2^53.
 * @example `bytes('1Ki') === 1024`
 */
export function bytes(q: string | number): number {
  return parseQuantity(q).bytes();
}
