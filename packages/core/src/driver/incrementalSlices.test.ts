import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { EndpointSlice } from '../objects/discovery.js';
import type { Container } from '../objects/pod.js';
import type { Service } from '../objects/service.js';
import { endpointSliceController } from '../controllers/endpoints/endpointSliceController.js';
import { portsKey } from '../controllers/endpoints/endpointIdentity.js';
import { reconcileEndpointSlices } from '../controllers/endpoints/reconcileEndpointSlices.js';
import { Store } from '../store/index.js';
import { makeNode, makePod, makeService } from '../testing/fixtures.js';
import { createSyncDriver } from './syncDriver.js';

const LABELS = [{ app: 'x' }, { app: 'x', tier: 'y' }, { tier: 'y' }, {}] as const;
const SELECTORS = [{ app: 'x' }, { tier: 'y' }, { app: 'x', tier: 'y' }] as const;
const MAX = 3;

/** Container ports: `http` at 8080, at 9090, or absent (the named targetPort then drops). */
const containersFor = (variant: number): Container[] => [
  {
    name: 'c',
    image: 'nginx',
    ports:
      variant === 2
        ? []
        : [{ name: 'http', containerPort: variant === 0 ? 8080 : 9090, protocol: 'TCP' }],
  },
];

type Step =
  | { op: 'addPod'; pod: number; labels: number; ports: number; ready: boolean; node: number }
  | { op: 'ready'; pod: number; ready: boolean }
  | { op: 'relabel'; pod: number; labels: number }
  | { op: 'terminate'; pod: number }
  | { op: 'remove'; pod: number }
  | {
      op: 'service';
      svc: number;
      selector: number;
      named: boolean;
      publish: boolean;
      team: boolean;
    };

const pod = fc.nat({ max: 9 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('addPod' as const),
      pod,
      labels: fc.nat({ max: 3 }),
      ports: fc.nat({ max: 2 }),
      ready: fc.boolean(),
      node: fc.nat({ max: 1 }),
    }),
  },
  fc.record({ op: fc.constant('ready' as const), pod, ready: fc.boolean() }),
  fc.record({ op: fc.constant('relabel' as const), pod, labels: fc.nat({ max: 3 }) }),
  fc.record({ op: fc.constant('terminate' as const), pod }),
  fc.record({ op: fc.constant('remove' as const), pod }),
  fc.record({
    op: fc.constant('service' as const),
    svc: fc.nat({ max: 1 }),
    selector: fc.nat({ max: 2 }),
    named: fc.boolean(),
    publish: fc.boolean(),
    team: fc.boolean(),
  }),
);

function serviceManifest(step: Extract<Step, { op: 'service' }>): Service {
  const s = makeService({
    name: `svc${step.svc}`,
    selector: { ...SELECTORS[step.selector] },
    ports: [{ name: 'http', port: 80, targetPort: step.named ? 'http' : 8080 }],
    ...(step.team ? { labels: { team: 't' } } : {}),
    spec: { publishNotReadyAddresses: step.publish },
  });
  const { clusterIP: _ip, clusterIPs: _ips, ...spec } = s.spec;
  return { ...s, spec };
}

function apply(store: Store, step: Step): void {
  const key = `default/p${'pod' in step ? step.pod : 0}`;
  const live = store.get('Pod', key);
  switch (step.op) {
    case 'addPod': {
      if (live !== undefined) return;
      const created = store.create(
        makePod({
          name: `p${step.pod}`,
          labels: { ...LABELS[step.labels] },
          nodeName: `n${step.node}`,
          containers: containersFor(step.ports),
        }),
      );
      const ip = `10.128.0.${step.pod + 10}`;
      store.updateStatus({
        ...created,
        status: {
          ...created.status,
          phase: 'Running',
          podIP: ip,
          podIPs: [{ ip }],
          conditions: [{ type: 'Ready', status: step.ready ? 'True' : 'False' }],
        },
      });
      return;
    }
    case 'ready':
      if (live === undefined) return;
      store.updateStatus({
        ...live,
        status: {
          ...live.status,
          conditions: [{ type: 'Ready', status: step.ready ? 'True' : 'False' }],
        },
      });
      return;
    case 'relabel':
      if (live === undefined) return;
      store.update({ ...live, metadata: { ...live.metadata, labels: { ...LABELS[step.labels] } } });
      return;
    case 'terminate':
      if (live === undefined || live.metadata.deletionTimestamp !== undefined) return;
      store.delete('Pod', key, { gracePeriodSeconds: 30 });
      return;
    case 'remove':
      if (live !== undefined) store.remove('Pod', key);
      return;
    case 'service': {
      const manifest = serviceManifest(step);
      const existing = store.get('Service', `default/svc${step.svc}`);
      if (existing === undefined) store.create(manifest);
      else
        store.update({
          ...existing,
          metadata: { ...existing.metadata, labels: manifest.metadata.labels ?? {} },
          spec: { ...existing.spec, ...manifest.spec },
        });
      return;
    }
  }
}

/** What a set of slices publishes: one line per endpoint (address, conditions, port list). */
function published(slices: readonly EndpointSlice[]): string[] {
  return slices
    .flatMap((s) =>
      s.endpoints.map((e) =>
        JSON.stringify([e.addresses, e.conditions, e.hints ?? null, portsKey(s.ports)]),
      ),
    )
    .sort();
}

describe('incremental EndpointSlice maintenance', () => {
  it('describes the same endpoints as a from-scratch reconcile of the final state', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60 }), (steps) => {
        const store = new Store({ config: { maxEndpointsPerSlice: MAX } });
        store.create(makeNode('n0', 'zone-a'));
        store.create(makeNode('n1', 'zone-b'));
        const driver = createSyncDriver(store, [endpointSliceController]);
        // Both Services exist from the start so that most pod steps matter.
        const initial: Step[] = [
          { op: 'service', svc: 0, selector: 0, named: true, publish: false, team: false },
          { op: 'service', svc: 1, selector: 1, named: false, publish: false, team: false },
        ];
        for (const step of [...initial, ...steps]) {
          apply(store, step);
          driver.run();
        }
        driver.dispose();
        for (const svc of store.list('Service', { namespace: 'default' })) {
          if (svc.metadata.name === 'kubernetes') continue;
          const slices = store.slicesOfService('default', svc.metadata.name);
          const fresh = reconcileEndpointSlices({
            service: svc,
            pods: store.podsMatching('default', svc.spec.selector ?? {}),
            existingSlices: [],
            nodes: store.list('Node'),
            config: store.config,
            now: 0,
          });
          expect(published(slices)).toEqual(published(fresh.toCreate));
          for (const s of slices) expect(s.endpoints.length).toBeLessThanOrEqual(MAX);
          // At most one slice is left without endpoints, and only when nothing is published.
          const empty = slices.filter((s) => s.endpoints.length === 0);
          expect(empty.length).toBe(published(slices).length === 0 ? 1 : 0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
