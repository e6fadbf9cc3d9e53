/**
 * The canonical order and string form of requirements (§1.1 rule 9).
 * @packageDocumentation
 */
import type { Requirement, SelectorOperator } from './types.js';

// Upstream sorts by key only (pkg/labels/selector.go `ByKey`); ties are broken here by operator
// then values so that the order, and so the string form, never depends on input order.
const OPERATOR_RANK: Readonly<Record<SelectorOperator, number>> = {
  Exists: 0,
  DoesNotExist: 1,
  Equals: 2,
  DoubleEquals: 3,
  NotEquals: 4,
  In: 5,
  NotIn: 6,
  GreaterThan: 7,
  LessThan: 8,
};

// Code-unit order, like Go's byte-wise string order for the ASCII keys and values selectors allow.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders requirements by key, then operator, then values (element-wise, shorter first). */
export function compareRequirements(a: Requirement, b: Requirement): number {
  const byKey = compareText(a.key, b.key);
  if (byKey !== 0) return byKey;
  const byOperator = OPERATOR_RANK[a.operator] - OPERATOR_RANK[b.operator];
  if (byOperator !== 0) return byOperator;
  const n = Math.min(a.values.length, b.values.length);
  for (let i = 0; i < n; i++) {
    const byValue = compareText(a.values[i] ?? '', b.values[i] ?? '');
    if (byValue !== 0) return byValue;
  }
  return a.values.length - b.values.length;
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
