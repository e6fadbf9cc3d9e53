// The system default spread constraints kept per pod-labels object (keptSpreadConstraints with the
// cache's services epoch) always equal the ones built afresh from the view: after Services come,
// go or change selector, ReplicaSets are replaced, pods are relabelled or re-owned, and on both
// sides of a fork that each change on their own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplicaSetInput } from '../../objects/apps.js';
import type { Pod } from '../../objects/pod.js';
import type { RandomSource } from '../../sources.js';
import { Store } from '../../store/store.js';
import { podManifest, serviceManifest } from '../../store/testManifests.js';
import { SchedulerCache, servicesEpochOf } from './schedulerCache.js';
import {
  SYSTEM_DEFAULT_CONSTRAINTS,
  defaultSpreadSelectors,
  keptSpreadConstraints,
} from './spreadConstraints.js';
import { CountingIds as Ids } from '../../store/countingIds.test-helper.js';

const noChance: RandomSource = { nextInt: () => 0 };

/** A store and the scheduler cache fed from every one of its events. */
interface Side {
  readonly store: Store;
  readonly cache: SchedulerCache;
  readonly ids: Ids;
}

function side(store: Store, cache: SchedulerCache, ids: Ids): Side {
  store.watch((ev) => {
    cache.observe(ev);
  });
  return { store, cache, ids };
}

function forkOf(s: Side): Side {
  const ids = s.ids.clone();
  return side(s.store.fork({ ids, random: noChance, clock: () => 0 }), s.cache.fork(), ids);
}

function replicaSet(name: string, matchLabels: Record<string, string>) {
  const manifest: ReplicaSetInput & { kind: 'ReplicaSet' } = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas: 1,
      selector: { matchLabels },
      template: {
        metadata: { labels: { ...matchLabels } },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      },
    },
  };
  return manifest;
}

/** The selectors of the kept constraints, and of the ones built afresh, as strings. */
function keptAndFresh(s: Side, p: Pod): { kept: string[][]; fresh: string[][] } {
  const kept = keptSpreadConstraints(p, s.store, 'ScheduleAnyway', servicesEpochOf(s.cache));
  const selectors = defaultSpreadSelectors(p, s.store);
  const fresh = selectors.length === 0 ? [] : SYSTEM_DEFAULT_CONSTRAINTS.map(() => selectors);
  return {
    kept: kept.map((c) => c.selectors.map(String)),
    fresh: fresh.map((list) => list.map(String)),
  };
}

const LABEL_SETS = [{ app: 'web' }, { app: 'web', tier: 'fe' }, { app: 'db' }, { tier: 'fe' }];
const SELECTORS = [{ app: 'web' }, { tier: 'fe' }, { app: 'db' }, { app: 'web', tier: 'fe' }];
const RS_SELECTORS = [{ app: 'web' }, { tier: 'fe' }];

type Op =
  | { op: 'service'; name: string; selector: number; side: number }
  | { op: 'deleteService'; name: string; side: number }
  | { op: 'replaceReplicaSet'; selector: number; side: number }
  | { op: 'relabel'; pod: string; labels: number; side: number }
  | { op: 'adopt'; pod: string; side: number }
  | { op: 'fork'; side: number };

const sideArb = fc.nat({ max: 3 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('service' as const),
    name: fc.constantFrom('s1', 's2', 's3'),
    selector: fc.nat({ max: SELECTORS.length - 1 }),
    side: sideArb,
  }),
  fc.record({
    op: fc.constant('deleteService' as const),
    name: fc.constantFrom('s1', 's2', 's3'),
    side: sideArb,
  }),
  fc.record({
    op: fc.constant('replaceReplicaSet' as const),
    selector: fc.nat({ max: RS_SELECTORS.length - 1 }),
    side: sideArb,
  }),
  fc.record({
    op: fc.constant('relabel' as const),
    pod: fc.constantFrom('p1', 'p2'),
    labels: fc.nat({ max: LABEL_SETS.length - 1 }),
    side: sideArb,
  }),
  fc.record({ op: fc.constant('adopt' as const), pod: fc.constantFrom('p1', 'p2'), side: sideArb }),
  fc.record({ op: fc.constant('fork' as const), side: sideArb }),
);

