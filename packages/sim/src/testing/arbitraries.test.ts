import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSelector, validateObject } from '@kubesim/core';
import { clusterArb } from './clusterArb.js';
import { deploymentArb } from './deploymentArb.js';
import { faultScheduleArb } from './faultScheduleArb.js';
import { labelsArb } from './labelsArb.js';
import { podArb } from './podArb.js';
import { selectorArb } from './selectorArb.js';
import { serviceArb } from './serviceArb.js';
import { trafficArb } from './trafficArb.js';

const RUNS = { numRuns: 200, seed: 42 };

describe('arbitraries are valid by construction', () => {
  it('selector strings parse and print back to an equivalent selector', () => {
    fc.assert(
      fc.property(selectorArb(), labelsArb(), (text, labels) => {
        const sel = parseSelector(text);
        expect(parseSelector(sel.toString()).matches(labels)).toBe(sel.matches(labels));
      }),
      RUNS,
    );
  });

  it('labels stay within the key bounds', () => {
    fc.assert(
      fc.property(labelsArb({ minKeys: 1, maxKeys: 2 }), (l) => {
        const n = Object.keys(l).length;
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(2);
      }),
      RUNS,
    );
  });

  it('pods, Services and Deployments pass validation', () => {
    fc.assert(
      fc.property(podArb(), serviceArb(), deploymentArb(), (p, s, d) => {
        expect(validateObject(p)).toEqual([]);
        expect(validateObject(s)).toEqual([]);
        expect(validateObject(d)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('clusters have 1–10 nodes over 1–3 zones', () => {
    fc.assert(
      fc.property(clusterArb(), (c) => {
        expect(c.count).toBeGreaterThanOrEqual(1);
        expect(c.count).toBeLessThanOrEqual(10);
        expect(c.zones?.length).toBeGreaterThanOrEqual(1);
        expect(c.zones?.length).toBeLessThanOrEqual(3);
      }),
      RUNS,
    );
  });

  it('fault schedules never take more than maxNodesDown nodes down at once and end by the horizon', () => {
    const nodes = ['node-0', 'node-1', 'node-2'];
    fc.assert(
      fc.property(
        faultScheduleArb({
          nodes,
          pods: ['default/pod-0'],
          horizon: 600_000,
          maxNodesDown: 2,
          maxFaults: 8,
        }),
        (faults) => {
          const windows = faults
            .filter((f) => f.type === 'crashNode' || f.type === 'partitionNode')
            .map((f) => ({ from: Number(f.at), until: Number(f.at) + Number(f.duration) }));
          for (const w of windows) {
            expect(w.until).toBeLessThanOrEqual(600_000);
            expect(
              windows.filter((o) => o.from <= w.from && w.from < o.until).length,
            ).toBeLessThanOrEqual(2);
          }
        },
      ),
      RUNS,
    );
  });

  it('fault schedules shrink toward none', () => {
    const out = fc.check(
      fc.property(faultScheduleArb({ nodes: ['node-0'] }), (f) => f.length === 0),
      { seed: 1 },
    );
    expect(out.failed).toBe(true);
    expect(out.counterexample?.[0]).toHaveLength(1);
  });

  it('traffic runs within the horizon', () => {
    fc.assert(
      fc.property(trafficArb({ horizon: 60_000, nodes: ['node-0'] }), (t) => {
        expect(Number(t.start)).toBeLessThan(Number(t.until));
        expect(Number(t.until)).toBeLessThanOrEqual(61_000);
      }),
      RUNS,
    );
  });
});
