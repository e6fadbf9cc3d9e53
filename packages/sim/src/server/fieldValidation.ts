/**
 * The `fieldValidation` query parameter of create, update and patch, as the API server handles
 * it (apiserver endpoints/handlers: create.go, update.go, patch.go):
 * - absent or empty: `Warn` (the server's default; kubectl sends `Strict` unless told otherwise);
 * - `Strict`: a create or update naming unknown fields is a 400 `BadRequest`
 *   (`Deployment in version "v1" cannot be handled as a Deployment: strict decoding error:
 *   unknown field "spec.replcas"`); a patch whose result names them is a 422 `Invalid` on the
 *   field `patch`;
 * - `Warn`: the unknown fields are dropped and each is returned as a `Warning: 299` header
 *   (`unknown field "spec.replcas"`);
 * - `Ignore`: dropped silently.
 * Built-in kinds are checked against upstream's schemas here (core's known-field table); custom
 * kinds are checked by the store against the CRD's schema (the mode is handed to it).
 * @packageDocumentation
 */
import {
  applyFieldValidation,
  dropUnknownFields,
  findUnknownFields,
  pruneUnknownFields,
  StrictPatchError,
  unknownFieldText,
  type FieldValidation,
  type JsonSchemaProps,
} from '@kubesim/core';
import { listStrategy } from './mergeKeys.js';
import { ApiError } from './status.js';

type Obj = Record<string, unknown>;

/** The options kind a request's query parameters are read into (`CreateOptions` …). */
export type OptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions';

/**
 * The request's `fieldValidation`; 422 for a value upstream does not accept (the check is
 * case-sensitive, apimachinery validation.ValidateFieldValidation).
 */
export function fieldValidationOf(query: URLSearchParams, options: OptionsKind): FieldValidation {
  const value = query.get('fieldValidation') ?? '';
  if (value === '') return 'Warn';
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore') return value;
  throw new ApiError(
    422,
    'Invalid',
    `${options}.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: ${JSON.stringify(value)}: supported values: "", "Ignore", "Strict", "Warn"`,
    {
      group: 'meta.k8s.io',
      kind: options,
      causes: [
        {
          reason: 'FieldValueNotSupported',
          message: `Unsupported value: ${JSON.stringify(value)}: supported values: "", "Ignore", "Strict", "Warn"`,
          field: 'fieldValidation',
        },
      ],
    },
  );
}

/** An object to write after field validation, with the warnings to send. */
export interface CheckedObject {
  readonly object: Obj;
  readonly warnings: readonly string[];
}

/**
 * A create's or update's body decoded as the API server decodes it under `mode`: nulls read as
 * absent, int32 overflow refused, unknown fields refused (Strict, 400) or dropped (Warn with a
 * warning each, Ignore). Objects of kinds without a built-in schema pass unchanged.
 */
export function checkBody(
  obj: Obj,
  mode: FieldValidation,
  customSchema?: JsonSchemaProps,
): CheckedObject {
  if (customSchema !== undefined) {
    // Strict is refused by the store's admission (400, as a create's decoding is); Warn and
    // Ignore drop the fields before the field manager sees them.
    return mode === 'Strict' ? { object: obj, warnings: [] } : pruneCustom(obj, mode, customSchema);
  }
  const { objects, warnings } = applyFieldValidation([obj], mode, () => false);
  return {
    object: (objects[0] ?? obj) as unknown as Obj,
    warnings: warnings.map((w) => w.text),
  };
}

/**
 * A patched object checked under `mode`: unknown fields of the result refused (Strict, 422 on
 * `patch`, quoting `patchValue` as upstream does: the patch map for a strategic merge patch, the
 * patched object's JSON for a JSON or merge patch) or dropped (Warn with a warning each, Ignore).
 */
export function checkPatched(
  patched: Obj,
  mode: FieldValidation,
  name: string,
  patchValue: unknown,
  customSchema?: JsonSchemaProps,
): CheckedObject {
  if (customSchema !== undefined) {
    // A custom kind: the patched object decodes through the CRD's schema (pruning finds the
    // unknown fields); Strict is the same 422 on `patch`, Warn and Ignore drop them.
    const fields = mode === 'Strict' ? pruneUnknownFields(patched, customSchema, true).pruned : [];
    if (fields.length > 0) throw strictPatchInvalid(patched, name, patchValue, fields);
    return mode === 'Strict'
      ? { object: patched, warnings: [] }
      : pruneCustom(patched, mode, customSchema);
  }
  if (mode === 'Strict') {
    const fields = findUnknownFields(patched);
    if (fields.length > 0) throw strictPatchInvalid(patched, name, patchValue, fields);
    return { object: patched, warnings: [] };
  }
  const { object, removed } = dropUnknownFields(patched);
  return { object, warnings: mode === 'Warn' ? removed.map(unknownFieldText) : [] };
}

