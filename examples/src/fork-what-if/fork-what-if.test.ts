// The fork-what-if example: one settled cluster, a crash in one fork and a drain in the other.
import { describe, expect, it } from 'vitest';
import { HORIZON, runWhatIf, settledCluster } from './whatIf.js';

describe('fork-what-if example: a crash and a drain of the same node, from one settled cluster', () => {
  const run = runWhatIf();

  it('the crash black-holes some connections until endpoints catch up; the drain loses none', () => {
    expect(run.crash.failed).toBeGreaterThan(0);
    expect(run.drain.failed).toBe(0);
    expect(run.drain.ok).toBeGreaterThan(2900); // ten a second for five minutes
    // Both futures keep serving: the Service still had ready endpoints throughout.
    expect(run.crash.ok).toBeGreaterThan(2000);
  });

  it('the drain moves the pod at once; after a crash the pod waits for the 300 s eviction', () => {
    expect(run.drain.ready).toBe(3);
    expect(run.crash.ready).toBe(2);
    expect(run.drain.sim.list('Pod').filter((p) => p.spec.nodeName === run.node)).toEqual([]);
  });

  it('the parent is untouched and neither fork sees the other', () => {
    expect(run.parent.now).toBe(run.forkedAt);
    expect(run.parent.get('Node', run.node)?.spec.unschedulable).toBeUndefined();
    expect(run.crash.sim.get('Node', run.node)?.spec.unschedulable).toBeUndefined();
    expect(run.drain.sim.get('Node', run.node)?.spec.unschedulable).toBe(true);
  });

  it('each fork is what a cluster built again and given the same action does', () => {
    const crashed = settledCluster();
    crashed.sim.faults.crashNode(crashed.node);
    crashed.sim.runFor(HORIZON);
    expect(crashed.sim.trace.hash()).toBe(run.crash.sim.trace.hash());
    const drained = settledCluster();
    drained.sim.drain(drained.node);
    drained.sim.runFor(HORIZON);
    expect(drained.sim.trace.hash()).toBe(run.drain.sim.trace.hash());
  });
});
