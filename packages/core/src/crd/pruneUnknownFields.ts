/**
 * Pruning of fields a structural schema does not declare (apiextensions-apiserver
 * pkg/apiserver/schema/pruning/algorithm.go): kept under `x-kubernetes-preserve-unknown-fields`,
 * dropped elsewhere; `apiVersion`, `kind` and `metadata` of the resource root and of every
 * `x-kubernetes-embedded-resource` are always kept.
 * @packageDocumentation
 */
import type { JsonSchemaProps } from './schemaTypes.js';
import { isJsonObject, itemSchema } from './schemaTypes.js';

/** The outcome of {@link pruneUnknownFields}. */
export interface PruneResult {
  /** The value without the unknown fields (the input itself when nothing was dropped). */
  readonly value: unknown;
  /** Paths of the dropped fields (`spec.foo`, `spec.items[1].bar`), sorted. */
  readonly pruned: readonly string[];
}

const typeMetaFields = new Set(['apiVersion', 'kind', 'metadata']);

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function pruneNode(
  value: unknown,
  s: JsonSchemaProps | undefined,
  path: string,
  isResource: boolean,
  pruned: string[],
): unknown {
  if (Array.isArray(value)) {
    const items = s === undefined ? undefined : itemSchema(s);
    const preserve = s?.['x-kubernetes-preserve-unknown-fields'] === true && items === undefined;
    if (preserve) return value;
    const out = value.map((item: unknown, i) =>
      pruneNode(item, items, `${path}[${i}]`, false, pruned),
    );
    return out.some((next, i) => next !== value[i]) ? out : value;
  }
  if (!isJsonObject(value)) return value;
  const embedded = isResource || s?.['x-kubernetes-embedded-resource'] === true;
  const preserve = s?.['x-kubernetes-preserve-unknown-fields'] === true;
  const props = s?.properties ?? {};
  const additional = s?.additionalProperties;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const child = value[key];
    const declared = Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
    if (embedded && typeMetaFields.has(key) && declared === undefined) {
      // Object metadata is handled by its own rules, never by the schema's pruning.
      out[key] = child;
      continue;
    }
    let childSchema: JsonSchemaProps | undefined = declared;
    if (childSchema === undefined && typeof additional === 'object') childSchema = additional;
    const keep = childSchema !== undefined || preserve || additional === true;
    if (!keep) {
      // Upstream does not report apiVersion, kind and metadata dropped at the top level: the
      // caller owns those (pruning/algorithm.go `metaFields`).
      if (path !== '' || !typeMetaFields.has(key)) pruned.push(join(path, key));
      changed = true;
      continue;
    }
    const next =
      childSchema === undefined && (preserve || additional === true)
        ? child
        : pruneNode(child, childSchema, join(path, key), false, pruned);
    if (next !== child) changed = true;
    out[key] = next;
  }
  return changed ? out : value;
}

/**
 * Drops the fields `schema` does not declare. `isResourceRoot` keeps the root's `apiVersion`,
 * `kind` and `metadata`. The input is never mutated.
 *
 * @example
 * ```ts
 * pruneUnknownFields({ spec: { a: 1, b: 2 } }, { type: 'object', properties: { spec: { type: 'object', properties: { a: { type: 'integer' } } } } }, true);
 * // { value: { spec: { a: 1 } }, pruned: ['spec.b'] }
 * ```
 */
export function pruneUnknownFields(
  value: unknown,
  schema: JsonSchemaProps | undefined,
  isResourceRoot: boolean,
): PruneResult {
  const pruned: string[] = [];
  const out = pruneNode(value, schema, '', isResourceRoot, pruned);
  return { value: out, pruned: pruned.sort() };
}
