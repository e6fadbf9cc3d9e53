/**
 * Custom resources through the store: a CRD makes its kind storable; objects are pruned,
 * defaulted and validated by the schema; status and generation follow the status subresource;
 * deleting the CRD deletes its objects; ownerReferences collect across built-in and custom kinds.
 */
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../errors.js';
import { Store } from '../store/store.js';
import type { StoredObject } from '../store/types.js';
import { StrictDecodingError } from './fieldValidation.js';
import { widget, widgetCrd } from './testCrds.test-helper.js';

function withCrd(): Store {
  const store = new Store();
  store.apply(widgetCrd());
  return store;
}

const spec = (o: StoredObject | undefined) =>
  (o as unknown as { spec: Record<string, unknown> }).spec;
const status = (o: StoredObject | undefined) =>
  (o as unknown as { status?: Record<string, unknown> }).status;

describe('custom resources in the store', () => {
  it('refuses a custom kind before its CRD exists, with the upstream words', () => {
    const store = new Store();
    expect(() => store.apply(widget('a'))).toThrow(ValidationError);
  });

  it('a CRD is established and makes its kind storable, defaulted and readable', () => {
    const store = withCrd();
    const crd = store.getInert('CustomResourceDefinition', 'widgets.example.com');
    const conditions = (status(crd)?.['conditions'] ?? []) as { type: string; status: string }[];
    expect(conditions.map((c) => `${c.type}=${c.status}`)).toEqual([
      'NamesAccepted=True',
      'Established=True',
    ]);
    const created = store.apply(widget('a')).object;
    expect(created.metadata.namespace).toBe('default');
    expect(spec(created)).toEqual({ size: 'small', replicas: 1 });
    expect(store.getInert('Widget', 'a')).toBe(created);
    expect(store.listInert('Widget').map((o) => o.metadata.name)).toEqual(['a']);
  });

  it('schema violations are a ValidationError in the API server words and change nothing', () => {
    const store = withCrd();
    const rv = store.resourceVersion;
    let error: unknown;
    try {
      store.apply(widget('a', { size: 'huge', replicas: -1 }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(
      'The Widget "a" is invalid: [spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0, spec.size: Unsupported value: "huge": supported values: "small", "large"]',
    );
    expect(store.resourceVersion).toBe(rv);
    expect(store.listInert('Widget')).toEqual([]);
  });

  it('unknown fields: Strict refuses, Warn drops with a warning, Ignore drops silently, preserve keeps', () => {
    const store = withCrd();
    const manifest = widget('a', { size: 'small', colour: 'red', extra: { anything: 1 } });
    expect(() => store.apply(manifest)).toThrow(StrictDecodingError);
    expect(() => store.apply(manifest)).toThrow(
      'Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.colour"',
    );
    const warnings: string[] = [];
    const warned = store.apply(manifest, { fieldValidation: 'Warn', warnings }).object;
    expect(warnings).toEqual(['unknown field "spec.colour"']);
    expect(spec(warned)).toEqual({ size: 'small', replicas: 1, extra: { anything: 1 } });
    const quiet: string[] = [];
    store.apply(
      { ...manifest, metadata: { name: 'b' } },
      { fieldValidation: 'Ignore', warnings: quiet },
    );
    expect(quiet).toEqual([]);
    expect(spec(store.getInert('Widget', 'b'))).not.toHaveProperty('colour');
  });

  it('with a status subresource, create drops status, update keeps it, updateStatus writes only it', () => {
    const store = withCrd();
    const a = store.create({ ...widget('a'), status: { replicas: 9 } } as never);
    expect(status(a)).toBeUndefined();
    expect(a.metadata.generation).toBe(1);
    const s = store.updateStatus({
      ...a,
      spec: { size: 'large' },
      status: { replicas: 2 },
    } as never);
    expect(status(s)).toEqual({ replicas: 2 });
    expect(spec(s)['size']).toBe('small');
    expect(s.metadata.generation).toBe(1);
    const u = store.update({
      ...s,
      spec: { size: 'large', replicas: 1 },
      status: { replicas: 7 },
    } as never);
    expect(status(u)).toEqual({ replicas: 2 });
    expect(u.metadata.generation).toBe(2);
  });

  it('without a status subresource, status is an ordinary field and moves the generation', () => {
    const crd = widgetCrd();
    const v1 = crd.spec.versions[0];
    const store = new Store();
    store.apply({ ...crd, spec: { ...crd.spec, versions: [{ ...v1!, subresources: {} }] } });
    const a = store.create({ ...widget('a'), status: { replicas: 9 } } as never);
    expect(status(a)).toEqual({ replicas: 9 });
    expect(() => store.updateStatus(a)).toThrow(NotFoundError);
    const u = store.update({ ...a, status: { replicas: 3 } } as never);
    expect(u.metadata.generation).toBe(2);
  });

  it('deleting the CRD deletes its objects (and nothing else)', () => {
    const store = withCrd();
    store.apply(widget('a'));
    store.apply(widget('b'));
    store.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep' } });
    store.delete('CustomResourceDefinition', 'widgets.example.com');
    expect(store.listInert('Widget')).toEqual([]);
    expect(store.getInert('ConfigMap', 'keep')).toBeDefined();
    expect(() => store.apply(widget('c'))).toThrow(ValidationError);
  });

  it('ownerReferences collect garbage across custom and built-in kinds', () => {
    const store = withCrd();
    const owner = store.apply(widget('site')).object;
    const ref = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      name: 'site',
      uid: owner.metadata.uid,
      controller: true,
    };
    store.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', ownerReferences: [ref] },
    });
    const cm = store.getInert('ConfigMap', 'cm');
    store.apply({
      ...widget('child'),
      metadata: {
        name: 'child',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'ConfigMap', name: 'cm', uid: cm!.metadata.uid },
        ],
      },
    });
    store.delete('Widget', 'site');
    expect(store.getInert('ConfigMap', 'cm')).toBeUndefined();
    expect(store.getInert('Widget', 'child')).toBeUndefined();
  });

  it('a cluster-scoped custom kind is keyed by name and refuses a namespace', () => {
    const store = new Store();
    store.apply(widgetCrd({ scope: 'Cluster' }));
    store.apply(widget('global'));
    expect(store.getInert('Widget', 'global')?.metadata.namespace).toBeUndefined();
    store.delete('Widget', 'global');
    expect(store.listInert('Widget')).toEqual([]);
  });

  it('a failed transaction takes the CRD and its kind back with it', () => {
    const store = new Store();
    expect(() => {
      store.transaction(() => {
        store.apply(widgetCrd());
        store.apply(widget('a'));
        store.apply(widget('bad', { size: 'huge' }));
      });
    }).toThrow(ValidationError);
    expect(store.getInert('CustomResourceDefinition', 'widgets.example.com')).toBeUndefined();
    expect(() => store.apply(widget('a'))).toThrow(ValidationError);
  });

  it('refuses an invalid CRD with field paths, and a kind that would shadow a built-in one', () => {
    const store = new Store();
    const bad = widgetCrd({ group: 'example' });
    expect(() => store.apply({ ...bad, metadata: { name: 'widgets.example' } })).toThrow(
      'spec.group: Invalid value: "example": should be a domain with at least one dot',
    );
    const shadow = widgetCrd({ names: { plural: 'pods', kind: 'Pod' } });
    expect(() => store.apply({ ...shadow, metadata: { name: 'pods.example.com' } })).toThrow(
      'spec.names.kind: Invalid value: "Pod"',
    );
  });
});

