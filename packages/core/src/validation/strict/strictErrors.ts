/**
 * The errors of strict field validation, in the API server's words. A create's 400 is the
 * StrictDecodingError custom resources use too (crd/fieldValidation.ts).
 * @packageDocumentation
 */
import { ValidationError } from '../../errors.js';
import { unknownFieldText } from './unknownFields.js';

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
