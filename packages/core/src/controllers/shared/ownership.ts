/**
 * ownerReference helpers and the claim (adopt / release) decision of
 * kubernetes/kubernetes pkg/controller/controller_ref_manager.go `ClaimObject`.
 * @packageDocumentation
 */
import type { OwnerReference } from '../../objects/meta.js';
import type { Selector } from '../../selector/types.js';

/** The metadata the helpers read: enough of `ObjectMeta` for ownership. */
export interface OwnedMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly uid: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly ownerReferences?: readonly OwnerReference[];
  readonly deletionTimestamp?: string;
}

/** An object as the helpers see it. */
export interface OwnedObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: OwnedMeta;
}

/**
 * The controller ownerReference of an object (`controller: true`), or undefined for an orphan.
 * @example controllerRefOf(pod)?.kind === 'ReplicaSet'
 */
export function controllerRefOf(obj: { metadata: OwnedMeta }): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/**
 * The `namespace/name` key of the object's controller when it is of `kind`, else undefined.
 * The controller lives in the object's namespace (ownerReferences never cross namespaces).
 */
export function controllerKeyOf(obj: { metadata: OwnedMeta }, kind: string): string | undefined {
  const ref = controllerRefOf(obj);
  if (ref?.kind !== kind) return undefined;
  return `${obj.metadata.namespace ?? ''}/${ref.name}`;
}

/**
 * A controller ownerReference to `owner` with `blockOwnerDeletion` (metav1.NewControllerRef).
 * @example newControllerRef(rs) // { apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid, controller: true, blockOwnerDeletion: true }
 */
export function newControllerRef(owner: OwnedObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** What a claim decided for each candidate. */
export interface ClaimResult<T> {
  /** Candidates the owner controls after the claim (already owned and matching, plus adopted). */
  readonly claimed: readonly T[];
  /** Orphans to adopt: write them with the owner's controller ref added. */
  readonly adopt: readonly T[];
  /** Owned objects whose labels stopped matching: write them without the owner's reference. */
  readonly release: readonly T[];
}

/**
 * Splits `candidates` the way `ClaimObject` does for an owner with uid `ownerUid`:
 * - controlled by another owner: ignored;
 * - controlled by this owner: claimed when `selector` matches its labels, else released (unless
 *   the owner is being deleted, then ignored);
 * - orphan: adopted when the selector matches, neither the owner nor the object is being deleted.
 * Each candidate is considered once (the first occurrence of a uid wins), in the given order.
 */
export function claimObjects<T extends { metadata: OwnedMeta }>(
  ownerUid: string,
  ownerDeleting: boolean,
  selector: Selector,
  candidates: readonly T[],
): ClaimResult<T> {
  const claimed: T[] = [];
  const adopt: T[] = [];
  const release: T[] = [];
  const seen = new Set<string>();
  for (const obj of candidates) {
    if (seen.has(obj.metadata.uid)) continue;
    seen.add(obj.metadata.uid);
    const ref = controllerRefOf(obj);
    const matches = selector.matches(obj.metadata.labels);
    if (ref !== undefined) {
      if (ref.uid !== ownerUid) continue;
      if (matches) claimed.push(obj);
      else if (!ownerDeleting) release.push(obj);
      continue;
    }
    if (!matches || ownerDeleting || obj.metadata.deletionTimestamp !== undefined) continue;
    adopt.push(obj);
    claimed.push(obj);
  }
  return { claimed, adopt, release };
}

/** A copy of `obj` whose ownerReferences also hold `ref` (adoption). Never mutates `obj`. */
export function withControllerRef<T extends { metadata: OwnedMeta }>(
  obj: T,
  ref: OwnerReference,
): T {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ref.uid);
  return { ...obj, metadata: { ...obj.metadata, ownerReferences: [...refs, ref] } };
}

/**
 * A copy of `obj` without the ownerReference to `ownerUid` (release); the field is dropped when
 * no reference is left. Never mutates `obj`.
 */
export function withoutOwnerRef<T extends { metadata: OwnedMeta }>(obj: T, ownerUid: string): T {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  const { ownerReferences: _dropped, ...rest } = obj.metadata;
  return {
    ...obj,
    metadata: refs.length === 0 ? rest : { ...rest, ownerReferences: refs },
  };
}
