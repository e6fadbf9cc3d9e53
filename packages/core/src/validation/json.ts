/**
 * Typed readers over untrusted JSON: each returns the field when it has the expected JSON type and
 * otherwise records a type issue. Absent and `null` fields read as `undefined` and are not issues
 * (what admission defaults may be missing). Own properties only, so `__proto__` is just a key.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { key, typeInvalid } from './fieldIssues.js';

/** A JSON object (not an array, not null). */
export type JsonObject = Readonly<Record<string, unknown>>;

/** True when `v` is a JSON object. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The own property `k` of `o`, or undefined (never an inherited one). */
export function get(o: JsonObject | undefined, k: string): unknown {
  if (o === undefined || !Object.prototype.hasOwnProperty.call(o, k)) return undefined;
  return o[k];
}

/** True for an absent or `null` field. */
export function absent(v: unknown): v is undefined | null {
  return v === undefined || v === null;
}

// A short rendering of a wrong-typed value: primitives as they are, containers by their type.
function shown(v: unknown): unknown {
  if (Array.isArray(v)) return 'array';
  return isObject(v) ? 'object' : v;
}

/** Reads an optional string. */
export function str(v: unknown, path: string, issues: FieldIssue[]): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  issues.push(typeInvalid(path, shown(v), 'a string'));
  return undefined;
}

/** Reads an optional integer (a JSON number without a fraction). */
export function int(v: unknown, path: string, issues: FieldIssue[]): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  issues.push(typeInvalid(path, shown(v), 'an integer'));
  return undefined;
}

/** Reads an optional boolean. */
export function bool(v: unknown, path: string, issues: FieldIssue[]): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  issues.push(typeInvalid(path, shown(v), 'a boolean'));
  return undefined;
}

/** Reads an optional object. */
export function obj(v: unknown, path: string, issues: FieldIssue[]): JsonObject | undefined {
  if (v === undefined || v === null) return undefined;
  if (isObject(v)) return v;
  issues.push(typeInvalid(path, shown(v), 'an object'));
  return undefined;
}

/** Reads an optional list. */
export function list(
  v: unknown,
  path: string,
  issues: FieldIssue[],
): readonly unknown[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v as readonly unknown[];
  issues.push(typeInvalid(path, shown(v), 'a list'));
  return undefined;
}

/** Reads an optional integer-or-string (`intstr.IntOrString`). */
export function intOrString(
  v: unknown,
  path: string,
  issues: FieldIssue[],
): number | string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v))) return v;
  issues.push(typeInvalid(path, shown(v), 'an integer or a string'));
  return undefined;
}

/** Reads an optional string-to-string map (labels, selectors); entries of other types are issues. */
export function stringMap(
  v: unknown,
  path: string,
  issues: FieldIssue[],
): [string, string][] | undefined {
  const o = obj(v, path, issues);
  if (o === undefined) return undefined;
  const out: [string, string][] = [];
  for (const [k, val] of Object.entries(o)) {
    if (typeof val === 'string') out.push([k, val]);
    else issues.push(typeInvalid(key(path, k), shown(val), 'a string'));
  }
  return out;
}
