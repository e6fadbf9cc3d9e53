import { describe, expect, it } from 'vitest';
import { runningPod, node } from '../kubectl/fixtures.test-helper.js';
import { summarizeChange, summarizeEvent } from './summarizeChange.js';

describe('summarizeChange', () => {
  it('names a pod once and lists its changes', () => {
    const before = runningPod('web-a', 'node-0', '10.0.0.1');
    const after = structuredClone(before);
    after.status.conditions = [{ type: 'Ready', status: 'False' }];
    after.metadata.deletionTimestamp = '2025-01-01T00:01:00Z';
    after.metadata.deletionGracePeriodSeconds = 30;
    expect(summarizeChange('Pod', 'default/web-a', before, after)).toEqual({
      category: 'pod',
      text: 'Pod default/web-a Ready → False, terminating (grace 30s)',
    });
  });

  it('reports node readiness, cordon and taints, and nothing for bookkeeping', () => {
    const before = node('node-1', 'True');
    const after = structuredClone(node('node-1', 'Unknown', { unschedulable: true }));
    after.spec.taints = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }];
    expect(summarizeChange('Node', 'node-1', before, after)?.text).toBe(
      'Node node-1 Ready → Unknown, cordoned, tainted node.kubernetes.io/unreachable:NoExecute',
    );
    const bumped = structuredClone(before);
    bumped.metadata.resourceVersion = '9';
    expect(summarizeChange('Node', 'node-1', before, bumped)).toBeUndefined();
  });

  it('skips kinds it does not follow, and Scheduled events', () => {
    expect(summarizeChange('Lease', 'kube-node-lease/node-0', {}, {})).toBeUndefined();
    const ev = {
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web-a' },
      reason: 'Scheduled',
      message: 'm',
      type: 'Normal',
    };
    expect(summarizeEvent(ev as never)).toBeUndefined();
    expect(summarizeEvent({ ...ev, reason: 'TaintManagerEviction' } as never)?.text).toBe(
      'Normal TaintManagerEviction Pod default/web-a: m',
    );
  });
});
