/**
 * Numbers that do not fit the Go int32 field they are written to (`replicas: 2147483648`): the
 * API server cannot decode them and answers 400 BadRequest before any validation.
 * @packageDocumentation
 */
import { ValidationError } from '../../errors.js';
import { childTarget, type KnownFieldTable } from './deriveKnownFields.js';
import { KNOWN_FIELDS } from './knownFields.generated.js';
import { schemaOfObject } from './unknownFields.js';

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_DEPTH = 512;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * One field the API server's JSON decoder cannot decode: an int32 field holding a number out of
 * range, or a field of struct, list or map type holding a value of another JSON type.
 */
export interface Int32Overflow {
  /** `spec.replicas` */
  readonly path: string;
  /** The Go struct that holds the field: `DeploymentSpec`. */
  readonly struct: string;
  /** The number, for an int32 overflow. */
  readonly value?: number;
  /** The JSON type written (`number`, `string`, `bool`, `array`, `object`). */
  readonly jsonType?: string;
  /** The Go type of the field, as the decoder names it: `int32`, `v1.Probe`, `[]v1.Container`. */
  readonly goType?: string;
  /** The value written, for a value of the wrong JSON type. */
  readonly written?: unknown;
}

/** encoding/json's name of a JSON value's type. */
function jsonTypeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v === 'string' ? 'string' : 'number';
}

/** The Go type of a list item of OpenAPI type `t`. */
function goScalar(t: string): string {
  return t === 'integer' ? 'int64' : t === 'number' ? 'float64' : t === 'boolean' ? 'bool' : t;
}

/** True when `v` decodes into a scalar of OpenAPI type `t` (an unknown type takes anything). */
function scalarFits(t: string, v: unknown): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return true;
  }
}

/** `io.k8s.api.core.v1.Probe` → `v1.Probe` (the package-qualified Go name). */
/** A written value as the message shows it: JSON, shortened. */
function shown(v: unknown): string {
  let text: string;
  try {
    // undefined, a function or a symbol has no JSON text.
    const json: unknown = JSON.stringify(v);
    text = typeof json === 'string' ? json : String(v);
  } catch {
    text = typeof v;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function goName(schema: string): string {
  const parts = schema.split('.');
  return parts.slice(-2).join('.');
}

/**
 * Walks `value` as `schema`. With `out`, pushes every field the decoder refuses (in document
 * order) and returns whether there were none; without it, stops at the first one and builds no
 * path or message (nearly every manifest has none: this answers that cheaply).
 */
function walk(
  table: KnownFieldTable,
  value: unknown,
  schema: string,
  path: string,
  depth: number,
  out: Int32Overflow[] | undefined,
): boolean {
  if (schema === '*' || !isMap(value) || depth > MAX_DEPTH) return true;
  const fields = table.schemas[schema];
  if (fields === undefined) return true;
  let clean = true;
  for (const key of Object.keys(value)) {
    const child = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (child === undefined || child === '') continue;
    const here = out === undefined ? '' : path === '' ? key : `${path}.${key}`;
    const v = value[key];
    if (child === 'i') {
      if (typeof v === 'number' && Number.isInteger(v) && (v < INT32_MIN || v > INT32_MAX)) {
        if (out === undefined) return false;
        out.push({ path: here, struct: structOf(schema), value: v });
        clean = false;
      }
      continue;
    }
    const c = child[0];
    const target = childTarget(child);
    // null decodes to a nil pointer, slice or map: absent. Any other JSON type is refused.
    // A free-form object (`o:*`, `m:*`: RawExtension, preserve-unknown-fields) takes any JSON.
    const freeForm = target === '*' && c !== 'a';
    const present = v !== null && v !== undefined;
    const wrong =
      present &&
      !freeForm &&
      ((c === 'o' && !isMap(v)) ||
        ((c === 'a' || c === 'l') && !Array.isArray(v)) ||
        (c === 'm' && !isMap(v)));
    if (wrong) {
      if (out === undefined) return false;
      const elem = c === 'l' ? goScalar(target) : target === '*' ? 'interface {}' : goName(target);
      const goType = c === 'o' ? elem : c === 'm' ? `map[string]${elem}` : `[]${elem}`;
      out.push({
        path: here,
        struct: structOf(schema),
        jsonType: jsonTypeOf(v),
        goType,
        written: v,
      });
      clean = false;
      continue;
    }
    if (c === 'l' && Array.isArray(v)) {
      const bad = v.findIndex((item: unknown) => item !== null && !scalarFits(target, item));
      if (bad >= 0) {
        if (out === undefined) return false;
        out.push({
          path: `${here}[${bad}]`,
          struct: structOf(schema),
          jsonType: jsonTypeOf(v[bad]),
          goType: goScalar(target),
          written: v[bad],
        });
        clean = false;
      }
      continue;
    }
    if (c === 'o') {
      if (!walk(table, v, target, here, depth + 1, out)) {
        if (out === undefined) return false;
        clean = false;
      }
    } else if (c === 'a' && Array.isArray(v)) {
      // Holes are skipped, as forEach skips them.
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) continue;
        const at = out === undefined ? '' : `${here}[${i}]`;
        if (!walk(table, v[i], target, at, depth + 1, out)) {
          if (out === undefined) return false;
          clean = false;
        }
      }
    } else if (c === 'm' && isMap(v)) {
      for (const k of Object.keys(v)) {
        const at = out === undefined ? '' : `${here}.${k}`;
        if (!walk(table, v[k], target, at, depth + 1, out)) {
          if (out === undefined) return false;
          clean = false;
        }
      }
    }
  }
  return clean;
}

