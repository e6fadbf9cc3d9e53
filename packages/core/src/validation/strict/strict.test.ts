import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../manifest/index.js';
import { ValidationError } from '../../errors.js';
import { StrictDecodingError } from '../../crd/fieldValidation.js';
import {
  KNOWN_FIELDS,
  StrictPatchError,
  applyFieldValidation,
  deriveKnownFields,
  findUnknownFields,
  goValueString,
  dropUnknownFields,
} from './index.js';
import { renderKnownFields } from './renderKnownFields.js';

const openapi = new URL('../../../openapi/kubernetes-swagger.json', import.meta.url);
const examples = new URL('../../../../../test/fixtures/kubernetes-examples/', import.meta.url);

const deployment = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    },
    ...spec,
  },
});

describe('known fields from upstream OpenAPI', () => {
  it('knownFields.generated.ts is what deriveKnownFields gives for the shipped spec', () => {
    const spec = JSON.parse(readFileSync(openapi, 'utf8')) as { definitions: object };
    const derived = deriveKnownFields(spec as { definitions: Record<string, unknown> });
    expect(KNOWN_FIELDS).toEqual(derived);
    const file = new URL('./knownFields.generated.ts', import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(renderKnownFields(derived));
  });

  it('has a root for every simulated kind and for inert kinds', () => {
    for (const root of [
      'v1/Pod',
      'v1/Service',
      'v1/Node',
      'v1/Namespace',
      'v1/Endpoints',
      'v1/Event',
      'v1/ConfigMap',
      'apps/v1/Deployment',
      'apps/v1/ReplicaSet',
      'apps/v1/StatefulSet',
      'discovery.k8s.io/v1/EndpointSlice',
      'policy/v1/PodDisruptionBudget',
      'coordination.k8s.io/v1/Lease',
      'events.k8s.io/v1/Event',
      'networking.k8s.io/v1/Ingress',
    ]) {
      expect(KNOWN_FIELDS.roots, root).toHaveProperty([root]);
    }
  });
});

describe('findUnknownFields', () => {
  it('finds misspelt fields by path, in document order, as upstream names them', () => {
    expect(findUnknownFields(deployment({ replcas: 3 }))).toEqual(['spec.replcas']);
    const d = deployment({});
    const containers = (d.spec.template.spec as { containers: Record<string, unknown>[] })
      .containers;
    containers[0] = {
      ...containers[0],
      readinesProbe: {},
      ports: [{ containerPort: 80, targetport: 1 }],
    };
    expect(findUnknownFields({ ...d, metadata: { name: 'web', app: 'x' } })).toEqual([
      'metadata.app',
      'spec.template.spec.containers[0].readinesProbe',
      'spec.template.spec.containers[0].ports[0].targetport',
    ]);
    expect(
      findUnknownFields({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { ports: [{ port: 80, targetport: 8080 }] },
      }),
    ).toEqual(['spec.ports[0].targetport']);
    expect(findUnknownFields({ apiVersion: 'apps/v1', kind: 'Deployment', template: {} })).toEqual([
      'template',
    ]);
  });

  it('accepts every field of the real manifests, and free-form maps and preserved fields', () => {
    for (const file of [
      'guestbook-all-in-one.yaml',
      'cassandra-statefulset.yaml',
      'cassandra-service.yaml',
    ]) {
      for (const o of parseManifests(readFileSync(new URL(file, examples), 'utf8'))) {
        expect(findUnknownFields(o), file).toEqual([]);
      }
    }
    expect(
      findUnknownFields({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'c', labels: { any: 'x' }, annotations: { 'a/b': 'y' } },
        data: { anything: 'goes' },
      }),
    ).toEqual([]);
    expect(findUnknownFields({ apiVersion: 'x/v9', kind: 'Nope', spec: { a: 1 } })).toEqual([]);
  });

  it('never treats __proto__ as a known field', () => {
    const pod = JSON.parse(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"__proto__":{"nodeName":"ghost"},"containers":[]}}',
    ) as unknown;
    expect(findUnknownFields(pod)).toEqual(['spec.__proto__']);
  });
});

describe('applyFieldValidation', () => {
  it('Strict: a create is a 400 BadRequest in upstream words, several fields joined by ", "', () => {
    const run = () =>
      applyFieldValidation([deployment({ replcas: 3, paused2: true })], 'Strict', () => false);
    expect(run).toThrow(StrictDecodingError);
    expect(run).toThrow(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replcas", unknown field "spec.paused2"',
    );
    try {
      run();
    } catch (e) {
      expect((e as StrictDecodingError).code).toBe('BadRequest');
      expect((e as StrictDecodingError).fields).toEqual(['spec.replcas', 'spec.paused2']);
    }
  });

  it('Strict: an update through apply is a 422 on the patch, in upstream words', () => {
    const run = () => applyFieldValidation([deployment({ replcas: 3 })], 'Strict', () => true);
    expect(run).toThrow(StrictPatchError);
    try {
      run();
    } catch (e) {
      const err = e as StrictPatchError;
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.code).toBe('Invalid');
      expect(err.issues[0]?.path).toBe('patch');
      expect(err.message).toMatch(
        /^The request is invalid: patch: Invalid value: "map\[apiVersion:apps\/v1 kind:Deployment metadata:map\[name:web\] spec:map\[replcas:3 selector:.*\]": strict decoding error: unknown field "spec\.replcas"$/,
      );
    }
  });

  it('Warn drops the fields and warns per field; Ignore drops them silently', () => {
    const input = deployment({ replcas: 3 });
    const warned = applyFieldValidation([input], 'Warn', () => false);
    expect(warned.warnings).toEqual([
      { kind: 'Deployment', name: 'web', text: 'unknown field "spec.replcas"' },
    ]);
    expect(warned.objects[0]).not.toHaveProperty('spec.replcas');
    expect(input.spec).toHaveProperty('replcas', 3);
    const ignored = applyFieldValidation([input], 'Ignore', () => false);
    expect(ignored.warnings).toEqual([]);
    expect(ignored.objects[0]).toEqual(deployment({}));
  });

  it('prunes without touching the input and keeps a valid manifest as it is', () => {
    const valid = deployment({});
    expect(dropUnknownFields(valid).object).toBe(valid);
  });

  it('quotes a patch like Go %v', () => {
    expect(goValueString({ b: [1, 'x'], a: { c: null, d: true } })).toBe(
      'map[a:map[c:<nil> d:true] b:[1 x]]',
    );
  });
});
