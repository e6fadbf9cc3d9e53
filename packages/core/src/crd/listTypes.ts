/**
 * `x-kubernetes-list-type: set | map` uniqueness (apiextensions-apiserver
 * pkg/apiserver/schema/listtype/validation.go): a later item equal to an earlier one (set) or
 * with the same `x-kubernetes-list-map-keys` values (map) is a duplicate. `atomic` lists and
 * lists without a type may repeat items.
 * @packageDocumentation
 */
import { canonicalJson } from '../controllers/shared/podTemplateHash.js';
import type { FieldIssue } from '../errors.js';
import { formatValue } from '../validation/fieldIssues.js';
import type { JsonSchemaProps } from './schemaTypes.js';
import { isJsonObject } from './schemaTypes.js';

/** Appends a `Duplicate value` issue for each repeated item of a set or map list. */
export function validateListType(
  value: readonly unknown[],
  s: JsonSchemaProps,
  path: string,
  out: FieldIssue[],
): void {
  const listType = s['x-kubernetes-list-type'];
  if (listType !== 'set' && listType !== 'map') return;
  const keys = s['x-kubernetes-list-map-keys'] ?? [];
  const seen = new Set<string>();
  value.forEach((item, i) => {
    let id: string;
    let shown: unknown;
    if (listType === 'set') {
      id = canonicalJson(item);
      shown = item;
    } else {
      if (!isJsonObject(item)) return;
      const tuple: Record<string, unknown> = {};
      for (const k of keys)
        tuple[k] = Object.prototype.hasOwnProperty.call(item, k) ? item[k] : null;
      id = canonicalJson(tuple);
      shown = tuple;
    }
    if (seen.has(id)) {
      out.push({
        path: `${path}[${i}]`,
        type: 'FieldValueDuplicate',
        message: `Duplicate value: ${formatValue(shown)}`,
      });
    } else {
      seen.add(id);
    }
  });
}
