// What outside users see through a cloud load balancer when a node dies: the load balancer stops
// sending to the dead node after its health check's failures × interval (+ timeout), while
// in-cluster clients stop hitting the node's pods when the node monitor's grace period has passed
// and kube-proxy synced. Numbers are the cited preset defaults (core healthCheckPresets.ts).
import { describe, expect, it } from 'vitest';
import { defaultNodeLifecycleConfig, unknownTransitionTime } from '@kubesim/core';
import { createSimulation, type ConnectResult, type Simulation } from '@kubesim/sim';
import { podsOf, runTo, webApp } from './helpers.js';

type Preset = 'gce' | 'aws' | 'azure';
type Policy = 'Cluster' | 'Local';

function lbApp(policy: Policy) {
  const [deploy, svc] = webApp('web', 3);
  return [
    deploy,
    {
      ...svc,
      spec: {
        ...(svc as { spec: object }).spec,
        type: 'LoadBalancer',
        externalTrafficPolicy: policy,
      },
    },
  ];
}

function setup(preset: Preset, policy: Policy): { sim: Simulation; victim: string; upAt: number } {
  const sim = createSimulation({ seed: 7 });
  sim.addNodes(4, { zones: ['a', 'b'] });
  sim.addCloudLoadBalancers({ preset });
  sim.apply(lbApp(policy) as never);
  sim.settle();
  const lb = sim.loadBalancer('default/web');
  expect(lb?.address).toBe('198.51.100.1');
  const victim = podsOf(sim, 'web')[0]?.spec.nodeName ?? '';
  return { sim, victim, upAt: lb?.upAt ?? NaN };
}

/** Crashes `victim` at `t0` and sends one outside connection every 250 ms until `t0 + span`. */
function crashAndProbe(sim: Simulation, victim: string, t0: number, span: number) {
  runTo(sim, t0);
  sim.faults.crashNode(victim);
  const results: { t: number; r: ConnectResult }[] = [];
  for (let t = t0; t <= t0 + span; t += 250) {
    runTo(sim, t);
    results.push({
      t,
      r: sim.connect({ from: { external: true }, to: { loadBalancer: 'default/web' } }),
    });
  }
  return results;
}

// Health checks of every node run at upAt + k × interval; crashing at upAt + 120 s puts the crash
// on a probe of every preset (8, 3, 30, 10 and 5 s all divide 120).
const cases: [Preset, Policy, number, string][] = [
  ['gce', 'Cluster', 17_000, 'kube-proxy healthz every 8 s: probes at +0, +8, +16 time out at +17'],
  ['gce', 'Local', 4_000, 'healthCheckNodePort every 3 s: probes at +0, +3 time out at +4'],
  ['aws', 'Cluster', 70_000, 'TCP node port every 30 s: probes at +0, +30, +60 time out at +70'],
  ['aws', 'Local', 20_000, 'healthCheckNodePort every 10 s: probes at +0, +10 time out at +20'],
  ['azure', 'Cluster', 10_000, 'TCP node port every 5 s, threshold 2: +0, +5 fail at +10'],
  ['azure', 'Local', 10_000, 'healthCheckNodePort every 5 s, threshold 2: +0, +5 fail at +10'],
];

/**
 * When in-cluster clients stop hitting a node that powered off at `t0`, from the documented
 * defaults: its kubelet renews its lease at its start + k × 10 s (every node here started at 0, and
 * `t0` is a multiple of 10 s, so the last renewal is at `t0`); the node-monitor pass at `t0`
 * (passes every 5 s from 0) sees it; the node goes Unknown at the first pass strictly after
 * `t0` + 50 s grace = `t0` + 55 s. The EndpointSlice controller (0 ms watch delay) marks the
 * endpoint not ready at that instant and every kube-proxy, quiet for longer than its 1 s
 * minSyncPeriod, applies it at once.
 */
function inClusterEnd(t0: number): number {
  expect(t0 % 10_000).toBe(0);
  return unknownTransitionTime(t0, defaultNodeLifecycleConfig);
}

