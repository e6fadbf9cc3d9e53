/**
 * The garbage collector (pkg/controller/garbagecollector), run synchronously inside the write
 * that sets it off: background collection of dependents when an owner is removed
 * (`attemptToDeleteItem`), and foreground deletion (`processDeletingDependentsItem`): an owner
 * marked with the `foregroundDeletion` finalizer stays until no dependent blocks it.
 * @packageDocumentation
 */
import { produce } from 'immer';
import type { OwnerReference } from '../objects/meta.js';
import { parseRef } from './secondaryIndexes.js';
import { compareKeys } from './sortedKeys.js';
import type { StoreCore } from './storeCore.js';
import type { DeleteOptions, StoredObject } from './types.js';

/** The store's delete path, handed in by the caller (deleteObject) so the two files do not import each other. */
export type DeleteFn = (core: StoreCore, kind: string, key: string, opts?: DeleteOptions) => void;

/** The store's paths the collector writes through, handed in by deleteObject. */
export interface GcPaths {
  readonly deleteObject: DeleteFn;
  /** Removes the object now and runs what follows a removal. */
  readonly removeNow: (core: StoreCore, kind: string, key: string) => unknown;
}

/** The finalizer of foreground deletion (apimachinery meta/v1 `FinalizerDeleteDependents`). */
export const FOREGROUND_DELETION = 'foregroundDeletion';

/** True when `obj` is being deleted in the foreground (graph node `isDeletingDependents`). */
export function isDeletingDependents(obj: StoredObject | undefined): boolean {
  return (
    obj?.metadata.deletionTimestamp !== undefined &&
    (obj.metadata.finalizers ?? []).includes(FOREGROUND_DELETION)
  );
}

function ownerOf(core: StoreCore, ref: OwnerReference): StoredObject | undefined {
  const at = core.tables.indexes.locate(ref.uid);
  return at === undefined || at.kind !== ref.kind ? undefined : core.get(at.kind, at.key);
}

function sortedDependents(core: StoreCore, ownerUid: string): { kind: string; key: string }[] {
  const refs = core.tables.indexes.dependentsOf(ownerUid);
  return refs === undefined ? [] : [...refs].sort(compareKeys).map(parseRef);
}

/** Writes `obj` with `refs` as its ownerReferences (a new resourceVersion). */
function writeOwnerRefs(
  core: StoreCore,
  kind: string,
  key: string,
  obj: StoredObject,
  refs: readonly OwnerReference[],
): void {
  const rv = core.nextResourceVersion();
  const next = produce(obj, (d) => {
    if (refs.length === 0) delete d.metadata.ownerReferences;
    else d.metadata.ownerReferences = refs.map((o) => ({ ...o }));
    d.metadata.resourceVersion = String(rv);
  });
  core.write(kind, key, next, rv);
}

/**
 * One dependent (`attemptToDeleteItem`): its owner references are classified as dangling (the
 * owner is gone), waiting (the owner is deleting its dependents in the foreground) or solid.
 * With a solid owner it only loses the dangling and waiting references; otherwise it is deleted,
 * in the foreground when a waiting owner needs it gone and it has dependents of its own (after
 * its references are made non-blocking when one of those is itself deleting in the foreground,
 * upstream's cycle guard). An object being deleted is left alone unless it deletes in the
 * foreground, which is then checked for release.
 */
export function attemptToDelete(core: StoreCore, kind: string, key: string, paths: GcPaths): void {
  const obj = core.get(kind, key);
  if (obj === undefined) return;
  if (obj.metadata.deletionTimestamp !== undefined) {
    if (isDeletingDependents(obj)) processDeletingDependents(core, kind, key, paths);
    return;
  }
  const refs = obj.metadata.ownerReferences ?? [];
  if (refs.length === 0) return;
  const solid: OwnerReference[] = [];
  const waiting: OwnerReference[] = [];
  let dangling = 0;
  for (const ref of refs) {
    const owner = ownerOf(core, ref);
    if (owner === undefined) dangling += 1;
    else if (isDeletingDependents(owner)) waiting.push(ref);
    else solid.push(ref);
  }
  if (solid.length > 0) {
    if (dangling === 0 && waiting.length === 0) return;
    writeOwnerRefs(core, kind, key, obj, solid);
    releaseOwners(core, waiting, paths);
    return;
  }
  const uid = obj.metadata.uid;
  if (waiting.length > 0 && (core.tables.indexes.dependentsOf(uid)?.size ?? 0) > 0) {
    const cycle = sortedDependents(core, uid).some((d) =>
      isDeletingDependents(core.get(d.kind, d.key)),
    );
    if (cycle) {
      const waitingUids = new Set(waiting.map((o) => o.uid));
      const unblocked = refs.map((o) =>
        waitingUids.has(o.uid) && o.blockOwnerDeletion === true
          ? { ...o, blockOwnerDeletion: false }
          : o,
      );
      writeOwnerRefs(core, kind, key, obj, unblocked);
    }
    paths.deleteObject(core, kind, key, { uid, propagationPolicy: 'Foreground' });
    if (cycle) releaseOwners(core, waiting, paths);
    return;
  }
  // No solid owner and none waiting for this one in particular: the policy follows its finalizers.
  paths.deleteObject(core, kind, key, { uid });
}

