/**
 * Defaulting from a structural schema (apiextensions-apiserver
 * pkg/apiserver/schema/defaulting/algorithm.go): an absent property whose schema has a `default`
 * gets a copy of it, at every depth (properties, additionalProperties, items); a `null` where the
 * schema is not nullable and has a default is replaced by the default.
 * @packageDocumentation
 */
import type { JsonSchemaProps } from './schemaTypes.js';
import { isJsonObject, itemSchema } from './schemaTypes.js';

function copy(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v)) as unknown;
}

// A null the schema does not allow but can default.
function replacesNull(child: unknown, s: JsonSchemaProps | undefined): boolean {
  return child === null && s !== undefined && s.default !== undefined && s.nullable !== true;
}

function defaultNode(value: unknown, s: JsonSchemaProps | undefined): unknown {
  if (s === undefined) return value;
  if (Array.isArray(value)) {
    const items = itemSchema(s);
    if (items === undefined) return value;
    const out = value.map((item: unknown) =>
      replacesNull(item, items) ? copy(items.default) : defaultNode(item, items),
    );
    return out.some((next, i) => next !== value[i]) ? out : value;
  }
  if (!isJsonObject(value)) return value;
  let changed = false;
  const out: Record<string, unknown> = { ...value };
  const props = s.properties ?? {};
  const additional =
    typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
  for (const key of Object.keys(out)) {
    const childSchema = Object.prototype.hasOwnProperty.call(props, key) ? props[key] : additional;
    const child = out[key];
    const next = replacesNull(child, childSchema)
      ? copy(childSchema?.default)
      : defaultNode(child, childSchema);
    if (next !== child) {
      out[key] = next;
      changed = true;
    }
  }
  for (const key of Object.keys(props).sort()) {
    const ps = props[key];
    if (ps?.default === undefined || Object.prototype.hasOwnProperty.call(value, key)) continue;
    // A default is itself walked, so defaults nested inside it apply too.
    out[key] = defaultNode(copy(ps.default), ps);
    changed = true;
  }
  return changed ? out : value;
}

/**
 * Fills in schema defaults. Returns the input itself when nothing was defaulted; never mutates
 * it.
 *
 * @example
 * ```ts
 * applySchemaDefaults({ spec: {} }, { type: 'object', properties: { spec: { type: 'object', properties: { replicas: { type: 'integer', default: 1 } } } } });
 * // { spec: { replicas: 1 } }
 * ```
 */
export function applySchemaDefaults(value: unknown, schema: JsonSchemaProps | undefined): unknown {
  return defaultNode(value, schema);
}
