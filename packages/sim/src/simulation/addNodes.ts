/**
 * Node manifests for `Simulation.addNodes`.
 * @packageDocumentation
 */
import { intToIpv4, ipv4ToInt, type NodeInput } from '@kubesim/core';
import type { NodeTemplate } from './types.js';

const FIRST_NODE_IP = ipv4ToInt('172.16.0.10') ?? 0;

/** Manifests of `count` Ready nodes numbered from `first` (node-<n>), as a kubelet registers them. */
export function buildNodes(first: number, count: number, template: NodeTemplate): NodeInput[] {
  const zones = template.zones ?? [];
  const cpu = template.cpu ?? '4';
  const memory = template.memory ?? '16Gi';
  const pods = String(template.pods ?? 110);
  const nodes: NodeInput[] = [];
  for (let i = first; i < first + count; i++) {
    const name = `node-${i}`;
    const zone = zones.length > 0 ? zones[(i - first) % zones.length] : undefined;
    const capacity = { cpu, memory, pods };
    nodes.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: {
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          ...(zone !== undefined
            ? { 'topology.kubernetes.io/zone': zone, 'topology.kubernetes.io/region': 'region-1' }
            : {}),
          ...template.labels,
        },
      },
      spec: template.taints !== undefined ? { taints: template.taints.map((t) => ({ ...t })) } : {},
      status: {
        capacity,
        allocatable: { ...capacity },
        conditions: [
          { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
          { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure' },
          { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID' },
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
          },
        ],
        addresses: [
          { type: 'InternalIP', address: intToIpv4(FIRST_NODE_IP + i) },
          { type: 'Hostname', address: name },
        ],
      },
    });
  }
  return nodes;
}
