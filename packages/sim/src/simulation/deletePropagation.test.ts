// sim.delete's propagationPolicy (Kubernetes DeleteOptions): Foreground keeps the owner with the
// foregroundDeletion finalizer until its blocking dependents are gone, cascading Deployment →
// ReplicaSet → Pods; Orphan and Background as upstream.
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, type StoredObject } from '@kubesim/core';
import { createSimulation, type Simulation } from '../index.js';

const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations: {kubesim.io/behavior: '{"terminationDelay": "1h"}'}
    spec: {containers: [{name: c, image: nginx}]}
`;

function cluster(): Simulation {
  const sim = createSimulation({ seed: 3 });
  sim.addNodes(2);
  sim.apply(web);
  sim.settle();
  return sim;
}

const marked = (o: StoredObject | undefined): [boolean, readonly string[]] => [
  o?.metadata.deletionTimestamp !== undefined,
  o?.metadata.finalizers ?? [],
];

describe('sim.delete with propagationPolicy: Foreground', () => {
  it('keeps the Deployment and its ReplicaSet, marked, until the pods end their 30 s grace (their app ignores TERM); then the pods go, the ReplicaSet, the Deployment', () => {
    const sim = cluster();
    const [rs] = sim.list('ReplicaSet');
    const rsKey = `default/${rs?.metadata.name ?? ''}`;
    const deleted: string[] = [];
    for (const kind of ['Pod', 'ReplicaSet', 'Deployment'] as const) {
      sim.watch(kind, (ev) => {
        if (ev.type === 'DELETED') deleted.push(kind);
      });
    }
    sim.delete('Deployment', 'default/web', { propagationPolicy: 'Foreground' });
    sim.runFor('20s');
    expect(marked(sim.get('Deployment', 'default/web'))).toEqual([true, ['foregroundDeletion']]);
    expect(marked(sim.get('ReplicaSet', rsKey))).toEqual([true, ['foregroundDeletion']]);
    const pods = sim.list('Pod');
    expect(pods).toHaveLength(3);
    expect(pods.map((p) => p.metadata.deletionGracePeriodSeconds)).toEqual([30, 30, 30]);
    expect(deleted).toEqual([]);
    sim.runFor('20s');
    expect(sim.list('Pod')).toEqual([]);
    expect(sim.get('ReplicaSet', rsKey)).toBeUndefined();
    expect(sim.get('Deployment', 'default/web')).toBeUndefined();
    expect(deleted).toEqual(['Pod', 'Pod', 'Pod', 'ReplicaSet', 'Deployment']);
  });

  it('a dependent without blockOwnerDeletion does not hold its owner; one with it does', () => {
    const sim = createSimulation({ seed: 3 });
    sim.addNodes(1);
    const ownerOf = (name: string, block: boolean): string => {
      const [cm] = sim.apply(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`);
      if (cm === undefined) throw new Error('the ConfigMap was not applied');
      const uid = cm.metadata.uid;
      sim.apply(`apiVersion: v1
kind: Pod
metadata:
  name: ${name}-pod
  annotations: {kubesim.io/behavior: '{"terminationDelay": "1h"}'}
  ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: ${name}, uid: ${uid}, blockOwnerDeletion: ${String(block)}}]
spec: {containers: [{name: c, image: nginx}]}
`);
      return name;
    };
    ownerOf('loose', false);
    ownerOf('held', true);
    sim.settle();
    sim.delete('ConfigMap', 'default/loose', { propagationPolicy: 'Foreground' });
    sim.delete('ConfigMap', 'default/held', { propagationPolicy: 'Foreground' });
    expect(sim.getInert('ConfigMap', 'default/loose')).toBeUndefined();
    expect(marked(sim.getInert('ConfigMap', 'default/held'))).toEqual([
      true,
      ['foregroundDeletion'],
    ]);
    expect(sim.get('Pod', 'default/loose-pod')?.metadata.deletionTimestamp).toBeDefined();
    expect(sim.get('Pod', 'default/held-pod')?.metadata.deletionTimestamp).toBeDefined();
    sim.runFor('40s');
    expect(sim.getInert('ConfigMap', 'default/held')).toBeUndefined();
    expect(sim.list('Pod')).toEqual([]);
  });

  it('Orphan keeps the ReplicaSet and its pods without the owner reference; Background collects them', () => {
    const sim = cluster();
    sim.delete('Deployment', 'default/web', { propagationPolicy: 'Orphan' });
    expect(sim.get('Deployment', 'default/web')).toBeUndefined();
    sim.runFor('1m');
    const [rs] = sim.list('ReplicaSet');
    expect(rs?.metadata.ownerReferences).toBeUndefined();
    expect(sim.list('Pod')).toHaveLength(3);
    sim.delete('ReplicaSet', `default/${rs?.metadata.name ?? ''}`, {
      propagationPolicy: 'Background',
    });
    expect(sim.list('ReplicaSet')).toEqual([]);
    sim.runFor('1m');
    expect(sim.list('Pod')).toEqual([]);
  });

  it('refuses an unknown policy with an error naming the field, changing nothing', () => {
    const sim = cluster();
    const rv = sim.get('Deployment', 'default/web')?.metadata.resourceVersion;
    const attempt = (): void => {
      sim.delete('Deployment', 'default/web', { propagationPolicy: 'Sideways' as never });
    };
    expect(attempt).toThrow(InvalidArgumentError);
    expect(attempt).toThrow(/delete\(opts\)\.propagationPolicy/);
    expect(sim.get('Deployment', 'default/web')?.metadata.resourceVersion).toBe(rv);
  });
});
