import { describe, expect, it } from 'vitest';
import { ScenarioError } from '@kubesim/core';
import type { Invariant, Violation } from '../invariants/types.js';
import type { Simulation } from '../simulation/types.js';
import { runScenario } from './runScenario.js';
import { NondeterminismError } from './scenarioErrors.js';
import type { Scenario } from './types.js';
import { ROLLOUT_ANNOTATION } from './performAction.js';
import { webAppManifests } from '../testFixtures.test-helper.js';

const app = webAppManifests('web', 2, { image: 'nginx:1' });

const small: Scenario = {
  seed: 3,
  nodes: [{ count: 3, zones: ['a', 'b', 'c'] }],
  manifests: app,
  traffic: [{ from: { external: true }, to: 'web', every: '1s', start: '5s' }],
  horizon: '2m',
};

/** A safety invariant reporting, once per instant, while the Deployment wants more than 2 pods. */
function tooManyReplicas(): Invariant & { calls: number } {
  return {
    name: 'at-most-two',
    kind: 'safety',
    description: 'web never asks for more than two replicas',
    calls: 0,
    check(sim: Simulation): Violation[] {
      this.calls += 1;
      const replicas = sim.get('Deployment', 'web')?.spec.replicas ?? 0;
      return replicas > 2
        ? [
            {
              invariant: 'at-most-two',
              t: sim.now,
              message: `web wants ${replicas} replicas`,
              subjects: ['default/web'],
            },
          ]
        : [];
    },
  };
}

