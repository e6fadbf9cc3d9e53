import { describe, it, expect } from 'vitest';
import type { Deployment } from '../../objects/apps.js';
import { replicaSetController } from '../replicaSet/index.js';
import { computePodTemplateHash } from '../shared/index.js';
import { deploymentManifest, testCluster } from '../shared/testCluster.test-helper.js';
import { REVISION_ANNOTATION } from './annotations.js';
import { deploymentController } from './deploymentController.js';
import {
  readyAllPending,
  recordRollout,
  setImage,
  settledDeployment,
} from './rollout.test-helper.js';

const get = (c: ReturnType<typeof testCluster>) => {
  const d = c.store.get('Deployment', 'default/web');
  if (d === undefined) throw new Error('no deployment');
  return d;
};
const cond = (c: ReturnType<typeof testCluster>, type: string) =>
  get(c).status.conditions?.find((x) => x.type === type);

describe('deploymentController rolling update', () => {
  it('follows timeline C for replicas 4, maxSurge 1, maxUnavailable 1', () => {
    const c = settledDeployment(4);
    expect(recordRollout(c)).toEqual([
      '(0,4)',
      '(1,4)',
      '(1,3)',
      '(2,3)',
      '(2,2)',
      '(3,2)',
      '(3,1)',
      '(4,1)',
      '(4,0)',
    ]);
    const d = get(c);
    expect(d.status).toMatchObject({
      replicas: 4,
      updatedReplicas: 4,
      readyReplicas: 4,
      availableReplicas: 4,
      unavailableReplicas: 0,
      observedGeneration: 2,
    });
    expect(cond(c, 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
    });
    expect(cond(c, 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
    });
    expect(d.metadata.annotations?.[REVISION_ANNOTATION]).toBe('2');
  });

  it('rolls replicas 10 with the 25% defaults as (3,10) → (3,8) → (5,8) … (10,0)', () => {
    const c = settledDeployment(10);
    const seen = recordRollout(c);
    expect(seen.slice(0, 4)).toEqual(['(0,10)', '(3,10)', '(3,8)', '(5,8)']);
    expect(seen.at(-1)).toBe('(10,0)');
    // Never more than replicas + maxSurge pods requested, never fewer than replicas − maxUnavailable.
    for (const pair of seen.slice(1)) {
      const [n, o] = pair.slice(1, -1).split(',').map(Number);
      expect((n ?? 0) + (o ?? 0)).toBeLessThanOrEqual(13);
    }
  });

  it('names the new ReplicaSet <deployment>-<hash> and labels its selector, template and pods', () => {
    const c = settledDeployment(2);
    const d = get(c);
    const hash = computePodTemplateHash(d.spec.template);
    const rs = c.store.get('ReplicaSet', `default/web-${hash}`);
    expect(rs?.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs?.spec.template.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs?.metadata.annotations).toMatchObject({
      [REVISION_ANNOTATION]: '1',
      'deployment.kubernetes.io/desired-replicas': '2',
      'deployment.kubernetes.io/max-replicas': '3',
    });
    for (const p of c.podsOf(`web-${hash}`)) {
      expect(p.metadata.labels?.['pod-template-hash']).toBe(hash);
    }
    setImage(c, 'nginx:2');
    c.run();
    const next = computePodTemplateHash(get(c).spec.template);
    expect(next).not.toBe(hash);
    expect(
      c.store.get('ReplicaSet', `default/web-${next}`)?.metadata.annotations?.[REVISION_ANNOTATION],
    ).toBe('2');
  });

  it('does not roll out while paused and resumes afterwards', () => {
    const c = settledDeployment(2);
    const d = get(c);
    c.store.update({ ...d, spec: { ...d.spec, paused: true } });
    c.run();
    setImage(c, 'nginx:2');
    c.run();
    expect(c.store.list('ReplicaSet')).toHaveLength(1);
    expect(cond(c, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused' });
    const paused = get(c);
    c.store.update({ ...paused, spec: { ...paused.spec, paused: false } });
    c.run();
    expect(c.store.list('ReplicaSet')).toHaveLength(2);
  });

  it('scales proportionally when replicas change mid-rollout', () => {
    const c = settledDeployment(10);
    setImage(c, 'nginx:2');
    c.run();
    const sizes = () =>
      c.store
        .list('ReplicaSet')
        .map((rs) => [rs.spec.template.spec.containers[0]?.image, rs.spec.replicas] as const);
    expect(Object.fromEntries(sizes())).toEqual({ 'nginx:1': 8, 'nginx:2': 5 });
    const d = get(c);
    c.store.update({ ...d, spec: { ...d.spec, replicas: 20 } });
    c.run();
    // allowed 20 + 5 surge = 25, 12 to add: old round(8·25/13) = 15, new round(5·25/13) = 10.
    expect(Object.fromEntries(sizes())).toEqual({ 'nginx:1': 15, 'nginx:2': 10 });
  });

  it('adopts a matching orphan ReplicaSet', () => {
    const c = testCluster([deploymentController]);
    const orphan = c.store.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'web', extra: 'x' } },
        template: {
          metadata: { labels: { app: 'web', extra: 'x' } },
          spec: { containers: [{ name: 'c', image: 'old' }] },
        },
      },
    });
    const d = c.store.create(deploymentManifest('web', 1));
    c.run();
    const rs = c.store.get('ReplicaSet', 'default/stray');
    expect(rs?.metadata.uid).toBe(orphan.metadata.uid);
    expect(rs?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      uid: d.metadata.uid,
      controller: true,
    });
  });
});