describe('a node crash behind a cloud load balancer', () => {
  for (const [preset, policy, lbWindow, why] of cases) {
    it(`${preset}, externalTrafficPolicy ${policy}: the load balancer stops sending after ${lbWindow / 1000} s (${why})`, () => {
      const { sim, victim, upAt } = setup(preset, policy);
      const t0 = upAt + 120_000;
      const results = crashAndProbe(sim, victim, t0, 90_000);

      const lbWindows = sim.metrics.blackHoleWindows('default/web', { via: 'loadBalancer' });
      expect(lbWindows.map((w) => [w.start - t0, (w.end ?? Infinity) - t0])).toEqual([
        [0, lbWindow],
      ]);
      expect(
        sim.loadBalancer('default/web')?.backends.find((b) => b.node === victim)?.healthy,
      ).toBe(false);

      // In-cluster clients stop when the node monitor marks the node Unknown and kube-proxy syncs.
      const cluster = sim.metrics.blackHoleWindows('default/web', { via: 'cluster' });
      const clusterEnd = inClusterEnd(t0) - t0;
      expect(clusterEnd).toBe(55_000);
      expect(cluster.map((w) => [w.start - t0, (w.end ?? Infinity) - t0])).toEqual([
        [0, clusterEnd],
      ]);

      const failedAfter = (ms: number) =>
        results.filter((x) => x.t >= t0 + ms && x.r.outcome !== 'ok');
      // After the load balancer's flip, no connection goes to the dead node.
      expect(results.filter((x) => x.t >= t0 + lbWindow && x.r.lbNode === victim)).toEqual([]);
      if (policy === 'Local') {
        // Local: a healthy node only routes to its own (live) pods, so outside users are whole again
        // as soon as the load balancer stops sending to the dead node, long before in-cluster clients.
        expect(failedAfter(lbWindow)).toEqual([]);
        expect(lbWindow).toBeLessThan(clusterEnd);
      } else {
        // Cluster: live nodes keep forwarding to the dead node's pods until kube-proxy syncs, and
        // the load balancer keeps sending to the dead node until its checks fail: outside users
        // see failures until the later of the two (with AWS's 30 s checks, the load balancer).
        const end = Math.max(lbWindow, clusterEnd);
        expect(failedAfter(end)).toEqual([]);
        expect(
          results.filter((x) => x.t >= t0 && x.t < t0 + end && x.r.outcome === 'timeout').length,
        ).toBeGreaterThan(0);
        if (lbWindow > clusterEnd) expect(failedAfter(clusterEnd).length).toBeGreaterThan(0);
      }
      // Source IPs: preserved with Local, the node's address with Cluster.
      const ok = results.find((x) => x.r.outcome === 'ok')?.r;
      if (policy === 'Local') expect(ok?.sourceIP).toBe('203.0.113.10');
      else expect(ok?.sourceIP).not.toBe('203.0.113.10');
    });
  }
});

describe('a zone outage behind a load balancer (GCE, Cluster)', () => {
  it('every node of the zone leaves the load balancer 17 s after the outage; nothing fails once kube-proxy has synced', () => {
    const sim = createSimulation({ seed: 11 });
    sim.addNodes(6, { zones: ['a', 'b', 'c'] });
    sim.addCloudLoadBalancers({ preset: 'gce' });
    const [deploy, svc] = lbApp('Cluster');
    sim.apply([
      { ...(deploy as object), spec: { ...(deploy as { spec: object }).spec, replicas: 6 } },
      svc,
    ] as never);
    sim.settle();
    const upAt = sim.loadBalancer('default/web')?.upAt ?? NaN;
    const t0 = upAt + 120_000;
    runTo(sim, t0);
    sim.faults.zoneOutage('a');
    const zoneA = sim
      .list('Node')
      .filter((n) => n.metadata.labels?.['topology.kubernetes.io/zone'] === 'a')
      .map((n) => n.metadata.name);
    expect(zoneA.length).toBe(2);
    const load = sim.traffic({ from: { external: true }, to: '198.51.100.1:80', every: '250ms' });
    runTo(sim, t0 + 90_000);
    load.stop();
    const lbWindows = sim.metrics.blackHoleWindows('default/web', { via: 'loadBalancer' });
    expect(lbWindows.length).toBe(2);
    expect(lbWindows.every((w) => w.start === t0 && w.end === t0 + 17_000)).toBe(true);
    const healthy = sim
      .loadBalancer('default/web')
      ?.backends.filter((b) => b.healthy)
      .map((b) => b.node);
    expect(healthy?.some((n) => zoneA.includes(n))).toBe(false);
    // Both nodes of the zone go Unknown at the same pass: every in-cluster window of the zone's
    // pods ends at t0 + 55 s (see inClusterEnd).
    const cluster = sim.metrics.blackHoleWindows('default/web', { via: 'cluster' });
    const clusterEnd = inClusterEnd(t0);
    expect(clusterEnd - t0).toBe(55_000);
    expect(cluster.length).toBeGreaterThan(0);
    expect(cluster.every((w) => w.start === t0 && w.end === clusterEnd)).toBe(true);
    const series = sim.metrics.outcomes('default/web', { via: 'loadBalancer' });
    const failedAfterSync = series.buckets.filter(
      (b) => b.t >= clusterEnd + 1000 && b.timeout + b.refused > 0,
    );
    expect(failedAfterSync).toEqual([]);
    expect(series.total.timeout).toBeGreaterThan(0);
    expect(series.total.ok + series.total.timeout).toBe(load.sent);
    // In-cluster counts are kept apart.
    expect(sim.metrics.outcomes('default/web', { via: 'cluster' }).total.ok).toBe(0);
  });
});
