/**
 * Null fields of a manifest that creates an object: the API server decodes `null` into Go's zero
 * value (a nil pointer, slice or map), so `metadata.labels:` left empty means no labels. (In an
 * update through apply, `null` deletes the field instead; see the store's mergeManifest.)
 * @packageDocumentation
 */
import { childTarget, type KnownFieldTable } from './deriveKnownFields.js';
import { KNOWN_FIELDS } from './knownFields.generated.js';
import { schemaOfObject } from './unknownFields.js';

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_DEPTH = 512;

/** Visits every field of a schema object whose value is null: `visit(holder, key)`. */
function walk(
  table: KnownFieldTable,
  value: unknown,
  schema: string,
  depth: number,
  visit: (holder: Record<string, unknown>, key: string) => void,
): void {
  if (schema === '*' || !isMap(value) || depth > MAX_DEPTH) return;
  const fields = table.schemas[schema];
  if (fields === undefined) return;
  for (const key of Object.keys(value)) {
    const child = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (child === undefined) continue;
    const v = value[key];
    if (v === null) {
      visit(value, key);
      continue;
    }
    if (child === '') continue;
    const target = childTarget(child);
    if (child[0] === 'o') walk(table, v, target, depth + 1, visit);
    else if (child[0] === 'a' && Array.isArray(v)) {
      for (const item of v as unknown[]) walk(table, item, target, depth + 1, visit);
    } else if (child[0] === 'm' && isMap(v)) {
      for (const item of Object.values(v)) walk(table, item, target, depth + 1, visit);
    }
  }
}

/**
 * `obj` without its null fields (as the API server reads a created object), copied only when it
 * has some; null list items are left for validation to refuse.
 */
export function dropNullFields<T>(obj: T, table: KnownFieldTable = KNOWN_FIELDS): T {
  const schema = schemaOfObject(obj, table);
  if (schema === undefined) return obj;
  const nulls: string[] = [];
  walk(table, obj, schema, 0, (_holder, key) => nulls.push(key));
  if (nulls.length === 0) return obj;
  const copy = structuredClone(obj);
  walk(table, copy, schema, 0, (holder, key) => {
    Reflect.deleteProperty(holder, key);
  });
  return copy;
}
