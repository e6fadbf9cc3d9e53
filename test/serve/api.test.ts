/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/restrict-plus-operands -- wire JSON read in tests */
// The API server against the wire protocol kubectl and client-node speak: discovery, CRUD with
// optimistic concurrency, the patch types, selectors and paging, Tables, and Status errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, type ServeHandle, type Simulation } from '@kubesim/sim';
import { call, targetOf, type ApiTarget } from './apiClient.js';

const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;

let sim: Simulation;
let server: ServeHandle;
let t: ApiTarget;

beforeAll(async () => {
  sim = createSimulation({ seed: 7 });
  sim.addNodes(2);
  sim.apply(web);
  sim.runFor('1m');
  server = await sim.serve();
  t = targetOf(server.kubeconfig);
});
afterAll(async () => {
  await server.close();
});

describe('discovery', () => {
  it('lists core resources with verbs, short names, the all category and subresource kinds', async () => {
    const { json } = await call(t, 'GET', '/api/v1');
    const byName = new Map<string, any>(json.resources.map((r: any) => [r.name, r]));
    expect(byName.get('pods')).toMatchObject({
      kind: 'Pod',
      namespaced: true,
      shortNames: ['po'],
      categories: ['all'],
    });
    expect(byName.get('pods').verbs).toEqual(
      expect.arrayContaining(['get', 'list', 'watch', 'create', 'patch', 'deletecollection']),
    );
    expect(byName.get('pods/eviction')).toMatchObject({
      kind: 'Eviction',
      group: 'policy',
      version: 'v1',
      verbs: ['create'],
    });
    expect(byName.get('pods/status')).toMatchObject({ kind: 'Pod' });
    expect(byName.get('nodes')).toMatchObject({ namespaced: false, shortNames: ['no'] });
  });

  it('lists groups and their resources with scale as autoscaling/v1 Scale', async () => {
    const groups = await call(t, 'GET', '/apis');
    expect(groups.json.groups.map((g: any) => g.name)).toEqual(
      expect.arrayContaining(['apps', 'discovery.k8s.io', 'policy']),
    );
    const apps = await call(t, 'GET', '/apis/apps/v1');
    const scale = apps.json.resources.find((r: any) => r.name === 'deployments/scale');
    expect(scale).toMatchObject({ kind: 'Scale', group: 'autoscaling', version: 'v1' });
  });
});

describe('errors are Status objects', () => {
  it('401 without the token, 404 for unknown paths and objects', async () => {
    expect((await call(t, 'GET', '/api/v1/pods', { token: null })).status).toBe(401);
    const unknown = await call(t, 'GET', '/apis/nope/v1/things');
    expect(unknown.json).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
    const missing = await call(t, 'GET', '/api/v1/namespaces/default/pods/nope');
    expect(missing.json).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      code: 404,
      message: 'pods "nope" not found',
    });
  });

  it('422 with causes for an invalid object, 415 for an unknown patch type, 406 for an unknown Accept', async () => {
    const bad = await call(t, 'POST', '/api/v1/namespaces/default/services', {
      body: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'bad' },
        spec: { ports: [{ port: 0 }] },
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.reason).toBe('Invalid');
    expect(bad.json.details.causes[0].field).toBe('spec.ports[0].port');
    const patch = await call(t, 'PATCH', '/api/v1/namespaces/default/services/web', {
      body: {},
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(patch.json).toMatchObject({ reason: 'UnsupportedMediaType', code: 415 });
    const accept = await call(t, 'GET', '/api/v1/pods', {
      headers: { Accept: 'application/vnd.kubernetes.protobuf' },
    });
    expect(accept.json).toMatchObject({ reason: 'NotAcceptable', code: 406 });
  });
});

