/**
 * Packing one (address type, port list) group of endpoints into slices (§3.15–3.16), after
 * k8s.io/endpointslice reconciler.go `reconcileByPortMapping` and utils.go `getSliceToFill`.
 * Internal to the EndpointSlice reconciler.
 * @packageDocumentation
 */
import type { Endpoint, EndpointPort, EndpointSlice } from '../../objects/discovery.js';
import type { Service } from '../../objects/service.js';
import { endpointKey, endpointsEqualBeyondKey, sortEndpoints } from './endpointIdentity.js';
import type { IpAddressType } from './podEndpoint.js';
import { sameRecord } from './records.js';
import { newServiceSlice, sliceLabelsFor } from './sliceShape.js';

/** What packing one group decided. Slices in `toUpdate` are fresh copies; inputs are untouched. */
export interface PackResult {
  toCreate: EndpointSlice[];
  toUpdate: EndpointSlice[];
  toDelete: EndpointSlice[];
  /** Existing slices of the group that need no write (before hints are reconciled). */
  unchanged: EndpointSlice[];
}

/** Inputs of {@link packSlices}. */
export interface PackInput {
  readonly service: Service;
  /** Existing slices of this group owned by the Service, sorted by name. */
  readonly existing: readonly EndpointSlice[];
  /** Desired endpoints of this group by {@link endpointKey}. */
  readonly desired: ReadonlyMap<string, Endpoint>;
  readonly ports: readonly EndpointPort[];
  readonly addressType: IpAddressType;
  readonly maxEndpointsPerSlice: number;
}

// The labels a slice of the Service should carry: a pure function of the frozen Service, kept
// per Service object (frozen, so every sync can share them; writes copy them).
const labelsCache = new WeakMap<Service, Readonly<Record<string, string>>>();

function labelsOf(service: Service): Readonly<Record<string, string>> {
  const hit = labelsCache.get(service);
  if (hit !== undefined) return hit;
  const labels = Object.freeze(sliceLabelsFor(service));
  if (
    Object.isFrozen(service) &&
    Object.isFrozen(service.metadata) &&
    Object.isFrozen(service.spec) &&
    (service.metadata.labels === undefined || Object.isFrozen(service.metadata.labels))
  ) {
    labelsCache.set(service, labels);
  }
  return labels;
}

/**
 * The slice with the least room left after taking all `count` endpoints, among those that can
 * take them all; undefined when none can. Ties go to the first in order.
 */
function sliceToFill(
  candidates: readonly EndpointSlice[],
  count: number,
  max: number,
): EndpointSlice | undefined {
  let best: EndpointSlice | undefined;
  let bestRoom = max;
  for (const slice of candidates) {
    const room = max - (count + slice.endpoints.length);
    if (room >= 0 && room < bestRoom) {
      best = slice;
      bestRoom = room;
      if (room === 0) break;
    }
  }
  return best;
}

/**
 * Packs a group: keeps desired endpoints where they are (refreshed), empties → delete, changes →
 * update, then places new endpoints into slices being updated (fullest first), then into the
 * unchanged slice that fits all of the rest most tightly when fewer than the maximum remain, else
 * into new slices filled to the maximum. It never moves an endpoint between slices (no rebalancing).
 * New endpoints are placed in compareEndpoints order so the result does not depend on the
 * order of the pods.
 */
export function packSlices(input: PackInput): PackResult {
  const { service, existing, desired, maxEndpointsPerSlice: max } = input;
  const remaining = new Map(desired);
  const wantLabels = labelsOf(service);
  const updates = new Map<string, EndpointSlice>();
  const unchanged = new Map<string, EndpointSlice>();
  const toDelete: EndpointSlice[] = [];

  for (const slice of existing) {
    const kept: Endpoint[] = [];
    let endpointChanged = false;
    for (const ep of slice.endpoints) {
      // Kept per frozen endpoint: a stored endpoint that is a desired one has its key already.
      const key = endpointKey(ep);
      const want = remaining.get(key);
      if (want === undefined) continue;
      kept.push(want);
      if (!endpointsEqualBeyondKey(want, ep)) endpointChanged = true;
      remaining.delete(key);
    }
    const labelsChanged = !sameRecord(slice.metadata.labels, wantLabels);
    if (endpointChanged || kept.length !== slice.endpoints.length) {
      if (kept.length === 0) toDelete.push(slice);
      else updates.set(slice.metadata.name, withContent(slice, kept, wantLabels));
    } else if (labelsChanged) {
      updates.set(slice.metadata.name, withContent(slice, [...slice.endpoints], wantLabels));
    } else {
      unchanged.set(slice.metadata.name, slice);
    }
  }

  const queue = sortEndpoints([...remaining.values()]);
  let next = 0;
  const left = (): number => queue.length - next;
  const take = (slice: EndpointSlice): void => {
    while (left() > 0 && slice.endpoints.length < max) {
      const ep = queue[next++];
      if (ep !== undefined) slice.endpoints.push(ep);
    }
  };

  // Step 2: fill the slices already being written, fullest first (ties by name).
  const fullestFirst = [...updates.values()].sort(
    (a, b) =>
      b.endpoints.length - a.endpoints.length || (a.metadata.name < b.metadata.name ? -1 : 1),
  );
  for (const slice of fullestFirst) take(slice);

  // Step 3: one unchanged slice that fits everything left, or new slices.
  const toCreate: EndpointSlice[] = [];
  while (left() > 0) {
    const fit =
      left() < max && unchanged.size > 0
        ? sliceToFill([...unchanged.values()], left(), max)
        : undefined;
    if (fit === undefined) {
      const fresh = newServiceSlice(service, input.ports, input.addressType);
      take(fresh);
      toCreate.push(fresh);
    } else {
      const copy = withContent(fit, [...fit.endpoints], wantLabels);
      take(copy);
      unchanged.delete(fit.metadata.name);
      updates.set(copy.metadata.name, copy);
    }
  }

  return {
    toCreate,
    toUpdate: [...updates.values()],
    toDelete,
    unchanged: [...unchanged.values()],
  };
}

/** A copy of `slice` with new endpoints and labels (the arrays are the copy's own). */
function withContent(
  slice: EndpointSlice,
  endpoints: Endpoint[],
  labels: Readonly<Record<string, string>>,
): EndpointSlice {
  return {
    ...slice,
    metadata: { ...slice.metadata, labels: { ...labels } },
    endpoints,
    ports: [...slice.ports],
  };
}
