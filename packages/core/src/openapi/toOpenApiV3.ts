/**
 * Upstream's swagger 2.0 spec as OpenAPI v3 documents, one per group version, in the shape the
 * API server serves at `/openapi/v3/<path>` (kube-openapi's builder3): `#/definitions/X` becomes
 * `#/components/schemas/X`; a `$ref` with sibling fields becomes `allOf: [{$ref}]` beside them;
 * parameters are inlined with their type under `schema`; a body parameter becomes `requestBody`
 * with one entry per `consumes` type; a response schema gets one entry per `produces` type.
 * Defaults that only upstream's v3 builder adds (from Go defaults) are not in the v2 source and so
 * not here.
 * @packageDocumentation
 */
import type { Json, JsonObject, OpenApiV3Document, SwaggerSpec } from './types.js';

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The items of a JSON array, or none. */
const listOf = (v: Json | undefined): readonly Json[] =>
  Array.isArray(v) ? (v as readonly Json[]) : [];

const V2_REF = '#/definitions/';
const V3_REF = '#/components/schemas/';

/** A v2 schema as a v3 schema (recursively). */
export function schemaToV3(schema: Json): Json {
  if (Array.isArray(schema)) return listOf(schema).map(schemaToV3);
  if (!isObject(schema)) return schema;
  const out: Record<string, Json> = {};
  const ref = schema.$ref;
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$ref') continue;
    // `properties` and `x-kubernetes-*` values are maps of names, not schemas, at their own level.
    out[k] = k === 'properties' && isObject(v) ? mapValues(v, schemaToV3) : schemaToV3(v);
  }
  if (typeof ref !== 'string') return out;
  const v3Ref = ref.startsWith(V2_REF) ? `${V3_REF}${ref.slice(V2_REF.length)}` : ref;
  if (Object.keys(out).length === 0) return { $ref: v3Ref };
  return { allOf: [{ $ref: v3Ref }], ...out };
}

function mapValues(obj: JsonObject, fn: (v: Json) => Json): JsonObject {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = fn(v);
  return out;
}

function resolveParameter(spec: SwaggerSpec, p: Json): JsonObject | undefined {
  if (!isObject(p)) return undefined;
  const ref = p.$ref;
  if (typeof ref === 'string') return spec.parameters[ref.replace('#/parameters/', '')];
  return p;
}

const asStrings = (v: Json | undefined): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function parameterToV3(p: JsonObject): JsonObject {
  const { in: where, name, description, required, type, uniqueItems, ...rest } = p;
  const schema: Record<string, Json> = {};
  if (type !== undefined) schema.type = type;
  if (uniqueItems !== undefined) schema.uniqueItems = uniqueItems;
  for (const [k, v] of Object.entries(rest)) schema[k] = schemaToV3(v);
  return {
    ...(description !== undefined ? { description } : {}),
    in: where ?? null,
    name: name ?? null,
    ...(required !== undefined ? { required } : {}),
    schema,
  };
}

function operationToV3(spec: SwaggerSpec, op: JsonObject, parentProduces: string[]): JsonObject {
  const out: Record<string, Json> = {};
  const consumes = asStrings(op.consumes);
  const produces = op.produces === undefined ? parentProduces : asStrings(op.produces);
  const params: JsonObject[] = [];
  for (const raw of listOf(op.parameters)) {
    const p = resolveParameter(spec, raw);
    if (p === undefined) continue;
    if (p.in === 'body') {
      const schema = schemaToV3(p.schema ?? {});
      const types = consumes.length > 0 ? consumes : ['*/*'];
      out.requestBody = {
        content: Object.fromEntries(types.map((t) => [t, { schema }])),
        ...(p.required === true ? { required: true } : {}),
      };
    } else {
      params.push(parameterToV3(p));
    }
  }
  for (const [k, v] of Object.entries(op)) {
    if (k === 'parameters' || k === 'consumes' || k === 'produces' || k === 'schemes') continue;
    if (k === 'responses' && isObject(v)) {
      out.responses = mapValues(v, (r) => responseToV3(r, produces));
      continue;
    }
    out[k] = v;
  }
  if (params.length > 0) out.parameters = params;
  return out;
}

function responseToV3(response: Json, produces: string[]): Json {
  if (!isObject(response)) return response;
  const { schema, ...rest } = response;
  if (schema === undefined) return rest;
  const v3 = schemaToV3(schema);
  return { ...rest, content: Object.fromEntries(produces.map((t) => [t, { schema: v3 }])) };
}

function pathItemToV3(spec: SwaggerSpec, item: JsonObject): JsonObject {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k === 'parameters') {
      const params = listOf(v)
        .map((p) => resolveParameter(spec, p))
        .filter((p): p is JsonObject => p !== undefined)
        .map(parameterToV3);
      out.parameters = params;
    } else if (isObject(v)) {
      out[k] = operationToV3(spec, v, []);
    }
  }
  return out;
}

/** `/apis/apps/v1/namespaces/…` → `apis/apps/v1`; `/api/v1/pods` → `api/v1`. */
export function groupVersionPathOf(path: string): string | undefined {
  const core = /^\/api\/(v1)\//.exec(path);
  if (core !== null) return 'api/v1';
  const named = /^\/apis\/([^/]+)\/([^/]+)\//.exec(path);
  return named === null ? undefined : `apis/${named[1] ?? ''}/${named[2] ?? ''}`;
}

function collectRefs(value: Json, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of listOf(value)) collectRefs(v, out);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(V3_REF)) {
        out.add(v.slice(V3_REF.length));
      } else {
        collectRefs(v, out);
      }
    }
  }
}

/**
 * The OpenAPI v3 document of one group version (`api/v1`, `apis/apps/v1`), with the paths under
 * it and every schema they reach; undefined when the spec serves nothing there.
 */
export function toOpenApiV3(
  spec: SwaggerSpec,
  groupVersionPath: string,
): OpenApiV3Document | undefined {
  const paths: Record<string, JsonObject> = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    if (groupVersionPathOf(path) === groupVersionPath) paths[path] = pathItemToV3(spec, item);
  }
  if (Object.keys(paths).length === 0) return undefined;
  const names = new Set<string>();
  collectRefs(paths, names);
  const schemas: Record<string, Json> = {};
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    if (name in schemas) continue;
    const def = spec.definitions[name];
    if (def === undefined) continue;
    const v3 = schemaToV3(def);
    schemas[name] = v3;
    const more = new Set<string>();
    collectRefs(v3, more);
    queue.push(...more);
  }
  const sorted: Record<string, JsonObject> = {};
  for (const name of Object.keys(schemas).sort()) sorted[name] = schemas[name] as JsonObject;
  return { openapi: '3.0.0', info: spec.info, paths, components: { schemas: sorted } };
}
