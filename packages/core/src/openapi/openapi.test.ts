import { describe, expect, it } from 'vitest';
import {
  KUBERNETES_OPENAPI_RELEASE,
  kubernetesSwagger,
  openApiV3Discovery,
  openApiV3Document,
  openApiV3DocumentJson,
  openApiV3Paths,
  type Json,
  type JsonObject,
} from './index.js';

const schemaOf = (gv: string, name: string): JsonObject => {
  const schema = openApiV3Document(gv)?.components.schemas[name];
  if (schema === undefined) throw new Error(`${gv} has no ${name}`);
  return schema;
};
const prop = (s: JsonObject, name: string): JsonObject =>
  (s.properties as Record<string, JsonObject>)[name] ?? {};

function refs(value: Json, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value as Json[]) refs(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('upstream OpenAPI data', () => {
  it(`is upstream's spec of ${KUBERNETES_OPENAPI_RELEASE}, trimmed to the kinds kubesim knows`, () => {
    const spec = kubernetesSwagger();
    expect(spec.swagger).toBe('2.0');
    expect(Object.keys(spec.definitions)).toContain('io.k8s.api.core.v1.PodSpec');
    expect(Object.keys(spec.definitions)).not.toContain('io.k8s.api.resource.v1.ResourceClaim');
    // A recent field (Service trafficDistribution, 1.30+) is there.
    const serviceSpec = spec.definitions['io.k8s.api.core.v1.ServiceSpec'] as JsonObject;
    expect(Object.keys(serviceSpec.properties as JsonObject)).toContain('trafficDistribution');
  });

  it('serves a v3 document per group version of every simulated kind', () => {
    expect(openApiV3Paths()).toEqual(
      expect.arrayContaining([
        'api/v1',
        'apis/apps/v1',
        'apis/discovery.k8s.io/v1',
        'apis/policy/v1',
        'apis/coordination.k8s.io/v1',
        'apis/events.k8s.io/v1',
      ]),
    );
    expect(openApiV3Document('apis/nope/v1')).toBeUndefined();
  });

  it('keeps the patch metadata kubectl needs, in v3 form', () => {
    const podSpec = schemaOf('api/v1', 'io.k8s.api.core.v1.PodSpec');
    expect(prop(podSpec, 'containers')).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/io.k8s.api.core.v1.Container' },
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-list-map-keys': ['name'],
    });
    const deploymentSpec = schemaOf('apis/apps/v1', 'io.k8s.api.apps.v1.DeploymentSpec');
    expect(prop(deploymentSpec, 'template')).toMatchObject({
      allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.PodTemplateSpec' }],
    });
    const deployment = schemaOf('apis/apps/v1', 'io.k8s.api.apps.v1.Deployment');
    expect(deployment['x-kubernetes-group-version-kind']).toEqual([
      { group: 'apps', kind: 'Deployment', version: 'v1' },
    ]);
  });

  it('lists fieldValidation on PATCH, with the body as requestBody per patch type', () => {
    const doc = openApiV3Document('apis/apps/v1');
    const item = doc?.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'] ?? {};
    const patch = item.patch as JsonObject;
    const params = patch.parameters as JsonObject[];
    expect(params.find((p) => p.name === 'fieldValidation')).toMatchObject({
      in: 'query',
      schema: { type: 'string', uniqueItems: true },
    });
    const body = patch.requestBody as { content: Record<string, unknown> };
    expect(Object.keys(body.content)).toContain('application/strategic-merge-patch+json');
    const ok = (patch.responses as Record<string, { content: Record<string, unknown> }>)['200'];
    expect(Object.keys(ok?.content ?? {})).toContain('application/json');
    expect((item.parameters as JsonObject[]).map((p) => p.name)).toEqual([
      'name',
      'namespace',
      'pretty',
    ]);
  });

  it('every $ref of every document resolves inside it', () => {
    for (const gv of openApiV3Paths()) {
      const doc = openApiV3Document(gv);
      const names = new Set(Object.keys(doc?.components.schemas ?? {}));
      const missing = refs(doc as unknown as Json)
        .map((r) => r.replace('#/components/schemas/', ''))
        .filter((r) => !names.has(r));
      expect(missing, gv).toEqual([]);
      expect(refs(doc as unknown as Json).filter((r) => r.startsWith('#/definitions/'))).toEqual(
        [],
      );
    }
  });

  it('discovery names every document with a hash of its content', () => {
    const discovery = openApiV3Discovery();
    expect(discovery.paths['apis/apps/v1']?.serverRelativeURL).toMatch(
      /^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{16}$/,
    );
    expect(openApiV3Discovery()).toEqual(discovery);
    expect(JSON.parse(openApiV3DocumentJson('api/v1') ?? '{}')).toEqual(
      openApiV3Document('api/v1'),
    );
  });
});