function apply(sides: Side[], op: Op): void {
  const s = sides[op.side % sides.length] as Side;
  const { store } = s;
  switch (op.op) {
    case 'service': {
      const selector = SELECTORS[op.selector];
      const manifest = serviceManifest(op.name, selector);
      const current = store.get('Service', `default/${op.name}`);
      if (current === undefined) store.create(manifest);
      else store.update({ ...current, spec: { ...current.spec, selector } });
      break;
    }
    case 'deleteService':
      if (store.get('Service', `default/${op.name}`) !== undefined) {
        store.delete('Service', `default/${op.name}`);
      }
      break;
    case 'replaceReplicaSet':
      // A new uid: pods owned by the old one no longer count it until adopted.
      store.delete('ReplicaSet', 'default/web-rs', { propagationPolicy: 'Orphan' });
      store.create(replicaSet('web-rs', RS_SELECTORS[op.selector] ?? {}));
      break;
    case 'relabel': {
      const p = store.get('Pod', `default/${op.pod}`) as Pod;
      store.update({ ...p, metadata: { ...p.metadata, labels: { ...LABEL_SETS[op.labels] } } });
      break;
    }
    case 'adopt': {
      const p = store.get('Pod', `default/${op.pod}`) as Pod;
      const rs = store.get('ReplicaSet', 'default/web-rs');
      if (rs === undefined) break;
      const ref = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web-rs',
        uid: rs.metadata.uid,
      };
      store.update({ ...p, metadata: { ...p.metadata, ownerReferences: [ref] } });
      break;
    }
    case 'fork':
      if (sides.length < 4) sides.push(forkOf(s));
      break;
  }
}

function start(): Side {
  const ids = new Ids();
  const s = side(new Store({ ids, random: noChance }), new SchedulerCache(), ids);
  const rs = s.store.create(replicaSet('web-rs', { app: 'web' }));
  const owner = { kind: 'ReplicaSet', name: 'web-rs', uid: rs.metadata.uid };
  // Two pods of one template share their labels object only in a real controller; here the
  // relabel op gives them equal or different labels objects.
  s.store.create(podManifest('p1', { labels: { app: 'web' }, owner }));
  s.store.create(podManifest('p2', { labels: { app: 'web', tier: 'fe' }, owner }));
  return s;
}

describe('kept system default spread constraints', () => {
  it('equal the ones built afresh after any Service, ReplicaSet, pod and fork changes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
        const sides = [start()];
        for (const op of ops) {
          apply(sides, op);
          for (const s of sides) {
            for (const name of ['p1', 'p2']) {
              const p = s.store.get('Pod', `default/${name}`) as Pod;
              const { kept, fresh } = keptAndFresh(s, p);
              expect(kept).toEqual(fresh);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('are one kept array while nothing changes, and renewed when a Service appears', () => {
    const s = start();
    const p1 = () => s.store.get('Pod', 'default/p1') as Pod;
    const epoch = () => servicesEpochOf(s.cache);
    const first = keptSpreadConstraints(p1(), s.store, 'ScheduleAnyway', epoch());
    expect(first.map((c) => c.selectors.map(String))).toEqual([['app=web'], ['app=web']]);
    expect(keptSpreadConstraints(p1(), s.store, 'ScheduleAnyway', epoch())).toBe(first);
    // A status-only change of a Service keeps the epoch; a new selecting Service renews it.
    s.store.create(serviceManifest('web', { app: 'web' }));
    const second = keptSpreadConstraints(p1(), s.store, 'ScheduleAnyway', epoch());
    expect(second).not.toBe(first);
    expect(second.map((c) => c.selectors.map(String))).toEqual([
      ['app=web', 'app=web'],
      ['app=web', 'app=web'],
    ]);
  });

  it('a Service write that keeps the selector keeps the epoch', () => {
    const s = start();
    const svc = s.store.create(serviceManifest('web', { app: 'web' }));
    const before = servicesEpochOf(s.cache);
    s.store.update({ ...svc, metadata: { ...svc.metadata, labels: { team: 'a' } } });
    expect(servicesEpochOf(s.cache)).toBe(before);
    const current = s.store.get('Service', 'default/web') ?? svc;
    s.store.update({ ...current, spec: { ...current.spec, selector: { app: 'db' } } });
    expect(servicesEpochOf(s.cache)).not.toBe(before);
  });
});
