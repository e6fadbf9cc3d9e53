/**
 * Base-10 int64 parsing with Go's `strconv.ParseInt(s, 10, 64)` rules, for the Gt/Lt operators.
 * @packageDocumentation
 */

// ParseInt with base 10 accepts one optional sign then at least one digit; underscores are only
// allowed when the base is 0, so they are refused here.
const INTEGER = /^[+-]?[0-9]+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
// A sign plus 15 digits stays below 2^53, so such text converts to a Number exactly.
const SAFE_TEXT_LENGTH = 15;

/**
 * Parses `text` as a base-10 signed 64-bit integer, or returns `undefined` when Go's
 * `strconv.ParseInt(text, 10, 64)` would fail (not an integer, or out of range).
 *
 * @example parseInt64('42') // 42n; parseInt64('4_2') // undefined
 */
export function parseInt64(text: string): bigint | undefined {
  if (!INTEGER.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/**
 * Compares a label value with a Gt/Lt bound without allocating for ordinary values:
 * returns -1, 0 or 1, or `undefined` when the label value is not an int64 (the requirement then
 * does not match, as upstream's `Requirement.Matches` logs and returns false).
 */
export function compareInt64Text(
  text: string,
  bound: bigint,
  boundAsNumber: number,
): -1 | 0 | 1 | undefined {
  if (!INTEGER.test(text)) return undefined;
  if (text.length <= SAFE_TEXT_LENGTH) {
    // Exact for the label value; a bound beyond 2^53 still rounds to a double whose magnitude
    // exceeds every 15-character integer, so the order is preserved.
    const value = Number(text);
    return value < boundAsNumber ? -1 : value > boundAsNumber ? 1 : 0;
  }
  const value = parseInt64(text);
  if (value === undefined) return undefined;
  return value < bound ? -1 : value > bound ? 1 : 0;
}
