// Issue 15, build item 2: delete with propagationPolicy (Orphan keeps the dependents without their
// owner reference, Background lets the garbage collector remove them) and Events listed by the
// involvedObject.* field selectors kubectl describe sends. Foreground is accepted but not yet
// honoured (the owner goes at once): the garbage collector does not keep an owner with the
// foregroundDeletion finalizer until its dependents are gone.
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation, type ServeHandle, type Simulation } from '@kubesim/sim';
import { call, targetOf, type ApiTarget } from './apiClient.js';

let server: ServeHandle | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`;

async function start(): Promise<{ sim: Simulation; t: ApiTarget }> {
  const sim = createSimulation({ seed: 8 });
  sim.addNodes(2);
  sim.apply(web);
  sim.settle();
  server = await sim.serve();
  return { sim, t: targetOf(server.kubeconfig) };
}

const DEPLOY = '/apis/apps/v1/namespaces/default/deployments/web';

describe('delete with propagationPolicy', () => {
  it('Orphan keeps the ReplicaSet and its pods, without the owner reference', async () => {
    const { sim, t } = await start();
    const answer = await call(t, 'DELETE', `${DEPLOY}?propagationPolicy=Orphan`);
    expect(answer.status).toBe(200);
    sim.runFor('1m');
    expect(sim.get('Deployment', 'default/web')).toBeUndefined();
    const [rs] = sim.list('ReplicaSet');
    expect(rs?.metadata.ownerReferences ?? []).toEqual([]);
    expect(sim.list('Pod').filter((p) => p.metadata.deletionTimestamp == null)).toHaveLength(2);
  });

  it('Background removes the owner at once and the garbage collector its dependents', async () => {
    const { sim, t } = await start();
    const answer = await call(t, 'DELETE', `${DEPLOY}?propagationPolicy=Background`);
    expect(answer.status).toBe(200);
    expect(sim.get('Deployment', 'default/web')).toBeUndefined();
    sim.runFor('2m');
    expect(sim.list('ReplicaSet')).toEqual([]);
    expect(sim.list('Pod')).toEqual([]);
  });
});

describe('Events by involvedObject', () => {
  it("lists a pod's events with the field selectors kubectl describe sends", async () => {
    const { sim, t } = await start();
    const [pod] = sim.list('Pod');
    const name = pod?.metadata.name ?? '';
    const uid = pod?.metadata.uid ?? '';
    const selector = [
      `involvedObject.name=${name}`,
      'involvedObject.namespace=default',
      'involvedObject.kind=Pod',
      `involvedObject.uid=${uid}`,
    ].join(',');
    const list = await call(
      t,
      'GET',
      `/api/v1/namespaces/default/events?fieldSelector=${encodeURIComponent(selector)}&limit=500`,
    );
    expect(list.status).toBe(200);
    const items = list.json.items as { involvedObject: { name: string }; reason: string }[];
    expect(items.map((e) => `${e.involvedObject.name} ${e.reason}`)).toEqual([`${name} Scheduled`]);
    const none = await call(
      t,
      'GET',
      `/api/v1/namespaces/default/events?fieldSelector=${encodeURIComponent('involvedObject.kind!=Pod')}`,
    );
    expect(none.json.items).toEqual([]);
  });
});
