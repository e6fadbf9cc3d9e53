import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { formatFieldIssue } from '../errors.js';
import { validateObject } from './index.js';

const texts = (obj: unknown): string[] => validateObject(obj).map(formatFieldIssue);

function svc(spec: unknown, name = 'web'): unknown {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec };
}

describe('validateObject: type and metadata', () => {
  it('requires kind and apiVersion', () => {
    expect(texts({ apiVersion: 'v1', metadata: { name: 'a' } })).toEqual(['kind: Required value']);
    expect(texts({ kind: 'Pod' })).toEqual(['apiVersion: Required value']);
  });

  it('names a kind Kubernetes does not have', () => {
    expect(texts({ apiVersion: 'v1', kind: 'Foo', metadata: { name: 'a' } })).toEqual([
      'kind: Invalid value: "Foo": no matches for kind "Foo" in version "v1"',
    ]);
  });

  it('names both versions when a real kind has a removed apiVersion', () => {
    const issues = validateObject({ apiVersion: 'apps/v1beta2', kind: 'Deployment' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('apiVersion');
    expect(issues[0]?.message).toContain('"apps/v1beta2"');
    expect(issues[0]?.message).toContain('"apps/v1"');
  });

  it('requires a name unless generateName is set', () => {
    expect(texts({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} })).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
    expect(
      texts({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cfg-' } }),
    ).toEqual([]);
  });

  it('refuses a Service name that is not a DNS-1035 label', () => {
    const issues = validateObject(svc({ ports: [{ port: 80 }] }, '1web'));
    expect(issues.map((i) => i.path)).toEqual(['metadata.name']);
    expect(issues[0]?.message).toMatch(/^Invalid value: "1web": a DNS-1035 label must consist/);
  });

  it('uses a DNS-1123 label for Namespace and StatefulSet names, a subdomain for others', () => {
    const ns = validateObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } });
    expect(ns.map((i) => i.path)).toEqual(['metadata.name']);
    const cm = validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a.b' } });
    expect(cm).toEqual([]);
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole' };
    expect(validateObject({ ...role, metadata: { name: 'system:controller:x' } })).toEqual([]);
  });

  it('forbids a namespace on cluster-scoped kinds and checks it elsewhere', () => {
    expect(
      texts({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', namespace: 'x' } }),
    ).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
    const bad = validateObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'Bad_NS' },
    });
    expect(bad.map((i) => i.path)).toEqual(['metadata.namespace']);
  });

  it('validates label keys and values and annotation keys and size', () => {
    const meta = {
      name: 'c',
      labels: { 'a/b/c': 'x', ok: 'bad value' },
      annotations: { '-x': 'y' },
    };
    const issues = validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta });
    expect(issues.map((i) => i.path)).toEqual([
      'metadata.labels',
      'metadata.labels',
      'metadata.annotations',
    ]);
    expect(issues[1]?.message).toMatch(/^Invalid value: "bad value": a valid label must be/);
    const big = { name: 'c', annotations: { a: 'x'.repeat(256 * 1024) } };
    expect(texts({ apiVersion: 'v1', kind: 'ConfigMap', metadata: big })).toEqual([
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
  });

  it('reports wrong JSON types as issues', () => {
    expect(texts({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 7 }, spec: 'x' })).toEqual([
      'metadata.name: Invalid value: 7: must be a string',
      'metadata.name: Required value: name or generateName is required',
      'spec: Invalid value: "x": must be an object',
    ]);
    expect(texts(null)).toEqual(['Invalid value: null: must be an object']);
  });
});

describe('validateObject: real manifests', () => {
  const dir = join(__dirname, '../../../../test/fixtures/kubernetes-examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it('finds the example manifests', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    it(`accepts ${file} with no issues`, () => {
      const docs = parseAllDocuments(readFileSync(join(dir, file), 'utf8'));
      const objects = (Array.isArray(docs) ? docs : [docs]).map((d) => d.toJS() as unknown);
      expect(objects.filter((o) => o !== null).length).toBeGreaterThan(0);
      for (const o of objects) {
        if (o === null) continue;
        expect(texts(o)).toEqual([]);
      }
    });
  }
});

describe('validateObject: never throws', () => {
  it('returns issues for any JSON value', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(Array.isArray(validateObject(v))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('returns issues for any value placed in any field of a known kind', () => {
    const kinds = [
      ['v1', 'Pod'],
      ['v1', 'Service'],
      ['v1', 'Node'],
      ['v1', 'Namespace'],
      ['v1', 'Endpoints'],
      ['v1', 'Event'],
      ['discovery.k8s.io/v1', 'EndpointSlice'],
      ['apps/v1', 'Deployment'],
      ['apps/v1', 'ReplicaSet'],
      ['apps/v1', 'StatefulSet'],
      ['policy/v1', 'PodDisruptionBudget'],
      ['coordination.k8s.io/v1', 'Lease'],
      ['v1', 'ConfigMap'],
    ] as const;
    const body = fc.dictionary(
      fc.constantFrom('spec', 'metadata', 'endpoints', 'ports', 'subsets', 'addressType', 'type'),
      fc.anything({ maxDepth: 5 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...kinds), body, ([apiVersion, kind], b) => {
        expect(Array.isArray(validateObject({ ...b, apiVersion, kind }))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('returns issues when any spec field of a workload holds any value', () => {
    const fields = [
      'containers',
      'ports',
      'selector',
      'template',
      'strategy',
      'tolerations',
      'type',
      'clusterIP',
      'minAvailable',
      'maxUnavailable',
      'replicas',
      'restartPolicy',
      'updateStrategy',
      'sessionAffinityConfig',
      'taints',
      'podCIDR',
    ];
    const anyValue = fc.anything({ maxDepth: 3 });
    const container = fc.dictionary(
      fc.constantFrom(
        'name',
        'image',
        'ports',
        'resources',
        'livenessProbe',
        'readinessProbe',
        'lifecycle',
      ),
      anyValue,
    );
    const spec = fc.dictionary(fc.constantFrom(...fields), fc.oneof(anyValue, fc.array(container)));
    fc.assert(
      fc.property(
        fc.constantFrom(
          'Pod',
          'Service',
          'Deployment',
          'StatefulSet',
          'PodDisruptionBudget',
          'Node',
        ),
        spec,
        (kind, s) => {
          const apiVersion =
            kind === 'Pod' || kind === 'Service' || kind === 'Node'
              ? 'v1'
              : kind === 'PodDisruptionBudget'
                ? 'policy/v1'
                : 'apps/v1';
          const template = { metadata: { labels: { app: 'a' } }, spec: s };
          const objs = [
            { apiVersion, kind, metadata: { name: 'x' }, spec: s },
            { apiVersion, kind, metadata: { name: 'x' }, spec: { ...s, template } },
          ];
          for (const o of objs) expect(Array.isArray(validateObject(o))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
