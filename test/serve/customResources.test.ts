/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- wire JSON read in tests */
// Custom resources over the wire: a CRD created over HTTP changes discovery, routing and the
// OpenAPI index at once; its kind takes every verb, status and scale included; deleting the CRD
// takes all of that (and its objects) away.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSimulation, type ServeHandle } from '@kubesim/sim';
import { call, targetOf, type ApiTarget } from './apiClient.js';

const crd = parse(
  readFileSync(new URL('./fixtures/widget-crd.yaml', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const WIDGETS = '/apis/example.com/v1/namespaces/default/widgets';

let server: ServeHandle;
let t: ApiTarget;

beforeAll(async () => {
  server = await createSimulation({ seed: 4 }).serve();
  t = targetOf(server.kubeconfig);
});
afterAll(async () => {
  await server.close();
});

const groupsOf = async (): Promise<string[]> =>
  (await call(t, 'GET', '/apis')).json.groups.map((g: any) => g.name);
const openApiPaths = async (): Promise<string[]> =>
  Object.keys((await call(t, 'GET', '/openapi/v3')).json.paths);

describe('a CRD over the API', () => {
  it('is served from its creation to its deletion', async () => {
    expect(await groupsOf()).not.toContain('example.com');
    expect((await call(t, 'GET', WIDGETS)).status).toBe(404);
    expect((await call(t, 'POST', CRDS, { body: crd })).status).toBe(201);

    expect(await groupsOf()).toContain('example.com');
    const list = (await call(t, 'GET', '/apis/example.com/v1')).json;
    expect(list.resources.map((r: any) => `${r.name}:${r.kind}`)).toEqual([
      'widgets:Widget',
      'widgets/scale:Scale',
      'widgets/status:Widget',
    ]);
    expect(list.resources[0]).toMatchObject({ namespaced: true, shortNames: ['wd'] });
    expect(await openApiPaths()).toContain('apis/example.com/v1');
    const index = (await call(t, 'GET', '/openapi/v3')).json;
    const doc = (await call(t, 'GET', index.paths['apis/example.com/v1'].serverRelativeURL)).json;
    expect(doc.components.schemas['com.example.v1.Widget'].properties.spec.required).toEqual([
      'size',
    ]);
    // upstream's ObjectMeta, not a stand-in
    expect(
      doc.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties
        .ownerReferences,
    ).toBeDefined();

    const created = await call(t, 'POST', WIDGETS, {
      body: {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'w' },
        spec: { size: 'large', colour: 'red' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers['warning']).toBe('299 - "unknown field \\"spec.colour\\""');
    expect(created.json.spec).toEqual({ size: 'large', replicas: 1 });

    const status = await call(t, 'PUT', `${WIDGETS}/w/status`, {
      body: { ...created.json, status: { replicas: 1 } },
    });
    expect(status.status).toBe(200);
    expect(status.json.status).toEqual({ replicas: 1 });
    const scaled = await call(t, 'PATCH', `${WIDGETS}/w/scale`, {
      body: { spec: { replicas: 4 } },
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });
    expect(scaled.json).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 4 },
      status: { replicas: 1 },
    });
    expect((await call(t, 'GET', `${WIDGETS}/w`)).json.spec.replicas).toBe(4);
    const strict = await call(t, 'POST', `${WIDGETS}?fieldValidation=Strict`, {
      body: {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'x' },
        spec: { size: 'small', colour: 'red' },
      },
    });
    expect(strict.json).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message:
        'Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.colour"',
    });

    expect((await call(t, 'DELETE', `${CRDS}/widgets.example.com`)).status).toBe(200);
    expect(await groupsOf()).not.toContain('example.com');
    expect(await openApiPaths()).not.toContain('apis/example.com/v1');
    expect((await call(t, 'GET', `${WIDGETS}/w`)).status).toBe(404);
    expect((await call(t, 'POST', CRDS, { body: crd })).status).toBe(201);
    expect((await call(t, 'GET', WIDGETS)).json.items).toEqual([]);
  });
});
