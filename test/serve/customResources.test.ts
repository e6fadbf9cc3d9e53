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

/** The widget CRD served at v1beta1 and v1 (storage), with v1alpha1 declared but not served. */
function versionedCrd(): Record<string, unknown> {
  const c = structuredClone(crd) as any;
  const v1 = c.spec.versions[0];
  v1.additionalPrinterColumns = [
    { name: 'Size', type: 'string', jsonPath: '.spec.size' },
    { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
    { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
    { name: 'Parts', type: 'string', jsonPath: '.spec.parts', priority: 1 },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
  ];
  v1.schema.openAPIV3Schema.properties.spec.properties.parts = {
    type: 'array',
    items: { type: 'string' },
  };
  v1.schema.openAPIV3Schema.properties.status.properties.conditions = {
    type: 'array',
    items: {
      type: 'object',
      properties: { type: { type: 'string' }, status: { type: 'string' } },
    },
  };
  const beta = structuredClone(v1);
  beta.name = 'v1beta1';
  beta.storage = false;
  delete beta.additionalPrinterColumns;
  const alpha = { ...structuredClone(beta), name: 'v1alpha1', served: false };
  c.spec.versions = [beta, v1, alpha];
  return c;
}

describe('a CRD with several versions over the API', () => {
  const BETA = '/apis/example.com/v1beta1/namespaces/default/widgets';
  const TABLE = { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' };

  it('serves every served version with apiVersion rewritten, stores the storage version, refuses the others', async () => {
    const sim = createSimulation({ seed: 5 });
    sim.apply(versionedCrd());
    const s = await sim.serve();
    try {
      const v = targetOf(s.kubeconfig);
      const group = (await call(v, 'GET', '/apis/example.com')).json;
      expect(group.versions.map((x: any) => x.version)).toEqual(['v1', 'v1beta1']);
      expect(group.preferredVersion.version).toBe('v1');
      expect((await call(v, 'GET', '/apis/example.com/v1alpha1')).status).toBe(404);
      expect(
        (await call(v, 'GET', '/apis/example.com/v1alpha1/namespaces/default/widgets')).json,
      ).toMatchObject({ code: 404, reason: 'NotFound' });

      const created = await call(v, 'POST', BETA, {
        body: {
          apiVersion: 'example.com/v1beta1',
          kind: 'Widget',
          metadata: { name: 'w' },
          spec: { size: 'small' },
        },
      });
      expect(created.status).toBe(201);
      expect(created.json.apiVersion).toBe('example.com/v1beta1');
      expect(sim.getInert('Widget', 'w')?.apiVersion).toBe('example.com/v1');
      expect((await call(v, 'GET', `${WIDGETS}/w`)).json.apiVersion).toBe('example.com/v1');
      expect((await call(v, 'GET', `${BETA}/w`)).json.apiVersion).toBe('example.com/v1beta1');
      const listed = (await call(v, 'GET', BETA)).json;
      expect(listed.apiVersion).toBe('example.com/v1beta1');
      expect(listed.items.map((i: any) => i.apiVersion)).toEqual(['example.com/v1beta1']);
      // A body in another version than the URL's is refused, as upstream's create handler does.
      const mismatch = await call(v, 'POST', BETA, {
        body: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'x' }, spec: {} },
      });
      expect(mismatch.json).toMatchObject({
        code: 400,
        message:
          'the API version in the data (example.com/v1) does not match the expected API version (example.com/v1beta1)',
      });
      // A merge patch at v1beta1 patches the object as seen at v1beta1.
      const patched = await call(v, 'PATCH', `${BETA}/w`, {
        body: { spec: { size: 'large' } },
        headers: { 'Content-Type': 'application/merge-patch+json' },
      });
      expect(patched.status).toBe(200);
      expect(patched.json).toMatchObject({
        apiVersion: 'example.com/v1beta1',
        spec: { size: 'large' },
      });
      expect(sim.getInert('Widget', 'w')?.apiVersion).toBe('example.com/v1');

      // Tables: v1 has printer columns (Parts at priority 1, for -o wide), v1beta1 only Age.
      sim.updateInertStatus('Widget', 'w', (d: any) => {
        d.status = { conditions: [{ type: 'Ready', status: 'True' }] };
      });
      sim.runFor('90s');
      const t1 = (await call(v, 'GET', WIDGETS, { headers: TABLE })).json;
      expect(t1.columnDefinitions.map((c: any) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
        'Name:string:0',
        'Size:string:0',
        'Replicas:integer:0',
        'Ready:string:0',
        'Parts:string:1',
        'Age:date:0',
      ]);
      expect(t1.columnDefinitions[1].description).toBe(
        'Custom resource definition column (in JSONPath format): .spec.size',
      );
      expect(t1.rows[0].cells).toEqual(['w', 'large', 1, 'True', null, '90s']);
      const tb = (await call(v, 'GET', `${BETA}/w`, { headers: TABLE })).json;
      expect(tb.columnDefinitions.map((c: any) => c.name)).toEqual(['Name', 'Age']);
      expect(tb.rows[0].cells).toEqual(['w', '90s']);
    } finally {
      await s.close();
    }
  });

  it('strict patches and apply of unknown fields answer as upstream; no strategic merge patch', async () => {
    const sim = createSimulation({ seed: 6 });
    sim.apply(versionedCrd());
    sim.apply({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: { size: 'small' },
    } as never);
    const s = await sim.serve();
    try {
      const v = targetOf(s.kubeconfig);
      const merge = await call(v, 'PATCH', `${WIDGETS}/w?fieldValidation=Strict`, {
        body: { spec: { colour: 'red' } },
        headers: { 'Content-Type': 'application/merge-patch+json' },
      });
      expect(merge.status).toBe(422);
      expect(merge.json.reason).toBe('Invalid');
      expect(merge.json.details.causes).toEqual([
        expect.objectContaining({ field: 'patch', reason: 'FieldValueInvalid' }),
      ]);
      // The patched object's JSON, keys sorted as Go writes a map, then the strict decoding error.
      expect(merge.json.message).toMatch(
        /^ "" is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"example.com\/v1\\",\\"kind\\":\\"Widget\\",\\"metadata\\":\{.*\},\\"spec\\":\{\\"colour\\":\\"red\\",\\"replicas\\":1,\\"size\\":\\"small\\"\}\}": strict decoding error: unknown field "spec.colour"$/,
      );
      const warn = await call(v, 'PATCH', `${WIDGETS}/w?fieldValidation=Warn`, {
        body: { spec: { colour: 'red' } },
        headers: { 'Content-Type': 'application/merge-patch+json' },
      });
      expect(warn.status).toBe(200);
      expect(warn.headers['warning']).toBe('299 - "unknown field \\"spec.colour\\""');
      // Dropped before the field manager sees it: nobody owns a field that is not there.
      expect(JSON.stringify(warn.json.metadata.managedFields)).not.toContain('colour');
      expect(warn.json.spec).toEqual({ size: 'small', replicas: 1 });
      const smp = await call(v, 'PATCH', `${WIDGETS}/w`, {
        body: { spec: { size: 'large' } },
        headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
      });
      expect(smp.json).toMatchObject({
        code: 415,
        reason: 'UnsupportedMediaType',
        message:
          'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
      });
      const ssa = await call(v, 'PATCH', `${WIDGETS}/w?fieldManager=me&fieldValidation=Strict`, {
        body: JSON.stringify({
          apiVersion: 'example.com/v1',
          kind: 'Widget',
          metadata: { name: 'w' },
          spec: { size: 'small', colour: 'red' },
        }),
        headers: { 'Content-Type': 'application/apply-patch+yaml' },
      });
      expect(ssa.json).toMatchObject({
        code: 500,
        message:
          'failed to create typed patch object (default/w; example.com/v1, Kind=Widget): .spec.colour: field not declared in schema',
      });
    } finally {
      await s.close();
    }
  });
});

describe('CEL rules (x-kubernetes-validations)', () => {
  it('are accepted with a warning saying they are not evaluated, never silently', async () => {
    const sim = createSimulation({ seed: 7 });
    const s = await sim.serve();
    try {
      const v = targetOf(s.kubeconfig);
      const c = structuredClone(crd) as any;
      c.spec.versions[0].schema.openAPIV3Schema.properties.spec['x-kubernetes-validations'] = [
        { rule: 'self.replicas <= 10', message: 'at most 10' },
      ];
      const created = await call(v, 'POST', CRDS, { body: c });
      expect(created.status).toBe(201);
      expect(created.headers['warning']).toBe(
        '299 - "spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations: CEL validation rules are not evaluated by kubesim (no maintained CEL implementation for JavaScript); the rules are kept but ignored"',
      );
      // The same CRD through the library reports the warning with the result.
      const again = createSimulation({ seed: 7 }).apply(c);
      expect(again.warnings.map((w) => w.text)).toEqual([
        'spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations: CEL validation rules are not evaluated by kubesim (no maintained CEL implementation for JavaScript); the rules are kept but ignored',
      ]);
    } finally {
      await s.close();
    }
  });
});
