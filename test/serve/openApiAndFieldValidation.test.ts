/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- wire JSON read in tests */
// The OpenAPI v3 documents (index and group-version documents, as kubectl 1.32 reads them) and the
// `fieldValidation` query parameter of create, update, patch and apply over the wire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, type ServeHandle } from '@kubesim/sim';
import { call, targetOf, type ApiTarget } from './apiClient.js';

let server: ServeHandle;
let t: ApiTarget;

beforeAll(async () => {
  const sim = createSimulation({ seed: 3 });
  sim.addNodes(1);
  server = await sim.serve();
  t = targetOf(server.kubeconfig);
});
afterAll(async () => {
  await server.close();
});

const deployment = (name: string, spec: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    },
    ...spec,
  },
});

const warningsOf = (headers: Record<string, string | string[] | undefined>): string[] => {
  const w = headers['warning'];
  if (w === undefined) return [];
  return (Array.isArray(w) ? w.join(', ') : w).split(/, (?=299 )/);
};

describe('/openapi/v3', () => {
  it('lists exactly the group versions discovery serves, each with a hashed URL', async () => {
    const index = await call(t, 'GET', '/openapi/v3');
    expect(index.status).toBe(200);
    const apis = await call(t, 'GET', '/apis');
    const served = [
      'api/v1',
      ...apis.json.groups.flatMap((g: any) => g.versions.map((v: any) => `apis/${v.groupVersion}`)),
    ].sort();
    expect(Object.keys(index.json.paths).sort()).toEqual(served);
    expect(index.json.paths['apis/apps/v1'].serverRelativeURL).toMatch(
      /^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{16}$/,
    );
  });

  it('serves the same index from another server (deterministic) and 404 for other versions', async () => {
    const other = await createSimulation({ seed: 9 }).serve();
    try {
      const a = await call(t, 'GET', '/openapi/v3');
      const b = await call(targetOf(other.kubeconfig), 'GET', '/openapi/v3');
      expect(b.text).toBe(a.text);
    } finally {
      await other.close();
    }
    const missing = await call(t, 'GET', '/openapi/v3/apis/nope.example.com/v1');
    expect(missing.json).toMatchObject({ kind: 'Status', code: 404, reason: 'NotFound' });
  });

  it('apps/v1: the deployment PATCH lists fieldValidation under its kind; schemas carry kind and merge keys', async () => {
    const index = await call(t, 'GET', '/openapi/v3');
    const doc = (await call(t, 'GET', index.json.paths['apis/apps/v1'].serverRelativeURL)).json;
    expect(doc.openapi).toBe('3.0.0');
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
    });
    expect(patch.parameters.map((p: any) => p.name)).toContain('fieldValidation');
    expect(Object.keys(patch.requestBody.content)).toContain(
      'application/strategic-merge-patch+json',
    );
    const schemas = doc.components.schemas;
    expect(schemas['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind']).toEqual([
      { group: 'apps', kind: 'Deployment', version: 'v1' },
    ]);
    expect(schemas['io.k8s.api.apps.v1.DeploymentSpec'].properties.replicas).toMatchObject({
      type: 'integer',
      format: 'int32',
    });
    const containers = schemas['io.k8s.api.core.v1.PodSpec'].properties.containers;
    expect(containers['x-kubernetes-patch-strategy']).toBe('merge');
    expect(containers['x-kubernetes-patch-merge-key']).toBe('name');
    expect(containers.items).toEqual({ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' });
    // Every $ref resolves inside the document.
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.filter((r) => schemas[r] === undefined)).toEqual([]);
  });
});

