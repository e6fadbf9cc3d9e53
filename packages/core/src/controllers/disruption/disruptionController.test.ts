import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudgetStatus } from '../../objects/apps.js';
import {
  createPdb,
  createPod,
  createWorkload,
  eventMessage,
  eventReasons,
  newCluster,
  pdbOf,
  setPodState,
  type TestCluster,
} from './testCluster.test-helper.js';

type Numbers = Pick<
  PodDisruptionBudgetStatus,
  'expectedPods' | 'desiredHealthy' | 'currentHealthy' | 'disruptionsAllowed'
>;

const numbers = (c: TestCluster, name = 'pdb'): Numbers => {
  const s = pdbOf(c.store, name).status;
  return {
    expectedPods: s.expectedPods,
    desiredHealthy: s.desiredHealthy,
    currentHealthy: s.currentHealthy,
    disruptionsAllowed: s.disruptionsAllowed,
  };
};

/** A ReplicaSet of `replicas` owning `pods` Ready pods labelled app=web. */
function replicaSetWith(replicas: number, pods: number): TestCluster {
  const c = newCluster();
  const rs = createWorkload(c.store, 'ReplicaSet', 'web', replicas, { app: 'web' });
  for (let i = 0; i < pods; i++) createPod(c.store, `web-${i}`, { owner: rs });
  return c;
}

