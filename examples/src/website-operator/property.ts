/**
 * The property: while faults play out, the Website's Service always has a ready endpoint.
 *
 * A scenario is data: how many replicas the Website asks for, and a few pod faults (a container
 * crash, or a readiness probe failing for a while), each some time after the previous one. One
 * fault at a time on a site of two or more replicas spread over three nodes: a correct operator
 * keeps a ready endpoint throughout. fast-check generates scenarios and shrinks a failing one.
 * @packageDocumentation
 */
import fc from 'fast-check';
import { createSimulation, type Simulation } from '@kubesim/sim';
import { websiteController, type WebsiteControllerOptions } from './websiteController.js';
import { website, websiteCrd } from './websiteCrd.js';

/** One fault, applied `after` ms after the previous one (or after the site is up). */
export interface PodFault {
  readonly type: 'killPod' | 'failReadiness';
  /** Which of the site's pods (in name order, modulo their number). */
  readonly pod: number;
  readonly after: number;
  /** How long a readiness failure lasts (ms). */
  readonly duration: number;
}

/** A generated scenario. */
export interface WebsiteScenario {
  readonly replicas: number;
  readonly faults: readonly PodFault[];
}

/** Scenarios: 2–3 replicas and up to 3 faults, 90–180 s apart, readiness failures of 5–40 s. */
export function websiteScenarioArb(): fc.Arbitrary<WebsiteScenario> {
  return fc.record({
    replicas: fc.integer({ min: 2, max: 3 }),
    faults: fc.array(
      fc.record({
        type: fc.constantFrom('killPod' as const, 'failReadiness' as const),
        pod: fc.nat({ max: 2 }),
        after: fc.integer({ min: 90_000, max: 180_000 }),
        duration: fc.integer({ min: 5_000, max: 40_000 }),
      }),
      { maxLength: 3 },
    ),
  });
}

/** What one run showed. */
export interface WebsiteCheck {
  readonly ok: boolean;
  /** The first virtual time (ms) at which the Service had no ready endpoint, if any. */
  readonly emptyAt: number | undefined;
  /** The Website's last status phase. */
  readonly phase: string | undefined;
}

/** Builds the cluster, runs the scenario, and checks the property from the moment the site is up. */
export function checkWebsite(s: WebsiteScenario, opts: WebsiteControllerOptions): WebsiteCheck {
  const sim: Simulation = createSimulation({ seed: 7 });
  sim.addNodes(3);
  sim.addController(websiteController(opts));
  sim.apply(websiteCrd);
  sim.apply(website('shop', { image: 'shop:1.0', replicas: s.replicas }));
  sim.settle();
  const up = sim.now;
  for (const f of s.faults) {
    sim.runFor(f.after);
    const pods = sim.list('Pod', { labelSelector: 'app=website-shop' });
    const target = pods[f.pod % Math.max(1, pods.length)];
    if (target === undefined) continue;
    const key = `${target.metadata.namespace}/${target.metadata.name}`;
    if (f.type === 'killPod') sim.faults.killPod(key);
    else sim.faults.failReadiness(key, f.duration);
  }
  sim.runFor(120_000);
  const series = sim.metrics.readyEndpoints('shop');
  // The value in force at `up`, then every change after it.
  let current = 0;
  let emptyAt: number | undefined;
  for (const point of series) {
    if (point.t <= up) {
      current = point.value;
      continue;
    }
    if (current === 0 && emptyAt === undefined) emptyAt = up;
    current = point.value;
    if (current === 0 && emptyAt === undefined) emptyAt = point.t;
  }
  if (current === 0 && emptyAt === undefined) emptyAt = up;
  const phase = (sim.getInert('Website', 'shop')?.['status'] as { phase?: string } | undefined)
    ?.phase;
  return { ok: emptyAt === undefined, emptyAt, phase };
}

/** The fast-check property over generated scenarios. */
export function websiteProperty(opts: WebsiteControllerOptions) {
  return fc.property(websiteScenarioArb(), (s) => checkWebsite(s, opts).ok);
}
