/**
 * The canonical order and string form of requirements (§1.1 rule 9).
 * @packageDocumentation
 */
import type { Requirement } from './types.js';

// Code-unit order, like Go's byte-wise string order for the ASCII keys selectors allow.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders requirements by key only, as upstream's `ByKey` does (pkg/labels/selector.go). Used with
 * the stable `Array.prototype.sort`, requirements on one key keep the order they were written in:
 * `z!=a,z` stays `z!=a,z` (selector_test.go `TestToString`). Upstream calls `sort.Sort`, which is
 * not stable in general, but Go sorts 12 or fewer elements by insertion, which moves no equal keys;
 * kubesim keeps the written order at every length.
 */
export function compareRequirements(a: Requirement, b: Requirement): number {
  return compareText(a.key, b.key);
}

/**
 * Renders one requirement as upstream's `Requirement.String` does, with sorted values:
 * `k`, `!k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k>1`, `k<1`.
 */
export function requirementToString(r: Requirement): string {
  const values = r.values.join(',');
  switch (r.operator) {
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    case 'Equals':
      return `${r.key}=${values}`;
    case 'DoubleEquals':
      return `${r.key}==${values}`;
    case 'NotEquals':
      return `${r.key}!=${values}`;
    case 'In':
      return `${r.key} in (${values})`;
    case 'NotIn':
      return `${r.key} notin (${values})`;
    case 'GreaterThan':
      return `${r.key}>${values}`;
    case 'LessThan':
      return `${r.key}<${values}`;
  }
}