describe('disruption controller status arithmetic (§8.2)', () => {
  it('integer minAvailable counts matching pods and allows current − desired', () => {
    const c = replicaSetWith(3, 3);
    createPdb(c.store, 'pdb', { minAvailable: 2 });
    c.sync();
    expect(numbers(c)).toEqual({
      expectedPods: 3,
      desiredHealthy: 2,
      currentHealthy: 3,
      disruptionsAllowed: 1,
    });
    const cond = pdbOf(c.store, 'pdb').status.conditions?.[0];
    expect(cond).toMatchObject({
      type: 'DisruptionAllowed',
      status: 'True',
      reason: 'SufficientPods',
    });
  });

  it('a not-Ready pod is not healthy, and the condition turns False / InsufficientPods', () => {
    const c = replicaSetWith(3, 3);
    createPdb(c.store, 'pdb', { minAvailable: 2 });
    c.sync();
    setPodState(c.store, 'web-0', 'Running', false);
    c.sync();
    expect(numbers(c)).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0 });
    const cond = pdbOf(c.store, 'pdb').status.conditions?.[0];
    expect(cond).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
  });

  it('integer minAvailable above the healthy count allows 0, never a negative number', () => {
    const c = replicaSetWith(3, 3);
    createPdb(c.store, 'pdb', { minAvailable: 5 });
    c.sync();
    expect(numbers(c)).toMatchObject({ expectedPods: 3, desiredHealthy: 5, disruptionsAllowed: 0 });
  });

  it('percent minAvailable rounds UP against the controller scale: 50% of 3 needs 2', () => {
    const c = replicaSetWith(3, 3);
    createPdb(c.store, 'pdb', { minAvailable: '50%' });
    c.sync();
    expect(numbers(c)).toEqual({
      expectedPods: 3,
      desiredHealthy: 2,
      currentHealthy: 3,
      disruptionsAllowed: 1,
    });
  });

  it('percent minAvailable uses the scale, not the pods present: 60% of 5 with 3 pods allows 0', () => {
    const c = replicaSetWith(5, 3);
    createPdb(c.store, 'pdb', { minAvailable: '60%' });
    c.sync();
    expect(numbers(c)).toEqual({
      expectedPods: 5,
      desiredHealthy: 3,
      currentHealthy: 3,
      disruptionsAllowed: 0,
    });
  });

  it('integer maxUnavailable subtracts from the scale: 4 − 1 = 3 desired', () => {
    const c = replicaSetWith(4, 4);
    createPdb(c.store, 'pdb', { maxUnavailable: 1 });
    c.sync();
    expect(numbers(c)).toEqual({
      expectedPods: 4,
      desiredHealthy: 3,
      currentHealthy: 4,
      disruptionsAllowed: 1,
    });
  });

  it('percent maxUnavailable is ceil’d then subtracted: 30% of 4 → 2 unavailable, 2 desired', () => {
    const c = replicaSetWith(4, 4);
    createPdb(c.store, 'pdb', { maxUnavailable: '30%' });
    c.sync();
    expect(numbers(c)).toMatchObject({ expectedPods: 4, desiredHealthy: 2, disruptionsAllowed: 2 });
  });

  it('maxUnavailable larger than the scale floors desiredHealthy at 0', () => {
    const c = replicaSetWith(2, 2);
    createPdb(c.store, 'pdb', { maxUnavailable: 5 });
    c.sync();
    expect(numbers(c)).toMatchObject({ expectedPods: 2, desiredHealthy: 0, disruptionsAllowed: 2 });
  });

  it('neither minAvailable nor maxUnavailable allows no disruption (§8.1)', () => {
    const c = replicaSetWith(3, 3);
    createPdb(c.store, 'pdb', {});
    c.sync();
    expect(numbers(c)).toEqual({
      expectedPods: 0,
      desiredHealthy: 0,
      currentHealthy: 3,
      disruptionsAllowed: 0,
    });
  });

  it('expected ≤ 0 forces 0 even with healthy pods (a ReplicaSet scaled to 0)', () => {
    const c = replicaSetWith(0, 2);
    createPdb(c.store, 'pdb', { maxUnavailable: 1 });
    c.sync();
    expect(numbers(c)).toEqual({
      expectedPods: 0,
      desiredHealthy: 0,
      currentHealthy: 2,
      disruptionsAllowed: 0,
    });
  });

  it('pods without a controller give percent forms nothing to count: 0 allowed and an UnmanagedPods warning', () => {
    const c = newCluster();
    for (const n of ['a', 'b', 'c']) createPod(c.store, n);
    createPdb(c.store, 'pdb', { minAvailable: '50%' });
    c.sync();
    expect(numbers(c)).toMatchObject({ expectedPods: 0, currentHealthy: 3, disruptionsAllowed: 0 });
    expect(eventReasons(c.store, 'PodDisruptionBudget', 'pdb')).toContain('UnmanagedPods');
  });

  it('pods without a controller are fine for integer minAvailable', () => {
    const c = newCluster();
    for (const n of ['a', 'b', 'c']) createPod(c.store, n);
    createPdb(c.store, 'pdb', { minAvailable: 1 });
    c.sync();
    expect(numbers(c)).toMatchObject({ expectedPods: 3, disruptionsAllowed: 2 });
    expect(eventReasons(c.store, 'PodDisruptionBudget', 'pdb')).not.toContain('UnmanagedPods');
  });

  it('a controller that cannot be found fails safe: 0 allowed, condition SyncFailed, an event', () => {
    const c = newCluster();
    const ghost = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'gone',
      uid: 'x-1',
      controller: true,
    };
    createPod(c.store, 'a', { owner: ghost });
    createPdb(c.store, 'pdb', { maxUnavailable: 1 });
    c.sync();
    const pdb = pdbOf(c.store, 'pdb');
    expect(pdb.status.disruptionsAllowed).toBe(0);
    expect(pdb.status.conditions?.[0]).toMatchObject({
      status: 'False',
      reason: 'SyncFailed',
      message: 'found no controllers for pod "a"',
    });
    expect(eventMessage(c.store, 'CalculateExpectedPodCountFailed')).toBe(
      'Failed to calculate the number of expected pods: found no controllers for pod "a"',
    );
  });

  it('a ReplicaSet owned by a Deployment counts the Deployment’s replicas, once for all its ReplicaSets', () => {
    const c = newCluster();
    const dep = createWorkload(c.store, 'Deployment', 'web', 4, { app: 'web' });
    const old = createWorkload(c.store, 'ReplicaSet', 'web-old', 1, { app: 'web' }, dep);
    const cur = createWorkload(c.store, 'ReplicaSet', 'web-new', 3, { app: 'web' }, dep);
    createPod(c.store, 'old-0', { owner: old });
    for (let i = 0; i < 3; i++) createPod(c.store, `new-${i}`, { owner: cur });
    createPdb(c.store, 'pdb', { maxUnavailable: '25%' });
    c.sync();
    expect(numbers(c)).toEqual({
      expectedPods: 4,
      desiredHealthy: 3,
      currentHealthy: 4,
      disruptionsAllowed: 1,
    });
  });

  it('a StatefulSet counts its replicas', () => {
    const c = newCluster();
    const ss = createWorkload(c.store, 'StatefulSet', 'db', 3, { app: 'web' });
    for (let i = 0; i < 3; i++) createPod(c.store, `db-${i}`, { owner: ss });
    createPdb(c.store, 'pdb', { minAvailable: '100%' });
    c.sync();
    expect(numbers(c)).toMatchObject({ expectedPods: 3, desiredHealthy: 3, disruptionsAllowed: 0 });
  });

  it('a scale change of the owning Deployment re-syncs the budget', () => {
    const c = newCluster();
    const dep = createWorkload(c.store, 'Deployment', 'web', 3, { app: 'web' });
    const rs = createWorkload(c.store, 'ReplicaSet', 'web-1', 3, { app: 'web' }, dep);
    for (let i = 0; i < 3; i++) createPod(c.store, `web-${i}`, { owner: rs });
    createPdb(c.store, 'pdb', { minAvailable: '50%' });
    c.sync();
    expect(numbers(c).expectedPods).toBe(3);
    const live = c.store.get('Deployment', 'default/web');
    if (live === undefined) throw new Error('missing');
    c.store.update({ ...live, spec: { ...live.spec, replicas: 6 } });
    c.sync();
    expect(numbers(c)).toMatchObject({ expectedPods: 6, desiredHealthy: 3, disruptionsAllowed: 0 });
  });

  it('records the generation it observed', () => {
    const c = replicaSetWith(3, 3);
    createPdb(c.store, 'pdb', { minAvailable: 2 });
    c.sync();
    const live = pdbOf(c.store, 'pdb');
    c.store.update({ ...live, spec: { ...live.spec, minAvailable: 1 } });
    expect(pdbOf(c.store, 'pdb').metadata.generation).toBe(2);
    c.sync();
    expect(pdbOf(c.store, 'pdb').status).toMatchObject({
      observedGeneration: 2,
      disruptionsAllowed: 2,
    });
  });
});