describe('runScenario', () => {
  it('gives the same hash for the same scenario and a different one for another seed', () => {
    const a = runScenario(small, { invariants: [] });
    const b = runScenario(small, { invariants: [] });
    const c = runScenario({ ...small, seed: 4 }, { invariants: [] });
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(b.hash).toBe(a.hash);
    expect(c.hash).not.toBe(a.hash);
    expect(a.seed).toBe('3');
    expect(a.violations).toEqual([]);
    expect(a.sim.metrics.outcomes('web').total.ok).toBeGreaterThan(100);
    expect(a.final.resourceVersion).toBeGreaterThan(0);
  });

  it('performs actions and faults at their times', () => {
    const r = runScenario(
      {
        ...small,
        actions: [
          { at: '30s', type: 'scale', kind: 'Deployment', key: 'web', replicas: 4 },
          { at: '40s', type: 'rollout', key: 'web' },
          { at: '50s', type: 'rollout', key: 'default/web', image: 'nginx:2' },
        ],
        faults: [{ at: '45s', type: 'crashNode', target: 'node-2', duration: '20s' }],
      },
      { invariants: [] },
    );
    const userDeploymentWrites = r.trace.entries
      .filter((e) => e.kind === 'Deployment' && e.type === 'MODIFIED' && e.cause === 'user')
      .map((e) => e.t);
    expect(userDeploymentWrites).toEqual([30_000, 40_000, 50_000]);
    expect(r.trace.entries.find((e) => e.type === 'CrashNode')?.t).toBe(45_000);
    expect(r.trace.entries.find((e) => e.type === 'RecoverNode')?.t).toBe(65_000);
    const d = r.sim.get('Deployment', 'web');
    expect(d?.spec.replicas).toBe(4);
    expect(d?.spec.template.metadata?.annotations?.[ROLLOUT_ANNOTATION]).toBe('1');
    expect(d?.spec.template.spec.containers[0]?.image).toBe('nginx:2');
    expect(r.actionErrors).toEqual([]);
  });

  it('records refused actions and faults and goes on', () => {
    const r = runScenario(
      {
        ...small,
        actions: [
          { at: '10s', type: 'evict', pod: 'default/nope' },
          { at: '20s', type: 'scale', kind: 'Deployment', key: 'web', replicas: 1 },
        ],
        faults: [{ at: '15s', type: 'crashNode', target: 'node-9' }],
      },
      { invariants: [] },
    );
    expect(r.actionErrors.map((e) => [e.source, e.t, e.code])).toEqual([
      ['actions[0]', 10_000, 'NotFound'],
      ['faults[0]', 15_000, 'NotFound'],
    ]);
    expect(r.sim.get('Deployment', 'web')?.spec.replicas).toBe(1);
  });

  it('collects violations from safety invariants after each instant, each report once', () => {
    const inv = tooManyReplicas();
    const r = runScenario(
      {
        ...small,
        actions: [{ at: '30s', type: 'scale', kind: 'Deployment', key: 'web', replicas: 3 }],
      },
      { invariants: [inv] },
    );
    expect(r.violations).toEqual([
      {
        invariant: 'at-most-two',
        t: 30_000,
        message: 'web wants 3 replicas',
        subjects: ['default/web'],
      },
    ]);
    expect(inv.calls).toBeGreaterThan(100);
  });

  it('stops at the first violation with stopOnViolation and skips liveness checks', () => {
    const ends: number[] = [];
    const liveness: Invariant = {
      name: 'ends',
      kind: 'liveness',
      description: 'records when it ran',
      check: (sim) => {
        ends.push(sim.now);
        return [];
      },
    };
    const s: Scenario = {
      ...small,
      actions: [{ at: '30s', type: 'scale', kind: 'Deployment', key: 'web', replicas: 3 }],
    };
    const r = runScenario(s, { invariants: [tooManyReplicas(), liveness], stopOnViolation: true });
    expect(r.sim.now).toBe(30_000);
    expect(r.violations).toHaveLength(1);
    expect(ends).toEqual([]);
    runScenario(s, { invariants: [liveness] });
    expect(ends).toHaveLength(1);
    expect(ends[0]).toBeGreaterThanOrEqual(120_000);
  });

  it('reports a settle that times out as a violation of settles', () => {
    const r = runScenario(
      { ...small, traffic: [], horizon: '1ms' },
      { invariants: [], settleTimeout: '1ms' },
    );
    expect(r.violations.map((v) => v.invariant)).toEqual(['settles']);
    expect(r.violations[0]?.message).toMatch(/not settled/);
    const unlisted = runScenario(
      { ...small, traffic: [], horizon: '1ms', invariants: [] },
      { invariants: [], settleTimeout: '1ms' },
    );
    expect(unlisted.violations).toEqual([]);
  });

  it('checks the built-in invariants named by the scenario, or all of them by default', () => {
    const calm = runScenario({ ...small, invariants: ['slices-well-formed', 'settles'] });
    expect(calm.violations).toEqual([]);
    expect(runScenario(small).violations).toEqual([]);
    expect(() => runScenario({ ...small, invariants: ['no-such-check'] })).toThrow(
      /^invariants\[0\]: Unsupported value/,
    );
  });

  it('turns setup the cluster refuses into a ScenarioError naming the manifests', () => {
    const inMissingNamespace = { ...app[1], metadata: { name: 'web', namespace: 'shop' } };
    expect(() =>
      runScenario({ ...small, manifests: [inMissingNamespace] }, { invariants: [] }),
    ).toThrow(ScenarioError);
    expect(() =>
      runScenario({ ...small, manifests: [inMissingNamespace] }, { invariants: [] }),
    ).toThrow(/^manifests: /);
  });

  it('checks determinism by running twice', () => {
    expect(runScenario(small, { invariants: [], checkDeterminism: true }).hash).toBe(
      runScenario(small, { invariants: [] }).hash,
    );
    let runs = 0;
    // Shared across both runs on purpose: the second run writes something the first did not.
    const leaky: Invariant = {
      name: 'leaky',
      kind: 'liveness',
      description: 'changes the cluster on its second run',
      check: (sim) => {
        runs += 1;
        if (runs === 2)
          sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'extra' } });
        return [];
      },
    };
    expect(() => runScenario(small, { invariants: [leaky], checkDeterminism: true })).toThrow(
      NondeterminismError,
    );
    runs = 0;
    expect(() => runScenario(small, { invariants: () => [leaky], checkDeterminism: true })).toThrow(
      /Nondeterministic|different traces/,
    );
  });
});
