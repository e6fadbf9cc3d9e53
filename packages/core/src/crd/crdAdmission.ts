/**
 * Admission of a CustomResourceDefinition write: its own validation, the names it may not take
 * (kubesim keys objects by kind, so a kind name is unique across groups), the immutable fields,
 * and the status upstream's naming and establishing controllers would write.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { ValidationError } from '../errors.js';
import { kindInfo } from '../objects/kinds.js';
import type { StoreCore } from '../store/storeCore.js';
import type { StoredObject } from '../store/types.js';
import { invalid } from '../validation/fieldIssues.js';
import { CRD_KIND, customKindOf, customKinds } from './customKindRegistry.js';
import {
  validateCustomResourceDefinition,
  validateCustomResourceDefinitionUpdate,
} from './validateCustomResourceDefinition.js';
import { isJsonObject } from './schemaTypes.js';

function nameOf(input: Readonly<Record<string, unknown>>): string | undefined {
  const meta = input['metadata'];
  return isJsonObject(meta) && typeof meta['name'] === 'string' ? meta['name'] : undefined;
}

/**
 * Throws ValidationError unless `input` is a valid CRD whose names are free and, for an update
 * of `live`, whose immutable fields are unchanged. Warnings (ignored CEL rules) go to `warnings`.
 */
export function checkCrdWrite(
  core: StoreCore,
  input: Readonly<Record<string, unknown>>,
  live: StoredObject | undefined,
  warnings: string[] | undefined,
): void {
  const check = validateCustomResourceDefinition(input);
  const issues: FieldIssue[] = [...check.issues];
  const kind = check.kind;
  if (kind !== undefined) {
    if (kindInfo(kind.kind) !== undefined) {
      issues.push(
        invalid(
          'spec.names.kind',
          kind.kind,
          'kubesim stores objects by kind and this kind name is a built-in Kubernetes kind; choose another kind name',
        ),
      );
    }
    for (const other of customKinds(core.tables.table(CRD_KIND))) {
      if (other.crdName === kind.crdName) continue;
      if (other.kind === kind.kind) {
        issues.push(
          invalid(
            'spec.names.kind',
            kind.kind,
            `kubesim stores objects by kind and ${other.crdName} already defines this kind`,
          ),
        );
      }
    }
    const before = live === undefined ? undefined : customKindOf(live);
    if (before !== undefined) issues.push(...validateCustomResourceDefinitionUpdate(before, kind));
  }
  if (issues.length > 0) throw new ValidationError(issues, CRD_KIND, nameOf(input));
  warnings?.push(...check.warnings);
}

/** The status of an accepted CRD: names accepted, Established, the storage version stored. */
export function crdStatus(crd: StoredObject): Record<string, unknown> {
  const kind = customKindOf(crd);
  const since = crd.metadata.creationTimestamp;
  if (kind === undefined) return {};
  return {
    acceptedNames: {
      kind: kind.kind,
      listKind: kind.listKind,
      plural: kind.plural,
      singular: kind.singular,
      ...(kind.shortNames.length > 0 ? { shortNames: [...kind.shortNames] } : {}),
      ...(kind.categories.length > 0 ? { categories: [...kind.categories] } : {}),
    },
    conditions: [
      {
        type: 'NamesAccepted',
        status: 'True',
        lastTransitionTime: since,
        reason: 'NoConflicts',
        message: 'no conflicts found',
      },
      {
        type: 'Established',
        status: 'True',
        lastTransitionTime: since,
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
    ],
    storedVersions: [kind.storageVersion],
  };
}