describe('disruption controller selectors', () => {
  it('a null selector selects no pod', () => {
    const c = replicaSetWith(3, 3);
    createPdb(c.store, 'pdb', { minAvailable: 1, selector: null });
    c.sync();
    expect(numbers(c)).toEqual({
      expectedPods: 0,
      desiredHealthy: 1,
      currentHealthy: 0,
      disruptionsAllowed: 0,
    });
    expect(eventReasons(c.store, 'PodDisruptionBudget', 'pdb')).toContain('NoPods');
  });

  it('an empty selector {} selects every pod of the namespace, and only of that namespace', () => {
    const c = newCluster();
    createPod(c.store, 'a', { labels: { app: 'web' } });
    createPod(c.store, 'b', { labels: { app: 'db' } });
    createPod(c.store, 'c', { labels: {} });
    c.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    c.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'elsewhere', namespace: 'other' },
      spec: { containers: [{ name: 'app', image: 'nginx' }] },
    });
    createPdb(c.store, 'pdb', { minAvailable: 1, selector: {} });
    c.sync();
    expect(numbers(c)).toMatchObject({ expectedPods: 3, currentHealthy: 3, disruptionsAllowed: 2 });
  });

  it('a pod relabelled out of the selector leaves the budget’s count', () => {
    const c = replicaSetWith(3, 3);
    createPdb(c.store, 'pdb', { minAvailable: 1 });
    c.sync();
    const pod = c.store.get('Pod', 'default/web-0');
    if (pod === undefined) throw new Error('missing');
    c.store.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'other' } } });
    c.sync();
    expect(numbers(c)).toMatchObject({ expectedPods: 2, disruptionsAllowed: 1 });
  });
});
