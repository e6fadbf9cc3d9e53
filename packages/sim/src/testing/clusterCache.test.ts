// Scenario runs that share a cluster part fork it: a run from the fork must be the run from
// scratch (trace hash and entries, final objects, violations, refused actions), runs must not see
// each other, and clusters a fork refuses are built from scratch.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario, type ScenarioResult } from '../scenario/runScenario.js';
import type { Scenario } from '../scenario/types.js';
import type { Invariant } from '../invariants/types.js';
import { ClusterCache, canonicalKey, clusterKey } from './_internals/clusterCache.js';
import { checkScenarios, ScenarioPropertyError } from './scenarioProperty.js';
import { scenarioArb } from './scenarioArb.js';

function outcome(r: ScenarioResult) {
  return {
    hash: r.hash,
    entries: r.trace.entries,
    final: r.final,
    violations: r.violations,
    actionErrors: r.actionErrors,
    now: r.sim.now,
  };
}

describe('ClusterCache', () => {
  it('runs generated scenarios from a fork exactly as from scratch', () => {
    fc.assert(
      fc.property(scenarioArb({ maxHorizonMinutes: 3 }), (s) => {
        const cache = new ClusterCache();
        const scratch = outcome(runScenario(s));
        // First sight builds, second keeps the cluster part and forks it, third forks again.
        const runs = [cache.run(s, {}), cache.run(s, {}), cache.run(s, {})].map(outcome);
        expect(cache.stats).toEqual({ built: 1, forked: 2, unforkable: 0 });
        for (const r of runs) expect(r).toEqual(scratch);
      }),
      { numRuns: 12, seed: 42 },
    );
  }, 300_000);

  it('forks of one cluster part with different actions and faults never share a change', () => {
    const [base] = fc.sample(scenarioArb({ maxHorizonMinutes: 3, maxNodes: 4 }), {
      numRuns: 1,
      seed: 9,
    });
    const s = base as Scenario;
    const a: Scenario = {
      ...s,
      actions: [{ at: 2_000, type: 'drain', node: 'node-0' }],
      faults: [],
      traffic: [],
    };
    const b: Scenario = {
      ...s,
      actions: [],
      faults: [{ at: 1_000, type: 'crashNode', target: 'node-0', duration: 30_000 }],
      traffic: [],
    };
    const cache = new ClusterCache();
    const seq = [a, b, a, b, a, b].map((x) => outcome(cache.run(x, { keepTrace: false })));
    expect(cache.stats).toEqual({ built: 1, forked: 5, unforkable: 0 });
    const fa = outcome(runScenario(a, { keepTrace: false }));
    const fb = outcome(runScenario(b, { keepTrace: false }));
    expect(fa.hash).not.toBe(fb.hash);
    seq.forEach((r, i) => {
      expect(r).toEqual(i % 2 === 0 ? fa : fb);
    });
  }, 120_000);

  it('keys the cluster part on the seed: another seed builds another cluster', () => {
    const s: Scenario = { seed: 1, nodes: [{ count: 2 }], manifests: [], horizon: 5_000 };
    expect(clusterKey(s, true)).not.toBe(clusterKey({ ...s, seed: 2 }, true));
    expect(clusterKey(s, true)).toBe(clusterKey({ ...s, actions: [], horizon: 9_000 }, true));
    expect(clusterKey(s, true)).not.toBe(clusterKey(s, false));
    expect(canonicalKey({ b: 1, a: [{ d: undefined, c: 2 }] })).toBe('{"a":[{"c":2}],"b":1}');
    const one = runScenario({ ...s, manifests: [pod()] });
    const two = runScenario({ ...s, seed: 2, manifests: [pod()] });
    expect(one.final).not.toEqual(two.final);
  });

  it('builds clusters with cloud load balancers from scratch every time (fork refuses them)', () => {
    const s: Scenario = {
      seed: 3,
      nodes: [{ count: 2 }],
      external: { loadBalancers: { preset: 'aws' } },
      manifests: [pod()],
      actions: [{ at: 1_000, type: 'delete', kind: 'Pod', key: 'default/p' }],
      horizon: 20_000,
    };
    const cache = new ClusterCache();
    const runs = [cache.run(s, {}), cache.run(s, {}), cache.run(s, {})];
    expect(cache.stats).toEqual({ built: 1, forked: 0, unforkable: 2 });
    expect(() => runs[0]?.sim.fork()).toThrow(/load balancer|ingress|fork/i);
    const scratch = outcome(runScenario(s));
    for (const r of runs) expect(outcome(r)).toEqual(scratch);
  });

  it('runs with attach or checks build their cluster (the subject starts before the nodes)', () => {
    const s: Scenario = { seed: 4, nodes: [{ count: 1 }], manifests: [pod()], horizon: 5_000 };
    const cache = new ClusterCache();
    let nodesAtAttach = -1;
    for (let i = 0; i < 3; i++)
      cache.run(s, {
        attach: (sim) => {
          nodesAtAttach = sim.list('Node').length;
        },
      });
    expect(cache.stats).toEqual({ built: 3, forked: 0, unforkable: 0 });
    expect(nodesAtAttach).toBe(0);
  });

  it('lets checkScenarios shrink a failure on forks of the shared cluster part', () => {
    // A property that fails whenever a node is drained: shrinking keeps the cluster part while it
    // removes actions and faults, so most shrinking steps fork.
    const noDrain = (): readonly Invariant[] => [
      {
        name: 'no-cordoned-node',
        kind: 'safety',
        description: 'no node is cordoned',
        check: (sim) =>
          sim
            .list('Node')
            .filter((n) => n.spec.unschedulable === true)
            .map((n) => ({ invariant: 'no-cordoned-node', t: sim.now, message: n.metadata.name })),
      },
    ];
    const forkedBefore = ClusterCache.totals.forked;
    let error: unknown;
    try {
      checkScenarios({
        invariants: noDrain,
        constraints: { maxHorizonMinutes: 3 },
        numRuns: 200,
        seed: 5,
        failureDir: false,
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScenarioPropertyError);
    const e = error as ScenarioPropertyError;
    expect(e.violation?.invariant).toBe('no-cordoned-node');
    expect(e.size.actions).toBe(1);
    expect(ClusterCache.totals.forked - forkedBefore).toBeGreaterThan(10);
    // The shrunk scenario fails from scratch too.
    const again = runScenario(e.scenario, { invariants: noDrain, stopOnViolation: true });
    expect(again.violations[0]).toEqual(e.violation);
  }, 300_000);
});

function pod(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels: { app: 'p' } },
    spec: { containers: [{ name: 'c', image: 'i' }] },
  };
}
