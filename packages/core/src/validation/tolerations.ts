/**
 * Tolerations and taints (kubernetes `pkg/apis/core/validation/validation.go`
 * `ValidateTolerations`, `validateNodeTaints`, `validateTaintEffect`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { duplicate, index, invalid, notSupported, required } from './fieldIssues.js';
import { get, int, list, obj, str } from './json.js';
import { isLabelValue, isQualifiedName } from './names.js';

/** Taint effects, as upstream lists them. */
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

function validateEffect(effect: string, path: string, issues: FieldIssue[]): void {
  if (!(TAINT_EFFECTS as readonly string[]).includes(effect)) {
    issues.push(notSupported(path, effect, TAINT_EFFECTS));
  }
}

/** Validates `tolerations` at `path`. */
export function validateTolerations(v: unknown, path: string, issues: FieldIssue[]): void {
  for (const [i, raw] of (list(v, path, issues) ?? []).entries()) {
    const p = index(path, i);
    const t = obj(raw, p, issues);
    if (t === undefined) continue;
    const k = str(get(t, 'key'), `${p}.key`, issues) ?? '';
    const operator = str(get(t, 'operator'), `${p}.operator`, issues) ?? '';
    const value = str(get(t, 'value'), `${p}.value`, issues) ?? '';
    const effect = str(get(t, 'effect'), `${p}.effect`, issues) ?? '';
    const seconds = int(get(t, 'tolerationSeconds'), `${p}.tolerationSeconds`, issues);
    if (k !== '') for (const msg of isQualifiedName(k)) issues.push(invalid(`${p}.key`, k, msg));
    if (k === '' && operator !== 'Exists') {
      issues.push(
        invalid(
          `${p}.operator`,
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (seconds !== undefined && effect !== 'NoExecute') {
      issues.push(
        invalid(
          `${p}.effect`,
          effect,
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isLabelValue(value);
      if (msgs.length > 0) issues.push(invalid(`${p}.operator`, value, msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value !== '') {
        issues.push(
          invalid(
            `${p}.operator`,
            { key: k, operator, value, effect },
            "value must be empty when `operator` is 'Exists'",
          ),
        );
      }
    } else {
      issues.push(notSupported(`${p}.operator`, operator, ['Equal', 'Exists']));
    }
    if (effect !== '') validateEffect(effect, `${p}.effect`, issues);
  }
}

/** Validates a Node's `spec.taints`: qualified keys, label values, a valid effect, unique (key, effect). */
export function validateTaints(v: unknown, path: string, issues: FieldIssue[]): void {
  const seen = new Set<string>();
  for (const [i, raw] of (list(v, path, issues) ?? []).entries()) {
    const p = index(path, i);
    const t = obj(raw, p, issues);
    if (t === undefined) continue;
    const k = str(get(t, 'key'), `${p}.key`, issues) ?? '';
    const value = str(get(t, 'value'), `${p}.value`, issues) ?? '';
    const effect = str(get(t, 'effect'), `${p}.effect`, issues) ?? '';
    for (const msg of isQualifiedName(k)) issues.push(invalid(`${p}.key`, k, msg));
    for (const msg of isLabelValue(value)) issues.push(invalid(`${p}.value`, value, msg));
    if (effect === '') issues.push(required(`${p}.effect`));
    else validateEffect(effect, `${p}.effect`, issues);
    const id = `${k}\u0000${effect}`;
    if (seen.has(id)) {
      issues.push(duplicate(p, { key: k, effect }));
    }
    seen.add(id);
  }
}
