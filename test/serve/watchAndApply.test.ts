/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- wire JSON read in tests */
// Watches (resume from a resourceVersion, 410 Gone, bookmarks, Table frames) and server-side apply
// (managedFields, conflicts, force, and kubectl's apply --server-side after a client-side apply).
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation, type ServeHandle, type Simulation } from '@kubesim/sim';
import { call, eventually, openWatch, targetOf, type ApiTarget } from './apiClient.js';

let server: ServeHandle | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(
  opts: { watchHistory?: number } = {},
): Promise<{ sim: Simulation; t: ApiTarget }> {
  const sim = createSimulation({ seed: 3 });
  sim.addNodes(1);
  server = await sim.serve(opts);
  return { sim, t: targetOf(server.kubeconfig) };
}

const cm = (name: string, data: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});

describe('watch', () => {
  it('starts with the current state, then streams changes as they commit', async () => {
    const { sim, t } = await start();
    sim.apply(cm('a'));
    const w = openWatch(t, '/api/v1/namespaces/default/configmaps?watch=true');
    await eventually(() => w.frames.length === 1);
    sim.apply(cm('b'));
    sim.delete('ConfigMap', 'a');
    await eventually(() => w.frames.length === 3);
    w.stop();
    expect(w.frames.map((f) => `${f.type} ${f.object.metadata.name as string}`)).toEqual([
      'ADDED a',
      'ADDED b',
      'DELETED a',
    ]);
    // A deleted object carries the resourceVersion of its deletion.
    expect(Number(w.frames[2].object.metadata.resourceVersion)).toBeGreaterThan(
      Number(w.frames[1].object.metadata.resourceVersion),
    );
  });

  it('resumes after a resourceVersion with exactly the later events', async () => {
    const { sim, t } = await start();
    const created = sim.apply(cm('a'))[0];
    const rv = created.metadata.resourceVersion;
    sim.apply(cm('a', { k: 'v' }));
    sim.apply(cm('b'));
    const w = openWatch(t, `/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${rv}`);
    await eventually(() => w.frames.length === 2);
    w.stop();
    expect(w.frames.map((f) => `${f.type} ${f.object.metadata.name as string}`)).toEqual([
      'MODIFIED a',
      'ADDED b',
    ]);
  });

  it('answers a version older than the kept history with an ERROR 410 Expired, then closes', async () => {
    const { sim, t } = await start({ watchHistory: 2 });
    const first = sim.apply(cm('a'))[0];
    for (let i = 0; i < 4; i++) sim.apply(cm('a', { i: String(i) }));
    const w = openWatch(
      t,
      `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${first.metadata.resourceVersion}`,
    );
    await w.ended;
    expect(w.frames).toHaveLength(1);
    expect(w.frames[0]).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', code: 410, reason: 'Expired' },
    });
  });

  it('sends a bookmark with the initial-events-end annotation when asked (sendInitialEvents)', async () => {
    const { sim, t } = await start();
    sim.apply(cm('a'));
    const w = openWatch(
      t,
      '/api/v1/namespaces/default/configmaps?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan',
    );
    await eventually(() => w.frames.length === 2);
    w.stop();
    expect(w.frames[1]).toMatchObject({
      type: 'BOOKMARK',
      object: { metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } },
    });
  });

  it('frames Tables when the client asks for them, column definitions in the first frame', async () => {
    const { sim, t } = await start();
    sim.apply(cm('a'));
    const w = openWatch(t, '/api/v1/namespaces/default/configmaps?watch=true', {
      Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    await eventually(() => w.frames.length === 1);
    sim.apply(cm('b'));
    await eventually(() => w.frames.length === 2);
    w.stop();
    expect(w.frames[0].object.kind).toBe('Table');
    expect(w.frames[0].object.columnDefinitions.map((c: any) => c.name)).toEqual(['Name', 'Age']);
    expect(w.frames[1].object.rows[0].cells[0]).toBe('b');
  });
});