/**
 * The dependents whose reference to `ownerUid` has `blockOwnerDeletion: true`
 * (`blockingDependents`): whether any remains, and those to attempt again (not themselves
 * deleting in the foreground), sorted. One pass over the index without sorting the whole set: it
 * runs on every removal of a dependent.
 */
function blockingDependents(
  core: StoreCore,
  ownerUid: string,
): { any: boolean; retry: { kind: string; key: string }[] } {
  const refs = core.tables.indexes.dependentsOf(ownerUid);
  let any = false;
  const retry: string[] = [];
  for (const r of refs ?? []) {
    const { kind, key } = parseRef(r);
    const dep = core.get(kind, key);
    const blocks = (dep?.metadata.ownerReferences ?? []).some(
      (o) => o.uid === ownerUid && o.blockOwnerDeletion === true,
    );
    if (!blocks) continue;
    any = true;
    if (!isDeletingDependents(dep)) retry.push(r);
  }
  return { any, retry: retry.sort(compareKeys).map(parseRef) };
}

/** Owners being processed per store; a nested call for one of them only asks for a recheck. */
const busy = new WeakMap<StoreCore, Map<string, boolean>>();

/**
 * An owner deleting in the foreground (`processDeletingDependentsItem`): with no blocking
 * dependent left its `foregroundDeletion` finalizer is removed, and with it the owner when no
 * other finalizer or grace period holds it (the API server deletes an object whose update empties
 * its finalizers: registry/store.go `shouldDeleteDuringUpdate`); otherwise each blocking
 * dependent not itself deleting in the foreground is attempted again.
 */
export function processDeletingDependents(
  core: StoreCore,
  kind: string,
  key: string,
  paths: GcPaths,
): void {
  const first = core.get(kind, key);
  if (first === undefined || !isDeletingDependents(first)) return;
  const uid = first.metadata.uid;
  let running = busy.get(core);
  if (running === undefined) {
    running = new Map();
    busy.set(core, running);
  }
  if (running.has(uid)) {
    running.set(uid, true);
    return;
  }
  running.set(uid, false);
  try {
    for (;;) {
      running.set(uid, false);
      const blocking = blockingDependents(core, uid);
      if (!blocking.any) break;
      for (const d of blocking.retry) attemptToDelete(core, d.kind, d.key, paths);
      if (running.get(uid) !== true) return;
    }
  } finally {
    running.delete(uid);
  }
  const owner = core.get(kind, key);
  if (owner?.metadata.uid !== uid || !isDeletingDependents(owner)) return;
  const finalizers = (owner.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_DELETION);
  if (finalizers.length === 0 && (owner.metadata.deletionGracePeriodSeconds ?? 0) === 0) {
    paths.removeNow(core, kind, key);
    return;
  }
  const rv = core.nextResourceVersion();
  const next = produce(owner, (d) => {
    if (finalizers.length === 0) delete d.metadata.finalizers;
    else d.metadata.finalizers = finalizers;
    d.metadata.resourceVersion = String(rv);
  });
  core.write(kind, key, next, rv);
}

/** Rechecks each owner in `refs` that deletes in the foreground: one of its dependents changed. */
export function releaseOwners(
  core: StoreCore,
  refs: readonly OwnerReference[],
  paths: GcPaths,
): void {
  for (const ref of refs) {
    const at = core.tables.indexes.locate(ref.uid);
    if (at !== undefined && at.kind === ref.kind) {
      processDeletingDependents(core, at.kind, at.key, paths);
    }
  }
}

/**
 * Starts a foreground deletion of the (already marked) owner at `kind`/`key`: each dependent is
 * attempted (graph_builder enqueues them all when an owner starts waiting), then the owner is
 * checked for release.
 */
export function deleteDependentsInForeground(
  core: StoreCore,
  kind: string,
  key: string,
  paths: GcPaths,
): void {
  const owner = core.get(kind, key);
  if (owner === undefined) return;
  for (const d of sortedDependents(core, owner.metadata.uid)) {
    attemptToDelete(core, d.kind, d.key, paths);
  }
  processDeletingDependents(core, kind, key, paths);
}

/**
 * After the owner with `ownerUid` is removed: each dependent is attempted ({@link
 * attemptToDelete}): one whose owners are all gone is deleted through the normal delete path
 * (pods gracefully), which recurses to its own dependents when it is removed; one that still has
 * a live owner only loses its dangling references. Dependents already being deleted are left
 * alone. Reads the ownedBy index only.
 */
export function collectGarbage(core: StoreCore, ownerUid: string, paths: GcPaths): void {
  for (const d of sortedDependents(core, ownerUid)) attemptToDelete(core, d.kind, d.key, paths);
}

/** Orphan: each dependent of `ownerUid` loses its references to it (`orphanDependents`). */
export function orphanDependents(core: StoreCore, ownerUid: string): void {
  for (const d of sortedDependents(core, ownerUid)) {
    const obj = core.get(d.kind, d.key);
    if (obj === undefined) continue;
    const refs = obj.metadata.ownerReferences ?? [];
    writeOwnerRefs(
      core,
      d.kind,
      d.key,
      obj,
      refs.filter((o) => o.uid !== ownerUid),
    );
  }
}
