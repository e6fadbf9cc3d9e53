/**
 * Helpers shared by the workload controllers: pod predicates, ownership and claims, the
 * pod-template hash, and virtual-time conversion.
 * @packageDocumentation
 */
export {
  isPodActive,
  isPodAvailable,
  isPodTerminating,
  msUntilAvailable,
  podReadySince,
} from './podPredicates.js';
export {
  claimObjects,
  controllerKeyOf,
  controllerRefOf,
  newControllerRef,
  withControllerRef,
  withoutOwnerRef,
} from './ownership.js';
export type { ClaimResult, OwnedMeta, OwnedObject } from './ownership.js';
export {
  POD_TEMPLATE_HASH_LABEL,
  canonicalJson,
  computePodTemplateHash,
  fnv1a32,
  safeEncodeString,
} from './podTemplateHash.js';
export { epochMsAt, timestampAt } from './virtualTime.js';
export { scaledIntOrPercent } from './intOrPercent.js';
export type { ScaledIntOrPercent } from './intOrPercent.js';
