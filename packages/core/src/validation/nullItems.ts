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
import type { KnownFieldTable } from './strict/deriveKnownFields.js';

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_DEPTH = 512;

const article = (type: string): string =>
  type === '' ? 'a value' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;

function walk(
  table: KnownFieldTable,
  value: unknown,
  schema: string,
  path: string,
  depth: number,
  issues: FieldIssue[],
): void {
  if (schema === '*' || !isMap(value) || depth > MAX_DEPTH) return;
  const fields = table.schemas[schema];
  if (fields === undefined) return;
  for (const key of Object.keys(value)) {
    const child = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (child === undefined || child === '') continue;
    const here = path === '' ? key : `${path}.${key}`;
    const kind = child[0];
    const target = child.slice(2);
    const v = value[key];
    if (kind === 'o') {
      walk(table, v, target, here, depth + 1, issues);
    } else if ((kind === 'a' || kind === 'l') && Array.isArray(v)) {
      v.forEach((item: unknown, i) => {
        if (item === null || item === undefined) {
          issues.push(
            typeInvalid(`${here}[${i}]`, null, kind === 'a' ? 'an object' : article(target)),
          );
        } else if (kind === 'a') {
          walk(table, item, target, `${here}[${i}]`, depth + 1, issues);
        }
      });
    } else if (kind === 'm' && isMap(v)) {
      for (const k of Object.keys(v)) {
        const item = v[k];
        if (item === null || item === undefined) {
          issues.push(typeInvalid(`${here}[${k}]`, null, 'an object'));
        } else {
          walk(table, item, target, `${here}[${k}]`, depth + 1, issues);
        }
      }
    }
  }
}

/**
 * Every null list item (and null value of a map of objects) of a manifest, as an issue:
 * `spec.ports[0]: Invalid value: null: must be an object`. Status included.
 */
export function nullItemIssues(obj: unknown, table: KnownFieldTable = KNOWN_FIELDS): FieldIssue[] {
  const schema = schemaOfObject(obj, table);
  if (schema === undefined) return [];
  const issues: FieldIssue[] = [];
  walk(table, obj, schema, '', 0, issues);
  return issues;
}
