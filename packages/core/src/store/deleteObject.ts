/**
 * DELETE and the final removal: graceful deletion of pods, finalizers, and what a removal sets
 * off (garbage collection of dependents, the end of a terminating namespace).
 * @packageDocumentation
 */
import { withMetadata } from './deepFreeze.js';
import { InvalidArgumentError, NotFoundError } from '../errors.js';
import type { OwnerReference } from '../objects/meta.js';
import { formatTimestamp, parseTimestamp } from '../time.js';
import { normalizeKindKey, removeCustomResourcesOf, resolveKindInfo } from './deps.js';
import {
  collectGarbage,
  deleteDependentsInForeground,
  FOREGROUND_DELETION,
  isDeletingDependents,
  orphanDependents,
  processDeletingDependents,
  releaseOwners,
  type GcPaths,
} from './garbageCollector.js';
import { podGracePeriod, repeatDelete } from './gracePeriod.js';
import type { GraceInputs } from './gracePeriod.js';
import { deleteNamespace } from './namespaceLifecycle.js';
import { notFound, uidConflict } from './storeErrors.js';
import type { StoreCore } from './storeCore.js';
import type { DeleteOptions, PropagationPolicy, RemoveOptions, StoredObject } from './types.js';

const policies: readonly string[] = ['Orphan', 'Background', 'Foreground'];

const hasFinalizers = (obj: StoredObject): boolean => (obj.metadata.finalizers?.length ?? 0) > 0;

function liveObject(
  core: StoreCore,
  kind: string,
  key: string,
  uid: string | undefined,
): { obj: StoredObject; key: string } {
  const crds = core.tables.table('CustomResourceDefinition');
  if (resolveKindInfo(crds, kind) === undefined) {
    throw new NotFoundError(`the server doesn't have a resource type ${JSON.stringify(kind)}`);
  }
  const nk = normalizeKindKey(crds, kind, key);
  const obj = core.get(kind, nk.key);
  if (obj === undefined) throw notFound(kind, nk.name);
  if (uid !== undefined && uid !== obj.metadata.uid) {
    throw uidConflict(kind, nk.name, uid, obj.metadata.uid);
  }
  return { obj, key: nk.key };
}

/**
 * Writes the deletion marks: `deletionTimestamp` at `deletionMs`, `deletionGracePeriodSeconds`,
 * and on the first mark a generation bump (rest/delete.go `BeforeDelete`, registry/store.go
 * `markAsDeleting`).
 */
export function markDeleting(
  core: StoreCore,
  kind: string,
  key: string,
  obj: StoredObject,
  deletionMs: number,
  grace: number,
  finalizers?: readonly string[],
): StoredObject {
  const rv = core.nextResourceVersion();
  const first = obj.metadata.deletionTimestamp === undefined;
  const gen = obj.metadata.generation ?? 0;
  const marked = withMetadata(obj, {
    deletionTimestamp: formatTimestamp(deletionMs),
    deletionGracePeriodSeconds: grace,
    ...(finalizers !== undefined && finalizers.length > 0 ? { finalizers: [...finalizers] } : {}),
    ...(first && gen > 0 ? { generation: gen + 1 } : {}),
    resourceVersion: String(rv),
  });
  let next = marked;
  if (finalizers?.length === 0 && marked.metadata.finalizers !== undefined) {
    const { finalizers: _dropped, ...meta } = marked.metadata;
    next = Object.freeze({ ...marked, metadata: Object.freeze(meta) });
  }
  return core.write(kind, key, next, rv);
}

/** Removes the object now and runs what follows a removal. Returns its last state. */
export function removeNow(core: StoreCore, kind: string, key: string): StoredObject | undefined {
  removeCustomResourcesOf(core, kind, key);
  const gone = core.erase(kind, key);
  if (gone === undefined) return undefined;
  collectGarbage(core, gone.metadata.uid, gcPaths);
  releaseOwners(core, gone.metadata.ownerReferences ?? [], gcPaths);
  const ns = gone.metadata.namespace;
  if (ns !== undefined && ns !== '') finalizeIfReleased(core, 'Namespace', ns);
  return gone;
}