describe('deploymentController Recreate', () => {
  it('scales old pods away and creates the new ReplicaSet only once they are gone', () => {
    const c = settledDeployment(2, { strategy: { type: 'Recreate' } });
    setImage(c, 'nginx:2');
    c.run();
    const sets = c.store.list('ReplicaSet');
    expect(sets).toHaveLength(1);
    expect(sets[0]?.spec.replicas).toBe(0);
    const terminating = c.store
      .list('Pod')
      .filter((p) => p.metadata.deletionTimestamp !== undefined);
    expect(terminating).toHaveLength(2);
    const [first, second] = terminating;
    if (first === undefined || second === undefined) throw new Error('no pods');
    c.store.remove('Pod', `default/${first.metadata.name}`);
    c.run();
    expect(c.store.list('ReplicaSet')).toHaveLength(1);
    c.store.remove('Pod', `default/${second.metadata.name}`);
    c.run();
    const after = c.store.list('ReplicaSet');
    expect(after).toHaveLength(2);
    const fresh = after.find((rs) => rs.spec.template.spec.containers[0]?.image === 'nginx:2');
    expect(fresh?.spec.replicas).toBe(2);
    expect(
      c.store.list('Pod').filter((p) => p.metadata.deletionTimestamp === undefined),
    ).toHaveLength(2);
  });
});

describe('deploymentController status over time', () => {
  it('reports availability only after minReadySeconds', () => {
    const c = testCluster([replicaSetController, deploymentController]);
    c.store.create(deploymentManifest('web', 1, 'nginx:1', { minReadySeconds: 10 }));
    c.run();
    readyAllPending(c);
    expect(get(c).status).toMatchObject({
      readyReplicas: 1,
      availableReplicas: 0,
      unavailableReplicas: 1,
    });
    expect(cond(c, 'Available')).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
    });
    const rsKey = `default/${c.store.list('ReplicaSet')[0]?.metadata.name ?? ''}`;
    expect(replicaSetController.reconcile(c.store, rsKey, c.now()).requeueAfter).toBe(10_001);
    c.advanceTo(10_001);
    c.fire(replicaSetController, rsKey);
    expect(get(c).status).toMatchObject({ availableReplicas: 1, unavailableReplicas: 0 });
    expect(cond(c, 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
    });
    expect(cond(c, 'Progressing')).toMatchObject({ reason: 'NewReplicaSetAvailable' });
  });

  it('marks ProgressDeadlineExceeded after progressDeadlineSeconds without progress', () => {
    const c = testCluster([replicaSetController, deploymentController]);
    const reasons: string[] = [];
    c.store.watch((ev) => {
      if (ev.kind !== 'Deployment') return;
      const r = (ev.object as Deployment).status.conditions?.find(
        (x) => x.type === 'Progressing',
      )?.reason;
      if (r !== undefined && r !== reasons.at(-1)) reasons.push(r);
    });
    c.store.create(deploymentManifest('web', 1, 'nginx:1', { progressDeadlineSeconds: 60 }));
    c.run();
    // Created, then one pod reported by the new ReplicaSet counts as progress.
    expect(reasons).toEqual(['NewReplicaSetCreated', 'ReplicaSetUpdated']);
    // Deadline at 60 s after the last progress, checked a second later as upstream does.
    expect(deploymentController.reconcile(c.store, 'default/web', 0).requeueAfter).toBe(61_000);
    c.advanceTo(30_000);
    expect(c.fire(deploymentController, 'default/web')).toBe(31_000);
    expect(cond(c, 'Progressing')?.status).toBe('True');
    c.advanceTo(61_000);
    expect(c.fire(deploymentController, 'default/web')).toBeUndefined();
    expect(cond(c, 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: expect.stringContaining('has timed out progressing') as unknown,
    });
  });

  it('keeps only revisionHistoryLimit old ReplicaSets, deleting the oldest', () => {
    const c = settledDeployment(2, { revisionHistoryLimit: 1 });
    const first = c.store.list('ReplicaSet')[0]?.metadata.name;
    for (const image of ['nginx:2', 'nginx:3']) {
      setImage(c, image);
      c.run();
      for (let i = 0; i < 10; i++) readyAllPending(c);
    }
    const names = c.store
      .list('ReplicaSet')
      .map((rs) => rs.spec.template.spec.containers[0]?.image);
    expect(names.sort()).toEqual(['nginx:2', 'nginx:3']);
    expect(c.store.get('ReplicaSet', `default/${first ?? ''}`)).toBeUndefined();
  });

  it('never mutates the objects it reads', () => {
    const c = settledDeployment(4);
    setImage(c, 'nginx:2');
    const before = JSON.stringify([c.store.list('Deployment'), c.store.list('ReplicaSet')]);
    const plan = deploymentController.reconcile(c.store, 'default/web', 0);
    expect(plan.actions.some((a) => a.verb === 'create')).toBe(true);
    expect(JSON.stringify([c.store.list('Deployment'), c.store.list('ReplicaSet')])).toBe(before);
  });
});
