/**
 * Deleting a Namespace: it turns Terminating, everything inside is deleted through the normal
 * path (pods gracefully), and it goes once empty (pkg/controller/namespace/deletion).
 * @packageDocumentation
 */
import { produce } from 'immer';
import { knownKinds } from '../objects/kinds.js';
import { ForbiddenError } from './forbiddenError.js';
import type { StoreCore } from './storeCore.js';
import type { DeleteFn } from './garbageCollector.js';
import type { StoredObject } from './types.js';

/** The delete paths a namespace deletion uses, handed in by deleteObject (no import circle). */
export interface NamespaceDeletePaths {
  readonly deleteObject: DeleteFn;
  readonly finalizeIfReleased: (core: StoreCore, kind: string, key: string) => unknown;
}

// plugin/pkg/admission/namespace/lifecycle: these may never be deleted.
const immortal: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public']);

/**
 * Marks the namespace Terminating (deletionTimestamp now, grace 0, `status.phase: Terminating`),
 * deletes its content kind by kind in key order, and removes it when nothing is left. Objects
 * still terminating (pods in their grace period, finalizers) keep it until they go.
 */
export function deleteNamespace(
  core: StoreCore,
  ns: StoredObject,
  paths: NamespaceDeletePaths,
): void {
  const { deleteObject, finalizeIfReleased } = paths;
  const name = ns.metadata.name;
  if (immortal.has(name)) {
    throw new ForbiddenError(
      `namespaces ${JSON.stringify(name)} is forbidden: this namespace may not be deleted`,
    );
  }
  if (ns.metadata.deletionTimestamp === undefined) {
    const rv = core.nextResourceVersion();
    const now = core.nowTimestamp();
    const next = produce(ns as StoredObject & { status?: { phase?: string } }, (d) => {
      d.metadata.deletionTimestamp = now;
      d.metadata.deletionGracePeriodSeconds = 0;
      const gen = d.metadata.generation ?? 0;
      if (gen > 0) d.metadata.generation = gen + 1;
      d.status = { ...d.status, phase: 'Terminating' };
      d.metadata.resourceVersion = String(rv);
    });
    core.write('Namespace', name, next, rv);
  }
  for (const info of knownKinds) {
    if (!info.namespaced) continue;
    const keys = core.tables.table(info.kind)?.keysWithPrefix(`${name}/`) ?? [];
    for (const key of keys) {
      if (core.get(info.kind, key) !== undefined) deleteObject(core, info.kind, key);
    }
  }
  finalizeIfReleased(core, 'Namespace', name);
}
