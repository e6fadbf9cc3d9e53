import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paranoidByDefault, setParanoidByDefault } from '../config.js';
import { ValidationError } from '../errors.js';
import type { Pod } from '../objects/pod.js';
import { Store } from './store.js';
import { deploymentManifest, podManifest } from './testManifests.js';

// The suite runs paranoid (test/setup/paranoid.ts); these tests look at both sides of the switch.
let saved = false;
beforeEach(() => {
  saved = paranoidByDefault();
  setParanoidByDefault(false);
});
afterEach(() => {
  setParanoidByDefault(saved);
});

const badPod = (): never =>
  ({
    ...podManifest('web'),
    spec: { containers: [{ name: 'c', image: 'x', ports: 80 }] },
  }) as never;

describe('trusted writes', () => {
  it('a user write is always validated', () => {
    const store = new Store();
    expect(() => store.create(badPod())).toThrow(ValidationError);
    expect(store.validating).toBe(true);
  });

  it("kubesim's own writes (Store.trusted) skip validation", () => {
    const store = new Store();
    const pod = store.create(podManifest('web'));
    store.trusted(() => {
      expect(store.validating).toBe(false);
      // Not a shape a controller writes; it goes through only because nothing checks it.
      store.updateStatus({ ...pod, status: { ...pod.status, podIP: 'not-an-ip' } });
    });
    expect(store.get('Pod', 'web')?.status.podIP).toBe('not-an-ip');
  });

  it('a user callback inside a trusted scope is validated again (Store.untrusted)', () => {
    const store = new Store();
    store.trusted(() => {
      expect(() => store.untrusted(() => store.create(badPod()))).toThrow(ValidationError);
      expect(store.validating).toBe(false);
    });
    expect(store.get('Pod', 'web')).toBeUndefined();
  });

  it('config paranoid: true validates trusted writes too', () => {
    const store = new Store({ config: { paranoid: true } });
    const pod = store.create(podManifest('web'));
    store.trusted(() => {
      expect(store.validating).toBe(true);
      expect(() =>
        store.updateStatus({ ...pod, status: { ...pod.status, podIP: 'not-an-ip' } }),
      ).toThrow(ValidationError);
    });
  });

  it('setParanoidByDefault(true) makes every new store paranoid', () => {
    setParanoidByDefault(true);
    const store = new Store();
    expect(store.trusted(() => store.validating)).toBe(true);
  });
});

describe('status writes cost what changed', () => {
  it('share the stored spec and metadata subtrees and touch only status', () => {
    const store = new Store();
    const pod = store.create(podManifest('web', { nodeName: 'n1' }));
    const next = store.trusted(() =>
      store.updateStatus({ ...pod, status: { ...pod.status, phase: 'Running' } }),
    );
    expect(next.spec).toBe(pod.spec);
    expect(next.metadata.labels).toBe(pod.metadata.labels);
    expect(next.metadata.resourceVersion).not.toBe(pod.metadata.resourceVersion);
    expect(next.status.phase).toBe('Running');
    expect(Object.isFrozen(next.status)).toBe(true);
  });

  it('a status write that changes nothing stores nothing', () => {
    const store = new Store();
    const pod = store.create(podManifest('web'));
    const rv = store.resourceVersion;
    expect(store.updateStatus({ ...pod, status: { ...pod.status } })).toBe(pod);
    expect(store.resourceVersion).toBe(rv);
  });

  it('fill the same status defaults as a create does (zero counts, Pending)', () => {
    const store = new Store();
    const dep = store.create(deploymentManifest('web'));
    const pod: Pod = store.create(podManifest('p'));
    const d = store.updateStatus({ ...dep, status: {} as never });
    expect(d.status).toEqual({});
    const p = store.updateStatus({ ...pod, status: { podIP: '10.0.0.1' } as never });
    expect(p.status).toEqual({ podIP: '10.0.0.1', phase: 'Pending' });
  });
});
