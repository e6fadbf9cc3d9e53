import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateObject } from '@kubesim/core';
import { parseScenario, validateScenario } from '../scenario/index.js';
import { printScenario } from './printScenario.js';
import { scenarioArb } from './scenarioArb.js';
import { scenarioSize } from './scenarioSize.js';

/** Pinned so a failure here is a regression, not a new random find (replay with this seed). */
const SEED = 20_250_101;

describe('scenarioArb', () => {
  it('produces valid scenarios of the SMALL size, printed as YAML that reads back', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        validateScenario(s);
        for (const m of (s.manifests ?? []) as object[]) expect(validateObject(m)).toEqual([]);
        const { nodes } = scenarioSize(s);
        expect(nodes).toBeGreaterThanOrEqual(1);
        expect(nodes).toBeLessThanOrEqual(10);
        expect(Number(s.horizon)).toBeLessThanOrEqual(15 * 60_000);
        expect(parseScenario(printScenario(s))).toEqual(validateScenario(s));
      }),
      { numRuns: 50, seed: SEED },
    );
  }, 60_000);

  it('reaches the edges where clients break, by default', () => {
    const samples = fc.sample(scenarioArb(), { numRuns: 300, seed: SEED });
    const has = (p: (s: (typeof samples)[number]) => boolean): number => samples.filter(p).length;
    const manifests = (s: (typeof samples)[number]) =>
      (s.manifests ?? []) as Record<string, unknown>[];
    const json = (s: unknown) => JSON.stringify(s);
    const counts = {
      smallSlices: has((s) => (s.config?.maxEndpointsPerSlice ?? 100) <= 3),
      subsetSize: has((s) => (s.config?.mirroringMaxEndpointsPerSubset ?? 1000) <= 3),
      watchDelays: has((s) => s.config?.userWatchDelay !== undefined),
      jitter: has((s) => typeof s.config?.proxyWatchDelay === 'object'),
      userSlices: has((s) => manifests(s).some((m) => m.kind === 'EndpointSlice')),
      absentReady: has((s) => /"conditions":\{("serving|"terminating|\})/.test(json(s.manifests))),
      legacyEndpoints: has((s) => manifests(s).some((m) => m.kind === 'Endpoints')),
      headless: has((s) => json(s.manifests).includes('"clusterIP":"None"')),
      selectorChanges: has((s) =>
        (s.actions ?? []).some((a) => a.type === 'apply' && json(a).includes('"selector"')),
      ),
      recreation: has((s) =>
        (s.actions ?? []).some((a) => a.type === 'delete' && a.kind === 'Service'),
      ),
      sliceDeletion: has((s) =>
        (s.actions ?? []).some((a) => a.type === 'delete' && a.kind === 'EndpointSlice'),
      ),
      allTerminating: has((s) =>
        (s.actions ?? []).some(
          (a) =>
            (a.type === 'scale' && a.replicas === 0) ||
            (a.type === 'delete' && a.kind === 'Deployment'),
        ),
      ),
      namedPortsDiffer: has((s) => json(s.manifests).includes('"containerPort":9090')),
      slowShutdown: has((s) => json(s.manifests).includes('terminationDelay')),
      preStop: has((s) => json(s.manifests).includes('"preStop"')),
      flapping: has((s) => json(s.manifests).includes('readinessFailing')),
      rolloutEdges: has((s) => json(s.manifests).includes('"maxSurge":0')),
      crash: has((s) => (s.faults ?? []).some((f) => f.type === 'crashNode')),
      partition: has((s) => (s.faults ?? []).some((f) => f.type === 'partitionNode')),
      zoneOutage: has((s) => (s.faults ?? []).some((f) => f.type === 'zoneOutage')),
    };
    for (const [edge, n] of Object.entries(counts)) {
      // Each edge shows up in a good share of 300 default scenarios (at least 3 %).
      expect({ edge, n }).toEqual({ edge, n: expect.toSatisfy((x: number) => x >= 9) });
    }
  });

  it('switches an edge off with false', () => {
    const samples = fc.sample(
      scenarioArb({
        selectorlessServices: false,
        legacyEndpoints: false,
        smallSlices: false,
        watchDelays: false,
      }),
      { numRuns: 100, seed: SEED },
    );
    for (const s of samples) {
      expect(s.config).toBeUndefined();
      expect(
        ((s.manifests ?? []) as { kind: string }[]).some(
          (m) => m.kind === 'EndpointSlice' || m.kind === 'Endpoints',
        ),
      ).toBe(false);
    }
  });

  it('shrinks to small scenarios: one object, no action, the shortest horizon', () => {
    const out = fc.check(
      fc.property(scenarioArb(), (s) =>
        ((s.manifests ?? []) as { kind: string }[]).every((m) => m.kind !== 'Service'),
      ),
      { seed: SEED },
    );
    const s = out.counterexample?.[0];
    expect(s).toBeDefined();
    expect(scenarioSize(s!)).toEqual({ objects: 1, actions: 0, faults: 0, nodes: 1 });
    expect(s!.horizon).toBe(5_000);
    expect(s!.config).toBeUndefined();
  });
});
