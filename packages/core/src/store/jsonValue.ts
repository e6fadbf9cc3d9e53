/**
 * The first check of a user's write: the object must be JSON data, as anything that reaches the
 * API server over the wire is. A BigInt, a function, a Map, a cycle or a NaN would otherwise pass
 * validation (which reads only the fields it knows) and fail later, after the write is committed.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';

/**
 * Nesting depth limit, as upstream's JSON decoder has (Go `encoding/json` maxNestingDepth 10000,
 * used by `sigs.k8s.io/json`). Objects nested deeper are refused rather than overflowing the stack.
 */
export const MAX_JSON_DEPTH = 10_000;

const MAX_ISSUES = 10;

function describe(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'bigint') return `${String(v)}n (a BigInt)`;
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  if (v === undefined) return 'undefined';
  const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
  return `a ${proto?.constructor?.name ?? 'non-plain'} object`;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function pathOf(parent: string, k: string | number): string {
  if (typeof k === 'number') return `${parent}[${k}]`;
  return /^[A-Za-z_$][\w$]*$/.test(k) ? (parent === '' ? k : `${parent}.${k}`) : `${parent}[${k}]`;
}

/** Depth and size past which {@link isPlainJson} gives up and leaves the value to the full walk. */
const FAST_DEPTH = 256;
const FAST_NODE_BUDGET = 100_000;

/**
 * True when `v` is certainly JSON data (what {@link jsonValueIssues} would find nothing in): finite
 * numbers, plain objects, dense arrays without `undefined`, no deeper than {@link FAST_DEPTH} and
 * no larger than the budget (a cycle exhausts one or the other). False means "look closer", not
 * "invalid". Builds nothing.
 */
function isPlainJson(v: unknown, depth: number, budget: { nodes: number }): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v);
    case 'object':
      break;
    default:
      return false;
  }
  if (v === null) return true;
  budget.nodes -= 1;
  if (depth >= FAST_DEPTH || budget.nodes < 0) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) return false;
      const item: unknown = v[i];
      if (item === undefined || !isPlainJson(item, depth + 1, budget)) return false;
    }
    return true;
  }
  if (!isPlainObject(v)) return false;
  const rec = v as Record<string, unknown>;
  const keys = Object.keys(rec);
  for (let i = 0; i < keys.length; i++) {
    const field = rec[keys[i] as string];
    if (field !== undefined && !isPlainJson(field, depth + 1, budget)) return false;
  }
  return true;
}

/**
 * The places where `value` is not JSON data (`[]` when it is): numbers must be finite, objects
 * plain, arrays dense and free of `undefined`, and nothing may contain itself or nest deeper than
 * {@link MAX_JSON_DEPTH}. Object fields set to `undefined` are allowed (JSON drops them). Walks
 * iteratively, so a deep value cannot overflow the stack. `path` names `value` in the issues.
 */
export function jsonValueIssues(value: unknown, path = ''): FieldIssue[] {
  // Nearly every write is plain JSON: a check that builds nothing answers that; only a value it
  // cannot vouch for takes the walk below, which names each place.
  const budget = { nodes: FAST_NODE_BUDGET };
  if (isPlainJson(value, 0, budget)) return [];
  const issues: FieldIssue[] = [];
  const onPath = new Set<object>();
  // [value, path, depth, leaving]: a container is pushed again with `leaving` to pop it off the path.
  const stack: [unknown, string, number, boolean][] = [[value, path, 0, false]];
  const bad = (path: string, v: unknown, expected: string): void => {
    issues.push({
      path,
      type: 'FieldValueTypeInvalid',
      message: `Invalid value: ${describe(v)}: must be ${expected}`,
    });
  };
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const [v, at, depth, leaving] = stack.pop() as [unknown, string, number, boolean];
    if (leaving) {
      onPath.delete(v as object);
      continue;
    }
    switch (typeof v) {
      case 'string':
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(v)) bad(at, v, 'a finite number');
        continue;
      case 'object':
        break;
      default:
        bad(at, v, 'JSON data (a string, number, boolean, null, list or object)');
        continue;
    }
    if (v === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      issues.push({
        path: at,
        type: 'FieldValueInvalid',
        message: `Invalid value: "…": nesting is deeper than ${MAX_JSON_DEPTH} levels`,
      });
      break;
    }
    if (onPath.has(v)) {
      issues.push({
        path: at,
        type: 'FieldValueInvalid',
        message: 'Invalid value: "…": the value contains itself (a cycle); JSON data cannot',
      });
      continue;
    }
    if (Array.isArray(v)) {
      onPath.add(v);
      stack.push([v, at, depth, true]);
      for (let i = v.length - 1; i >= 0; i--) {
        if (!(i in v) || v[i] === undefined) bad(pathOf(at, i), undefined, 'JSON data, not a hole');
        else stack.push([v[i], pathOf(at, i), depth + 1, false]);
      }
      continue;
    }
    if (!isPlainObject(v)) {
      bad(at, v, 'a plain object');
      continue;
    }
    onPath.add(v);
    stack.push([v, at, depth, true]);
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      const field = (v as Record<string, unknown>)[k];
      if (field !== undefined) stack.push([field, pathOf(at, k), depth + 1, false]);
    }
  }
  return issues;
}
