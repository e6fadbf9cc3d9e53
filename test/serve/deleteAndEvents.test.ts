// Issue 15, build item 2: delete with propagationPolicy (Orphan keeps the dependents without their
// owner reference, Background lets the garbage collector remove them, Foreground keeps the owner
// with the foregroundDeletion finalizer until its blocking dependents are gone) and Events listed
// by the involvedObject.* field selectors kubectl describe sends.
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation, type ServeHandle, type Simulation } from '@kubesim/sim';
import { call, eventually, openWatch, targetOf, type ApiTarget } from './apiClient.js';

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

// Three pods whose app ignores TERM: each takes its full 30 s grace period.
const slow = `apiVersion: apps/v1
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

async function start(manifest = web): Promise<{ sim: Simulation; t: ApiTarget }> {
  const sim = createSimulation({ seed: 8 });
  sim.addNodes(2);
  sim.apply(manifest);
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

describe('delete with propagationPolicy: Foreground', () => {
  interface Frame {
    type: string;
    object: { kind: string; metadata: Record<string, unknown> };
  }
  const marks = (o: unknown): unknown => {
    const meta = (o as { metadata?: Record<string, unknown> } | undefined)?.metadata;
    return [typeof meta?.['deletionTimestamp'], meta?.['finalizers']];
  };

  it('keeps the Deployment and ReplicaSet listed, marked, while the pods terminate; the pods, then the ReplicaSet, then the Deployment go', async () => {
    const { sim, t } = await start(slow);
    const rv = String(sim.get('Deployment', 'default/web')?.metadata.resourceVersion);
    const watches = [
      '/api/v1/namespaces/default/pods',
      '/apis/apps/v1/namespaces/default/replicasets',
      '/apis/apps/v1/namespaces/default/deployments',
    ].map((path) => openWatch(t, `${path}?watch=true&resourceVersion=${rv}`));
    // DeleteOptions in the body, as kubectl sends them (Node sends no chunked DELETE body: the
    // length is given).
    const options = JSON.stringify({
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      propagationPolicy: 'Foreground',
    });
    const answer = await call(t, 'DELETE', DEPLOY, {
      body: options,
      headers: { 'Content-Length': String(Buffer.byteLength(options)) },
    });
    expect(answer.status).toBe(200);
    expect(marks(answer.json)).toEqual(['string', ['foregroundDeletion']]);
    sim.runFor('20s');
    const deployments = await call(t, 'GET', '/apis/apps/v1/namespaces/default/deployments');
    const replicaSets = await call(t, 'GET', '/apis/apps/v1/namespaces/default/replicasets');
    const pods = await call(t, 'GET', '/api/v1/namespaces/default/pods');
    expect((deployments.json.items as unknown[]).map(marks)).toEqual([
      ['string', ['foregroundDeletion']],
    ]);
    expect((replicaSets.json.items as unknown[]).map(marks)).toEqual([
      ['string', ['foregroundDeletion']],
    ]);
    const podItems = pods.json.items as { metadata: Record<string, unknown> }[];
    expect(
      podItems.map((p) => [
        typeof p.metadata['deletionTimestamp'],
        p.metadata['deletionGracePeriodSeconds'],
      ]),
    ).toEqual([
      ['string', 30],
      ['string', 30],
      ['string', 30],
    ]);
    sim.runFor('20s');
    const deleted = (): Frame[] =>
      watches.flatMap((w) => (w.frames as Frame[]).filter((f) => f.type === 'DELETED'));
    await eventually(() => deleted().length === 5);
    for (const w of watches) w.stop();
    // Each DELETED frame carries the resourceVersion of its deletion: that orders the streams.
    const order = deleted()
      .sort(
        (a, b) =>
          Number(a.object.metadata['resourceVersion']) -
          Number(b.object.metadata['resourceVersion']),
      )
      .map((f) => f.object.kind);
    expect(order).toEqual(['Pod', 'Pod', 'Pod', 'ReplicaSet', 'Deployment']);
    expect((await call(t, 'GET', DEPLOY)).status).toBe(404);
  });

  it('a dependent without blockOwnerDeletion does not hold its owner', async () => {
    const { sim, t } = await start(slow);
    const [rs] = sim.list('ReplicaSet');
    const rsName = rs?.metadata.name ?? '';
    // Unblock the pods' references to their ReplicaSet: it no longer waits for them.
    for (const pod of sim.list('Pod')) {
      const refs = (pod.metadata.ownerReferences ?? []).map((o) => ({
        ...o,
        blockOwnerDeletion: false,
      }));
      const patched = await call(
        t,
        'PATCH',
        `/api/v1/namespaces/default/pods/${pod.metadata.name}`,
        {
          body: { metadata: { ownerReferences: refs } },
          headers: { 'Content-Type': 'application/merge-patch+json' },
        },
      );
      expect(patched.status).toBe(200);
    }
    const answer = await call(t, 'DELETE', `${DEPLOY}?propagationPolicy=Foreground`);
    expect(answer.status).toBe(200);
    expect(sim.get('ReplicaSet', `default/${rsName}`)).toBeUndefined();
    expect(sim.get('Deployment', 'default/web')).toBeUndefined();
    expect(sim.list('Pod').map((p) => typeof p.metadata.deletionTimestamp)).toEqual([
      'string',
      'string',
      'string',
    ]);
  });

  it("refuses an unknown policy with upstream's Invalid status naming the field", async () => {
    const { sim, t } = await start();
    const answer = await call(t, 'DELETE', `${DEPLOY}?propagationPolicy=Sideways`);
    expect(answer.status).toBe(422);
    expect(answer.json.message).toContain('propagationPolicy: Unsupported value: "Sideways"');
    expect(sim.get('Deployment', 'default/web')?.metadata.deletionTimestamp).toBeUndefined();
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
