import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../errors.js';
import { SecondaryIndexes } from './secondaryIndexes.js';
import { Store } from './store.js';
import type { StoredObject } from './types.js';
import type { StoreEvent } from './view.js';
import { deploymentManifest, podManifest } from './testManifests.js';

/** Everything a refused write must leave as it was: every object, the resourceVersion, events. */
function fingerprint(store: Store): string {
  const snap = store.snapshot();
  return JSON.stringify([
    store.resourceVersion,
    ...snap.kinds().map((k) => [k, snap.listInert(k)]),
  ]);
}

/** Runs `write`, expects a ValidationError, and checks nothing changed and nothing was emitted. */
function expectRefusedWithoutChange(store: Store, write: () => unknown): ValidationError {
  const before = fingerprint(store);
  const seen: StoreEvent[] = [];
  const stop = store.watch((ev) => seen.push(ev));
  let caught: unknown;
  try {
    write();
  } catch (e) {
    caught = e;
  }
  stop();
  expect(caught).toBeInstanceOf(ValidationError);
  expect(fingerprint(store)).toBe(before);
  expect(seen).toEqual([]);
  return caught as ValidationError;
}

function deploymentWith(edit: (d: Record<string, unknown>) => void): Record<string, unknown> {
  const d = structuredClone(deploymentManifest('web')) as unknown as Record<string, unknown>;
  edit(d);
  return d;
}