/**
 * Removes an object being deleted once nothing holds it: no finalizers, a grace period of 0 (a
 * pod still in its grace period waits for {@link removeObject}), and for a Namespace no content.
 * Returns the removed object's last state, or undefined when it stays.
 */
export function finalizeIfReleased(
  core: StoreCore,
  kind: string,
  key: string,
): StoredObject | undefined {
  const obj = core.get(kind, key);
  if (obj?.metadata.deletionTimestamp === undefined || hasFinalizers(obj)) return undefined;
  if (kind === 'Namespace') {
    if (core.tables.indexes.objectsInNamespace(key) > 0) return undefined;
  } else if ((obj.metadata.deletionGracePeriodSeconds ?? 0) !== 0) {
    return undefined;
  }
  return removeNow(core, kind, key);
}

/** The store's paths, handed to the garbage collector. */
const gcPaths: GcPaths = {
  deleteObject,
  removeNow,
};

/**
 * After an update of `before` (a dependent) changed its ownerReferences: each owner it referred to
 * that deletes in the foreground is checked again, as the garbage collector does on the update.
 */
export function ownerReferencesUpdated(
  core: StoreCore,
  before: StoredObject,
  after: StoredObject | undefined,
): void {
  const old = before.metadata.ownerReferences ?? [];
  if (old.length === 0 || sameRefs(old, after?.metadata.ownerReferences ?? [])) return;
  releaseOwners(core, old, gcPaths);
}

function sameRefs(a: readonly OwnerReference[], b: readonly OwnerReference[]): boolean {
  if (a.length !== b.length) return false;
  return b.every((o, i) => {
    const r: OwnerReference | undefined = a[i];
    return r?.uid === o.uid && (r.blockOwnerDeletion ?? false) === (o.blockOwnerDeletion ?? false);
  });
}

/**
 * The policy of a delete: the request's, else Foreground when the object already carries the
 * `foregroundDeletion` finalizer, else Background (registry/store.go `shouldDeleteDependents`).
 * @throws InvalidArgumentError naming `propagationPolicy` for any other value.
 */
function policyOf(obj: StoredObject, requested: unknown): PropagationPolicy {
  if (requested === undefined) {
    return (obj.metadata.finalizers ?? []).includes(FOREGROUND_DELETION)
      ? 'Foreground'
      : 'Background';
  }
  if (typeof requested !== 'string' || !policies.includes(requested)) {
    throw new InvalidArgumentError(
      'propagationPolicy',
      `Unsupported value: ${JSON.stringify(requested)}: supported values: "Foreground", "Background", "Orphan"`,
    );
  }
  return requested as PropagationPolicy;
}

/**
 * The finalizers `obj` ends with under `policy` (registry/store.go
 * `deletionFinalizersForGarbageCollection`): `foregroundDeletion` added for Foreground and removed
 * otherwise; undefined when they stay as they are.
 */
function gcFinalizers(obj: StoredObject, policy: PropagationPolicy): string[] | undefined {
  const current = obj.metadata.finalizers ?? [];
  const others = current.filter((f) => f !== FOREGROUND_DELETION);
  const wanted = policy === 'Foreground' ? [...others, FOREGROUND_DELETION] : others;
  const same = wanted.length === current.length && wanted.every((f) => current.includes(f));
  return same ? undefined : wanted;
}

/**
 * A delete with an explicit policy of an object (not a pod) already being deleted: its
 * `foregroundDeletion` finalizer follows the new policy (upstream updates the finalizers of a
 * deletion not pending a grace period), Orphan orphans the dependents first.
 */
