/**
 * The create, update and delete lists an EndpointSlice reconcile returns, in a file of its own so
 * the reconciler and its finalize step both depend on it rather than on each other.
 * @packageDocumentation
 */
import type { EndpointSlice } from '../../objects/discovery.js';

/** The writes a reconcile wants. Creates have `metadata.generateName` and an empty name. */
export interface EndpointSliceChanges {
  readonly toCreate: EndpointSlice[];
  /** Full objects carrying the resourceVersion of the slice they replace. */
  readonly toUpdate: EndpointSlice[];
  readonly toDelete: EndpointSlice[];
}
