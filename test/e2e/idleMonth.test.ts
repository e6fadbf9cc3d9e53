// Idle time is free (DESIGN.md point 6): a settled cluster with no faults schedules nothing while
// 30 virtual days pass (node-monitor passes, PodGC passes, lease renewals and kube-proxy syncs are
// computed, not stepped), and the phases stay exact afterwards: a crash on day 30 is noticed at the
// instant timeline B computes from the fixed phases. `bench/idle.mjs` prints the wall time.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '@kubesim/sim';
import { podsOf, runTo, webApp } from './helpers.js';

const DAY = 86_400_000;
const PERIOD = 5_000; // nodeMonitorPeriod
const RENEW = 10_000; // lease renewals at k × 10 s from the kubelet's start (t = 0)
const GRACE = 50_000; // nodeMonitorGracePeriod

function settledCluster() {
  const sim = createSimulation({ seed: 30 });
  sim.addNodes(10, { zones: ['zone-a', 'zone-b'] });
  sim.apply(webApp('web', 6));
  sim.settle();
  return sim;
}

const resourceVersions = (sim: ReturnType<typeof createSimulation>) =>
  (['Node', 'Pod', 'Lease', 'EndpointSlice', 'ReplicaSet', 'Deployment'] as const).flatMap((kind) =>
    sim.list(kind).map((o) => `${kind}/${o.metadata.name}@${o.metadata.resourceVersion}`),
  );

describe('30 idle virtual days', () => {
  it("accept '30d' and run no event at all on a settled cluster", () => {
    const sim = settledCluster();
    const start = sim.now;
    const events = sim.stats().events;
    const before = resourceVersions(sim);
    sim.runFor('30d');
    expect(sim.now).toBe(start + 30 * DAY);
    expect(sim.stats().events - events).toBe(0);
    expect(resourceVersions(sim)).toEqual(before);
  });

  it('keep the node monitor exact: a crash on day 30 goes Unknown at the computed pass', () => {
    const sim = settledCluster();
    const t0 = 30 * DAY + 64_999;
    runTo(sim, t0);
    const victim = podsOf(sim, 'web')[0]?.spec.nodeName ?? 'node-0';
    sim.faults.crashNode(victim);
    const lastRenewal = Math.floor(t0 / RENEW) * RENEW;
    const tau = Math.ceil(lastRenewal / PERIOD) * PERIOD;
    const unknownAt = (Math.floor((tau + GRACE) / PERIOD) + 1) * PERIOD;
    const ready = () =>
      sim.get('Node', victim)?.status.conditions?.find((c) => c.type === 'Ready')?.status;
    runTo(sim, unknownAt - 1);
    expect(ready()).toBe('True');
    runTo(sim, unknownAt);
    expect(ready()).toBe('Unknown');
  });
});
