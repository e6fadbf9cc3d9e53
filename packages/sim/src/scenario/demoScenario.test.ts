import { describe, expect, it } from 'vitest';
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
});
