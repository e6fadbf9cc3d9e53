/**
 * The errors of strict field validation, in the API server's words.
 * @packageDocumentation
 */
import { KubesimError, ValidationError } from '../../errors.js';
import { unknownFieldText } from './unknownFields.js';

/** `apps/v1` → `v1`: upstream names only the version in "in version …". */
const versionOf = (apiVersion: string): string => apiVersion.slice(apiVersion.indexOf('/') + 1);

/**
 * A create refused because the manifest has fields its kind does not (HTTP 400 `BadRequest`,
 * code `BadRequest`), worded as the API server words it under `fieldValidation=Strict`:
 * `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error:
 * unknown field "spec.replcas"` (several joined by ", ").
 */
export class StrictDecodingError extends KubesimError {
  /** HTTP status the API server answers with. */
  readonly status = 400;
  /** The unknown fields, by path. */
  readonly fields: readonly string[];
  readonly objectKind: string;
  readonly objectName: string | undefined;
  constructor(kind: string, apiVersion: string, fields: readonly string[], name?: string) {
    // Upstream: k8s.io/apimachinery/pkg/runtime/serializer/json (strict decoding errors) and
    // apiserver handlers' "%s in version %q cannot be handled as a %s: %v" (create.go).
    super(
      'BadRequest',
      `${kind} in version ${JSON.stringify(versionOf(apiVersion))} cannot be handled as a ${kind}: strict decoding error: ${fields.map(unknownFieldText).join(', ')}`,
    );
    this.fields = fields;
    this.objectKind = kind;
    this.objectName = name;
  }
}

/** A Go `%v` rendering of a JSON value (`map[k:v]`, `[a b]`), as upstream quotes a patch. */
export function goValueString(value: unknown, depth = 0): string {
  if (depth > 64) return '...';
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) {
    return `[${value.map((v: unknown) => goValueString(v, depth + 1)).join(' ')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${k}:${goValueString((value as Record<string, unknown>)[k], depth + 1)}`);
    return `map[${entries.join(' ')}]`;
  }
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/**
 * An update through apply refused for unknown fields (HTTP 422 `Invalid`), worded as the API
 * server words a patch that does not decode strictly: `The request is invalid: patch: Invalid
 * value: "map[spec:map[replcas:3]]": strict decoding error: unknown field "spec.replcas"`.
 */
export class StrictPatchError extends ValidationError {
  /** The unknown fields, by path. */
  readonly fields: readonly string[];
  constructor(kind: string, name: string, patch: unknown, fields: readonly string[]) {
    // Upstream: apiserver handlers/patch.go answers field.Invalid(field.NewPath("patch"),
    // fmt.Sprintf("%+v", patchMap), err.Error()) with an empty kind and name, which kubectl
    // prints as "The request is invalid: …".
    super(
      [
        {
          path: 'patch',
          type: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(goValueString(patch))}: strict decoding error: ${fields.map(unknownFieldText).join(', ')}`,
        },
      ],
      kind,
      name,
    );
    this.message = `The request is invalid: ${this.issues.map((i) => `${i.path}: ${i.message}`).join(', ')}`;
    this.fields = fields;
  }
}
