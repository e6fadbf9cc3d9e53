import { describe, expect, it } from 'vitest';
import type { Node } from '../../objects/node.js';
import { makeNode } from '../../testing/fixtures.js';
import { AWS_NLB_PRESET, AZURE_PRESET, GCE_PRESET } from './healthCheckPresets.js';
import { probeAnswer } from './probeAnswer.js';
import { nextProbeAt, viewFlip } from './probeSchedule.js';

describe('when a load balancer stops sending to a node that lost power (probes from t = 0)', () => {
  // The node stops answering at 100 s; each probe then waits its timeout.
  it('GCE Cluster: kube-proxy healthz every 8 s, 3 failures, 1 s timeout → 121 s', () => {
    expect(viewFlip(GCE_PRESET.cluster, 0, true, 'noAnswer', 100_000)).toEqual({
      at: 121_000, // probes at 104, 112, 120 time out at 121
      decidedAt: 120_000,
      healthy: false,
    });
  });
  it('GCE Local: healthCheckNodePort every 3 s, 2 failures, 1 s timeout → 106 s', () => {
    expect(viewFlip(GCE_PRESET.local, 0, true, 'noAnswer', 100_000)?.at).toBe(106_000);
  });
  it('AWS NLB Cluster: TCP node port every 30 s, 3 failures, 10 s timeout → 190 s', () => {
    expect(viewFlip(AWS_NLB_PRESET.cluster, 0, true, 'noAnswer', 100_000)?.at).toBe(190_000);
  });
  it('AWS NLB Local: healthCheckNodePort every 10 s, 2 failures, 10 s timeout → 120 s', () => {
    expect(viewFlip(AWS_NLB_PRESET.local, 0, true, 'noAnswer', 100_000)?.at).toBe(120_000);
  });
  it('Azure Cluster: TCP node port every 5 s, threshold 2, a TCP probe fails when the next is sent → 110 s', () => {
    expect(viewFlip(AZURE_PRESET.cluster, 0, true, 'noAnswer', 100_000)).toEqual({
      at: 110_000, // probes at 100 and 105 go unanswered; the second fails when 110's is sent
      decidedAt: 105_000,
      healthy: false,
    });
  });
  it('Azure Local: healthCheckNodePort every 5 s, threshold 2, HTTP timeout min(5 s, 30 s) → 110 s', () => {
    expect(viewFlip(AZURE_PRESET.local, 0, true, 'noAnswer', 100_000)?.at).toBe(110_000);
  });
  it('a 503 fails at the probe itself, without waiting the timeout', () => {
    expect(viewFlip(GCE_PRESET.local, 0, true, 'fail', 100_000)?.at).toBe(105_000);
  });
});

describe('when a load balancer starts sending to a node', () => {
  it('AWS: a new target is in service after one passed check, a recovered one after three', () => {
    expect(viewFlip(AWS_NLB_PRESET.cluster, 0, false, 'ok', 5_000, { initial: true })?.at).toBe(
      30_000,
    );
    expect(viewFlip(AWS_NLB_PRESET.cluster, 0, false, 'ok', 5_000)?.at).toBe(90_000);
  });
  it('Azure: a new backend is healthy after one successful probe, a recovered one after two', () => {
    expect(viewFlip(AZURE_PRESET.cluster, 0, false, 'ok', 1_000, { initial: true })?.at).toBe(
      5_000,
    );
    expect(viewFlip(AZURE_PRESET.cluster, 0, false, 'ok', 1_000)?.at).toBe(10_000);
    expect(viewFlip(AZURE_PRESET.local, 0, false, 'ok', 1_000)?.at).toBe(10_000);
  });
  it('no flip while the answer agrees with the view', () => {
    expect(viewFlip(GCE_PRESET.cluster, 0, true, 'ok', 5_000)).toBeUndefined();
    expect(viewFlip(GCE_PRESET.cluster, 0, false, 'fail', 5_000)).toBeUndefined();
  });
  it('probes run at phase + k × interval', () => {
    expect(nextProbeAt(0, 8_000, 0)).toBe(0);
    expect(nextProbeAt(8_000, 8_000, 0)).toBe(8_000);
    expect(nextProbeAt(8_001, 8_000, 3_000)).toBe(11_000);
    expect(nextProbeAt(1_000, 8_000, 3_000)).toBe(3_000);
  });
});

describe("a node's answers, as kube-proxy gives them", () => {
  const node = makeNode('n1', 'a');
  const notReady: Node = {
    ...node,
    spec: { ...node.spec, unschedulable: true },
    status: { ...node.status, conditions: [{ type: 'Ready', status: 'Unknown' }] },
  };
  const autoscaled: Node = {
    ...node,
    spec: {
      ...node.spec,
      taints: [{ key: 'ToBeDeletedByClusterAutoscaler', effect: 'NoSchedule' }],
    },
  };
  const deleting: Node = {
    ...node,
    metadata: { ...node.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' },
  };
  it('kube-proxy healthz: 200 for a NotReady, unreachable or cordoned node', () => {
    expect(probeAnswer('kubeProxyHealthz', { powered: true, node: notReady })).toBe('ok');
  });
  it('kube-proxy healthz: 503 for a node being deleted, tainted for deletion, or a stale update', () => {
    expect(probeAnswer('kubeProxyHealthz', { powered: true, node: deleting })).toBe('fail');
    expect(probeAnswer('kubeProxyHealthz', { powered: true, node: autoscaled })).toBe('fail');
    expect(probeAnswer('kubeProxyHealthz', { powered: true, node, proxyUpdateStale: true })).toBe(
      'fail',
    );
  });
  it('no answer from a powered-off node', () => {
    expect(probeAnswer('kubeProxyHealthz', { powered: false, node })).toBe('noAnswer');
    expect(
      probeAnswer('healthCheckNodePort', { powered: false, node, localReadyEndpoints: 2 }),
    ).toBe('noAnswer');
  });
  it('healthCheckNodePort: 200 only with a local ready endpoint and a healthy kube-proxy', () => {
    expect(
      probeAnswer('healthCheckNodePort', { powered: true, node, localReadyEndpoints: 1 }),
    ).toBe('ok');
    expect(
      probeAnswer('healthCheckNodePort', { powered: true, node, localReadyEndpoints: 0 }),
    ).toBe('fail');
    expect(
      probeAnswer('healthCheckNodePort', {
        powered: true,
        node,
        localReadyEndpoints: 1,
        proxyUpdateStale: true,
      }),
    ).toBe('fail');
    // IsHealthy ignores node eligibility: the autoscaler taint does not fail this check.
    expect(
      probeAnswer('healthCheckNodePort', {
        powered: true,
        node: autoscaled,
        localReadyEndpoints: 1,
      }),
    ).toBe('ok');
  });
  it('node port over TCP: connects while the node routes to some endpoint, reset when none', () => {
    expect(probeAnswer('nodePortTcp', { powered: true, node, hasUsableEndpoints: true })).toBe(
      'ok',
    );
    expect(probeAnswer('nodePortTcp', { powered: true, node, hasUsableEndpoints: false })).toBe(
      'fail',
    );
  });
});
