import { describe, expect, it } from 'vitest';
import type { Check } from '../invariants/check.js';
import type { Simulation } from '../simulation/types.js';
import { webAppManifests } from '../testFixtures.test-helper.js';
import { runScenario } from './runScenario.js';
import type { Scenario } from './types.js';

const scenario: Scenario = {
  seed: 1,
  nodes: [{ count: 2 }],
  manifests: webAppManifests('web', 2),
  actions: [{ at: '20s', type: 'scale', kind: 'Deployment', key: 'web', replicas: 0 }],
  horizon: '1m',
};

/** A subject that records the EndpointSlice events it watched, with their times. */
function recorder(sim: Simulation) {
  const seen: { t: number; type: string }[] = [];
  const startedAt = sim.now;
  const nodesAtAttach = sim.list('Node').length;
  sim.watch('EndpointSlice', (ev) => {
    if (ev.object.metadata.name !== 'kubernetes') seen.push({ t: sim.now, type: ev.type });
  });
  return { seen, startedAt, nodesAtAttach };
}

describe('runScenario attach and checks', () => {
  it('attaches the subject once, before the nodes, the manifests and the first instant', () => {
    let calls = 0;
    const r = runScenario(scenario, {
      attach: (sim) => {
        calls += 1;
        return recorder(sim);
      },
    });
    expect(calls).toBe(1);
    expect(r.subject.startedAt).toBe(0);
    expect(r.subject.nodesAtAttach).toBe(0);
    // It watched the web Service's slice being created, filled and emptied.
    expect(r.subject.seen[0]).toMatchObject({ t: 0, type: 'ADDED' });
    expect(r.subject.seen.some((e) => e.t >= 20_000)).toBe(true);
  });

  it('runs checks after every instant and once at the end, reporting like invariants', () => {
    const phases: string[] = [];
    const check: Check<ReturnType<typeof recorder>> = {
      name: 'slice-seen-by-10s',
      start: ({ sim, subject, watchDelay }) => {
        expect(watchDelay).toBe(0);
        return (phase) => {
          phases.push(phase);
          return sim.now >= 10_000 && subject.seen.length === 0
            ? [{ invariant: 'slice-seen-by-10s', t: sim.now, message: 'no slice event yet' }]
            : [];
        };
      },
    };
    const r = runScenario(scenario, { attach: recorder, checks: [check], invariants: [] });
    expect(r.violations).toEqual([]);
    expect(phases.filter((p) => p === 'end')).toHaveLength(1);
    expect(phases.at(-1)).toBe('end');
    expect(phases.filter((p) => p === 'step').length).toBeGreaterThan(3);
  });

  it('takes plain functions as checks, named after the function', () => {
    const r = runScenario(scenario, {
      attach: recorder,
      checks: [
        function noDeletedSlices(subject) {
          if (subject.seen.some((e) => e.type === 'DELETED')) return 'a slice was deleted';
          return undefined;
        },
        (_subject, sim) => (sim.now === 20_000 ? 'scaled to zero' : undefined),
      ],
      invariants: [],
    });
    expect(r.violations.map((v) => [v.invariant, v.t, v.message])).toContainEqual([
      'checks[1]',
      20_000,
      'scaled to zero',
    ]);
    expect(r.violations.some((v) => v.invariant === 'noDeletedSlices')).toBe(false);
  });

  it('tells checks the run’s user-watch delay (the max of a jitter range)', () => {
    let delay = -1;
    runScenario(
      { ...scenario, config: { userWatchDelay: { min: '100ms', max: '300ms' } } },
      {
        checks: [
          {
            name: 'delay',
            start: ({ watchDelay }) => {
              delay = watchDelay;
              return () => [];
            },
          },
        ],
      },
    );
    expect(delay).toBe(300);
  });
});
