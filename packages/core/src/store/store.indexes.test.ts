import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { matchesSet } from '../selector/index.js';
import { parseSelector } from '../selector/index.js';
import { Store } from './store.js';
import { namespaceManifest, podManifest, serviceManifest } from './testManifests.js';
import type { ClusterView } from './view.js';

type Op =
  | { op: 'pod'; name: string; ns: string; app: string; node: string | undefined }
  | { op: 'relabel'; name: string; ns: string; app: string }
  | { op: 'bind'; name: string; ns: string; node: string }
  | { op: 'deletePod'; name: string; ns: string }
  | { op: 'svc'; name: string; ns: string; app: string }
  | { op: 'deleteSvc'; name: string; ns: string }
  | { op: 'slice'; name: string; ns: string; svc: string }
  | { op: 'deleteSlice'; name: string; ns: string };

const name = fc.constantFrom('a', 'b', 'c', 'd');
const ns = fc.constantFrom('default', 'team');
const app = fc.constantFrom('web', 'db', 'api');
const node = fc.constantFrom('n1', 'n2');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('pod' as const),
    name,
    ns,
    app,
    node: fc.option(node, { nil: undefined }),
  }),
  fc.record({ op: fc.constant('relabel' as const), name, ns, app }),
  fc.record({ op: fc.constant('bind' as const), name, ns, node }),
  fc.record({ op: fc.constant('deletePod' as const), name, ns }),
  fc.record({ op: fc.constant('svc' as const), name, ns, app }),
  fc.record({ op: fc.constant('deleteSvc' as const), name, ns }),
  fc.record({ op: fc.constant('slice' as const), name, ns, svc: name }),
  fc.record({ op: fc.constant('deleteSlice' as const), name, ns }),
);

function run(store: Store, o: Op): void {
  const key = `${o.ns}/${o.name}`;
  try {
    switch (o.op) {
      case 'pod':
        store.create(
          podManifest(o.name, {
            namespace: o.ns,
            labels: { app: o.app },
            ...(o.node ? { nodeName: o.node } : {}),
          }),
        );
        break;
      case 'relabel': {
        const p = store.get('Pod', key);
        if (p) store.update({ ...p, metadata: { ...p.metadata, labels: { app: o.app } } });
        break;
      }
      case 'bind': {
        const p = store.get('Pod', key);
        if (p && p.spec.nodeName === undefined)
          store.update({ ...p, spec: { ...p.spec, nodeName: o.node } });
        break;
      }
      case 'deletePod':
        store.delete('Pod', key, { gracePeriodSeconds: 0 });
        break;
      case 'svc':
        store.create(serviceManifest(o.name, { app: o.app }, { namespace: o.ns }));
        break;
      case 'deleteSvc':
        store.delete('Service', key);
        break;
      case 'slice':
        store.create({
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            name: `${o.svc}-${o.name}`,
            namespace: o.ns,
            labels: { 'kubernetes.io/service-name': o.svc },
          },
          addressType: 'IPv4',
          endpoints: [],
          ports: [],
        });
        break;
      case 'deleteSlice':
        for (const s of store.list('EndpointSlice', { namespace: o.ns })) {
          if (s.metadata.name.endsWith(`-${o.name}`))
            store.delete('EndpointSlice', `${o.ns}/${s.metadata.name}`);
        }
        break;
    }
  } catch {
    // Refused writes (already exists, not found) are part of the random sequence.
  }
}

const keys = (objs: readonly { metadata: { name: string; namespace?: string } }[]): string[] =>
  objs.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

function checkAgainstScan(view: ClusterView): void {
  const pods = view.list('Pod');
  const services = view.list('Service');
  const slices = view.list('EndpointSlice');
  for (const n of ['n1', 'n2']) {
    expect(keys(view.podsOnNode(n))).toEqual(keys(pods.filter((p) => p.spec.nodeName === n)));
  }
  for (const namespace of ['default', 'team']) {
    for (const a of ['web', 'db', 'api']) {
      const labels = { app: a };
      expect(keys(view.servicesSelecting(namespace, labels))).toEqual(
        keys(
          services.filter(
            (s) =>
              s.metadata.namespace === namespace &&
              s.spec.selector !== undefined &&
              Object.keys(s.spec.selector).length > 0 &&
              matchesSet(s.spec.selector, labels),
          ),
        ),
      );
      expect(keys(view.podsMatching(namespace, labels))).toEqual(
        keys(
          pods.filter(
            (p) => p.metadata.namespace === namespace && p.metadata.labels?.['app'] === a,
          ),
        ),
      );
      expect(keys(view.list('Pod', { namespace, selector: parseSelector(`app=${a}`) }))).toEqual(
        keys(
          pods.filter(
            (p) => p.metadata.namespace === namespace && p.metadata.labels?.['app'] === a,
          ),
        ),
      );
    }
    for (const svc of ['a', 'b', 'c', 'd', 'kubernetes']) {
      expect(keys(view.slicesOfService(namespace, svc))).toEqual(
        keys(
          slices.filter(
            (s) =>
              s.metadata.namespace === namespace &&
              s.metadata.labels?.['kubernetes.io/service-name'] === svc,
          ),
        ),
      );
    }
    expect(keys(view.list('Pod', { namespace }))).toEqual(
      keys(pods.filter((p) => p.metadata.namespace === namespace)),
    );
  }
  const all = keys(pods);
  expect(all).toEqual([...all].sort());
}

describe('indexes', () => {
  it('agree with a brute-force scan after any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const store = new Store();
        store.create(namespaceManifest('team'));
        for (const o of ops) run(store, o);
        checkAgainstScan(store);
        checkAgainstScan(store.snapshot());
      }),
      { numRuns: 150 },
    );
  });

  it('a rolled-back transaction leaves the indexes as they were', () => {
    const store = new Store();
    store.create(podManifest('a', { nodeName: 'n1', labels: { app: 'web' } }));
    expect(() => {
      store.transaction(() => {
        store.create(podManifest('b', { nodeName: 'n1', labels: { app: 'web' } }));
        store.delete('Pod', 'a', { gracePeriodSeconds: 0 });
        store.create(podManifest('Bad_Name'));
      });
    }).toThrow();
    expect(keys(store.podsOnNode('n1'))).toEqual(['default/a']);
    expect(keys(store.podsMatching('default', { app: 'web' }))).toEqual(['default/a']);
  });
});

describe('lists and snapshots', () => {
  it('list returns objects in key order whatever the write order', () => {
    const store = new Store();
    for (const n of ['m', 'c', 'x', 'a', 'k']) store.create(podManifest(n));
    store.list('Pod');
    for (const n of ['b', 'z']) store.create(podManifest(n));
    store.delete('Pod', 'x');
    expect(store.list('Pod').map((p) => p.metadata.name)).toEqual(['a', 'b', 'c', 'k', 'm', 'z']);
  });

  it('a snapshot does not change when the store does', () => {
    const store = new Store();
    store.create(podManifest('a', { nodeName: 'n1' }));
    const snap = store.snapshot();
    const pod = snap.get('Pod', 'a');
    store.create(podManifest('b', { nodeName: 'n1' }));
    store.delete('Pod', 'a', { gracePeriodSeconds: 0 });
    expect(snap.list('Pod').map((p) => p.metadata.name)).toEqual(['a']);
    expect(snap.get('Pod', 'a')).toBe(pod);
    expect(keys(snap.podsOnNode('n1'))).toEqual(['default/a']);
    expect(Object.isFrozen(snap)).toBe(true);
    expect(store.list('Pod').map((p) => p.metadata.name)).toEqual(['b']);
  });
});
