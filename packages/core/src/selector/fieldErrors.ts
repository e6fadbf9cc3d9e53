/**
 * Upstream's error text for selector problems: a field error (`path: Invalid value: …`) and an
 * aggregate of several (`[a, b]`, duplicates dropped), as `k8s.io/apimachinery/pkg/util/errors`
 * prints them.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { invalid } from '../validation/fieldIssues.js';

/**
 * Formats an issue as Go's `field.Error.Error()` does: always `path: body`. A selector parsed
 * without a field path reports `<nil>` there, which is what kubectl users see
 * (`unable to parse requirement: <nil>: Invalid value: "app:x": …`).
 */
export function goFieldError(issue: FieldIssue): string {
  return `${issue.path === '' ? '<nil>' : issue.path}: ${issue.message}`;
}

/** An invalid-value field error rendered as upstream text. */
export function invalidText(path: string, value: unknown, detail: string): string {
  return goFieldError(invalid(path, value, detail));
}

/** Joins errors like upstream's aggregate: one error alone, several in `[…]`, duplicates dropped. */
export function aggregateText(errors: readonly string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? (unique[0] ?? '') : `[${unique.join(', ')}]`;
}
