/**
 * Small helpers over string records (labels, annotations). Internal.
 * @packageDocumentation
 */

/** True when both records hold the same keys with the same values (absent = empty). */
export function sameRecord(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => a?.[k] === b?.[k]);
}

/** A copy of `record` without `keys`. */
export function withoutKeys(
  record: Readonly<Record<string, string>> | undefined,
  ...keys: readonly string[]
): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([k]) => !keys.includes(k)));
}