describe('reads', () => {
  it('lists with label and field selectors (=, ==, !=)', async () => {
    const all = await call(t, 'GET', '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb');
    expect(all.json.kind).toBe('PodList');
    expect(all.json.items).toHaveLength(2);
    const node = all.json.items[0].spec.nodeName as string;
    const on = await call(t, 'GET', `/api/v1/pods?fieldSelector=spec.nodeName%3D%3D${node}`);
    expect(on.json.items.every((p: any) => p.spec.nodeName === node)).toBe(true);
    const off = await call(
      t,
      'GET',
      `/api/v1/pods?fieldSelector=spec.nodeName!%3D${node},status.phase%3DRunning`,
    );
    expect(
      off.json.items.every((p: any) => p.spec.nodeName !== node && p.status.phase === 'Running'),
    ).toBe(true);
    expect(on.json.items.length + off.json.items.length).toBe(2);
    const bad = await call(t, 'GET', '/api/v1/pods?fieldSelector=spec.bogus%3Dx');
    expect(bad.json).toMatchObject({ code: 400, message: 'field label not supported: spec.bogus' });
  });

  it('pages with limit and continue', async () => {
    const first = await call(t, 'GET', '/api/v1/namespaces?limit=2');
    expect(first.json.items).toHaveLength(2);
    expect(first.json.metadata.continue).toBeTypeOf('string');
    const rest = await call(
      t,
      'GET',
      `/api/v1/namespaces?limit=10&continue=${first.json.metadata.continue as string}`,
    );
    const names = [...first.json.items, ...rest.json.items].map((n: any) => n.metadata.name);
    expect(names).toEqual(sim.list('Namespace').map((n) => n.metadata.name));
  });

  it('answers a Table with the upstream columns and ages on the virtual clock', async () => {
    const tab = await call(t, 'GET', '/api/v1/namespaces/default/pods', {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    expect(tab.json.kind).toBe('Table');
    expect(tab.json.columnDefinitions.map((c: any) => c.name)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
      'IP',
      'Node',
      'Nominated Node',
      'Readiness Gates',
    ]);
    expect(tab.json.rows[0].cells.slice(1, 5)).toEqual(['1/1', 'Running', '0', '60s']);
    expect(tab.json.rows[0].object.kind).toBe('PartialObjectMetadata');
  });
});

describe('writes', () => {
  it('creates, refuses a stale update with 409, and accepts the current version', async () => {
    const created = await call(t, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c1' }, data: { a: '1' } },
    });
    expect(created.status).toBe(201);
    const rv = created.json.metadata.resourceVersion as string;
    const ok = await call(t, 'PUT', '/api/v1/namespaces/default/configmaps/c1', {
      body: { ...created.json, data: { a: '2' } },
    });
    expect(ok.status).toBe(200);
    const stale = await call(t, 'PUT', '/api/v1/namespaces/default/configmaps/c1', {
      body: {
        ...created.json,
        metadata: { ...created.json.metadata, resourceVersion: rv },
        data: { a: '3' },
      },
    });
    expect(stale.json).toMatchObject({ reason: 'Conflict', code: 409 });
    expect(sim.getInert('ConfigMap', 'c1')?.['data']).toEqual({ a: '2' });
  });

  it('applies merge, strategic and JSON patches (test on resourceVersion included)', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments/web';
    const merge = await call(t, 'PATCH', path, {
      body: { metadata: { labels: { tier: 'front' } } },
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });
    expect(merge.json.metadata.labels).toEqual({ tier: 'front' });
    const smp = await call(t, 'PATCH', path, {
      body: { spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:2' }] } } } },
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
    });
    expect(smp.json.spec.template.spec.containers).toHaveLength(1);
    expect(smp.json.spec.template.spec.containers[0]).toMatchObject({
      name: 'c',
      image: 'nginx:2',
      ports: [{ containerPort: 80 }],
    });
    const rv = smp.json.metadata.resourceVersion as string;
    const failed = await call(t, 'PATCH', path, {
      body: [
        { op: 'test', path: '/metadata/resourceVersion', value: '1' },
        { op: 'replace', path: '/spec/replicas', value: 4 },
      ],
      headers: { 'Content-Type': 'application/json-patch+json' },
    });
    expect(failed.json).toMatchObject({ code: 422, reason: 'Invalid' });
    const json = await call(t, 'PATCH', path, {
      body: [
        { op: 'test', path: '/metadata/resourceVersion', value: rv },
        { op: 'replace', path: '/spec/replicas', value: 3 },
      ],
      headers: { 'Content-Type': 'application/json-patch+json' },
    });
    expect(json.json.spec.replicas).toBe(3);
    expect(sim.get('Deployment', 'web')?.spec.replicas).toBe(3);
  });

  it('scales through the scale subresource', async () => {
    const scale = await call(t, 'GET', '/apis/apps/v1/namespaces/default/deployments/web/scale');
    expect(scale.json).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 3 },
      status: { selector: 'app=web' },
    });
    const patched = await call(
      t,
      'PATCH',
      '/apis/apps/v1/namespaces/default/deployments/web/scale',
      {
        body: { spec: { replicas: 1 } },
        headers: { 'Content-Type': 'application/merge-patch+json' },
      },
    );
    expect(patched.json.spec.replicas).toBe(1);
    expect(sim.get('Deployment', 'web')?.spec.replicas).toBe(1);
  });

  it('refuses an eviction that a PodDisruptionBudget forbids with 429', async () => {
    sim.apply({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web' },
      spec: { minAvailable: 5, selector: { matchLabels: { app: 'web' } } },
    });
    sim.runFor('5s');
    const pod = sim
      .list('Pod', { labelSelector: 'app=web' })
      .find((p) => p.metadata.deletionTimestamp === undefined)!;
    const ev = await call(
      t,
      'POST',
      `/api/v1/namespaces/default/pods/${pod.metadata.name}/eviction`,
      {
        body: {
          apiVersion: 'policy/v1',
          kind: 'Eviction',
          metadata: { name: pod.metadata.name, namespace: 'default' },
        },
      },
    );
    expect(ev.json).toMatchObject({ kind: 'Status', code: 429, reason: 'TooManyRequests' });
    sim.delete('PodDisruptionBudget', 'web');
  });

  it('deletes with a grace period and a collection by label', async () => {
    await call(t, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: { metadata: { name: 'x1', labels: { g: 'x' } } },
    });
    await call(t, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: { metadata: { name: 'x2', labels: { g: 'x' } } },
    });
    const del = await call(
      t,
      'DELETE',
      '/api/v1/namespaces/default/configmaps?labelSelector=g%3Dx',
    );
    expect(del.json.items).toHaveLength(2);
    expect(sim.getInert('ConfigMap', 'x1')).toBeUndefined();
    const pod = sim.list('Pod', { labelSelector: 'app=web' })[0]!;
    const graceful = await call(
      t,
      'DELETE',
      `/api/v1/namespaces/default/pods/${pod.metadata.name}?gracePeriodSeconds=5`,
    );
    expect(graceful.json.metadata.deletionGracePeriodSeconds).toBe(5);
  });
});
