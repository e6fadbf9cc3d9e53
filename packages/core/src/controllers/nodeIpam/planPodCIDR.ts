/**
 * Node IPAM's decision for one node: the Node update that gives it a pod CIDR, or the
 * `CIDRNotAvailable` event when the range is full (range_allocator.go `AllocateOrOccupyCIDR`).
 * @packageDocumentation
 */
import type { ClusterView } from '../../store/view.js';
import { emptyPlan, type Plan } from '../plan.js';
import type { PodCidrBlocks } from './podCidrBlocks.js';

/** The name node IPAM's writes are traced with. */
export const NODE_IPAM_CONTROLLER = 'node-ipam-controller';

/**
 * The plan for `nodeName`: nothing when the node is gone or already has `spec.podCIDR`; else an
 * update setting `spec.podCIDR` and `spec.podCIDRs` to the lowest free block of `blocks`; else
 * (range full) a Normal `CIDRNotAvailable` event. Reads `blocks`, never changes it: the block is
 * taken when the updated Node is seen.
 */
export function planPodCIDR(view: ClusterView, nodeName: string, blocks: PodCidrBlocks): Plan {
  const node = view.get('Node', nodeName);
  if (node === undefined || node.spec.podCIDR !== undefined) return emptyPlan;
  const cidr = blocks.lowestFree();
  if (cidr === undefined) {
    return {
      actions: [
        {
          verb: 'event',
          regarding: { kind: 'Node', key: nodeName },
          type: 'Normal',
          reason: 'CIDRNotAvailable',
          message: `Node ${nodeName} status is now: CIDRNotAvailable`,
        },
      ],
    };
  }
  return {
    actions: [
      {
        verb: 'update',
        object: { ...node, spec: { ...node.spec, podCIDR: cidr, podCIDRs: [cidr] } },
      },
    ],
  };
}
