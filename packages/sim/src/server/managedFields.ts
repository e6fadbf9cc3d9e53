/**
 * Field ownership for server-side apply: field sets as upstream encodes them in `managedFields`
 * (FieldsV1: `f:<field>`, `k:<keys json>` for items of keyed lists, `v:<value>` for set items,
 * `.` for an item itself — sigs.k8s.io/structured-merge-diff fieldpath/serialize.go), computed
 * from objects with the list strategies of {@link listStrategy}.
 * @packageDocumentation
 */
import { itemKey, listStrategy } from './mergeKeys.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A set of leaf paths, each a `\n`-joined list of path elements (`f:spec`, `k:{"name":"c"}`, …). */
export type FieldSet = Set<string>;

// Fields no manager owns (the server sets them, or they identify the object).
const IGNORED_TOP = new Set(['apiVersion', 'kind', 'status']);
const IGNORED_META = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

function keyElement(item: unknown, keys: readonly string[]): string {
  const rec = isObj(item) ? item : {};
  const k: Obj = {};
  for (const name of [...keys].sort()) {
    // A missing protocol is TCP, the schema default of every port list keyed by it.
    const v = rec[name] ?? (name === 'protocol' ? 'TCP' : undefined);
    if (v !== undefined) k[name] = v;
  }
  return `k:${JSON.stringify(k)}`;
}

function walk(
  value: unknown,
  names: readonly string[],
  elems: readonly string[],
  out: FieldSet,
): void {
  if (isObj(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && elems.length > 0) {
      out.add(elems.join('\n'));
      return;
    }
    for (const [k, v] of entries) {
      if (v === undefined) continue;
      if (elems.length === 0 && IGNORED_TOP.has(k)) continue;
      if (elems.length === 1 && elems[0] === 'f:metadata' && IGNORED_META.has(k)) continue;
      walk(v, [...names, k], [...elems, `f:${k}`], out);
    }
    return;
  }
  if (Array.isArray(value)) {
    const strategy = listStrategy(names);
    if (strategy.type === 'map') {
      for (const item of value) {
        const e = [...elems, keyElement(item, strategy.keys)];
        out.add([...e, '.'].join('\n'));
        if (isObj(item)) {
          for (const [k, v] of Object.entries(item)) walk(v, [...names, k], [...e, `f:${k}`], out);
        }
      }
      return;
    }
    if (strategy.type === 'set') {
      for (const item of value) out.add([...elems, `v:${JSON.stringify(item)}`].join('\n'));
      return;
    }
  }
  out.add(elems.join('\n'));
}

/** The leaf fields `obj` sets (what a manager owns after writing it). */
export function fieldsOf(obj: unknown): FieldSet {
  const out: FieldSet = new Set();
  walk(obj, [], [], out);
  return out;
}

/** Locates the value at a leaf path; `undefined` when absent. */
export function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const e of path.split('\n')) {
    if (e === '.') return cur;
    if (e.startsWith('f:')) {
      cur = isObj(cur) ? cur[e.slice(2)] : undefined;
    } else if (e.startsWith('k:')) {
      const want = JSON.parse(e.slice(2)) as Obj;
      const keys = Object.keys(want);
      cur = Array.isArray(cur)
        ? cur.find((x) => itemKey(x, keys) === itemKey(want, keys))
        : undefined;
    } else if (e.startsWith('v:')) {
      const want = e.slice(2);
      return Array.isArray(cur) && cur.some((x) => JSON.stringify(x) === want)
        ? JSON.parse(want)
        : undefined;
    }
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Removes the field at a leaf path from `obj` (a mutable plain copy). */
export function removeAt(obj: unknown, path: string): void {
  const elems = path.split('\n');
  let cur: unknown = obj;
  for (let i = 0; i < elems.length; i++) {
    const e = elems[i] ?? '';
    const last = i === elems.length - 1;
    const nextIsDot = elems[i + 1] === '.';
    if (e.startsWith('f:')) {
      if (!isObj(cur)) return;
      if (last) {
        Reflect.deleteProperty(cur, e.slice(2));
        return;
      }
      cur = cur[e.slice(2)];
    } else if (e.startsWith('k:')) {
      if (!Array.isArray(cur)) return;
      const want = JSON.parse(e.slice(2)) as Obj;
      const keys = Object.keys(want);
      const idx = cur.findIndex((x) => itemKey(x, keys) === itemKey(want, keys));
      if (idx < 0) return;
      if (nextIsDot) {
        cur.splice(idx, 1);
        return;
      }
      cur = cur[idx];
    } else if (e.startsWith('v:')) {
      if (!Array.isArray(cur)) return;
      const idx = cur.findIndex((x) => JSON.stringify(x) === e.slice(2));
      if (idx >= 0) cur.splice(idx, 1);
      return;
    } else return;
  }
}

/** FieldsV1 (the nested JSON form) of a field set. */
export function toFieldsV1(set: FieldSet): Obj {
  const root: Obj = {};
  for (const path of [...set].sort()) {
    let cur = root;
    for (const e of path.split('\n')) {
      const next = (cur[e] as Obj | undefined) ?? {};
      cur[e] = next;
      cur = next;
    }
  }
  return root;
}

/** The field set of a FieldsV1 object. */
export function fromFieldsV1(fields: unknown): FieldSet {
  const out: FieldSet = new Set();
  const visit = (node: unknown, prefix: string[]): void => {
    if (!isObj(node)) return;
    const entries = Object.entries(node);
    if (entries.length === 0 && prefix.length > 0) {
      out.add(prefix.join('\n'));
      return;
    }
    for (const [k, v] of entries) visit(v, [...prefix, k]);
  };
  visit(fields, []);
  return out;
}

/** A `.metadata.managedFields` entry. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Obj;
  subresource?: string;
}

/** A field path as a conflict message prints it: `.spec.replicas`, `.spec.containers[name="c"].image`. */
export function printPath(path: string): string {
  let out = '';
  for (const e of path.split('\n')) {
    if (e.startsWith('f:')) out += `.${e.slice(2)}`;
    else if (e.startsWith('k:')) {
      const k = JSON.parse(e.slice(2)) as Obj;
      out += `[${Object.entries(k)
        .map(([n, v]) => `${n}=${JSON.stringify(v)}`)
        .join(',')}]`;
    } else if (e.startsWith('v:')) out += `[=${e.slice(2)}]`;
  }
  return out;
}
