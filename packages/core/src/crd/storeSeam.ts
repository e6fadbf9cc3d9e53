/**
 * The seam between the store and custom resources: each function takes a write the store
 * received and either performs it (the input is a CustomResourceDefinition or an object of a
 * custom kind) or returns undefined so the store takes its own path. The store reaches it through
 * `store/deps.ts` only.
 * @packageDocumentation
 */
import type { StoreCore } from '../store/storeCore.js';
import type { ApplyResult, StoredObject } from '../store/types.js';
import { deleteObject, removeNow } from '../store/deleteObject.js';
import { CRD_KIND, customKindOf } from './customKindRegistry.js';
import {
  applyCrd,
  applyCustomObject,
  createCrd,
  createCustomObject,
  customTarget,
  updateCrd,
  updateCustomObject,
} from './customResourceWrites.js';
import type { CustomWriteOptions } from './fieldValidation.js';

type Record_ = Record<string, unknown>;

/** Creates `input` when it is a CRD or a custom resource; undefined otherwise. */
export function createCustomResource(
  core: StoreCore,
  input: unknown,
  opts?: CustomWriteOptions,
): StoredObject | undefined {
  const target = customTarget(core, input);
  if (target === undefined) return undefined;
  return target.type === 'crd'
    ? createCrd(core, input as Record_, opts)
    : createCustomObject(core, target.kind, input as Record_, opts);
}

/** Updates (`spec`) or writes the status of `input` when it is a CRD or a custom resource. */
export function updateCustomResource(
  core: StoreCore,
  input: unknown,
  mode: 'spec' | 'status',
  opts?: CustomWriteOptions,
): StoredObject | undefined {
  const target = customTarget(core, input);
  if (target === undefined) return undefined;
  return target.type === 'crd'
    ? updateCrd(core, input as Record_, mode, opts)
    : updateCustomObject(core, target.kind, input as Record_, mode, opts);
}

/** `kubectl apply` of `input` when it is a CRD or a custom resource. */
export function applyCustomResource(
  core: StoreCore,
  input: unknown,
  opts?: CustomWriteOptions,
): ApplyResult | undefined {
  const target = customTarget(core, input);
  if (target === undefined) return undefined;
  return target.type === 'crd'
    ? applyCrd(core, input as Record_, opts)
    : applyCustomObject(core, target.kind, input as Record_, opts);
}

/**
 * Before a CRD is removed, its objects go: each is deleted as a user delete would (finalizers
 * honoured, dependents collected), and any still held by a finalizer is then removed with the
 * CRD. (Upstream keeps the CRD Terminating until its objects are gone; kubesim does not wait.)
 */
export function removeCustomResourcesOf(core: StoreCore, kind: string, key: string): void {
  if (kind !== CRD_KIND) return;
  const crd = core.get(CRD_KIND, key);
  const custom = crd === undefined ? undefined : customKindOf(crd);
  const table = custom === undefined ? undefined : core.tables.table(custom.kind);
  if (custom === undefined || table === undefined) return;
  for (const k of [...table.sortedKeys()]) {
    if (core.get(custom.kind, k) !== undefined) deleteObject(core, custom.kind, k);
  }
  for (const k of [...table.sortedKeys()]) removeNow(core, custom.kind, k);
}
