/**
 * Node IPAM (the controller manager's range allocator): each node gets a `/nodeCIDRMaskSize`
 * block of the cluster CIDR as `spec.podCIDR(s)`, lowest free block first.
 * @packageDocumentation
 */
export { PodCidrBlocks } from './podCidrBlocks.js';
export { NODE_IPAM_CONTROLLER, planPodCIDR } from './planPodCIDR.js';
