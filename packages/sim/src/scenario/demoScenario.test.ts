import { describe, expect, it } from 'vitest';
import { GCE_PRESET } from '@kubesim/core';
import { DEMO_CRASHED_NODE, DEMO_SERVICE, demoScenario } from './demoScenario.js';
import { runScenario } from './runScenario.js';

describe('the node-failure demo scenario', () => {
  // Seed 1 is pinned: it places a web replica on the crashed node and none on the client's node.
  const r = runScenario(demoScenario(), { invariants: [] });

  it('crashes a node that runs a web replica at 1 min', () => {
    const crash = r.trace.entries.find((e) => e.type === 'CrashNode');
    expect(crash?.t).toBe(60_000);
    expect(r.sim.metrics.blackHoleWindows(DEMO_SERVICE).map((w) => w.start)).toEqual([60_000]);
    expect(r.actionErrors).toEqual([]);
  });

  it('loses a ready endpoint after the grace period and regains it after the eviction', () => {
    const ready = r.sim.metrics.readyEndpoints(DEMO_SERVICE).filter((p) => p.t > 60_000);
    expect(ready[0]?.value).toBe(2);
    expect(ready[0]?.t).toBeGreaterThan(60_000 + 40_000);
    expect(ready.at(-1)?.value).toBe(3);
    expect(ready.at(-1)?.t).toBeGreaterThan(60_000 + 300_000);
  });

  it('sends timeouts only while the black hole is open and ends with three ready endpoints elsewhere', () => {
    const total = r.sim.metrics.outcomes(DEMO_SERVICE).total;
    expect(total.timeout).toBeGreaterThan(0);
    expect(total.refused).toBe(0);
    const ready = r.sim.endpointsOf(DEMO_SERVICE).filter((e) => e.ready);
    expect(ready).toHaveLength(3);
    expect(ready.every((e) => e.nodeName !== DEMO_CRASHED_NODE)).toBe(true);
  });

  it('keeps the in-cluster client exactly as before the outside client was added', () => {
    // The outside client draws its kube-proxy picks from its own streams: the node-0 client's
    // numbers are those of the demo without a load balancer (4496 ok, 205 timeout).
    const inside = r.sim.metrics.outcomes(DEMO_SERVICE, { via: 'cluster' }).total;
    expect([inside.ok, inside.timeout, inside.refused]).toEqual([4496, 205, 0]);
  });

  it('the load balancer stops sending to the dead node after 3 failed healthz checks (GCE)', () => {
    const lb = r.sim.loadBalancer(DEMO_SERVICE);
    const upAt = lb?.upAt ?? NaN;
    const { intervalMs, timeoutMs, unhealthyThreshold } = GCE_PRESET.cluster;
    // Probes of every node run at upAt + k × 8 s; the first one at or after the crash goes
    // unanswered, and the third failure (its 1 s timeout) takes the node out.
    const firstFailing = upAt + Math.ceil((60_000 - upAt) / intervalMs) * intervalMs;
    const end = firstFailing + (unhealthyThreshold - 1) * intervalMs + timeoutMs;
    expect(upAt).toBe(0);
    expect(end).toBe(81_000);
    const windows = r.sim.metrics.blackHoleWindows(DEMO_SERVICE, { via: 'loadBalancer' });
    expect(windows.map((w) => [w.start, w.end])).toEqual([[60_000, end]]);
    expect(lb?.backends.find((b) => b.node === DEMO_CRASHED_NODE)?.healthy).toBe(false);
    // externalTrafficPolicy Cluster: outside users still hit the dead pod through the live nodes
    // until the in-cluster window closes (1m55s), not only until the load balancer's 1m21s.
    const outside = r.sim.metrics.outcomes(DEMO_SERVICE, { via: 'loadBalancer' });
    const failing = outside.buckets.filter((b) => b.timeout > 0);
    expect(failing[0]?.t).toBe(60_000);
    expect(failing.at(-1)?.t).toBe(114_000);
    expect(outside.total.refused).toBe(0);
    expect(outside.total.ok + outside.total.timeout).toBe(4701);
  });
});
