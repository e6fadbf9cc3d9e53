/**
 * Background garbage collection of dependents (pkg/controller/garbagecollector
 * `attemptToDeleteItem`), run synchronously when an owner is removed.
 * @packageDocumentation
 */
import { produce } from 'immer';
import type { OwnerReference } from '../objects/meta.js';
import { parseRef } from './secondaryIndexes.js';
import { compareKeys } from './sortedKeys.js';
import type { StoreCore } from './storeCore.js';
import type { DeleteOptions } from './types.js';

/** The store's delete path, handed in by the caller (deleteObject) so the two files do not import each other. */
export type DeleteFn = (core: StoreCore, kind: string, key: string, opts?: DeleteOptions) => void;

function ownerExists(core: StoreCore, ref: OwnerReference): boolean {
  const at = core.tables.indexes.locate(ref.uid);
  return at !== undefined && at.kind === ref.kind;
}

/**
 * After the owner with `ownerUid` is removed: each dependent whose owners are now all gone is
 * deleted through the normal delete path (pods gracefully), which recurses to its own
 * dependents when it is removed; a dependent that still has a live owner only loses its dangling
 * references. Dependents already being deleted are left alone. Reads the ownedBy index only.
 * `deleteObject` is the store's delete path.
 */
export function collectGarbage(core: StoreCore, ownerUid: string, deleteObject: DeleteFn): void {
  const refs = core.tables.indexes.dependentsOf(ownerUid);
  if (refs === undefined) return;
  for (const ref of [...refs].sort(compareKeys)) {
    const { kind, key } = parseRef(ref);
    const obj = core.get(kind, key);
    if (obj === undefined || obj.metadata.deletionTimestamp !== undefined) continue;
    const owners = obj.metadata.ownerReferences ?? [];
    const alive = owners.filter((o) => o.uid !== ownerUid && ownerExists(core, o));
    if (alive.length === 0) {
      deleteObject(core, kind, key, { uid: obj.metadata.uid });
    } else if (alive.length < owners.length) {
      const rv = core.nextResourceVersion();
      const next = produce(obj, (d) => {
        d.metadata.ownerReferences = alive.map((o) => ({ ...o }));
        d.metadata.resourceVersion = String(rv);
      });
      core.write(kind, key, next, rv);
    }
  }
}
