// Timeline B of docs/k8s-semantics.md §11b: a node loses power at t0. Every instant below is
// computed from the configured phases (monitor passes at k × 5 s, lease renewals every 10 s from
// the kubelet's start, PodGC passes at k × 20 s), not read off the simulation.
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '@kubesim/sim';
import { podsOf, runTo, webApp } from './helpers.js';

const PERIOD = 5_000;
const RENEW = 10_000;
const TOLERATION = 300_000;
const GC_PERIOD = 20_000;
const GC_QUARANTINE = 40_000;

/** First multiple of `period` at or after `t`. */
const passAtOrAfter = (t: number, period: number): number => Math.ceil(t / period) * period;
/** First multiple of `period` strictly after `t`. */
const passAfter = (t: number, period: number): number => (Math.floor(t / period) + 1) * period;

interface Expected {
  lastRenewal: number;
  tau: number;
  unknownAt: number;
  taintAt: number;
  deletionAt: number;
}

function expectedTimeline(t0: number, grace: number): Expected {
  // Kubelets start with their node at t = 0 and renew at k × 10 s; a renewal due at t0 itself
  // happens before the power goes (events at one instant run in the order they were scheduled).
  const lastRenewal = Math.floor(t0 / RENEW) * RENEW;
  const tau = passAtOrAfter(lastRenewal, PERIOD); // the pass that observed the last renewal
  const unknownAt = passAfter(tau + grace, PERIOD); // first pass strictly after τ + grace
  // The NoExecute taint is added by the next pass (upstream evaluates the condition it read before
  // the update); the first node of a zone is not rate limited.
  const taintAt = unknownAt + PERIOD;
  return { lastRenewal, tau, unknownAt, taintAt, deletionAt: taintAt + TOLERATION };
}

function cluster(grace?: string): { sim: Simulation; victim: string; victimPods: string[] } {
  const sim = createSimulation({
    seed: 11,
    ...(grace ? { config: { nodeMonitorGracePeriod: grace } } : {}),
  });
  sim.addNodes(4);
  sim.apply(webApp('web', 3));
  sim.settle();
  const pods = podsOf(sim, 'web');
  expect(pods).toHaveLength(3);
  const victim = pods[0]?.spec.nodeName ?? 'node-0';
  const victimPods = pods
    .filter((p) => p.spec.nodeName === victim)
    .map((p) => `default/${p.metadata.name}`);
  return { sim, victim, victimPods };
}

const endpointOf = (sim: Simulation, podKey: string) =>
  sim.endpointsOf('web').find((e) => e.podKey === podKey);

describe('timeline B: a node loses power', () => {
  for (const t0 of [61_000, 64_999, 70_000, 73_500]) {
    it(`crash at t0=${t0} ms: endpoints stay ready until the first monitor pass after τ + 50 s`, () => {
      const { sim, victim, victimPods } = cluster();
      const x = expectedTimeline(t0, 50_000);
      expect(x.unknownAt).toBeGreaterThan(t0 + 45_000);
      expect(x.unknownAt).toBeLessThanOrEqual(t0 + 60_000);
      runTo(sim, t0);
      sim.faults.crashNode(victim);
      runTo(sim, x.unknownAt - 1);
      for (const key of victimPods) expect(endpointOf(sim, key)?.ready).toBe(true);
      expect(
        sim.get('Node', victim)?.status.conditions?.find((c) => c.type === 'Ready')?.status,
      ).toBe('True');
      runTo(sim, x.unknownAt); // the pass, then the EndpointSlice controller's watch delay (0)
      expect(
        sim.get('Node', victim)?.status.conditions?.find((c) => c.type === 'Ready')?.status,
      ).toBe('Unknown');
      for (const key of victimPods) {
        expect(endpointOf(sim, key)).toMatchObject({
          ready: false,
          serving: false,
          terminating: false,
        });
      }
    });
  }

  it('taints NoExecute, deletes the pods at taint + 300 s, replaces them elsewhere, and PodGC removes them after the Node is deleted', () => {
    const t0 = 61_000;
    const { sim, victim, victimPods } = cluster();
    const x = expectedTimeline(t0, 50_000);
    runTo(sim, t0);
    sim.faults.crashNode(victim);

    runTo(sim, x.taintAt - 1);
    expect(sim.get('Node', victim)?.spec.taints?.some((t) => t.effect === 'NoExecute')).toBe(false);
    runTo(sim, x.taintAt);
    expect(sim.get('Node', victim)?.spec.taints).toContainEqual(
      expect.objectContaining({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }),
    );

    runTo(sim, x.deletionAt - 1);
    for (const key of victimPods)
      expect(sim.get('Pod', key)?.metadata.deletionTimestamp).toBeUndefined();
    runTo(sim, x.deletionAt);
    for (const key of victimPods)
      expect(sim.get('Pod', key)?.metadata.deletionTimestamp).toBeDefined();

    // Replacements become Ready on other nodes.
    expect(
      sim.runUntil(
        (s) => s.endpointsOf('web').filter((e) => e.ready && e.nodeName !== victim).length === 3,
        { timeout: '2m' },
      ),
    ).toBe(true);

    // The originals stay Terminating: no kubelet confirms their deletion.
    runTo(sim, x.deletionAt + 600_000);
    for (const key of victimPods)
      expect(sim.get('Pod', key)?.metadata.deletionTimestamp).toBeDefined();

    // Deleting the Node object lets PodGC force-delete them at its first pass after the quarantine.
    const deletedAt = sim.now + 1_000;
    runTo(sim, deletedAt);
    sim.delete('Node', victim);
    const firstSeen = passAtOrAfter(deletedAt, GC_PERIOD);
    const gcAt = passAtOrAfter(firstSeen + GC_QUARANTINE, GC_PERIOD);
    expect(gcAt - deletedAt).toBeGreaterThanOrEqual(40_000);
    expect(gcAt - deletedAt).toBeLessThanOrEqual(80_000);
    runTo(sim, gcAt - 1);
    for (const key of victimPods) expect(sim.get('Pod', key)).toBeDefined();
    runTo(sim, gcAt);
    for (const key of victimPods) expect(sim.get('Pod', key)).toBeUndefined();
  });

  it('with the ≤1.31 grace period of 40 s everything before eviction moves 10 s earlier', () => {
    const t0 = 61_000;
    const d50 = expectedTimeline(t0, 50_000);
    const d40 = expectedTimeline(t0, 40_000);
    expect(d50.unknownAt - d40.unknownAt).toBe(10_000);
    const { sim, victim, victimPods } = cluster('40s');
    runTo(sim, t0);
    sim.faults.crashNode(victim);
    runTo(sim, d40.unknownAt - 1);
    for (const key of victimPods) expect(endpointOf(sim, key)?.ready).toBe(true);
    runTo(sim, d40.unknownAt);
    for (const key of victimPods) expect(endpointOf(sim, key)?.ready).toBe(false);
    runTo(sim, d40.deletionAt - 1);
    for (const key of victimPods)
      expect(sim.get('Pod', key)?.metadata.deletionTimestamp).toBeUndefined();
    runTo(sim, d40.deletionAt);
    for (const key of victimPods)
      expect(sim.get('Pod', key)?.metadata.deletionTimestamp).toBeDefined();
  });
});
