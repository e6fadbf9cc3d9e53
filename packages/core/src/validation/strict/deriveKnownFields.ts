/**
 * The known fields of every kind, derived from upstream's OpenAPI definitions: what the API
 * server's strict decoding accepts. `knownFields.generated.ts` is this function's output for the
 * spec shipped in `packages/core/openapi/` (see `scripts/gen-known-fields.mjs`).
 * @packageDocumentation
 */

/**
 * What a field holds, as far as unknown-field and null-item checks go: `''` a value not looked
 * into (a scalar, a quantity, an int-or-string, a map of scalars); `o:S` an object of schema S;
 * `a:S` a list of such objects; `m:S` a map of such objects; `l:T` a list of scalars of JSON type
 * T (`string`, `integer`, …); `i` a 32-bit integer (Go int32: a larger number does not decode). S is `*` for an object whose fields are free-form
 * (`x-kubernetes-preserve-unknown-fields`, `FieldsV1`, `RawExtension`).
 */
export type FieldChild = string;

const targets = new Map<string, string>();

/**
 * The schema a field's child entry points to (`o:v1.Probe` → `v1.Probe`), cut once per distinct
 * entry: the validation walks ask it for every field of every write.
 */
export function childTarget(child: FieldChild): string {
  let target = targets.get(child);
  if (target === undefined) {
    target = child.slice(2);
    targets.set(child, target);
  }
  return target;
}

/** The known-fields table. */
export interface KnownFieldTable {
  /** `apiVersion/kind` (`v1/Pod`, `apps/v1/Deployment`) → the kind's schema name. */
  readonly roots: Readonly<Record<string, string>>;
  /** Schema name → its fields (name → {@link FieldChild}). */
  readonly schemas: Readonly<Record<string, Readonly<Record<string, FieldChild>>>>;
}

interface Definition {
  readonly type?: string;
  readonly format?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: Schema | boolean;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-group-version-kind'?: readonly {
    group: string;
    version: string;
    kind: string;
  }[];
}

interface Schema extends Definition {
  readonly $ref?: string;
  readonly items?: Schema;
}

/** The part of upstream's swagger 2.0 spec this reads. */
export interface DefinitionsSpec {
  readonly definitions: Readonly<Record<string, unknown>>;
}

const REF = '#/definitions/';
const PREFIX = 'io.k8s.';

/** `io.k8s.api.core.v1.PodSpec` → `api.core.v1.PodSpec` (shorter table, same meaning). */
const short = (name: string): string =>
  name.startsWith(PREFIX) ? name.slice(PREFIX.length) : name;

/**
 * Derives the known-fields table from upstream's definitions: every kind that carries
 * `x-kubernetes-group-version-kind` is a root, and every object schema reachable from one is
 * listed with its fields.
 */
export function deriveKnownFields(spec: DefinitionsSpec): KnownFieldTable {
  const defs = spec.definitions as Readonly<Record<string, Definition>>;
  const isFreeForm = (d: Definition): boolean =>
    d['x-kubernetes-preserve-unknown-fields'] === true ||
    (d.type === 'object' && d.properties === undefined && d.additionalProperties === undefined);
  const objectTarget = (s: Schema | undefined): string | undefined => {
    if (s === undefined) return undefined;
    if (s['x-kubernetes-preserve-unknown-fields'] === true) return '*';
    if (s.$ref === undefined) return undefined;
    const name = s.$ref.slice(REF.length);
    const d = defs[name];
    if (d === undefined) return undefined;
    if (d.properties !== undefined && d['x-kubernetes-preserve-unknown-fields'] !== true) {
      return name;
    }
    return isFreeForm(d) ? '*' : undefined;
  };
  const scalarType = (s: Schema | undefined): string => {
    if (s?.type !== undefined) return s.type;
    const d = s?.$ref === undefined ? undefined : defs[s.$ref.slice(REF.length)];
    return d?.type ?? '';
  };
  const childOf = (s: Schema): FieldChild => {
    const direct = objectTarget(s);
    if (direct !== undefined) return direct === '*' ? 'o:*' : `o:${short(direct)}`;
    if (s.type === 'array') {
      const item = objectTarget(s.items);
      if (item !== undefined) return item === '*' ? 'a:*' : `a:${short(item)}`;
      return `l:${scalarType(s.items)}`;
    }
    if (s.type === 'integer' && s.format === 'int32') return 'i';
    if (s.type === 'object' && typeof s.additionalProperties === 'object') {
      const value = objectTarget(s.additionalProperties);
      if (value !== undefined) return value === '*' ? 'm:*' : `m:${short(value)}`;
    }
    return '';
  };

  const roots: Record<string, string> = {};
  const schemas: Record<string, Record<string, FieldChild>> = {};
  const queue: string[] = [];
  for (const name of Object.keys(defs).sort()) {
    const d = defs[name];
    for (const gvk of d?.['x-kubernetes-group-version-kind'] ?? []) {
      const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
      if (d?.properties === undefined) continue;
      roots[`${apiVersion}/${gvk.kind}`] = short(name);
      queue.push(name);
    }
  }
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    if (short(name) in schemas) continue;
    const props = defs[name]?.properties ?? {};
    const fields: Record<string, FieldChild> = {};
    for (const field of Object.keys(props).sort()) {
      const child = childOf(props[field] ?? {});
      fields[field] = child;
      const target = child.slice(2);
      const follows = child[0] === 'o' || child[0] === 'a' || child[0] === 'm';
      if (follows && target !== '*') queue.push(`${PREFIX}${target}`);
    }
    schemas[short(name)] = fields;
  }
  const sortedRoots: Record<string, string> = {};
  for (const k of Object.keys(roots).sort()) sortedRoots[k] = roots[k] ?? '';
  const sortedSchemas: Record<string, Record<string, FieldChild>> = {};
  for (const k of Object.keys(schemas).sort()) sortedSchemas[k] = schemas[k] ?? {};
  return { roots: sortedRoots, schemas: sortedSchemas };
}
