/**
 * The last steps of an EndpointSlice reconcile: recognising the placeholder slice and recycling
 * delete+create pairs (k8s.io/endpointslice reconciler.go placeholder block and `finalize`).
 * Internal to the reconciler.
 * @packageDocumentation
 */
import type { EndpointSlice } from '../../objects/discovery.js';
import type { Service } from '../../objects/service.js';
import type { EndpointSliceChanges } from './endpointSliceChanges.js';
import { sliceOwnedBy } from './sliceShape.js';

/**
 * True when an existing slice is already the placeholder `placeholder` describes: same namespace,
 * address type, labels and owner, no ports and no endpoints (names and annotations aside).
 */
export function isPlaceholderOf(slice: EndpointSlice, placeholder: EndpointSlice): boolean {
  const a = slice.metadata.labels ?? {};
  const b = placeholder.metadata.labels ?? {};
  return (
    slice.metadata.namespace === placeholder.metadata.namespace &&
    slice.addressType === placeholder.addressType &&
    slice.ports.length === 0 &&
    slice.endpoints.length === 0 &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.keys(b).every((k) => a[k] === b[k]) &&
    JSON.stringify(slice.metadata.ownerReferences ?? []) ===
      JSON.stringify(placeholder.metadata.ownerReferences ?? [])
  );
}

/**
 * Turns each (delete, create) pair into an update of the slice that would be deleted, reusing its
 * name, uid and resourceVersion (reconciler.go `finalize`). Only slices owned by this Service are
 * recycled (address types already match here).
 */
export function recycleDeletes(
  service: Service,
  creates: EndpointSlice[],
  updates: EndpointSlice[],
  deletes: EndpointSlice[],
): EndpointSliceChanges {
  const toCreate = [...creates];
  const toUpdate = [...updates];
  const toDelete: EndpointSlice[] = [];
  for (const old of deletes) {
    const fresh = toCreate.length > 0 ? toCreate[toCreate.length - 1] : undefined;
    if (fresh === undefined || !sliceOwnedBy(old, service)) {
      toDelete.push(old);
      continue;
    }
    toCreate.pop();
    const { generateName: _g, ...freshMeta } = fresh.metadata;
    toUpdate.push({
      ...fresh,
      metadata: {
        ...freshMeta,
        name: old.metadata.name,
        uid: old.metadata.uid,
        resourceVersion: old.metadata.resourceVersion,
        creationTimestamp: old.metadata.creationTimestamp,
        ...(old.metadata.generateName !== undefined
          ? { generateName: old.metadata.generateName }
          : {}),
      },
    });
  }
  return { toCreate, toUpdate, toDelete };
}
