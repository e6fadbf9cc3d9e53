/**
 * Integer-or-percent fields: maxSurge, maxUnavailable, minAvailable (kubernetes
 * `pkg/apis/apps/validation/validation.go` `ValidatePositiveIntOrPercent`,
 * `IsNotMoreThan100Percent`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { invalid } from './fieldIssues.js';
import { intOrString } from './json.js';
import { isValidPercent } from './names.js';

/**
 * Validates a non-negative integer or a percent string at `path`; with `max100`, a percent may
 * not exceed 100%. Returns the value as written (undefined when absent or of a wrong type).
 */
export function validateIntOrPercent(
  v: unknown,
  path: string,
  max100: boolean,
  issues: FieldIssue[],
): number | string | undefined {
  const x = intOrString(v, path, issues);
  if (x === undefined) return undefined;
  if (typeof x === 'number') {
    if (x < 0) issues.push(invalid(path, x, 'must be greater than or equal to 0'));
    return x;
  }
  const msgs = isValidPercent(x);
  for (const msg of msgs) issues.push(invalid(path, x, msg));
  if (msgs.length === 0 && max100 && Number(x.slice(0, -1)) > 100) {
    issues.push(invalid(path, x, 'must not be greater than 100%'));
  }
  return x;
}

/** The number of an int-or-percent as upstream's `getIntOrPercentValue`: `25%` → 25, `3` → 3. */
export function intOrPercentValue(x: number | string | undefined): number | undefined {
  if (x === undefined) return undefined;
  if (typeof x === 'number') return x;
  return isValidPercent(x).length === 0 ? Number(x.slice(0, -1)) : undefined;
}
