/**
 * DELETE and the final removal: graceful deletion of pods, finalizers, and what a removal sets
 * off (garbage collection of dependents, the end of a terminating namespace).
 * @packageDocumentation
 */
import { withMetadata } from './deepFreeze.js';
import { NotFoundError } from '../errors.js';
import { formatTimestamp, parseTimestamp } from '../time.js';
import { normalizeKindKey, removeCustomResourcesOf, resolveKindInfo } from './deps.js';
import { collectGarbage } from './garbageCollector.js';
import { podGracePeriod, repeatDelete } from './gracePeriod.js';
import type { GraceInputs } from './gracePeriod.js';
import { deleteNamespace } from './namespaceLifecycle.js';
import { notFound, uidConflict } from './storeErrors.js';
import type { StoreCore } from './storeCore.js';
import type { DeleteOptions, RemoveOptions, StoredObject } from './types.js';

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
): StoredObject {
  const rv = core.nextResourceVersion();
  const first = obj.metadata.deletionTimestamp === undefined;
  const gen = obj.metadata.generation ?? 0;
  const next = withMetadata(obj, {
    deletionTimestamp: formatTimestamp(deletionMs),
    deletionGracePeriodSeconds: grace,
    ...(first && gen > 0 ? { generation: gen + 1 } : {}),
    resourceVersion: String(rv),
  });
  return core.write(kind, key, next, rv);
}

/** Removes the object now and runs what follows a removal. Returns its last state. */
export function removeNow(core: StoreCore, kind: string, key: string): StoredObject | undefined {
  removeCustomResourcesOf(core, kind, key);
  const gone = core.erase(kind, key);
  if (gone === undefined) return undefined;
  collectGarbage(core, gone.metadata.uid, deleteObject);
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

/**
 * DELETE (§5.10). Pods are deleted gracefully; a repeated delete may only shorten the grace
 * period; objects with finalizers are marked and kept; everything else goes at once, and its
 * dependents are garbage-collected. A Namespace takes its content with it.
 */
export function deleteObject(
  core: StoreCore,
  kind: string,
  key: string,
  opts: DeleteOptions = {},
): void {
  const { obj, key: k } = liveObject(core, kind, key, opts.uid);
  if (kind === 'Namespace') {
    deleteNamespace(core, obj, { deleteObject, finalizeIfReleased });
    return;
  }
  const meta = obj.metadata;
  const now = core.nowMs();
  if (meta.deletionTimestamp !== undefined) {
    if (kind !== 'Pod') return;
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
  const grace = kind === 'Pod' ? podGracePeriod(obj as GraceInputs, opts.gracePeriodSeconds) : 0;
  if (grace > 0 || hasFinalizers(obj)) markDeleting(core, kind, k, obj, now + grace * 1000, grace);
  else removeNow(core, kind, k);
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
