import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError } from '../errors.js';
import type { RandomSource } from '../sources.js';
import { KindTable } from './kindTable.js';
import { Store } from './store.js';
import { namespaceManifest, podManifest, serviceManifest } from './testManifests.js';
import type { StoredObject } from './types.js';
import { CountingIds as Ids } from './countingIds.test-helper.js';

/** A linear congruential stream whose state can be copied. */
class Chance implements RandomSource {
  constructor(private state = 7) {}
  nextInt(bound: number): number {
    this.state = (Math.imul(this.state, 1103515245) + 12345) >>> 0;
    return this.state % bound;
  }
  clone(): Chance {
    return new Chance(this.state);
  }
}

interface Sources {
  ids: Ids;
  random: Chance;
}

function fresh(): { store: Store } & Sources {
  const ids = new Ids();
  const random = new Chance();
  const store = new Store({ ids, random, config: { paranoid: true } });
  store.create(namespaceManifest('team'));
  return { store, ids, random };
}

function forkOf(s: { store: Store } & Sources): { store: Store } & Sources {
  const ids = s.ids.clone();
  const random = s.random.clone();
  return { store: s.store.fork({ ids, random, clock: () => 0 }), ids, random };
}

type Op =
  | { op: 'pod'; name: string; ns: string; app: string; node: string | undefined }
  | { op: 'relabel'; name: string; ns: string; app: string }
  | { op: 'deletePod'; name: string; ns: string }
  | { op: 'svc'; name: string; ns: string; app: string; type: 'ClusterIP' | 'NodePort' }
  | { op: 'deleteSvc'; name: string; ns: string };

const name = fc.constantFrom('a', 'b', 'c');
const ns = fc.constantFrom('default', 'team');
const app = fc.constantFrom('web', 'db');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('pod' as const),
    name,
    ns,
    app,
    node: fc.option(fc.constantFrom('n1', 'n2'), { nil: undefined }),
  }),
  fc.record({ op: fc.constant('relabel' as const), name, ns, app }),
  fc.record({ op: fc.constant('deletePod' as const), name, ns }),
  fc.record({
    op: fc.constant('svc' as const),
    name,
    ns,
    app,
    type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const),
  }),
  fc.record({ op: fc.constant('deleteSvc' as const), name, ns }),
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
      case 'deletePod':
        store.delete('Pod', key, { gracePeriodSeconds: 0 });
        break;
      case 'svc':
        store.create(serviceManifest(o.name, { app: o.app }, { namespace: o.ns, type: o.type }));
        break;
      case 'deleteSvc':
        store.delete('Service', key);
        break;
    }
  } catch {
    // Refused writes (already exists, not found) are part of the random sequence.
  }
}

/** Everything a reader can see: every object of the kinds written, the indexes' answers, the rv. */
function observe(store: Store): unknown {
  const list = (objs: readonly StoredObject[]): unknown[] => objs.map((o) => o);
  return {
    rv: store.resourceVersion,
    namespaces: list(store.list('Namespace')),
    pods: list(store.list('Pod')),
    services: list(store.list('Service')),
    onNode: ['n1', 'n2'].map((n) => store.podsOnNode(n).map((p) => p.metadata.name)),
    matching: ['default', 'team'].flatMap((n) =>
      ['web', 'db'].map((a) => [
        store.podsMatching(n, { app: a }).map((p) => p.metadata.name),
        store.servicesSelecting(n, { app: a }).map((s) => s.metadata.name),
      ]),
    ),
  };
}

