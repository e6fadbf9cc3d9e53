/**
 * EndpointSlice, Endpoints and EndpointSlice-mirroring semantics: pure reconcilers and the
 * controllers built on them (docs/k8s-semantics.md §3).
 * @packageDocumentation
 */
export {
  addressTypeOf,
  findPort,
  isPodReady,
  podAddresses,
  podToEndpoint,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from './podEndpoint.js';
export type { IpAddressType } from './podEndpoint.js';
export {
  compareEndpoints,
  endpointKey,
  endpointsEqualBeyondKey,
  portsKey,
  sortPorts,
} from './endpointIdentity.js';
export {
  addressTypesForService,
  endpointPortsFor,
  isServiceIpSet,
  sliceLabelsFor,
} from './sliceShape.js';
export { hintsModeOf } from './topologyHints.js';
export type { HintsMode } from './topologyHints.js';
export { hasManagedEndpoints, reconcileEndpointSlices } from './reconcileEndpointSlices.js';
export type { ReconcileEndpointSlicesInput } from './reconcileEndpointSlices.js';
export type { EndpointSliceChanges } from './endpointSliceChanges.js';
export { desiredSubsets, reconcileEndpoints } from './reconcileEndpoints.js';
export type { EndpointsChange, ReconcileEndpointsInput } from './reconcileEndpoints.js';
export { reconcileMirroredSlices, shouldMirror } from './reconcileMirroredSlices.js';
export type { MirroringChanges, ReconcileMirroredSlicesInput } from './reconcileMirroredSlices.js';
export { podEndpointsChanged } from './controllerKeys.js';
export {
  createEndpointSliceController,
  endpointSliceController,
} from './endpointSliceController.js';
export { endpointsController } from './endpointsController.js';
export { endpointSliceMirroringController } from './endpointSliceMirroringController.js';
export {
  ANNOTATION_LAST_CHANGE_TRIGGER_TIME,
  ANNOTATION_OVER_CAPACITY,
  ANNOTATION_TOPOLOGY_MODE,
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_HEADLESS,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  LABEL_SKIP_MIRROR,
  MIRRORING_CONTROLLER_NAME,
} from './wellKnown.js';
