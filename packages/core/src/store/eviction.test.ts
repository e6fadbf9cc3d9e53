import { describe, expect, it } from 'vitest';
import { EvictionRefusedError, NotFoundError } from '../errors.js';
import { evictPod } from './eviction.js';
import {
  DisruptionBudgetRefusedError,
  EVICTION_BUDGET_MESSAGE,
} from '../controllers/disruption/evictionErrors.js';
import {
  createPdb,
  createPod,
  createWorkload,
  newCluster,
  pdbOf,
  setPodState,
  type TestCluster,
} from '../controllers/disruption/testCluster.test-helper.js';

/** A ReplicaSet with 3 Ready pods and a synced budget. */
function guarded(spec: Parameters<typeof createPdb>[2]): TestCluster {
  const c = newCluster();
  const rs = createWorkload(c.store, 'ReplicaSet', 'web', 3, { app: 'web' });
  for (let i = 0; i < 3; i++) createPod(c.store, `web-${i}`, { owner: rs });
  createPdb(c.store, 'pdb', spec);
  c.sync();
  return c;
}

const podOf = (c: TestCluster, name: string) => c.store.get('Pod', `default/${name}`);

function refusal(fn: () => void): EvictionRefusedError {
  // Catches the refusal to assert on its fields.
  try {
    fn();
  } catch (err) {
    if (err instanceof EvictionRefusedError) return err;
    throw err;
  }
  throw new Error('the eviction was not refused');
}

function causesOf(err: EvictionRefusedError): DisruptionBudgetRefusedError['causes'] {
  if (!(err instanceof DisruptionBudgetRefusedError)) throw new Error('not a budget refusal');
  return err.causes;
}

describe('Store.evict: the Eviction API at the store clock', () => {
  it('does what evictPod does at the same instant, and a refusal changes nothing', () => {
    const viaStore = guarded({ minAvailable: 2 });
    const viaFunction = guarded({ minAvailable: 2 });
    viaStore.now = 5_000;
    viaFunction.now = 5_000;
    viaStore.store.evict('web-1');
    evictPod(viaFunction.store, 'web-1', 5_000);
    expect(pdbOf(viaStore.store, 'pdb').status).toEqual(pdbOf(viaFunction.store, 'pdb').status);
    expect(pdbOf(viaStore.store, 'pdb').status.disruptedPods).toEqual({
      'web-1': '2025-01-01T00:00:05Z',
    });
    expect(podOf(viaStore, 'web-1')?.metadata.deletionTimestamp).toBe('2025-01-01T00:00:35Z');
    const rv = viaStore.store.resourceVersion;
    expect(() => {
      viaStore.store.evict('web-2');
    }).toThrow(EvictionRefusedError);
    expect(viaStore.store.resourceVersion).toBe(rv);
    expect(podOf(viaStore, 'web-2')?.metadata.deletionTimestamp).toBeUndefined();
  });
});

