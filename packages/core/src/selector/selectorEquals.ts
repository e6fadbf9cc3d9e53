/**
 * Structural equality of selectors.
 * @packageDocumentation
 */
import type { Requirement, Selector } from './types.js';

function sameRequirement(a: Requirement, b: Requirement): boolean {
  if (a.key !== b.key || a.operator !== b.operator) return false;
  if (a.values.length !== b.values.length) return false;
  for (let i = 0; i < a.values.length; i++) if (a.values[i] !== b.values[i]) return false;
  return true;
}

/**
 * True when both selectors have the same requirements in the same (canonical) order and agree on
 * `matchesNothing`. Operators are compared as written, so `x=a` and `x==a` differ even though they
 * match the same labels.
 *
 * @example selectorEquals(parseSelector('b,a=1'), parseSelector('a=1, b')) // true
 */
export function selectorEquals(a: Selector, b: Selector): boolean {
  if (a.matchesNothing !== b.matchesNothing) return false;
  if (a.requirements.length !== b.requirements.length) return false;
  for (let i = 0; i < a.requirements.length; i++) {
    const ra = a.requirements[i];
    const rb = b.requirements[i];
    if (ra === undefined || rb === undefined || !sameRequirement(ra, rb)) return false;
  }
  return true;
}
