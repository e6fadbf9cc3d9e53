import { describe, expect, it } from 'vitest';
import type { Node } from '@kubesim/core';
import { NodeLifecycleController } from './nodeLifecycleController.js';
import { TAINT_NODE_UNREACHABLE, unknownTransitionTime } from '@kubesim/core';
import { TestHost, addNode, conditionStatus, runPodOn, stampAt } from './testHost.test-helper.js';

function setup(config: ConstructorParameters<typeof TestHost>[0] = {}) {
  const host = new TestHost(config);
  const nlc = new NodeLifecycleController(host);
  for (const name of ['node-1', 'node-2', 'node-3']) {
    addNode(host, name, 'zone-a');
    nlc.nodeAdded(name);
  }
  runPodOn(host, 'web-1', 'node-1');
  runPodOn(host, 'web-2', 'node-1');
  runPodOn(host, 'other', 'node-2');
  return { host, nlc };
}

const node = (host: TestHost, name: string): Node | undefined => host.store.get('Node', name);
const taintsOf = (host: TestHost, name: string) => node(host, name)?.spec.taints ?? [];

/** Crash node-1 at t0; its kubelet renewed at 0, 10 s, 20 s, … */
function crash(host: TestHost, nlc: NodeLifecycleController, t0: number): number {
  host.runUntil(t0);
  const lastRenewal = Math.floor((t0 - 1) / 10_000) * 10_000;
  nlc.heartbeatsStopped('node-1', lastRenewal);
  return unknownTransitionTime(lastRenewal, host.config);
}

describe('NodeLifecycleController: a node whose heartbeats stop', () => {
  it.each([12_000, 20_000, 20_001, 29_999, 41_234])(
    'turns Unknown with its pods NotReady exactly at the computed pass (crash at %i ms)',
    (t0) => {
      const { host, nlc } = setup();
      const at = crash(host, nlc, t0);
      expect(at).toBeGreaterThanOrEqual(t0 + 45_000);
      expect(at).toBeLessThan(t0 + 60_000);
      host.runUntil(at - 1);
      expect(conditionStatus(node(host, 'node-1'), 'Ready')).toBe('True');
      expect(conditionStatus(host.store.get('Pod', 'default/web-1'), 'Ready')).toBe('True');
      host.runUntil(at);
      const n = node(host, 'node-1');
      const ready = n?.status.conditions?.find((c) => c.type === 'Ready');
      expect(ready).toMatchObject({
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastTransitionTime: stampAt(host, at),
      });
      for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure']) {
        expect(conditionStatus(n, type)).toBe('Unknown');
      }
      for (const name of ['web-1', 'web-2']) {
        const pod = host.store.get('Pod', `default/${name}`);
        expect(conditionStatus(pod, 'Ready')).toBe('False');
        expect(conditionStatus(pod, 'ContainersReady')).toBe('True');
        expect(pod?.status.phase).toBe('Running');
      }
      expect(conditionStatus(host.store.get('Pod', 'default/other'), 'Ready')).toBe('True');
      expect(taintsOf(host, 'node-1')).toEqual([
        { key: TAINT_NODE_UNREACHABLE, effect: 'NoSchedule' },
      ]);
    },
  );

  it('turns Unknown 10 s earlier with the 40 s grace period', () => {
    const a = setup();
    const b = setup({ nodeMonitorGracePeriod: 40_000 });
    const atDefault = crash(a.host, a.nlc, 23_000);
    const atOld = crash(b.host, b.nlc, 23_000);
    expect(atOld).toBe(atDefault - 10_000);
    b.host.runUntil(atOld - 1);
    expect(conditionStatus(node(b.host, 'node-1'), 'Ready')).toBe('True');
    b.host.runUntil(atOld);
    expect(conditionStatus(node(b.host, 'node-1'), 'Ready')).toBe('Unknown');
  });

  it('adds the unreachable NoExecute taint at the next pass, stamped with its time', () => {
    const { host, nlc } = setup();
    const at = crash(host, nlc, 12_000);
    host.runUntil(at + 4999);
    expect(taintsOf(host, 'node-1').some((t) => t.effect === 'NoExecute')).toBe(false);
    host.runUntil(at + 5000);
    expect(taintsOf(host, 'node-1')).toContainEqual({
      key: TAINT_NODE_UNREACHABLE,
      effect: 'NoExecute',
      timeAdded: stampAt(host, at + 5000),
    });
  });

  it('costs nothing while healthy: no event is pending after the first pass', () => {
    const { host } = setup();
    host.runUntil(0);
    expect(host.pending).toBe(0);
    host.runUntil(3_600_000);
    expect(host.ran.length).toBe(1);
  });

  it('does nothing when heartbeats resume before the transition', () => {
    const { host, nlc } = setup();
    const at = crash(host, nlc, 12_000);
    host.runUntil(at - 10_000);
    nlc.heartbeatsResumed('node-1');
    host.runUntil(at + 600_000);
    expect(conditionStatus(node(host, 'node-1'), 'Ready')).toBe('True');
    expect(taintsOf(host, 'node-1')).toEqual([]);
  });

  it('writes Ready and removes its taints at the first pass after heartbeats resume', () => {
    const { host, nlc } = setup();
    const at = crash(host, nlc, 12_000);
    host.runUntil(at + 20_000);
    expect(taintsOf(host, 'node-1')).toHaveLength(2);
    host.runUntil(at + 21_000);
    nlc.heartbeatsResumed('node-1');
    host.runUntil(at + 24_999);
    expect(conditionStatus(node(host, 'node-1'), 'Ready')).toBe('Unknown');
    host.runUntil(at + 25_000);
    expect(conditionStatus(node(host, 'node-1'), 'Ready')).toBe('True');
    expect(conditionStatus(node(host, 'node-1'), 'MemoryPressure')).toBe('False');
    expect(taintsOf(host, 'node-1')).toEqual([]);
  });

  it('gives a node that never posted Ready the 60 s startup grace period', () => {
    const host = new TestHost();
    const nlc = new NodeLifecycleController(host);
    host.store.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'fresh' },
      spec: {},
      status: { conditions: [] },
    });
    nlc.nodeAdded('fresh');
    nlc.heartbeatsStopped('fresh', 0);
    host.runUntil(64_999);
    expect(conditionStatus(node(host, 'fresh'), 'Ready')).toBeUndefined();
    host.runUntil(65_000);
    expect(node(host, 'fresh')?.status.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
    });
  });

  it('refuses heartbeats of a node that does not exist or a renewal in the future', () => {
    const { host, nlc } = setup();
    expect(() => {
      nlc.heartbeatsStopped('ghost', 0);
    }).toThrow(/nodes "ghost" not found/);
    host.runUntil(1000);
    expect(() => {
      nlc.heartbeatsStopped('node-1', 2000);
    }).toThrow(/lastRenewal/);
  });

  it('drops the work of a deleted node', () => {
    const { host, nlc } = setup();
    const at = crash(host, nlc, 12_000);
    host.store.delete('Node', 'node-1');
    nlc.nodeDeleted('node-1');
    host.runUntil(at + 60_000);
    expect(host.store.get('Node', 'node-1')).toBeUndefined();
    expect(conditionStatus(host.store.get('Pod', 'default/web-1'), 'Ready')).toBe('True');
  });
});
