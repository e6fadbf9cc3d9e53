/**
 * Field validation of a structured label selector, in upstream's words
 * (k8s.io/apimachinery pkg/apis/meta/v1/validation/validation.go `ValidateLabelSelector`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import {
  child,
  forbidden,
  index,
  invalid,
  required,
  typeInvalid,
} from '../validation/fieldIssues.js';
import { isLabelValue, isQualifiedName } from '../validation/names.js';

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateLabelKey(key: string, path: string): FieldIssue[] {
  return isQualifiedName(key).map((msg) => invalid(path, key, msg));
}

// Upstream `ValidateLabels`: every problem is reported at the map's path itself, not per key.
// Go walks the map in random order; keys are sorted here so the issue list is stable.
function validateMatchLabels(labels: unknown, path: string): FieldIssue[] {
  if (labels === undefined || labels === null) return [];
  if (!isRecord(labels)) return [typeInvalid(path, labels, 'an object')];
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(labels).sort()) {
    issues.push(...validateLabelKey(key, path));
    const value = labels[key];
    if (typeof value !== 'string') {
      issues.push(typeInvalid(path, value, 'a string'));
      continue;
    }
    for (const msg of isLabelValue(value)) issues.push(invalid(path, value, msg));
  }
  return issues;
}

function validateRequirement(expr: unknown, path: string): FieldIssue[] {
  if (!isRecord(expr)) return [typeInvalid(path, expr, 'an object')];
  const issues: FieldIssue[] = [];
  const valuesPath = child(path, 'values');
  const rawValues = expr['values'] ?? [];
  const values: readonly unknown[] = Array.isArray(rawValues) ? rawValues : [];
  if (!Array.isArray(rawValues)) issues.push(typeInvalid(valuesPath, rawValues, 'an array'));
  // A missing operator or key is Go's zero value "", validated like any other string.
  const operator = expr['operator'] ?? '';
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        issues.push(required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        issues.push(
          forbidden(
            valuesPath,
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
      break;
    default:
      issues.push(invalid(child(path, 'operator'), operator, 'not a valid selector operator'));
  }
  const key = expr['key'] ?? '';
  if (typeof key === 'string') issues.push(...validateLabelKey(key, child(path, 'key')));
  else issues.push(typeInvalid(child(path, 'key'), key, 'a string'));
  values.forEach((value, i) => {
    const valuePath = index(valuesPath, i);
    if (typeof value !== 'string') {
      issues.push(typeInvalid(valuePath, value, 'a string'));
      return;
    }
    for (const msg of isLabelValue(value)) issues.push(invalid(valuePath, value, msg));
  });
  return issues;
}

/**
 * Validates a `metav1.LabelSelector` as the API server does, returning the field issues (empty
 * when valid). `path` is the selector's own field path, e.g. `spec.selector`. `null`/`undefined`
 * is valid (whether a selector is required is the caller's rule); `{}` is valid here too.
 *
 * Checks: `matchLabels` keys as qualified names and values as label values (issues at
 * `<path>.matchLabels`); each `matchExpressions[i]`: `In`/`NotIn` need a value
 * (`Required value: must be specified when \`operator\` is 'In' or 'NotIn'`), `Exists`/
 * `DoesNotExist` take none (`Forbidden: may not be specified when …`), any other operator is
 * `Invalid value: "Foo": not a valid selector operator`; the key at `.key`, values at `.values[j]`.
 *
 * @example
 * validateLabelSelector({ matchExpressions: [{ key: 'app', operator: 'In' }] }, 'spec.selector')
 * // [{ path: 'spec.selector.matchExpressions[0].values', type: 'FieldValueRequired',
 * //    message: "Required value: must be specified when `operator` is 'In' or 'NotIn'" }]
 */
export function validateLabelSelector(ls: unknown, path: string): FieldIssue[] {
  if (ls === undefined || ls === null) return [];
  if (!isRecord(ls)) return [typeInvalid(path, ls, 'an object')];
  const issues = validateMatchLabels(ls['matchLabels'], child(path, 'matchLabels'));
  const expressions = ls['matchExpressions'];
  if (expressions === undefined || expressions === null) return issues;
  const expressionsPath = child(path, 'matchExpressions');
  if (!Array.isArray(expressions)) {
    issues.push(typeInvalid(expressionsPath, expressions, 'an array'));
    return issues;
  }
  expressions.forEach((expr: unknown, i) => {
    issues.push(...validateRequirement(expr, index(expressionsPath, i)));
  });
  return issues;
}