describe('evictPod', () => {
  it('spends one disruption, records the pod in disruptedPods and deletes it gracefully with DisruptionTarget', () => {
    const c = guarded({ minAvailable: 2 });
    c.now = 5_000;
    evictPod(c.store, 'default/web-1', c.now);
    const pdb = pdbOf(c.store, 'pdb');
    expect(pdb.status.disruptionsAllowed).toBe(0);
    expect(pdb.status.disruptedPods).toEqual({ 'web-1': '2025-01-01T00:00:05Z' });
    expect(pdb.status.conditions?.[0]).toMatchObject({
      status: 'False',
      reason: 'InsufficientPods',
    });
    const pod = podOf(c, 'web-1');
    expect(pod?.metadata.deletionTimestamp).toBe('2025-01-01T00:00:35Z');
    expect(pod?.status.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    });
  });

  it('honours the eviction’s grace period override', () => {
    const c = guarded({ minAvailable: 2 });
    evictPod(c.store, 'web-0', 0, { deleteOptions: { gracePeriodSeconds: 5 } });
    expect(podOf(c, 'web-0')?.metadata.deletionTimestamp).toBe('2025-01-01T00:00:05Z');
  });

  it('refuses with 429 TooManyRequests and upstream’s words when the budget is spent, changing nothing', () => {
    const c = guarded({ minAvailable: 3 });
    const before = {
      pdb: pdbOf(c.store, 'pdb'),
      pod: podOf(c, 'web-0'),
      rv: c.store.resourceVersion,
    };
    const err = refusal(() => {
      evictPod(c.store, 'default/web-0', 0);
    });
    expect(err).toBeInstanceOf(DisruptionBudgetRefusedError);
    expect(err.status).toBe(429);
    expect(err.code).toBe('TooManyRequests');
    expect(err.message).toBe(EVICTION_BUDGET_MESSAGE);
    expect(causesOf(err)).toEqual([
      {
        type: 'DisruptionBudget',
        message: 'The disruption budget pdb needs 3 healthy pods and has 3 currently',
      },
    ]);
    expect(pdbOf(c.store, 'pdb')).toBe(before.pdb);
    expect(podOf(c, 'web-0')).toBe(before.pod);
    expect(c.store.resourceVersion).toBe(before.rv);
  });

  it('refuses with 429 while the budget’s generation is not observed yet', () => {
    const c = guarded({ minAvailable: 1 });
    const live = pdbOf(c.store, 'pdb');
    c.store.update({ ...live, spec: { ...live.spec, minAvailable: 0 } });
    const err = refusal(() => {
      evictPod(c.store, 'web-0', 0);
    });
    expect(err.status).toBe(429);
    expect(causesOf(err)[0]?.message).toBe(
      'The disruption budget pdb is still being processed by the server.',
    );
  });

  it('refuses with 403 when disruptedPods holds more than 2000 entries', () => {
    const c = guarded({ minAvailable: 1 });
    const live = pdbOf(c.store, 'pdb');
    const many = Object.fromEntries(
      Array.from({ length: 2001 }, (_, i) => [`p-${i}`, '2025-01-01T00:00:00Z']),
    );
    c.store.updateStatus({ ...live, status: { ...live.status, disruptedPods: many } });
    const err = refusal(() => {
      evictPod(c.store, 'web-0', 0);
    });
    expect(err.status).toBe(403);
    expect(err.message).toContain('DisruptedPods map too big');
  });

  it('refuses with 500 MultiplePodDisruptionBudgets when two budgets cover the pod', () => {
    const c = guarded({ minAvailable: 1 });
    createPdb(c.store, 'second', { maxUnavailable: 1 });
    c.sync();
    const err = refusal(() => {
      evictPod(c.store, 'web-0', 0);
    });
    expect(err.status).toBe(500);
    expect(err.code).toBe('MultiplePodDisruptionBudgets');
    expect(err.message).toBe(
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    );
    expect(podOf(c, 'web-0')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('deletes a pod no budget covers', () => {
    const c = guarded({ minAvailable: 3 });
    createPod(c.store, 'loner', { labels: { app: 'other' } });
    evictPod(c.store, 'loner', 0);
    expect(podOf(c, 'loner')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('throws NotFoundError for a pod that does not exist', () => {
    const c = guarded({ minAvailable: 1 });
    expect(() => {
      evictPod(c.store, 'nope', 0);
    }).toThrow(NotFoundError);
  });

  it.each(['Pending', 'Succeeded', 'Failed'] as const)(
    'a %s pod is deleted without consulting a spent budget',
    (phase) => {
      const c = guarded({ minAvailable: 3 });
      setPodState(c.store, 'web-2', phase, false);
      evictPod(c.store, 'web-2', 0);
      const pod = c.store.get('Pod', 'default/web-2');
      expect(pod === undefined || pod.metadata.deletionTimestamp !== undefined).toBe(true);
      expect(pdbOf(c.store, 'pdb').status.disruptedPods).toBeUndefined();
    },
  );

  it('an already terminating pod is deleted again without consulting the budget', () => {
    const c = guarded({ minAvailable: 3 });
    c.store.delete('Pod', 'default/web-0');
    expect(() => {
      evictPod(c.store, 'web-0', 0, { deleteOptions: { gracePeriodSeconds: 1 } });
    }).not.toThrow();
    expect(podOf(c, 'web-0')?.metadata.deletionTimestamp).toBe('2025-01-01T00:00:01Z');
  });
});

describe('evictPod and unhealthy pods (§8.5)', () => {
  it('AlwaysAllow deletes an unready pod without spending budget even when none is left', () => {
    const c = guarded({ minAvailable: 3, unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    setPodState(c.store, 'web-0', 'Running', false);
    c.sync();
    expect(pdbOf(c.store, 'pdb').status.disruptionsAllowed).toBe(0);
    evictPod(c.store, 'web-0', 0);
    expect(podOf(c, 'web-0')?.metadata.deletionTimestamp).toBeDefined();
    expect(pdbOf(c.store, 'pdb').status.disruptedPods).toBeUndefined();
  });

  it('IfHealthyBudget deletes an unready pod without spending budget while the application is whole', () => {
    const c = guarded({ minAvailable: 2, unhealthyPodEvictionPolicy: 'IfHealthyBudget' });
    setPodState(c.store, 'web-0', 'Running', false);
    c.sync();
    expect(pdbOf(c.store, 'pdb').status).toMatchObject({
      currentHealthy: 2,
      disruptionsAllowed: 0,
    });
    evictPod(c.store, 'web-0', 0);
    expect(podOf(c, 'web-0')?.metadata.deletionTimestamp).toBeDefined();
    expect(pdbOf(c.store, 'pdb').status.disruptedPods).toBeUndefined();
  });

  it('IfHealthyBudget (and the default) refuses an unready pod when the application is already short', () => {
    for (const policy of ['IfHealthyBudget', undefined] as const) {
      const c = guarded({
        minAvailable: 3,
        ...(policy ? { unhealthyPodEvictionPolicy: policy } : {}),
      });
      setPodState(c.store, 'web-0', 'Running', false);
      c.sync();
      expect(pdbOf(c.store, 'pdb').status).toMatchObject({ currentHealthy: 2, desiredHealthy: 3 });
      expect(
        refusal(() => {
          evictPod(c.store, 'web-0', 0);
        }).status,
      ).toBe(429);
      expect(podOf(c, 'web-0')?.metadata.deletionTimestamp).toBeUndefined();
    }
  });
});
