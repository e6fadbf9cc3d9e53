/**
 * The generations of the EndpointSlices the EndpointSlice controller wrote, per Service, so it can
 * tell its own writes coming back from someone else's change (k8s.io/endpointslice
 * util/endpointslice_tracker.go `EndpointSliceTracker`). Internal to the controller.
 * @packageDocumentation
 */
import type { EndpointSlice } from '../../objects/discovery.js';
import { LABEL_SERVICE_NAME } from './wellKnown.js';

/** The generation kept for a slice the controller deleted and has not yet seen go. */
const DELETION_EXPECTED = -1;

/** `namespace/<service-name label>` of a slice: the Service key its generations are kept under. */
function serviceKeyOf(slice: EndpointSlice): string {
  return `${slice.metadata.namespace}/${slice.metadata.labels?.[LABEL_SERVICE_NAME] ?? ''}`;
}

const generationOf = (slice: EndpointSlice): number => slice.metadata.generation ?? 0;

/**
 * Per Service key, slice uid → the generation the controller last wrote (or
 * {@link DELETION_EXPECTED}). Maps keep insertion order; no answer depends on iteration order.
 */
export class EndpointSliceTracker {
  #byService = new Map<string, Map<string, number>>();

  #generations(slice: EndpointSlice): Map<string, number> | undefined {
    return this.#byService.get(serviceKeyOf(slice));
  }

  #generationsOrNew(slice: EndpointSlice): Map<string, number> {
    const key = serviceKeyOf(slice);
    let gens = this.#byService.get(key);
    if (gens === undefined) {
      gens = new Map();
      this.#byService.set(key, gens);
    }
    return gens;
  }

  /** True when a generation (or an expected deletion) is kept for the slice (`Has`). */
  has(slice: EndpointSlice): boolean {
    return this.#generations(slice)?.has(slice.metadata.uid) ?? false;
  }

  /**
   * True when the slice is news to the controller: its Service or uid is not tracked, or its
   * generation is past the one kept (`ShouldSync`). The controller's own write comes back with
   * the generation it recorded, so it is no reason to sync.
   */
  shouldSync(slice: EndpointSlice): boolean {
    const kept = this.#generations(slice)?.get(slice.metadata.uid);
    return kept === undefined || generationOf(slice) > kept;
  }

  /**
   * True when `slices` (the Service's managed slices not being deleted) are older than what the
   * controller wrote (`StaleSlices`): one has a generation below the kept one, or is expected to
   * be deleted, or a tracked slice that is not expected to go is missing.
   */
  staleSlices(serviceKey: string, slices: readonly EndpointSlice[]): boolean {
    const gens = this.#byService.get(serviceKey);
    if (gens === undefined) return false;
    const provided = new Set<string>();
    for (const slice of slices) {
      const uid = slice.metadata.uid;
      provided.add(uid);
      const kept = gens.get(uid);
      if (kept !== undefined && (kept === DELETION_EXPECTED || kept > generationOf(slice))) {
        return true;
      }
    }
    for (const [uid, kept] of gens) {
      if (kept !== DELETION_EXPECTED && !provided.has(uid)) return true;
    }
    return false;
  }

  /** Keeps the generation of a slice the controller created or updated (`Update`). */
  update(slice: EndpointSlice): void {
    this.#generationsOrNew(slice).set(slice.metadata.uid, generationOf(slice));
  }

  /** Marks a slice the controller deleted (`ExpectDeletion`). */
  expectDeletion(slice: EndpointSlice): void {
    this.#generationsOrNew(slice).set(slice.metadata.uid, DELETION_EXPECTED);
  }

  /**
   * Forgets a deleted slice; true when the deletion was the controller's own (expected) or the
   * slice was not tracked, false when someone else deleted a slice it wrote (`HandleDeletion`).
   */
  handleDeletion(slice: EndpointSlice): boolean {
    const gens = this.#generations(slice);
    if (gens === undefined) return true;
    const uid = slice.metadata.uid;
    const kept = gens.get(uid);
    gens.delete(uid);
    return kept === undefined || kept === DELETION_EXPECTED;
  }

  /** Forgets every slice of a deleted Service (`DeleteService`). */
  deleteService(serviceKey: string): void {
    this.#byService.delete(serviceKey);
  }

  /** An independent copy (for a fork of the simulation). */
  fork(): EndpointSliceTracker {
    const out = new EndpointSliceTracker();
    for (const [key, gens] of this.#byService) out.#byService.set(key, new Map(gens));
    return out;
  }
}