describe('several versions of a custom kind', () => {
  function twoVersions(): Store {
    const crd = widgetCrd();
    const v1 = crd.spec.versions[0]!;
    const store = new Store();
    store.apply(
      widgetCrd({
        versions: [
          { ...v1, name: 'v1beta1', storage: false },
          v1,
          { ...v1, name: 'v1alpha1', storage: false, served: false },
        ],
      }),
    );
    return store;
  }

  it('stores an object written in any served version in the storage version (conversion None)', () => {
    const store = twoVersions();
    const created = store.apply({ ...widget('a'), apiVersion: 'example.com/v1beta1' }).object;
    expect(created.apiVersion).toBe('example.com/v1');
    expect(store.getInert('Widget', 'a')?.apiVersion).toBe('example.com/v1');
    // An update in the other version changes the spec but not the stored version, nor the
    // generation for the version alone.
    const same = store.apply({ ...widget('a'), apiVersion: 'example.com/v1beta1' }).object;
    expect(same.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    const bigger = store.apply({
      ...widget('a', { size: 'large' }),
      apiVersion: 'example.com/v1beta1',
    });
    expect(bigger.object.apiVersion).toBe('example.com/v1');
    expect(bigger.object.metadata.generation).toBe(2);
  });

  it('refuses a version that is not served', () => {
    const store = twoVersions();
    expect(() => store.apply({ ...widget('a'), apiVersion: 'example.com/v1alpha1' })).toThrow(
      'no matches for kind "Widget" in version "example.com/v1alpha1"',
    );
  });
});
