/**
 * Null items in lists (a YAML `-` with nothing after it, common in templated output) and null
 * values in maps of objects, found from the kind's schema: each is an issue naming its path, so a
 * manifest with one is refused before anything reads it.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { typeInvalid } from './fieldIssues.js';
import { KNOWN_FIELDS } from './strict/knownFields.generated.js';
import { schemaOfObject } from './strict/unknownFields.js';
import { childTarget, type KnownFieldTable } from './strict/deriveKnownFields.js';

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_DEPTH = 512;

const article = (type: string): string =>
  type === '' ? 'a value' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;

/**
 * Walks `value` as `schema`. With `issues`, pushes every null item (in document order) and returns
 * whether there were none; without it, stops at the first one and builds no path or message
 * (nearly every manifest has none: this answers that cheaply).
 */
function walk(
  table: KnownFieldTable,
  value: unknown,
  schema: string,
  path: string,
  depth: number,
  issues: FieldIssue[] | undefined,
): boolean {
  if (schema === '*' || !isMap(value) || depth > MAX_DEPTH) return true;
  const fields = table.schemas[schema];
  if (fields === undefined) return true;
  let clean = true;
  for (const key of Object.keys(value)) {
    const child = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (child === undefined || child === '') continue;
    const here = issues === undefined ? '' : path === '' ? key : `${path}.${key}`;
    const kind = child[0];
    const target = childTarget(child);
    const v = value[key];
    if (kind === 'o') {
      if (!walk(table, v, target, here, depth + 1, issues)) {
        if (issues === undefined) return false;
        clean = false;
      }
    } else if ((kind === 'a' || kind === 'l') && Array.isArray(v)) {
      // Holes are skipped, as forEach skips them.
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) continue;
        const item: unknown = v[i];
        if (item === null || item === undefined) {
          if (issues === undefined) return false;
          issues.push(
            typeInvalid(`${here}[${i}]`, null, kind === 'a' ? 'an object' : article(target)),
          );
          clean = false;
        } else if (kind === 'a') {
          const at = issues === undefined ? '' : `${here}[${i}]`;
          if (!walk(table, item, target, at, depth + 1, issues)) {
            if (issues === undefined) return false;
            clean = false;
          }
        }
      }
    } else if (kind === 'm' && isMap(v)) {
      for (const k of Object.keys(v)) {
        const item = v[k];
        if (item === null || item === undefined) {
          if (issues === undefined) return false;
          issues.push(typeInvalid(`${here}[${k}]`, null, 'an object'));
          clean = false;
        } else {
          const at = issues === undefined ? '' : `${here}[${k}]`;
          if (!walk(table, item, target, at, depth + 1, issues)) {
            if (issues === undefined) return false;
            clean = false;
          }
        }
      }
    }
  }
  return clean;
}

/**
 * Every null list item (and null value of a map of objects) of a manifest, as an issue:
 * `spec.ports[0]: Invalid value: null: must be an object`. Status included.
 */
export function nullItemIssues(obj: unknown, table: KnownFieldTable = KNOWN_FIELDS): FieldIssue[] {
  const schema = schemaOfObject(obj, table);
  if (schema === undefined) return [];
  if (walk(table, obj, schema, '', 0, undefined)) return [];
  const issues: FieldIssue[] = [];
  walk(table, obj, schema, '', 0, issues);
  return issues;
}
