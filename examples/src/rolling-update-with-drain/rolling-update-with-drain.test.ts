// The behaviour the rolling-update-with-drain example prints, asserted.
import { describe, expect, it } from 'vitest';
import { MIN_AVAILABLE, REPLICAS, runRollout } from './rollout.js';

describe('rolling-update-with-drain example', () => {
  const alone = runRollout({ pdb: false, drain: false });
  const withPdb = runRollout({ pdb: true, drain: false });
  const withDrain = runRollout({ pdb: true, drain: 'old-pod-node' });

  it('never has fewer than replicas − maxUnavailable ready endpoints during the rollout', () => {
    for (const run of [alone, withPdb, withDrain]) {
      expect(run.minReady).toBeGreaterThanOrEqual(REPLICAS - 1);
      expect(Math.min(...run.steps.map((s) => s.ready))).toBeGreaterThanOrEqual(REPLICAS - 1);
      // …and it does use the room maxUnavailable gives it (otherwise the test proves nothing).
      expect(run.minReady).toBe(REPLICAS - 1);
    }
  });

  it('steps through (new, old) replicas within maxSurge: never more than 5 pods wanted', () => {
    for (const s of alone.steps) expect(s.newReplicas + s.oldReplicas).toBeLessThanOrEqual(5);
    const last = alone.steps[alone.steps.length - 1];
    expect(last).toMatchObject({ newReplicas: REPLICAS, oldReplicas: 0, ready: REPLICAS });
  });

  it('sees the drain refused with 429 by the PDB, which is never violated', () => {
    const drain = withDrain.drain;
    expect(drain).toBeDefined();
    expect(drain?.refusals).toBeGreaterThan(0);
    for (const s of withDrain.steps) {
      if (s.pdb !== undefined) expect(s.pdb.healthy).toBeGreaterThanOrEqual(MIN_AVAILABLE);
    }
    // The drained node's pod was removed by the rollout's scale-down, not by an eviction.
    expect(drain?.evicted).toEqual([]);
    expect(drain?.doneAfterMs).toBeLessThanOrEqual(withDrain.completedAfterMs);
  });

  it('completes the rollout at the same virtual time with and without the PDB and the drain', () => {
    expect(alone.completedAfterMs).toBeGreaterThan(0);
    expect(withPdb.completedAfterMs).toBe(alone.completedAfterMs);
    expect(withDrain.completedAfterMs).toBe(alone.completedAfterMs);
    // Not only the end: the rollout takes the very same steps at the very same times.
    const shape = (run: typeof alone) =>
      run.steps.map(({ t, newReplicas, oldReplicas, ready }) => ({
        t,
        newReplicas,
        oldReplicas,
        ready,
      }));
    const dedupe = (xs: ReturnType<typeof shape>) =>
      xs.filter(
        (x, i) =>
          i === 0 || JSON.stringify({ ...x, t: 0 }) !== JSON.stringify({ ...xs[i - 1], t: 0 }),
      );
    expect(dedupe(shape(withPdb))).toEqual(dedupe(shape(alone)));
    expect(dedupe(shape(withDrain))).toEqual(dedupe(shape(alone)));
  });

  it('slows down only when the drain evicts a new pod the rollout waits for (unready pods need no budget)', () => {
    const run = runRollout({ pdb: true, drain: 'new-pod-node' });
    const drain = run.drain;
    const newPods = (drain?.pods ?? [])
      .filter((p) => p.endsWith('(2.0)'))
      .map((p) => p.split(' ')[0]);
    expect(newPods.length).toBeGreaterThan(0);
    // The unready new pod went at once, without the budget's consent…
    expect(drain?.evicted.some((key) => newPods.includes(key))).toBe(true);
    // …while the old pod on the same node was refused, so the budget still held…
    expect(drain?.refusals).toBeGreaterThan(0);
    expect(run.minReady).toBeGreaterThanOrEqual(MIN_AVAILABLE);
    // …and the rollout, which had to start that pod again, ended later.
    expect(run.completedAfterMs).toBeGreaterThan(alone.completedAfterMs);
  });
});
