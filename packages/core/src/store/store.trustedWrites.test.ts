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

  it('a user update is refused alike with and without paranoid (one validation of the object)', () => {
    // Without paranoid the object is validated once, as written; paranoid validates it again after
    // defaulting. Both must refuse (and accept) the same updates with the same issues.
    interface Doc {
      metadata: { labels?: Record<string, string> };
      spec: {
        replicas: number;
        selector: unknown;
        template: {
          metadata: { labels: Record<string, string> };
          spec: { containers: { name: string }[] };
        };
      };
    }
    const outcome = (paranoid: boolean, change: (d: Doc) => void): unknown => {
      const store = new Store({ config: { paranoid } });
      const live = store.create(deploymentManifest('web')) as unknown as Doc;
      const next = structuredClone(live);
      change(next);
      try {
        const stored = store.update(next as never) as unknown as Doc;
        return { ok: stored.spec };
      } catch (e) {
        return e instanceof ValidationError ? { issues: e.issues } : { other: String(e) };
      }
    };
    const changes: ((d: Doc) => void)[] = [
      (d) => {
        d.spec.replicas = 5;
      },
      (d) => {
        d.spec.selector = { matchLabels: { app: 'other' } };
        d.spec.template.metadata.labels = { app: 'other' };
      },
      (d) => {
        d.spec.replicas = -1;
      },
      (d) => {
        (d.spec.template.spec.containers[0] as { name: string }).name = 'Not_A_Name';
        d.spec.selector = { matchLabels: { app: 'moved' } };
      },
      (d) => {
        d.metadata.labels = { 'bad key!': 'x' };
      },
    ];
    const results = changes.map((c) => [outcome(false, c), outcome(true, c)]);
    for (const [plain, paranoid] of results) expect(plain).toEqual(paranoid);
    expect(results[0]?.[0]).toHaveProperty('ok');
    expect(results[1]?.[0]).toMatchObject({ issues: [{ path: 'spec.selector' }] });
    for (const i of [2, 3, 4]) expect(results[i]?.[0]).toHaveProperty('issues');
  });
});
