/**
 * The custom kinds a store serves, derived from the CustomResourceDefinitions it holds. Nothing
 * is registered separately: the stored CRDs are the registry, so a rolled-back transaction, a
 * snapshot or a fork sees exactly the kinds of its own CRDs.
 * @packageDocumentation
 */
import type { KindInfo } from '../objects/kinds.js';
import { kindInfo } from '../objects/kinds.js';
import type { CustomKind } from './customResourceDefinition.js';
import { validateCustomResourceDefinition } from './validateCustomResourceDefinition.js';

/** The kind name of CustomResourceDefinition objects. */
export const CRD_KIND = 'CustomResourceDefinition';

/** Anything that holds stored CRDs by name (a store's kind table). */
export interface CrdSource {
  readonly objects: ReadonlyMap<string, object>;
}

// Stored objects are frozen and replaced on change, so the object itself is the cache key.
const compiled = new WeakMap<object, CustomKind | null>();

/** The custom kind a stored CRD defines (undefined for an invalid one, which is never stored). */
export function customKindOf(crd: object): CustomKind | undefined {
  let kind = compiled.get(crd);
  if (kind === undefined) {
    kind = validateCustomResourceDefinition(crd).kind ?? null;
    compiled.set(crd, kind);
  }
  return kind ?? undefined;
}

/** Every custom kind in `crds`, in CRD-name order. */
export function customKinds(crds: CrdSource | undefined): CustomKind[] {
  if (crds === undefined) return [];
  const out: CustomKind[] = [];
  for (const name of [...crds.objects.keys()].sort()) {
    const crd = crds.objects.get(name);
    const kind = crd === undefined ? undefined : customKindOf(crd);
    if (kind !== undefined) out.push(kind);
  }
  return out;
}

/**
 * The custom kind named `kind` (its Kind, e.g. `Widget`), if a stored CRD defines it. Costs one
 * pass over the CRDs (a handful), only for kinds that are not built in.
 */
export function findCustomKind(crds: CrdSource | undefined, kind: string): CustomKind | undefined {
  if (crds === undefined) return undefined;
  for (const crd of crds.objects.values()) {
    const k = customKindOf(crd);
    if (k?.kind === kind) return k;
  }
  return undefined;
}

/** A {@link KindInfo} for a custom kind, in the shape the store uses for built-in kinds. */
export function customKindInfo(kind: CustomKind): KindInfo {
  return {
    kind: kind.kind,
    apiVersion: `${kind.group}/${kind.storageVersion}`,
    namespaced: kind.namespaced,
    simulated: false,
    alsoServedAs: kind.versions
      .filter((v) => v.served && v.name !== kind.storageVersion)
      .map((v) => `${kind.group}/${v.name}`),
  };
}

/** What the store knows of `kind`: a built-in kind, else a custom kind of `crds`. */
export function resolveKindInfo(crds: CrdSource | undefined, kind: string): KindInfo | undefined {
  const builtIn = kindInfo(kind);
  if (builtIn !== undefined) return builtIn;
  const custom = findCustomKind(crds, kind);
  return custom === undefined ? undefined : customKindInfo(custom);
}

/**
 * Normalises a key for `kind` (namespaced: a bare name means `default/name`; cluster-scoped: the
 * name), knowing custom kinds.
 */
export function normalizeKindKey(
  crds: CrdSource | undefined,
  kind: string,
  key: string,
): { namespace?: string; name: string; key: string } {
  const namespaced = resolveKindInfo(crds, kind)?.namespaced ?? true;
  if (!namespaced) return { name: key, key };
  const slash = key.indexOf('/');
  if (slash < 0) return { namespace: 'default', name: key, key: `default/${key}` };
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1), key };
}
