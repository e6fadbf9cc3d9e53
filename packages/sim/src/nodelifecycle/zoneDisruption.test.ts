import { describe, expect, it } from 'vitest';
import { LABEL_EXCLUDE_DISRUPTION, parseTimestamp, unknownTransitionTime } from '@kubesim/core';
import { NodeLifecycleController } from './nodeLifecycleController.js';
import { TestHost, addNode } from './testHost.test-helper.js';

/** A cluster of `size` nodes per zone, named `<zone>-<i>`. */
function cluster(zones: Record<string, number>) {
  const host = new TestHost();
  const nlc = new NodeLifecycleController(host);
  for (const [zone, size] of Object.entries(zones)) {
    for (let i = 0; i < size; i++) {
      const name = `${zone}-${String(i).padStart(2, '0')}`;
      addNode(host, name, zone);
      nlc.nodeAdded(name);
    }
  }
  return { host, nlc };
}

/** Stops the first `count` nodes of `zone` at t (renewed last at t − 1 ms); returns the Unknown pass. */
function crashZone(
  h: { host: TestHost; nlc: NodeLifecycleController },
  zone: string,
  count: number,
  t: number,
): number {
  h.host.runUntil(t);
  for (let i = 0; i < count; i++)
    h.nlc.heartbeatsStopped(`${zone}-${String(i).padStart(2, '0')}`, t - 1);
  return unknownTransitionTime(t - 1, h.host.config);
}

/** Instants (ms) at which nodes got their NoExecute taint, sorted. */
function noExecuteTimes(host: TestHost): number[] {
  return host.store
    .list('Node')
    .flatMap((n) => n.spec.taints ?? [])
    .filter((t) => t.effect === 'NoExecute')
    .map((t) => (parseTimestamp(t.timeAdded ?? '') ?? Number.NaN) - host.config.startTime)
    .sort((a, b) => a - b);
}

describe('zone disruption and the NoExecute tainting rate', () => {
  it('taints one node per 10 s per zone, the first at once, zones independently', () => {
    const h = cluster({ a: 10, b: 10 });
    const at = crashZone(h, 'a', 3, 12_000);
    crashZone(h, 'b', 1, 12_000);
    h.host.runUntil(at + 600_000);
    const first = at + 5000;
    expect(noExecuteTimes(h.host)).toEqual([first, first, first + 10_000, first + 20_000]);
    expect(h.nlc.zoneStates()).toEqual(
      new Map([
        ['a', 'Normal'],
        ['b', 'Normal'],
      ]),
    );
  });

  it('stops tainting a partially disrupted zone of at most 50 nodes', () => {
    const h = cluster({ a: 50, b: 3 });
    const at = crashZone(h, 'a', 28, 12_000); // 56 % and more than 2
    h.host.runUntil(at + 3_600_000);
    expect(h.nlc.zoneStates().get('a')).toBe('PartialDisruption');
    expect(noExecuteTimes(h.host)).toEqual([]);
  });

  it('taints a partially disrupted zone of more than 50 nodes at 0.01 node/s', () => {
    const h = cluster({ a: 51, b: 3 });
    const at = crashZone(h, 'a', 29, 12_000); // 57 %
    h.host.runUntil(at + 300_000);
    expect(h.nlc.zoneStates().get('a')).toBe('PartialDisruption');
    const first = at + 5000;
    expect(noExecuteTimes(h.host)).toEqual([first, first + 100_000, first + 200_000]);
  });

  it('keeps 0.1 node/s in a fully disrupted zone while another zone is healthy', () => {
    const h = cluster({ a: 3, b: 3 });
    const at = crashZone(h, 'a', 3, 12_000);
    h.host.runUntil(at + 600_000);
    expect(h.nlc.zoneStates().get('a')).toBe('FullDisruption');
    const first = at + 5000;
    expect(noExecuteTimes(h.host)).toEqual([first, first + 10_000, first + 20_000]);
  });

  it('stops tainting and removes the NoExecute taints when every zone is fully disrupted', () => {
    const h = cluster({ a: 2, b: 2 });
    const atA = crashZone(h, 'a', 2, 12_000);
    h.host.runUntil(atA + 15_000);
    expect(noExecuteTimes(h.host)).toHaveLength(2);
    const atB = crashZone(h, 'b', 2, atA + 15_000);
    h.host.runUntil(atB);
    expect(noExecuteTimes(h.host)).toEqual([]);
    h.host.runUntil(atB + 3_600_000);
    expect(noExecuteTimes(h.host)).toEqual([]);
    expect([...h.nlc.zoneStates().values()]).toEqual(['FullDisruption', 'FullDisruption']);
    // Unreachable NoSchedule taints stay: only NoExecute ones are lifted.
    expect(h.host.store.get('Node', 'a-00')?.spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ]);
  });

  it('resumes tainting after one node of a fully disrupted cluster comes back', () => {
    const h = cluster({ a: 2, b: 2 });
    const at = crashZone(h, 'a', 2, 12_000);
    crashZone(h, 'b', 2, 12_000);
    h.host.runUntil(at + 60_000);
    expect(noExecuteTimes(h.host)).toEqual([]);
    h.host.runUntil(at + 61_000);
    h.nlc.heartbeatsResumed('b-00');
    h.host.runUntil(at + 65_000); // the recovery pass: exit from full disruption
    expect(h.nlc.zoneStates()).toEqual(
      new Map([
        ['a', 'FullDisruption'],
        ['b', 'Normal'],
      ]),
    );
    h.host.runUntil(at + 600_000);
    // The fresh buckets start empty (the stopped ones had no token): first taints 10 s later.
    expect(noExecuteTimes(h.host)).toEqual([at + 75_000, at + 75_000, at + 85_000]);
  });

  it('leaves nodes labelled exclude-disruption out of the zone counts', () => {
    const h = cluster({ a: 3, b: 3 });
    const excluded = addNode(h.host, 'a-extra', 'a', { [LABEL_EXCLUDE_DISRUPTION]: '' });
    h.nlc.nodeAdded(excluded.metadata.name);
    const at = crashZone(h, 'a', 3, 12_000);
    h.host.runUntil(at);
    expect(h.nlc.zoneStates().get('a')).toBe('FullDisruption');
  });
});