/** `v1.DeploymentSpec` → `DeploymentSpec`: the Go struct an issue names. */
function structOf(schema: string): string {
  return schema.slice(schema.lastIndexOf('.') + 1);
}

/** The int32 fields of a manifest that hold a number out of int32's range, in document order. */
export function findInt32Overflows(
  obj: unknown,
  table: KnownFieldTable = KNOWN_FIELDS,
): Int32Overflow[] {
  const schema = schemaOfObject(obj, table);
  if (schema === undefined) return [];
  if (walk(table, obj, schema, '', 0, undefined)) return [];
  const out: Int32Overflow[] = [];
  walk(table, obj, schema, '', 0, out);
  return out;
}

/**
 * A manifest the API server cannot decode (HTTP 400, code `BadRequest`): a number too large for
 * its int32 field, worded as upstream's decoder: `Deployment in version "v1" cannot be handled as
 * a Deployment: json: cannot unmarshal number 2147483648 into Go struct field
 * DeploymentSpec.spec.replicas of type int32`.
 */
export class UnmarshalError extends ValidationError {
  readonly status = 400;
  /** The field, by path. */
  readonly path: string;
  constructor(kind: string, apiVersion: string, overflow: Int32Overflow, name?: string) {
    // Upstream: encoding/json's UnmarshalTypeError through k8s.io/apimachinery's serializer.
    // kubectl's client-side schema check calls the same input a ValidationError ("invalid type
    // for io.k8s.api.core.v1.Container.ports"), so this is one for a library caller too; its
    // code stays upstream's 400 BadRequest.
    const found =
      overflow.value !== undefined
        ? `number ${String(overflow.value)}`
        : (overflow.jsonType ?? 'value');
    const goType = overflow.goType ?? 'int32';
    super(
      [
        {
          path: overflow.path,
          type: 'FieldValueTypeInvalid',
          message: `Invalid value: ${'written' in overflow ? shown(overflow.written) : found}: must be of type ${goType}`,
        },
      ],
      kind,
      name,
      {
        code: 'BadRequest',
        message: `${kind} in version ${JSON.stringify(apiVersion.slice(apiVersion.indexOf('/') + 1))} cannot be handled as a ${kind}: ${
          // A wrong JSON type also names the field and the value as validation does, so the
          // reader finds the line to fix (upstream's decoder names only the Go field).
          'written' in overflow
            ? `${overflow.path}: Invalid value: ${shown(overflow.written)}: `
            : ''
        }json: cannot unmarshal ${found} into Go struct field ${overflow.struct}.${overflow.path} of type ${goType}`,
      },
    );
    this.path = overflow.path;
  }
}
