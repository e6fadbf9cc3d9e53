/**
 * Conversion of a structured `metav1.LabelSelector` to a {@link Selector}
 * (k8s.io/apimachinery pkg/apis/meta/v1/helpers.go `LabelSelectorAsSelector`).
 * @packageDocumentation
 */
import { SelectorParseError } from '../errors.js';
import type { LabelSelector } from '../objects/meta.js';
import { newRequirement } from './newRequirement.js';
import { everythingSelector, nothingSelector, selectorOf } from './requirementSelector.js';
import type { Requirement, Selector, SelectorOperator } from './types.js';

// Exactly these four, case-sensitive; Gt/Lt exist only in the string syntax (§1.3 rule 15).
const STRUCTURED_OPERATORS: Readonly<Record<string, SelectorOperator>> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
};

// Stored objects are frozen immutable values (DESIGN.md rule 1), so a conversion can be reused
// for as long as the selector object lives. Unfrozen input is converted afresh every time, since
// a caller may still change it.
const cache = new WeakMap<LabelSelector, Selector>();

function isFrozenSelector(ls: LabelSelector): boolean {
  if (!Object.isFrozen(ls)) return false;
  if (ls.matchLabels !== undefined && !Object.isFrozen(ls.matchLabels)) return false;
  const expressions = ls.matchExpressions;
  if (expressions === undefined) return true;
  if (!Object.isFrozen(expressions)) return false;
  return expressions.every(
    (e) => Object.isFrozen(e) && (e.values === undefined || Object.isFrozen(e.values)),
  );
}

/**
 * Converts a structured selector. `null`/`undefined` → the selector that matches nothing
 * (`matchesNothing`, string `<none>`); `{}` (no labels, no expressions) → the selector that
 * matches everything. `matchLabels` entries become `=` requirements; all entries are ANDed.
 * Throws {@link SelectorParseError} for an unknown operator (`"Foo" is not a valid label selector
 * operator`) or an invalid key, value or value count. Conversions of deeply frozen selectors (as
 * stored objects are) are cached per object.
 *
 * @example
 * labelSelectorToSelector({ matchLabels: { app: 'web' },
 *   matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }).toString()
 * // 'app=web,tier notin (db)'
 */
export function labelSelectorToSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls === null || ls === undefined) return nothingSelector;
  const cached = cache.get(ls);
  if (cached !== undefined) return cached;
  const selector = convert(ls);
  if (isFrozenSelector(ls)) cache.set(ls, selector);
  return selector;
}

function convert(ls: LabelSelector): Selector {
  const labels = ls.matchLabels ?? {};
  const expressions = ls.matchExpressions ?? [];
  const labelKeys = Object.keys(labels);
  if (labelKeys.length + expressions.length === 0) return everythingSelector;
  const source = (): string => JSON.stringify(ls);
  const requirements: Requirement[] = [];
  for (const key of labelKeys) {
    requirements.push(newRequirement(key, 'Equals', [labels[key] ?? ''], source));
  }
  for (const expr of expressions) {
    const operator = Object.hasOwn(STRUCTURED_OPERATORS, expr.operator)
      ? STRUCTURED_OPERATORS[expr.operator]
      : undefined;
    if (operator === undefined) {
      throw new SelectorParseError(
        source(),
        `${JSON.stringify(expr.operator)} is not a valid label selector operator`,
      );
    }
    requirements.push(newRequirement(expr.key, operator, expr.values ?? [], source));
  }
  return selectorOf(requirements);
}
