/**
 * Server-side apply and field-manager tracking of ordinary writes
 * (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager, in our own words):
 * an apply merges the configuration into the live object, conflicts on fields another manager set
 * to a different value unless forced, and removes the fields this manager applied before and no
 * longer applies when nobody else owns them. Other writes move ownership of the fields they change.
 * @packageDocumentation
 */
import {
  fieldsOf,
  fromFieldsV1,
  printPath,
  removeAt,
  toFieldsV1,
  valueAt,
  type FieldSet,
  type ManagedFieldsEntry,
} from './managedFields.js';
import { strategicMergePatch } from './patch.js';
import { ApiError } from './status.js';

type Obj = Record<string, unknown>;

interface Owner {
  readonly entry: ManagedFieldsEntry;
  readonly set: FieldSet;
}

function ownersOf(obj: Obj | undefined): Owner[] {
  const meta = (obj?.['metadata'] ?? {}) as Obj;
  const list = Array.isArray(meta['managedFields'])
    ? (meta['managedFields'] as ManagedFieldsEntry[])
    : [];
  return list.map((entry) => ({ entry, set: fromFieldsV1(entry.fieldsV1) }));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function withManagedFields(obj: Obj, owners: readonly Owner[]): Obj {
  const entries = owners
    .filter((o) => o.set.size > 0)
    .map((o) => ({ ...o.entry, fieldsV1: toFieldsV1(o.set) }));
  return { ...obj, metadata: { ...((obj['metadata'] ?? {}) as Obj), managedFields: entries } };
}

/** Who is writing, for managedFields. */
export interface WriterInfo {
  readonly manager: string;
  readonly apiVersion: string;
  readonly time: string;
  readonly subresource?: string | undefined;
}

/**
 * The managedFields after an ordinary write (create, update, patch) turned `old` into `next`:
 * the writer owns every field it changed or added, other managers lose those fields.
 */
export function trackUpdate(old: Obj | undefined, next: Obj, who: WriterInfo): Obj {
  // A write that sets managedFields itself (kubectl's upgrade of client-side-apply ownership)
  // replaces them, as upstream's field manager accepts a valid managedFields from the request.
  const given = (next['metadata'] as Obj | undefined)?.['managedFields'];
  const before = (old?.['metadata'] as Obj | undefined)?.['managedFields'];
  const owners = Array.isArray(given) && !same(given, before) ? ownersOf(next) : ownersOf(old);
  const after = fieldsOf(next);
  const changed: FieldSet = new Set();
  for (const p of after)
    if (old === undefined || !same(valueAt(old, p), valueAt(next, p))) changed.add(p);
  const kept = owners.map((o) => ({
    entry: o.entry,
    set: new Set([...o.set].filter((p) => after.has(p) && !changed.has(p))),
  }));
  const i = kept.findIndex(
    (o) =>
      o.entry.manager === who.manager &&
      o.entry.operation === 'Update' &&
      o.entry.subresource === who.subresource,
  );
  const mine = i >= 0 ? (kept[i]?.set ?? new Set<string>()) : new Set<string>();
  for (const p of changed) mine.add(p);
  const entry: ManagedFieldsEntry = {
    manager: who.manager,
    operation: 'Update',
    apiVersion: who.apiVersion,
    time: who.time,
    fieldsType: 'FieldsV1',
    fieldsV1: {},
    ...(who.subresource !== undefined ? { subresource: who.subresource } : {}),
  };
  if (i >= 0) kept[i] = { entry: changed.size > 0 ? entry : (kept[i]?.entry ?? entry), set: mine };
  else if (mine.size > 0) kept.push({ entry, set: mine });
  return withManagedFields(next, kept);
}

/**
 * Server-side apply of `config` by `who.manager` onto `live` (undefined: create).
 * @throws ApiError 409 Conflict listing each conflicting field and its manager, unless `force`.
 */
export function serverSideApply(
  live: Obj | undefined,
  config: Obj,
  who: WriterInfo,
  force: boolean,
): Obj {
  const owners = ownersOf(live);
  const applied = fieldsOf(config);
  // Managers are told apart by their identifier: name, operation, subresource and, for updates,
  // apiVersion (fieldmanager internal/managedfields.go BuildManagerIdentifier). So "kubectl"
  // applying conflicts with "kubectl" having scaled through the scale subresource.
  const mine = (e: ManagedFieldsEntry): boolean =>
    e.manager === who.manager && e.operation === 'Apply' && e.subresource === who.subresource;
  const conflicts: { owner: ManagedFieldsEntry; path: string }[] = [];
  const lost = new Set<string>();
  for (const p of applied) {
    // An item of a keyed or set list conflicts through its fields, never as a whole.
    if (p.endsWith('\n.') || p.includes('\nv:') || p.startsWith('v:')) continue;
    if (same(valueAt(live, p), valueAt(config, p)) || valueAt(live, p) === undefined) continue;
    for (const o of owners) {
      if (mine(o.entry) || !o.set.has(p)) continue;
      conflicts.push({ owner: o.entry, path: p });
    }
    lost.add(p);
  }
  if (conflicts.length > 0 && !force) {
    throw new ApiError(409, 'Conflict', conflictMessage(conflicts), {
      causes: conflicts.map((c) => ({
        reason: 'FieldManagerConflict',
        message: `conflict with ${printManager(c.owner)}`,
        field: printPath(c.path),
      })),
    });
  }
  const cfg: Obj = { ...config };
  delete cfg['status'];
  const merged = structuredClone(strategicMergePatch(live ?? {}, cfg)) as Obj;
  const previous = owners.find((o) => mine(o.entry))?.set;
  const others = owners.filter((o) => !mine(o.entry));
  for (const p of previous ?? []) {
    if (applied.has(p)) continue;
    if (others.some((o) => o.set.has(p))) continue;
    removeAt(merged, p);
  }
  const nextOwners: Owner[] = others.map((o) => ({
    entry: o.entry,
    set: new Set([...o.set].filter((p) => !lost.has(p))),
  }));
  nextOwners.push({
    entry: {
      manager: who.manager,
      operation: 'Apply',
      apiVersion: who.apiVersion,
      time: who.time,
      fieldsType: 'FieldsV1',
      fieldsV1: {},
      ...(who.subresource !== undefined ? { subresource: who.subresource } : {}),
    },
    set: applied,
  });
  return withManagedFields(merged, nextOwners);
}

/** A manager's identifier: the entry without its fields and time, and without apiVersion for Apply. */
function managerIdentifier(e: ManagedFieldsEntry): string {
  return JSON.stringify({
    manager: e.manager,
    operation: e.operation,
    ...(e.operation === 'Apply' ? {} : { apiVersion: e.apiVersion }),
    ...(e.subresource !== undefined && e.subresource !== '' ? { subresource: e.subresource } : {}),
  });
}

/** A conflicting manager as the API server names it (fieldmanager internal/conflict.go). */
function printManager(e: ManagedFieldsEntry): string {
  const name =
    e.subresource !== undefined && e.subresource !== ''
      ? `"${e.manager}" with subresource "${e.subresource}"`
      : `"${e.manager}"`;
  return e.operation === 'Update' ? `${name} using ${e.apiVersion}` : name;
}

/**
 * The 409's message: one conflict on one line; several grouped by manager, managers in the order
 * of their identifiers, each path on its own "- " line.
 */
function conflictMessage(
  conflicts: readonly { owner: ManagedFieldsEntry; path: string }[],
): string {
  const [first] = conflicts;
  if (conflicts.length === 1 && first !== undefined) {
    return `Apply failed with 1 conflict: conflict with ${printManager(first.owner)}: ${printPath(first.path)}`;
  }
  const byManager = new Map<string, { owner: ManagedFieldsEntry; paths: string[] }>();
  for (const c of conflicts) {
    const id = managerIdentifier(c.owner);
    const group = byManager.get(id) ?? { owner: c.owner, paths: [] };
    group.paths.push(printPath(c.path));
    byManager.set(id, group);
  }
  const lines = [...byManager.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap((id) => {
      const g = byManager.get(id);
      return g === undefined
        ? []
        : [`conflicts with ${printManager(g.owner)}:`, ...g.paths.map((p) => `- ${p}`)];
    });
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}