/** A custom object without the fields its schema does not declare, with Warn's warnings. */
function pruneCustom(obj: Obj, mode: FieldValidation, schema: JsonSchemaProps): CheckedObject {
  const { value, pruned } = pruneUnknownFields(obj, schema, true);
  return {
    object: value as Obj,
    warnings: mode === 'Warn' ? pruned.map((f) => `unknown field ${JSON.stringify(f)}`) : [],
  };
}

function strictPatchInvalid(
  patched: Obj,
  name: string,
  patchValue: unknown,
  fields: readonly string[],
): ApiError {
  const err = new StrictPatchError(String(patched['kind']), name, patchValue, fields);
  // errors.NewInvalid(schema.GroupKind{}, "", …): an empty kind and name, so the message
  // starts ` "" is invalid:` and kubectl prints "The request is invalid: patch: …".
  return new ApiError(
    422,
    'Invalid',
    ` "" is invalid: ${err.issues.map((i) => `${i.path}: ${i.message}`).join(', ')}`,
    {
      causes: err.issues.map((i) => ({ reason: i.type, message: i.message, field: i.path })),
    },
  );
}

/**
 * JSON as Go's encoding/json writes a decoded object: keys sorted at every level and `<`, `>`,
 * `&` escaped — the patched object a JSON or merge patch produces (json-patch works on maps).
 */
export function goJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Obj;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, sortKeys(o[k])]),
    );
  };
  return JSON.stringify(sortKeys(value))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** `spec.template.spec.containers[0].x` as structured-merge-diff prints a path, keyed lists by key. */
function typedPath(obj: Obj, path: string): string {
  let out = '';
  let at: unknown = obj;
  const fields: string[] = [];
  for (const token of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    const index = /^\[(\d+)\]$/.exec(token);
    if (index === null) {
      fields.push(token);
      out += `.${token}`;
      at = at !== null && typeof at === 'object' ? (at as Obj)[token] : undefined;
      continue;
    }
    const item: unknown = Array.isArray(at) ? (at as unknown[])[Number(index[1])] : undefined;
    const strategy = listStrategy(fields);
    if (strategy.type === 'map' && item !== null && typeof item === 'object') {
      const rec = item as Obj;
      const keys = strategy.keys
        .filter((k) => rec[k] !== undefined)
        .map((k) => `${k}=${JSON.stringify(rec[k])}`);
      out += `[${keys.join(',')}]`;
    } else {
      out += token;
    }
    at = item;
  }
  return out;
}

/**
 * Server-side apply of a built-in kind naming fields its schema does not have. Upstream's field
 * manager cannot type the configuration whatever `fieldValidation` says, and answers with a plain
 * error (HTTP 500 without a reason, kubectl: `Error from server: failed to create typed patch
 * object (default/web; apps/v1, Kind=Deployment): .spec.replcas: field not declared in schema`;
 * managedfields/internal/structuredmerge.go, structured-merge-diff ValidationErrors).
 */
export function checkApplyConfiguration(config: Obj, customSchema?: JsonSchemaProps): void {
  // A custom kind is typed from its CRD's schema (apiextensions-apiserver builds the field
  // manager's type converter from it): a field it does not declare fails the same way.
  const fields =
    customSchema === undefined
      ? findUnknownFields(config)
      : pruneUnknownFields(config, customSchema, true).pruned;
  if (fields.length === 0) return;
  const meta = (config['metadata'] ?? {}) as Obj;
  const text$ = (v: unknown): string => (typeof v === 'string' ? v : '');
  const apiVersion = String(config['apiVersion']);
  const gv = apiVersion.includes('/') ? apiVersion : `/${apiVersion}`;
  const errors = fields.map((f) => `${typedPath(config, f)}: field not declared in schema`);
  const text =
    errors.length === 1 ? errors[0] : ['errors:', ...errors.map((e) => `  ${e}`)].join('\n');
  throw new ApiError(
    500,
    '',
    `failed to create typed patch object (${text$(meta['namespace'])}/${text$(meta['name'])}; ${gv}, Kind=${String(config['kind'])}): ${text ?? ''}`,
  );
}