describe('Store.fork', () => {
  it('a fork and its parent each end as a store that saw only its own writes (forks of forks too)', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 15 }),
        fc.array(opArb, { maxLength: 15 }),
        fc.array(opArb, { maxLength: 15 }),
        fc.array(opArb, { maxLength: 15 }),
        fc.boolean(),
        (prefix, a, b, c, listFirst) => {
          const parent = fresh();
          for (const o of prefix) run(parent.store, o);
          // With the key order built (a list) or not yet: both paths share it differently.
          if (listFirst) parent.store.list('Pod');
          const child = forkOf(parent);
          const grandchild = forkOf(child);
          // Interleaved: a write on one side between writes on the others.
          const longest = Math.max(a.length, b.length, c.length);
          for (let i = 0; i < longest; i++) {
            const [oa, ob, oc] = [a[i], b[i], c[i]];
            if (oa) run(parent.store, oa);
            if (ob) run(child.store, ob);
            if (oc) run(grandchild.store, oc);
          }
          for (const [side, ops] of [
            [parent, a],
            [child, b],
            [grandchild, c],
          ] as const) {
            const reference = fresh();
            for (const o of [...prefix, ...ops]) run(reference.store, o);
            expect(observe(side.store)).toEqual(observe(reference.store));
          }
        },
      ),
      { numRuns: 120, seed: 12 },
    );
  });

  it('shares the stored objects themselves, frozen', () => {
    const { store } = fresh();
    store.create(podManifest('a', { nodeName: 'n1' }));
    const copy = forkOf({ store, ids: new Ids(100), random: new Chance() }).store;
    expect(copy.get('Pod', 'a')).toBe(store.get('Pod', 'a'));
    expect(Object.isFrozen(copy.get('Pod', 'a'))).toBe(true);
  });

  it('does not carry watchers over', () => {
    const { store } = fresh();
    const seen: string[] = [];
    store.watch((ev) => seen.push(ev.key));
    const copy = forkOf({ store, ids: new Ids(100), random: new Chance() }).store;
    copy.create(podManifest('a'));
    expect(seen).toEqual([]);
  });

  it('refuses to fork inside a transaction', () => {
    const { store } = fresh();
    expect(() =>
      store.transaction(() => store.fork({ ids: new Ids(), random: new Chance(), clock: () => 0 })),
    ).toThrow(InvalidArgumentError);
  });

  it('allocations made after the fork are each side’s own', () => {
    const parent = fresh();
    const child = forkOf(parent);
    const svc = serviceManifest('web', { app: 'web' }, { type: 'NodePort' });
    const inParent = parent.store.create(svc);
    const inChild = child.store.create(svc);
    // Same chance, same free ranges: the same picks, neither taken by the other side.
    expect(inChild.spec.clusterIP).toBe(inParent.spec.clusterIP);
    expect(inChild.spec.ports[0]?.nodePort).toBe(inParent.spec.ports[0]?.nodePort);
  });
});

describe('KindTable.fork (copy-on-write)', () => {
  const obj = (name: string): StoredObject =>
    ({ kind: 'Pod', metadata: { name } }) as unknown as StoredObject;

  it('shares the map until a write, then the writer copies and the other keeps the original', () => {
    const parent = new KindTable();
    parent.set('a', obj('a'));
    parent.sortedKeys();
    const child = parent.fork();
    expect(child.objects).toBe(parent.objects);
    const shared = parent.objects;
    child.set('b', obj('b'));
    expect(child.objects).not.toBe(shared);
    expect(parent.objects).toBe(shared);
    expect([...parent.sortedKeys()]).toEqual(['a']);
    expect([...child.sortedKeys()]).toEqual(['a', 'b']);
    // The parent is now the map's only holder: it writes in place.
    parent.delete('a');
    expect(parent.objects).toBe(shared);
    expect([...parent.sortedKeys()]).toEqual([]);
    expect([...child.sortedKeys()]).toEqual(['a', 'b']);
  });

  it('a delete of a missing key copies nothing', () => {
    const parent = new KindTable();
    parent.set('a', obj('a'));
    const child = parent.fork();
    expect(child.delete('zz')).toBe(false);
    expect(child.objects).toBe(parent.objects);
  });

  it('pending key-order changes of the parent are not lost by a fork', () => {
    const parent = new KindTable();
    for (const k of ['m', 'c']) parent.set(k, obj(k));
    parent.sortedKeys();
    parent.set('a', obj('a'));
    parent.delete('m');
    const child = parent.fork();
    child.set('z', obj('z'));
    parent.set('b', obj('b'));
    expect([...parent.sortedKeys()]).toEqual(['a', 'b', 'c']);
    expect([...child.sortedKeys()]).toEqual(['a', 'c', 'z']);
    expect(parent.keysWithPrefix('b')).toEqual(['b']);
  });
});
