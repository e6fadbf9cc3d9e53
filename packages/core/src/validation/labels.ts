/**
 * Label and annotation validation (apimachinery `pkg/apis/meta/v1/validation` `ValidateLabels`,
 * `pkg/api/validation/objectmeta.go` `ValidateAnnotations`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { invalid, tooLong } from './fieldIssues.js';
import { stringMap } from './json.js';
import { isLabelValue, isQualifiedName } from './names.js';

/** Upstream's `TotalAnnotationSizeLimitB`: keys plus values of all annotations, 256 KiB. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

/**
 * Issues of a label map at `path`, all reported on the map's own path as upstream's
 * `ValidateLabels` does: keys are qualified names, values are label values. Keys are sorted so
 * the order of issues is stable.
 * @example `validateLabels({ 'a b': 'x' }, 'metadata.labels')` → one issue on `metadata.labels`
 */
export function validateLabels(labels: unknown, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const entries = stringMap(labels, path, issues) ?? [];
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, v] of entries) {
    for (const msg of isQualifiedName(k)) issues.push(invalid(path, k, msg));
    for (const msg of isLabelValue(v)) issues.push(invalid(path, v, msg));
  }
  return issues;
}

/**
 * Issues of an annotation map: keys are qualified names (checked lowercased, as upstream) and
 * all keys and values together fit in 256 KiB.
 */
export function validateAnnotations(annotations: unknown, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let total = 0;
  for (const [k, v] of stringMap(annotations, path, issues) ?? []) {
    for (const msg of isQualifiedName(k.toLowerCase())) issues.push(invalid(path, k, msg));
    total += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
    issues.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
  }
  return issues;
}