describe('server-side apply', () => {
  const applyPatch = (t: ApiTarget, name: string, body: string, manager: string, force = false) =>
    call(
      t,
      'PATCH',
      `/api/v1/namespaces/default/configmaps/${name}?fieldManager=${manager}${force ? '&force=true' : ''}`,
      {
        body,
        headers: { 'Content-Type': 'application/apply-patch+yaml' },
      },
    );

  it('creates, records managedFields, removes fields the manager stops applying', async () => {
    const { sim, t } = await start();
    const created = await applyPatch(
      t,
      'a',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "1", y: "2"}\n',
      'me',
    );
    expect(created.status).toBe(201);
    expect(created.json.metadata.managedFields[0]).toMatchObject({
      manager: 'me',
      operation: 'Apply',
      fieldsV1: { 'f:data': { 'f:x': {}, 'f:y': {} } },
    });
    const again = await applyPatch(
      t,
      'a',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "1"}\n',
      'me',
    );
    expect(again.json.data).toEqual({ x: '1' });
    expect(sim.getInert('ConfigMap', 'a')?.['data']).toEqual({ x: '1' });
  });

  it('conflicts with another manager that set a different value, unless forced', async () => {
    const { t } = await start();
    await applyPatch(
      t,
      'a',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "1"}\n',
      'one',
    );
    const conflict = await applyPatch(
      t,
      'a',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "2"}\n',
      'two',
    );
    expect(conflict.json).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "one": .data.x',
    });
    const forced = await applyPatch(
      t,
      'a',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "2"}\n',
      'two',
      true,
    );
    expect(forced.json.data).toEqual({ x: '2' });
    expect(forced.json.metadata.managedFields.map((m: any) => m.manager)).toEqual(['two']);
  });

  it('tells managers apart by operation and subresource: an apply conflicts with the same name having scaled', async () => {
    const { t } = await start();
    const deploy = (replicas: number, image: string) =>
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          replicas,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'c', image }] },
          },
        },
      });
    const apply = (body: string, manager: string) =>
      call(t, 'PATCH', `/apis/apps/v1/namespaces/default/deployments/web?fieldManager=${manager}`, {
        body,
        headers: { 'Content-Type': 'application/apply-patch+yaml' },
      });
    expect((await apply(deploy(2, 'nginx:1'), 'kubectl')).status).toBe(201);
    // kubectl scale sends no fieldManager: the server names it after the User-Agent, "kubectl".
    const scaled = await call(
      t,
      'PATCH',
      '/apis/apps/v1/namespaces/default/deployments/web/scale',
      {
        body: { spec: { replicas: 5 } },
        headers: {
          'Content-Type': 'application/merge-patch+json',
          'User-Agent': 'kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9',
        },
      },
    );
    expect(scaled.status).toBe(200);
    const conflict = await apply(deploy(3, 'nginx:1'), 'kubectl');
    expect(conflict.json).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas',
      details: {
        causes: [
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "kubectl" with subresource "scale" using apps/v1',
            field: '.spec.replicas',
          },
        ],
      },
    });
    // The same value is no conflict (co-ownership); several conflicts are grouped by manager.
    expect((await apply(deploy(5, 'nginx:1'), 'kubectl')).status).toBe(200);
    const two = await apply(deploy(4, 'nginx:2'), 'other');
    expect(two.json.message).toBe(
      [
        'Apply failed with 3 conflicts: conflicts with "kubectl":',
        '- .spec.replicas',
        '- .spec.template.spec.containers[name="c"].image',
        'conflicts with "kubectl" with subresource "scale" using apps/v1:',
        '- .spec.replicas',
      ].join('\n'),
    );
  });

  it("keeps the spec through kubectl's apply --server-side sequence after a client-side apply", async () => {
    const { sim, t } = await start();
    const manifest = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'a',
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
      },
      data: { x: '1' },
    };
    await call(
      t,
      'POST',
      '/api/v1/namespaces/default/configmaps?fieldManager=kubectl-client-side-apply',
      { body: manifest },
    );
    // 1. the apply of the manifest
    const applied = await applyPatch(
      t,
      'a',
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'a' },
        data: { x: '1', y: '2' },
      }),
      'kubectl',
    );
    expect(applied.status).toBe(200);
    // 2. an apply of the last-applied annotation alone, by another manager
    const annotation = await applyPatch(
      t,
      'a',
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'a',
          annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"new":1}' },
        },
      }),
      'kubectl-last-applied',
      true,
    );
    expect(annotation.status).toBe(200);
    // 3. a JSON Patch of managedFields guarded by a test of the resourceVersion
    const rv = annotation.json.metadata.resourceVersion as string;
    const fields = (annotation.json.metadata.managedFields as any[]).filter(
      (m) => m.manager !== 'kubectl-client-side-apply',
    );
    const upgraded = await call(t, 'PATCH', '/api/v1/namespaces/default/configmaps/a', {
      body: [
        { op: 'test', path: '/metadata/resourceVersion', value: rv },
        { op: 'replace', path: '/metadata/managedFields', value: fields },
      ],
      headers: { 'Content-Type': 'application/json-patch+json' },
    });
    expect(upgraded.status).toBe(200);
    expect(sim.getInert('ConfigMap', 'a')?.['data']).toEqual({ x: '1', y: '2' });
  });
});
