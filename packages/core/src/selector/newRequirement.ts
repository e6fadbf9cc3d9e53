/**
 * Builds a checked {@link Requirement}, mirroring upstream's `labels.NewRequirement`
 * (k8s.io/apimachinery pkg/labels/selector.go).
 * @packageDocumentation
 */
import { SelectorParseError } from '../errors.js';
import { isLabelValue, isQualifiedName } from '../validation/names.js';
import { aggregateText, invalidText } from './fieldErrors.js';
import { parseInt64 } from './int64.js';
import type { Requirement, SelectorOperator } from './types.js';

/**
 * The problems with a label key, or `undefined` when it is valid: one invalid-value error whose
 * detail joins the validator's messages with `; ` (upstream `validateLabelKey`).
 */
export function labelKeyError(key: string, path: string): string | undefined {
  const problems = isQualifiedName(key);
  return problems.length === 0 ? undefined : invalidText(path, key, problems.join('; '));
}

/** Sorted, de-duplicated copy of `values` (upstream keeps value lists as string sets). */
export function canonicalValues(values: readonly string[]): readonly string[] {
  return Object.freeze([...new Set(values)].sort());
}

function operatorErrors(operator: SelectorOperator, values: readonly string[]): string[] {
  switch (operator) {
    case 'In':
    case 'NotIn':
      return values.length === 0
        ? [invalidText('values', values, "for 'in', 'notin' operators, values set can't be empty")]
        : [];
    case 'Equals':
    case 'DoubleEquals':
    case 'NotEquals':
      return values.length === 1
        ? []
        : [invalidText('values', values, 'exact-match compatibility requires one single value')];
    case 'Exists':
    case 'DoesNotExist':
      return values.length === 0
        ? []
        : [invalidText('values', values, 'values set must be empty for exists and does not exist')];
    case 'GreaterThan':
    case 'LessThan': {
      const errors: string[] = [];
      if (values.length !== 1) {
        errors.push(
          invalidText('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"),
        );
      }
      values.forEach((value, i) => {
        if (parseInt64(value) === undefined) {
          errors.push(
            invalidText(
              `values[${i}]`,
              value,
              "for 'Gt', 'Lt' operators, the value must be an integer",
            ),
          );
        }
      });
      return errors;
    }
  }
}

/**
 * Checks and builds one requirement. Throws {@link SelectorParseError} carrying upstream's
 * aggregated field errors (key, then operator arity, then each value as a label value at
 * `values[i][key]`); `source` is the selector text reported in the error, or a function giving
 * it, called only when the requirement is refused.
 *
 * @example newRequirement('app', 'In', ['b', 'a', 'a'], 'app in (b,a)') // values ['a', 'b']
 */
export function newRequirement(
  key: string,
  operator: SelectorOperator,
  values: readonly string[],
  source: string | (() => string),
): Requirement {
  const errors: string[] = [];
  const keyError = labelKeyError(key, 'key');
  if (keyError !== undefined) errors.push(keyError);
  errors.push(...operatorErrors(operator, values));
  values.forEach((value, i) => {
    const problems = isLabelValue(value);
    if (problems.length > 0) {
      errors.push(invalidText(`values[${i}][${key}]`, value, problems.join('; ')));
    }
  });
  if (errors.length > 0) {
    const text = typeof source === 'string' ? source : source();
    throw new SelectorParseError(text, aggregateText(errors));
  }
  return Object.freeze({ key, operator, values: canonicalValues(values) });
}