function redeleteWithPolicy(
  core: StoreCore,
  kind: string,
  key: string,
  obj: StoredObject,
  policy: PropagationPolicy,
): void {
  if (policy === 'Orphan') orphanDependents(core, obj.metadata.uid);
  const finalizers = gcFinalizers(obj, policy);
  if (finalizers === undefined) return;
  if (finalizers.length === 0 && (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0) {
    removeNow(core, kind, key);
    return;
  }
  const live = core.get(kind, key) ?? obj;
  const since = parseTimestamp(live.metadata.deletionTimestamp ?? '') ?? core.nowMs();
  markDeleting(
    core,
    kind,
    key,
    live,
    since,
    live.metadata.deletionGracePeriodSeconds ?? 0,
    finalizers,
  );
  if (policy === 'Foreground') deleteDependentsInForeground(core, kind, key, gcPaths);
}

/**
 * DELETE (§5.10). Pods are deleted gracefully; a repeated delete may only shorten the grace
 * period; objects with finalizers are marked and kept; everything else goes at once. The
 * propagation policy decides the dependents (registry/store.go, garbagecollector.go): Background
 * (the default) garbage-collects them once the owner is removed; Orphan strips their references
 * to it first; Foreground marks the owner with the `foregroundDeletion` finalizer, deletes its
 * dependents (those with dependents of their own in the foreground too) and keeps the owner until
 * no dependent with `blockOwnerDeletion` remains. A Namespace takes its content with it.
 * @throws InvalidArgumentError for a propagationPolicy other than Orphan, Background, Foreground.
 */
export function deleteObject(
  core: StoreCore,
  kind: string,
  key: string,
  opts: DeleteOptions = {},
): void {
  const { obj, key: k } = liveObject(core, kind, key, opts.uid);
  const policy = policyOf(obj, opts.propagationPolicy);
  if (kind === 'Namespace') {
    deleteNamespace(core, obj, { deleteObject, finalizeIfReleased });
    return;
  }
  const meta = obj.metadata;
  const now = core.nowMs();
  if (meta.deletionTimestamp !== undefined) {
    if (kind !== 'Pod') {
      if (opts.propagationPolicy !== undefined) redeleteWithPolicy(core, kind, k, obj, policy);
      else if (isDeletingDependents(obj)) processDeletingDependents(core, kind, k, gcPaths);
      return;
    }
    const since = parseTimestamp(meta.deletionTimestamp) ?? now;
    const r = repeatDelete(since, meta.deletionGracePeriodSeconds, opts.gracePeriodSeconds);
    if (r.action === 'none') return;
    if (r.action === 'shorten' && (r.grace > 0 || hasFinalizers(obj))) {
      markDeleting(core, kind, k, obj, r.deletionMs, r.grace);
      return;
    }
    if (!hasFinalizers(obj)) removeNow(core, kind, k);
    return;
  }
  if (policy === 'Orphan') orphanDependents(core, meta.uid);
  const live = core.get(kind, k) ?? obj;
  const finalizers = gcFinalizers(live, policy);
  const held = (finalizers ?? live.metadata.finalizers ?? []).length > 0;
  const grace = kind === 'Pod' ? podGracePeriod(live as GraceInputs, opts.gracePeriodSeconds) : 0;
  if (grace > 0 || held) {
    markDeleting(core, kind, k, live, now + grace * 1000, grace, finalizers);
    if (policy === 'Foreground') deleteDependentsInForeground(core, kind, k, gcPaths);
  } else {
    removeNow(core, kind, k);
  }
}

/**
 * The final removal: the kubelet confirming a pod's graceful deletion, or a force delete.
 * An object with finalizers is marked with grace 0 and stays until they are removed by update.
 */
export function removeObject(
  core: StoreCore,
  kind: string,
  key: string,
  opts: RemoveOptions = {},
): void {
  const { obj, key: k } = liveObject(core, kind, key, opts.uid);
  if (kind === 'Namespace') {
    deleteNamespace(core, obj, { deleteObject, finalizeIfReleased });
    return;
  }
  if (!hasFinalizers(obj)) {
    removeNow(core, kind, k);
    return;
  }
  const meta = obj.metadata;
  if (meta.deletionTimestamp !== undefined && (meta.deletionGracePeriodSeconds ?? 0) === 0) return;
  const now = core.nowMs();
  const since =
    meta.deletionTimestamp === undefined ? undefined : parseTimestamp(meta.deletionTimestamp);
  const at = since === undefined ? now : since - (meta.deletionGracePeriodSeconds ?? 0) * 1000;
  markDeleting(core, kind, k, obj, at, 0);
}
