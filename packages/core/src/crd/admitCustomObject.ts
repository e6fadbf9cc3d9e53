/**
 * Admission of a custom resource, as the API server's custom-resource handler does it: the
 * served version's schema prunes unknown fields (per `fieldValidation`), applies defaults and
 * validates; metadata is validated like any object's. Pure: returns the object to store.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { ValidationError } from '../errors.js';
import { invalid } from '../validation/fieldIssues.js';
import { nameValidatorFor, validateObjectMeta } from '../validation/objectMeta.js';
import { applySchemaDefaults } from './applySchemaDefaults.js';
import type { CustomKind, CustomKindVersion } from './customResourceDefinition.js';
import { servedVersion } from './customResourceDefinition.js';
import type { FieldValidation } from './fieldValidation.js';
import { StrictDecodingError } from './fieldValidation.js';
import { pruneUnknownFields } from './pruneUnknownFields.js';
import { isJsonObject } from './schemaTypes.js';
import { validateAgainstSchema } from './validateAgainstSchema.js';

/** A custom object after admission. */
export interface AdmittedCustomObject {
  readonly object: Record<string, unknown>;
  readonly version: CustomKindVersion;
  readonly warnings: readonly string[];
}

function nameOf(o: Readonly<Record<string, unknown>>): string | undefined {
  const meta = o['metadata'];
  if (!isJsonObject(meta)) return undefined;
  const n = meta['name'] ?? meta['generateName'];
  return typeof n === 'string' ? n : undefined;
}

/**
 * Prunes, defaults and validates `input`, an object of `kind`. Throws ValidationError (422) for
 * schema or metadata issues, StrictDecodingError (400) for unknown fields under Strict.
 */
export function admitCustomObject(
  kind: CustomKind,
  input: Readonly<Record<string, unknown>>,
  fieldValidation: FieldValidation,
): AdmittedCustomObject {
  const apiVersion = typeof input['apiVersion'] === 'string' ? input['apiVersion'] : '';
  const version = servedVersion(kind, apiVersion);
  if (version === undefined) {
    throw new ValidationError(
      [
        invalid(
          'apiVersion',
          apiVersion,
          `no matches for kind ${JSON.stringify(kind.kind)} in version ${JSON.stringify(apiVersion)}`,
        ),
      ],
      kind.kind,
      nameOf(input),
    );
  }
  const warnings: string[] = [];
  if (version.deprecationWarning !== undefined) warnings.push(version.deprecationWarning);
  const pruned = pruneUnknownFields(input, version.schema, true);
  if (pruned.pruned.length > 0) {
    if (fieldValidation === 'Strict') {
      throw new StrictDecodingError(kind.kind, version.name, pruned.pruned);
    }
    if (fieldValidation === 'Warn') {
      for (const f of pruned.pruned) warnings.push(`unknown field ${JSON.stringify(f)}`);
    }
  }
  const defaulted = applySchemaDefaults(pruned.value, version.schema) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  validateObjectMeta(
    defaulted['metadata'],
    'metadata',
    { nameFn: nameValidatorFor(kind.kind), namespaced: kind.namespaced },
    issues,
  );
  issues.push(...validateAgainstSchema(defaulted, version.schema));
  if (issues.length > 0) throw new ValidationError(issues, kind.kind, nameOf(input));
  return { object: defaulted, version, warnings };
}
