import { describe, it, expect } from 'vitest';
import { formatFieldIssue } from '../errors.js';
import type { InertObject, KubeObject } from '../objects/kinds.js';
import { POD_UPDATE_MESSAGE, validateUpdate } from './index.js';

const meta = {
  name: 'web',
  namespace: 'default',
  uid: 'u',
  resourceVersion: '1',
  creationTimestamp: 't',
};
const stored = (o: Record<string, unknown>): KubeObject =>
  ({ metadata: meta, ...o }) as unknown as KubeObject;
const texts = (old: KubeObject | InertObject, next: unknown): string[] =>
  validateUpdate(old, next).map(formatFieldIssue);

const template = {
  metadata: { labels: { app: 'web', v: '1' } },
  spec: { containers: [{ name: 'a', image: 'x' }] },
};

describe('validateUpdate', () => {
  it('keeps a Deployment selector immutable', () => {
    const spec = { selector: { matchLabels: { app: 'web' } }, template };
    const old = stored({ apiVersion: 'apps/v1', kind: 'Deployment', spec });
    const next = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } };
    expect(texts(old, { ...next, spec: { ...spec, replicas: 3 } })).toEqual([]);
    const changed = { ...spec, selector: { matchLabels: { app: 'web', v: '1' } } };
    expect(texts(old, { ...next, spec: changed })).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"web","v":"1"}}: field is immutable',
    ]);
  });

  it('keeps a Service clusterIP once set, except to or from ExternalName', () => {
    const old = stored({
      apiVersion: 'v1',
      kind: 'Service',
      spec: { clusterIP: '10.96.0.15', ports: [{ port: 80 }] },
    });
    const next = (spec: unknown): unknown => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec,
    });
    expect(texts(old, next({ ports: [{ port: 81 }] }))).toEqual([]);
    expect(texts(old, next({ clusterIP: '10.96.0.16', ports: [{ port: 80 }] }))).toEqual([
      'spec.clusterIP: Invalid value: "10.96.0.16": field is immutable',
    ]);
    expect(texts(old, next({ type: 'ExternalName', externalName: 'db.example.com' }))).toEqual([]);
  });

  it('limits Pod spec updates to images, deadlines, added tolerations and grace', () => {
    const spec = {
      containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80 }] }],
      tolerations: [{ operator: 'Exists' }],
    };
    const old = stored({ apiVersion: 'v1', kind: 'Pod', spec });
    const next = (s: unknown): unknown => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: s,
    });
    const image = {
      ...spec,
      containers: [{ name: 'a', image: 'y', ports: [{ containerPort: 80 }] }],
    };
    expect(texts(old, next(image))).toEqual([]);
    const added = {
      ...spec,
      tolerations: [{ operator: 'Exists' }, { key: 'k', operator: 'Exists' }],
    };
    expect(texts(old, next(added))).toEqual([]);
    const port = {
      ...spec,
      containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 81 }] }],
    };
    expect(texts(old, next(port))).toEqual([`spec: Forbidden: ${POD_UPDATE_MESSAGE}`]);
    expect(texts(old, next({ ...spec, tolerations: [] }))).toEqual([
      `spec: Forbidden: ${POD_UPDATE_MESSAGE}`,
    ]);
    expect(texts(old, next({ ...spec, hostname: 'h' }))).toEqual([
      `spec: Forbidden: ${POD_UPDATE_MESSAGE}`,
    ]);
    expect(texts(old, next({ ...spec, nodeName: 'node-1' }))).toEqual([]);
  });

  it('keeps an EndpointSlice addressType', () => {
    const old = stored({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      addressType: 'IPv4',
      endpoints: [],
    });
    const next = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web' },
    };
    expect(texts(old, { ...next, addressType: 'IPv4' })).toEqual([]);
    expect(texts(old, { ...next, addressType: 'FQDN' })).toEqual([
      'addressType: Invalid value: "FQDN": field is immutable',
    ]);
  });

  it('also reports what validateObject finds in the new object', () => {
    const old = stored({ apiVersion: 'v1', kind: 'ConfigMap' });
    expect(texts(old, { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} })).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });
});
