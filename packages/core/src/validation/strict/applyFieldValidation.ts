/**
 * Field validation of a batch of manifests about to be applied, by mode.
 * @packageDocumentation
 */
import type { KubeObjectInput } from '../../objects/kinds.js';
import { UnmarshalError, findInt32Overflows } from './int32Fields.js';
import { dropNullFields } from './nullFields.js';
import { StrictDecodingError, type FieldValidation } from '../../crd/fieldValidation.js';
import { StrictPatchError } from './strictErrors.js';
import { dropUnknownFields, findUnknownFields, unknownFieldText } from './unknownFields.js';

/** The manifests to write (unknown fields dropped under Warn and Ignore) and the warnings. */
export interface FieldValidationResult {
  readonly objects: KubeObjectInput[];
  /** `unknown field "spec.replcas"` per dropped field, under Warn; [] otherwise. */
  readonly warnings: { readonly kind: string; readonly name: string; readonly text: string }[];
}

const nameOf = (o: KubeObjectInput): string => {
  const name = (o as { metadata?: { name?: unknown } }).metadata?.name;
  return typeof name === 'string' ? name : '';
};

/**
 * Checks `objects` for unknown fields under `mode`. `exists(o)` says whether `o` updates an
 * existing object (its error is then the 422 of a patch, as `kubectl apply` gets it).
 * @throws UnmarshalError (400, code `BadRequest`) for a number too large for its int32 field;
 *   StrictDecodingError (400, code `BadRequest`) for a create under Strict;
 *   StrictPatchError (422, code `Invalid`) for an update under Strict.
 */
export function applyFieldValidation(
  objects: readonly KubeObjectInput[],
  mode: FieldValidation,
  exists: (o: KubeObjectInput) => boolean,
): FieldValidationResult {
  const out: KubeObjectInput[] = [];
  const warnings: { kind: string; name: string; text: string }[] = [];
  for (const input of objects) {
    // A create reads null as absent (Go's zero value); an update keeps null (it deletes the field).
    const updating = exists(input);
    const o = updating ? input : dropNullFields(input);
    const overflow = findInt32Overflows(o)[0];
    if (overflow !== undefined) {
      throw new UnmarshalError(String(o.kind), String(o.apiVersion), overflow);
    }
    if (mode === 'Strict') {
      const fields = findUnknownFields(o);
      if (fields.length > 0) {
        const kind = String(o.kind);
        if (updating) throw new StrictPatchError(kind, nameOf(o), o, fields);
        const apiVersion = String(o.apiVersion);
        // Upstream names only the version: 'Deployment in version "v1" cannot be handled …'.
        throw new StrictDecodingError(kind, apiVersion.slice(apiVersion.indexOf('/') + 1), fields);
      }
      out.push(o);
      continue;
    }
    const { object, removed } = dropUnknownFields(o);
    out.push(object);
    if (mode === 'Warn') {
      for (const path of removed) {
        warnings.push({ kind: String(o.kind), name: nameOf(o), text: unknownFieldText(path) });
      }
    }
  }
  return { objects: out, warnings };
}
