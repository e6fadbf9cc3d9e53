/**
 * Unknown fields, as the API server's strict decoding finds them: every field of a manifest that
 * the kind's schema (upstream's OpenAPI, {@link KNOWN_FIELDS}) does not have, by path in document
 * order (`spec.replcas`, `spec.template.spec.containers[0].readinesProbe`).
 * @packageDocumentation
 */
import type { KnownFieldTable } from './deriveKnownFields.js';
import { KNOWN_FIELDS } from './knownFields.generated.js';

import type { FieldValidation } from '../../crd/fieldValidation.js';

/** The values of {@link FieldValidation}. */
export const FIELD_VALIDATION_MODES: readonly FieldValidation[] = ['Strict', 'Warn', 'Ignore'];

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nesting deeper than this is not looked into (the input guards refuse it before). */
const MAX_DEPTH = 512;

/** The schema name of `obj`'s kind in `table`, or undefined for a kind it does not know. */
export function schemaOfObject(
  obj: unknown,
  table: KnownFieldTable = KNOWN_FIELDS,
): string | undefined {
  if (!isMap(obj) || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') {
    return undefined;
  }
  return table.roots[`${obj.apiVersion}/${obj.kind}`];
}

const join = (path: string, field: string): string => (path === '' ? field : `${path}.${field}`);

/**
 * Walks `value` of schema `schema`, calling `onUnknown(path, holder, key)` for each unknown field;
 * returns nothing. `schema` `*` is free-form.
 */
function walk(
  table: KnownFieldTable,
  value: unknown,
  schema: string,
  path: string,
  depth: number,
  onUnknown: (path: string, holder: Record<string, unknown>, key: string) => void,
): void {
  if (schema === '*' || !isMap(value) || depth > MAX_DEPTH) return;
  const fields = table.schemas[schema];
  if (fields === undefined) return;
  for (const key of Object.keys(value)) {
    const child = Object.hasOwn(fields, key) ? fields[key] : undefined;
    const here = join(path, key);
    if (child === undefined) {
      onUnknown(here, value, key);
      continue;
    }
    if (child === '') continue;
    const kind = child[0];
    const target = child.slice(2);
    const v = value[key];
    if (kind === 'o') {
      walk(table, v, target, here, depth + 1, onUnknown);
    } else if (kind === 'a' && Array.isArray(v)) {
      v.forEach((item: unknown, i) => {
        walk(table, item, target, `${here}[${i}]`, depth + 1, onUnknown);
      });
    } else if (kind === 'm' && isMap(v)) {
      for (const k of Object.keys(v))
        walk(table, v[k], target, join(here, k), depth + 1, onUnknown);
    }
  }
}

/**
 * The unknown fields of a manifest by path, in document order; [] for a kind the table does not
 * know (that is reported elsewhere) or a manifest without unknown fields.
 * @example findUnknownFields({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replcas: 3 } })
 * // → ['spec.replcas']
 */
export function findUnknownFields(obj: unknown, table: KnownFieldTable = KNOWN_FIELDS): string[] {
  const schema = schemaOfObject(obj, table);
  if (schema === undefined) return [];
  const out: string[] = [];
  walk(table, obj, schema, '', 0, (path) => out.push(path));
  return out;
}

/**
 * A deep copy of a manifest without its unknown fields (what `Warn` and `Ignore` store), and
 * their paths. The input is not changed.
 */
export function dropUnknownFields<T>(
  obj: T,
  table: KnownFieldTable = KNOWN_FIELDS,
): { object: T; removed: string[] } {
  const removed = findUnknownFields(obj, table);
  if (removed.length === 0) return { object: obj, removed };
  const copy = structuredClone(obj);
  const schema = schemaOfObject(copy, table) ?? '*';
  walk(table, copy, schema, '', 0, (_path, holder, key) => {
    Reflect.deleteProperty(holder, key);
  });
  return { object: copy, removed };
}

/** `unknown field "spec.replcas"`, as upstream words each one. */
export const unknownFieldText = (path: string): string => `unknown field ${JSON.stringify(path)}`;
