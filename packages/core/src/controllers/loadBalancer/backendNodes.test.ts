import { describe, expect, it } from 'vitest';
import type { Node } from '../../objects/node.js';
import { makeNode } from '../../testing/fixtures.js';
import {
  isLoadBalancerBackend,
  loadBalancerBackendNodes,
  nodeUpdateResyncsLoadBalancers,
} from './backendNodes.js';

const withLabel = (n: Node, v: string): Node => ({
  ...n,
  metadata: {
    ...n.metadata,
    labels: { ...n.metadata.labels, 'node.kubernetes.io/exclude-from-external-load-balancers': v },
  },
});
const tainted = (n: Node, key: string): Node => ({
  ...n,
  spec: { ...n.spec, taints: [{ key, effect: 'NoSchedule' }] },
});
const notReady = (n: Node): Node => ({
  ...n,
  status: { ...n.status, conditions: [{ type: 'Ready', status: 'False' }] },
});

describe('load-balancer backend nodes (cloud-provider stableNodeSetPredicates)', () => {
  it('keeps NotReady nodes (KEP-3458: health checks decide) and cordoned ones', () => {
    const n = makeNode('n1', 'a');
    expect(isLoadBalancerBackend(notReady(n))).toBe(true);
    expect(isLoadBalancerBackend({ ...n, spec: { ...n.spec, unschedulable: true } })).toBe(true);
  });
  it('drops nodes with the exclude label unless its value parses as false', () => {
    const n = makeNode('n1', 'a');
    expect(isLoadBalancerBackend(withLabel(n, ''))).toBe(false);
    expect(isLoadBalancerBackend(withLabel(n, 'true'))).toBe(false);
    expect(isLoadBalancerBackend(withLabel(n, 'yes'))).toBe(false);
    expect(isLoadBalancerBackend(withLabel(n, 'false'))).toBe(true);
    expect(isLoadBalancerBackend(withLabel(n, '0'))).toBe(true);
  });
  it('drops nodes tainted ToBeDeletedByClusterAutoscaler and nodes being deleted', () => {
    const n = makeNode('n1', 'a');
    expect(isLoadBalancerBackend(tainted(n, 'ToBeDeletedByClusterAutoscaler'))).toBe(false);
    expect(isLoadBalancerBackend(tainted(n, 'other'))).toBe(true);
    expect(
      isLoadBalancerBackend({
        ...n,
        metadata: { ...n.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' },
      }),
    ).toBe(false);
  });
  it('lists backends by name', () => {
    const nodes = [
      makeNode('n3', 'a'),
      withLabel(makeNode('n2', 'a'), 'true'),
      makeNode('n1', 'b'),
    ];
    expect(loadBalancerBackendNodes(nodes)).toEqual(['n1', 'n3']);
  });
  it('resyncs host lists on an exclude-label change but not on the autoscaler taint alone', () => {
    const n = makeNode('n1', 'a');
    expect(nodeUpdateResyncsLoadBalancers(n, withLabel(n, 'true'))).toBe(true);
    expect(nodeUpdateResyncsLoadBalancers(n, tainted(n, 'ToBeDeletedByClusterAutoscaler'))).toBe(
      false,
    );
  });
});
