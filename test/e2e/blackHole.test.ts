// The failover window users care about: after a node loses power, connections routed to its
// pods time out until the endpoint update reaches the source node's kube-proxy; none fail after.
import { describe, expect, it } from 'vitest';
import { createSimulation, type ConnectResult } from '@kubesim/sim';
import { podsOf, runTo, webApp } from './helpers.js';

describe('black-hole window of a 3-replica Service when a node crashes', () => {
  it('requests to the dead backend time out until the source proxy syncs, then all succeed', () => {
    const sim = createSimulation({ seed: 5 });
    sim.addNodes(4);
    sim.apply(webApp('web', 3));
    sim.settle();
    const pods = podsOf(sim, 'web');
    const victim = pods[0]?.spec.nodeName ?? '';
    const client = sim
      .list('Node')
      .find((n) => !pods.some((p) => p.spec.nodeName === n.metadata.name));
    expect(client).toBeDefined();
    const from = { node: client?.metadata.name ?? '' };

    const t0 = 61_000;
    runTo(sim, t0 - 5_000);
    const results: { t: number; r: ConnectResult }[] = [];
    let next = sim.now;
    const until = t0 + 120_000;
    while (next <= until) {
      runTo(sim, next);
      if (sim.now === t0) sim.faults.crashNode(victim);
      results.push({ t: sim.now, r: sim.connect({ from, to: 'web' }) });
      next += 100;
    }

    const windows = sim.metrics.blackHoleWindows('default/web');
    expect(windows.length).toBeGreaterThan(0);
    const end = Math.max(...windows.map((w) => w.end ?? Infinity));
    expect(Number.isFinite(end)).toBe(true);
    expect(windows.every((w) => w.start === t0)).toBe(true);

    const before = results.filter((x) => x.t < t0);
    expect(before.every((x) => x.r.outcome === 'ok')).toBe(true);
    const during = results.filter((x) => x.t >= t0 && x.t < end);
    const timeouts = during.filter((x) => x.r.outcome === 'timeout');
    expect(timeouts.length).toBeGreaterThan(0);
    expect(timeouts.every((x) => x.r.nodeName === victim)).toBe(true);
    // Everything routed elsewhere during the window still succeeded.
    expect(during.filter((x) => x.r.nodeName !== victim).every((x) => x.r.outcome === 'ok')).toBe(
      true,
    );
    const after = results.filter((x) => x.t >= end);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((x) => x.r.outcome === 'ok' && x.r.nodeName !== victim)).toBe(true);
    // The window is what the node monitor grace period implies: (45 s, 60 s] after the crash here.
    expect(end - t0).toBeGreaterThan(45_000);
    expect(end - t0).toBeLessThanOrEqual(60_000);
  });
});

describe('a node cut off from the control plane', () => {
  it('has its pods marked not ready and evicted like a crashed node, yet they keep serving', () => {
    const sim = createSimulation({ seed: 9 });
    sim.addNodes(4);
    sim.apply(webApp('web', 3));
    sim.settle();
    const pods = podsOf(sim, 'web');
    const cut = pods[0]?.spec.nodeName ?? '';
    const cutPods = pods.filter((p) => p.spec.nodeName === cut);
    runTo(sim, 61_000);
    sim.faults.partitionNode(cut);
    runTo(sim, 61_000 + 60_000);
    for (const p of cutPods) {
      expect(
        sim.endpointsOf('web').find((e) => e.podKey === `default/${p.metadata.name}`)?.ready,
      ).toBe(false);
    }
    runTo(sim, 61_000 + 60_000 + 310_000);
    for (const p of cutPods) {
      expect(
        sim.get('Pod', `default/${p.metadata.name}`)?.metadata.deletionTimestamp,
      ).toBeDefined();
    }
    // From the partitioned node itself the frozen view still routes to its local backend…
    const fromCut = Array.from({ length: 40 }, () =>
      sim.connect({ from: { node: cut }, to: 'web' }),
    );
    expect(fromCut.filter((r) => r.nodeName === cut).length).toBeGreaterThan(0);
    expect(fromCut.filter((r) => r.nodeName === cut).every((r) => r.outcome === 'ok')).toBe(true);
    // …and the pods still answer on their IPs.
    for (const p of cutPods) {
      const r = sim.connect({ from: { node: cut }, to: `${p.status.podIP ?? ''}:8080` });
      expect(r.outcome).toBe('ok');
      const other = sim.list('Node').find((n) => n.metadata.name !== cut)?.metadata.name ?? '';
      expect(
        sim.connect({ from: { node: other }, to: `${p.status.podIP ?? ''}:8080` }).outcome,
      ).toBe('ok');
    }
  });
});
