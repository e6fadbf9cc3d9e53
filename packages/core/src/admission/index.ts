/**
 * Admission: defaulting (with the defaulting admission plugins) and the Service ClusterIP and
 * NodePort allocators.
 * @packageDocumentation
 */
export { defaultObject } from './defaultObject.js';
export { withDefaultTolerationSeconds } from './defaultTolerationSeconds.js';
export { ServiceAllocators } from './serviceAllocators.js';
export type { ServiceAdmission } from './serviceAllocators.js';
export { ClusterIPAllocator } from './clusterIPAllocator.js';
export { NodePortAllocator } from './nodePortAllocator.js';
export { AllocationError } from './allocationError.js';
export type { AllocationErrorCode } from './allocationError.js';
export { clusterIPRangeOffset, nodePortRangeOffset } from './rangeOffset.js';
export { intToIpv4, ipv4ToInt, parseIpv4Cidr } from './ipv4.js';
export type { Ipv4Cidr } from './ipv4.js';