type Loose = Record<string, Record<string, unknown>>;
const containerOf = (d: Record<string, unknown>): Record<string, unknown> =>
  (((d['spec'] as Loose)['template'] as Loose)['spec'] as { containers: Record<string, unknown>[] })
    .containers[0] as Record<string, unknown>;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an exception-safe store', () => {
  it('journal before mutate: a failure inside the table change leaves no ghost object', () => {
    const store = new Store();
    const before = fingerprint(store);
    const proto = SecondaryIndexes.prototype as unknown as {
      add(this: SecondaryIndexes, kind: string, key: string, obj: StoredObject): void;
    };
    // The original, called with the indexes as `this` below.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const add = proto.add;
    vi.spyOn(proto, 'add').mockImplementationOnce(function (
      this: SecondaryIndexes,
      kind,
      key,
      obj,
    ) {
      add.call(this, kind, key, obj);
      throw new Error('index failure');
    });
    expect(() => store.create(podManifest('web'))).toThrow('index failure');
    expect(store.get('Pod', 'default/web')).toBeUndefined();
    expect(store.list('Pod')).toEqual([]);
    expect(fingerprint(store)).toBe(before);
    // The indexes were undone too: the pod can be created and found by label afterwards.
    store.create(podManifest('web', { labels: { app: 'web' } }));
    expect(store.list('Pod').map((p) => p.metadata.name)).toEqual(['web']);
  });

  it('metadata.labels: null is stored as an object without labels, not a ghost', () => {
    const store = new Store();
    const cm = store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg', labels: null, annotations: null } as never,
    } as never);
    expect(cm.metadata.labels).toBeUndefined();
    expect(store.getInert('ConfigMap', 'default/cfg')).toBe(cm);
    const dep = store.apply(
      deploymentWith((d) => ((d['metadata'] as Record<string, unknown>)['labels'] = null)),
    );
    expect(dep.created).toBe(true);
    expect(dep.object.metadata.labels).toBeUndefined();
    store.delete('ConfigMap', 'default/cfg');
    store.delete('Deployment', 'default/web');
    expect(store.getInert('ConfigMap', 'default/cfg')).toBeUndefined();
    expect(store.get('Deployment', 'default/web')).toBeUndefined();
  });

  it('ownerReferences: [null] leaves no ghost: refused whole, or stored whole and deletable', () => {
    const store = new Store();
    const manifest = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg', ownerReferences: [null] },
    } as never;
    let stored: StoredObject | undefined;
    try {
      stored = store.create(manifest);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
    }
    expect(store.getInert('ConfigMap', 'default/cfg')).toBe(stored);
    if (stored !== undefined) {
      store.delete('ConfigMap', 'default/cfg');
      expect(store.getInert('ConfigMap', 'default/cfg')).toBeUndefined();
    }
  });

  it('re-apply validates before defaulting: ports: 80 is a ValidationError, not a TypeError', () => {
    const store = new Store();
    store.apply(deploymentManifest('web'));
    const err = expectRefusedWithoutChange(store, () =>
      store.apply(deploymentWith((d) => (containerOf(d)['ports'] = 80)) as never),
    );
    expect(err.message).toContain('spec.template.spec.containers[0].ports: Invalid value: 80');
  });

  it('re-apply validates before defaulting: strategy: RollingUpdate is a ValidationError', () => {
    const store = new Store();
    store.apply(deploymentManifest('web'));
    const err = expectRefusedWithoutChange(store, () =>
      store.apply(
        deploymentWith(
          (d) => ((d['spec'] as Loose)['strategy'] = 'RollingUpdate' as never),
        ) as never,
      ),
    );
    expect(err.message).toContain('spec.strategy: Invalid value: "RollingUpdate"');
  });

  it('re-apply validates before defaulting: httpGet: /healthz is a ValidationError', () => {
    const store = new Store();
    store.apply(deploymentManifest('web'));
    const err = expectRefusedWithoutChange(store, () =>
      store.apply(
        deploymentWith(
          (d) => (containerOf(d)['readinessProbe'] = { httpGet: '/healthz' }),
        ) as never,
      ),
    );
    expect(err.message).toContain('readinessProbe.httpGet: Invalid value: "/healthz"');
  });

  it('update validates before defaulting, as create does', () => {
    const store = new Store();
    const live = store.create(deploymentManifest('web'));
    const bad = structuredClone(live) as unknown as Record<string, unknown>;
    containerOf(bad)['ports'] = 80;
    expectRefusedWithoutChange(store, () => store.update(bad as never));
  });

  it('updateStatus is validated: a null or malformed condition changes nothing', () => {
    const store = new Store();
    const pod = store.create(podManifest('web'));
    const err = expectRefusedWithoutChange(store, () =>
      store.updateStatus({ ...pod, status: { ...pod.status, conditions: [null] } } as never),
    );
    expect(err.message).toContain('status.conditions[0]: Required value');
    expectRefusedWithoutChange(store, () =>
      store.updateStatus({ ...pod, status: { conditions: 5 } } as never),
    );
    expectRefusedWithoutChange(store, () =>
      store.updateStatus({ ...pod, status: { podIP: 'not-an-ip' } } as never),
    );
    expectRefusedWithoutChange(store, () =>
      store.updateStatus({ ...pod, status: 'Running' } as never),
    );
    // A valid status write still goes through.
    const ok = store.updateStatus({ ...pod, status: { ...pod.status, podIP: '10.0.0.5' } });
    expect(ok.status.podIP).toBe('10.0.0.5');
  });

  it('bad Node status quantities are refused at create, before anything is stored', () => {
    const store = new Store();
    const node = (cpu: string): never =>
      ({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'n1' },
        status: { capacity: { cpu, pods: '110' }, allocatable: { cpu, pods: '110' } },
      }) as never;
    const zz = expectRefusedWithoutChange(store, () => store.create(node('zz')));
    expect(zz.message).toContain('status.capacity[cpu]: Invalid value: "zz"');
    const huge = expectRefusedWithoutChange(store, () => store.create(node('1e30')));
    expect(huge.message).toContain('above 2^53');
    expect(store.create(node('4')).metadata.name).toBe('n1');
  });

  it('a BigInt in a field is a ValidationError and nothing changes', () => {
    const store = new Store();
    const err = expectRefusedWithoutChange(store, () =>
      store.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cfg' },
        data: { a: 1n },
      } as never),
    );
    expect(err.issues[0]?.path).toBe('data.a');
    store.create(deploymentManifest('web'));
    expectRefusedWithoutChange(store, () =>
      store.apply(deploymentWith((d) => ((d['spec'] as Loose)['replicas'] = 2n as never)) as never),
    );
  });

  it('values that are not JSON data (NaN, functions, cycles, class instances) are refused', () => {
    const store = new Store();
    const cyclic: Record<string, unknown> = { a: 'b' };
    cyclic['self'] = cyclic;
    for (const value of [Number.NaN, () => 1, cyclic, new Map(), Symbol('s')]) {
      expectRefusedWithoutChange(store, () =>
        store.create({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'cfg', annotations: { x: 'y' } },
          data: { v: value },
        } as never),
      );
    }
  });
});