describe('fieldValidation', () => {
  const typo = (name: string): Record<string, unknown> => deployment(name, { replcas: 2 });

  it('Strict refuses a create naming an unknown field with upstream 400 text', async () => {
    const r = await call(
      t,
      'POST',
      '/apis/apps/v1/namespaces/default/deployments?fieldValidation=Strict',
      { body: typo('strict') },
    );
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      code: 400,
      message:
        'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replcas"',
    });
    const get = await call(t, 'GET', '/apis/apps/v1/namespaces/default/deployments/strict');
    expect(get.status).toBe(404);
  });

  it('defaults to Warn: the field is dropped and named in a Warning header', async () => {
    const r = await call(t, 'POST', '/apis/apps/v1/namespaces/default/deployments', {
      body: typo('warned'),
    });
    expect(r.status).toBe(201);
    expect(warningsOf(r.headers)).toEqual(['299 - "unknown field \\"spec.replcas\\""']);
    expect(r.json.spec.replcas).toBeUndefined();
    expect(r.json.spec.replicas).toBe(1);
  });

  it('Ignore drops the field without a warning', async () => {
    const r = await call(
      t,
      'POST',
      '/apis/apps/v1/namespaces/default/deployments?fieldValidation=Ignore',
      { body: typo('ignored') },
    );
    expect(r.status).toBe(201);
    expect(r.headers['warning']).toBeUndefined();
    expect(r.json.spec.replcas).toBeUndefined();
  });

  it('refuses a value upstream does not accept', async () => {
    const r = await call(
      t,
      'POST',
      '/apis/apps/v1/namespaces/default/deployments?fieldValidation=strict',
      { body: deployment('lower') },
    );
    expect(r.json).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message:
        'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"',
    });
  });

  it('PUT under Strict is a 400 like a create; a merge patch under Strict is a 422 on patch', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments/warned';
    const live = (await call(t, 'GET', path)).json;
    const put = await call(t, 'PUT', `${path}?fieldValidation=Strict`, {
      body: { ...live, spec: { ...live.spec, paused2: true } },
    });
    expect(put.json).toMatchObject({
      code: 400,
      message:
        'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.paused2"',
    });
    const merge = await call(t, 'PATCH', `${path}?fieldValidation=Strict`, {
      body: { spec: { paused2: true } },
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });
    expect(merge.json.code).toBe(422);
    expect(merge.json.reason).toBe('Invalid');
    expect(merge.json.message).toMatch(
      /^ "" is invalid: patch: Invalid value: "\{.*\}": strict decoding error: unknown field "spec.paused2"$/,
    );
    expect(merge.json.details.causes).toEqual([
      expect.objectContaining({ reason: 'FieldValueInvalid', field: 'patch' }),
    ]);
  });

  it('a strategic merge patch quotes the patch map under Strict and warns under Warn', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments/warned';
    const headers = { 'Content-Type': 'application/strategic-merge-patch+json' };
    const strict = await call(t, 'PATCH', `${path}?fieldValidation=Strict`, {
      body: { spec: { paused2: true } },
      headers,
    });
    expect(strict.json.message).toBe(
      ' "" is invalid: patch: Invalid value: "map[spec:map[paused2:true]]": strict decoding error: unknown field "spec.paused2"',
    );
    const warn = await call(t, 'PATCH', `${path}?fieldValidation=Warn`, {
      body: { spec: { paused2: true, replicas: 3 } },
      headers,
    });
    expect(warn.status).toBe(200);
    expect(warningsOf(warn.headers)).toEqual(['299 - "unknown field \\"spec.paused2\\""']);
    expect(warn.json.spec).toMatchObject({ replicas: 3 });
    expect(warn.json.spec.paused2).toBeUndefined();
  });

  it('server-side apply of an unknown field fails as the field manager does', async () => {
    const r = await call(
      t,
      'PATCH',
      '/apis/apps/v1/namespaces/default/deployments/ssa?fieldManager=me&fieldValidation=Ignore',
      {
        body: JSON.stringify(deployment('ssa', { replcas: 2 })),
        headers: { 'Content-Type': 'application/apply-patch+yaml' },
      },
    );
    expect(r.status).toBe(500);
    expect(r.json).toMatchObject({ kind: 'Status', status: 'Failure', code: 500 });
    expect(r.json.reason).toBeUndefined();
    expect(r.json.message).toBe(
      'failed to create typed patch object (default/ssa; apps/v1, Kind=Deployment): .spec.replcas: field not declared in schema',
    );
  });
});
