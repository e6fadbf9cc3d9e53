import { describe, it, expect } from 'vitest';
import { AlreadyExistsError, ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { Pod } from '../objects/pod.js';
import { Store } from './store.js';
import { namespaceManifest, podManifest, serviceManifest } from './testManifests.js';

describe('Store writes', () => {
  it('a stale resourceVersion is a Conflict and leaves the object unchanged', () => {
    const store = new Store();
    const v1 = store.create(podManifest('web', { labels: { v: '1' } }));
    store.update({ ...v1, metadata: { ...v1.metadata, labels: { v: '2' } } });
    const before = store.get('Pod', 'web');
    const rv = store.resourceVersion;
    const stale = { ...v1, metadata: { ...v1.metadata, labels: { v: '3' } } };
    expect(() => store.update(stale)).toThrow(ConflictError);
    expect(() => store.update(stale)).toThrow(
      'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(store.get('Pod', 'web')).toBe(before);
    expect(store.resourceVersion).toBe(rv);
  });

  it('an update without resourceVersion is unconditional', () => {
    const store = new Store();
    const v1 = store.create(podManifest('web'));
    const { resourceVersion: _rv, ...meta } = v1.metadata;
    const next = store.update({ ...v1, metadata: { ...meta, labels: { a: 'b' } } });
    expect(next.metadata.labels).toEqual({ a: 'b' });
  });

  it('generation starts at 1 and moves only when the spec changes', () => {
    const store = new Store();
    const svc = store.create(serviceManifest('web', { app: 'web' }));
    expect(svc.metadata.generation).toBe(1);
    const relabelled = store.update({ ...svc, metadata: { ...svc.metadata, labels: { x: 'y' } } });
    expect(relabelled.metadata.generation).toBe(1);
    const status = store.updateStatus({ ...relabelled, status: { loadBalancer: {} } });
    expect(status.metadata.generation).toBe(1);
    const changed = store.update({
      ...status,
      spec: { ...status.spec, selector: { app: 'other' } },
    });
    expect(changed.metadata.generation).toBe(2);
  });

  it('an EndpointSlice generation moves on endpoint and label changes, not on annotations', () => {
    // pkg/registry/discovery/endpointslice/strategy.go PrepareForUpdate: no status subresource,
    // so anything outside metadata, and the labels, bump the generation.
    const store = new Store();
    const slice = store.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 's', namespace: 'default', labels: { a: '1' } },
      addressType: 'IPv4',
      endpoints: [],
      ports: [],
    });
    expect(slice.metadata.generation).toBe(1);
    const annotated = store.update({
      ...slice,
      metadata: { ...slice.metadata, annotations: { note: 'x' } },
    });
    expect(annotated.metadata.generation).toBe(1);
    const relabelled = store.update({
      ...annotated,
      metadata: { ...annotated.metadata, labels: { a: '2' } },
    });
    expect(relabelled.metadata.generation).toBe(2);
    const filled = store.update({
      ...relabelled,
      endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready: true } }],
    });
    expect(filled.metadata.generation).toBe(3);
  });

  it('the resourceVersion is one global counter across kinds', () => {
    const store = new Store();
    const start = store.resourceVersion;
    const a = store.create(podManifest('a'));
    const b = store.create(serviceManifest('b', { app: 'b' }));
    expect(Number(a.metadata.resourceVersion)).toBe(start + 1);
    expect(Number(b.metadata.resourceVersion)).toBe(start + 2);
  });

  it('creating in a missing namespace is NotFound with a hint', () => {
    const store = new Store();
    expect(() => store.create(podManifest('p', { namespace: 'foo' }))).toThrow(NotFoundError);
    expect(() => store.create(podManifest('p', { namespace: 'foo' }))).toThrow(
      'namespaces "foo" not found: create the Namespace first',
    );
    store.create(namespaceManifest('foo'));
    expect(store.create(podManifest('p', { namespace: 'foo' })).metadata.namespace).toBe('foo');
  });

  it('a second create of the same name is AlreadyExists', () => {
    const store = new Store();
    store.create(serviceManifest('web', { app: 'web' }));
    expect(() => store.create(serviceManifest('web', { app: 'web' }))).toThrow(AlreadyExistsError);
    expect(() => store.create(serviceManifest('web', { app: 'web' }))).toThrow(
      'services "web" already exists',
    );
  });

  it('an invalid create throws ValidationError and stores nothing', () => {
    const store = new Store();
    const rv = store.resourceVersion;
    expect(() => store.create(podManifest('Bad_Name'))).toThrow(ValidationError);
    expect(store.get('Pod', 'Bad_Name')).toBeUndefined();
    expect(store.resourceVersion).toBe(rv);
  });

  it('generateName gets a suffix from the id source, retrying on collision', () => {
    const store = new Store();
    const { metadata, ...rest } = podManifest('');
    const first = store.create({ ...rest, metadata: { generateName: 'web-' } });
    expect(first.metadata.name).toBe('web-bbbbb');
    store.create({ ...rest, metadata: { name: 'web-bbbbc' } });
    const third = store.create({ ...rest, metadata: { generateName: 'web-' } });
    expect(third.metadata.name).toBe('web-bbbbd');
    expect(metadata?.name).toBe('');
  });

  it('create resets a pod status to Pending and keeps a node status', () => {
    const store = new Store();
    const pod = store.create({
      ...podManifest('p'),
      status: { phase: 'Running', podIP: '1.2.3.4' },
    });
    expect(pod.status).toEqual({ phase: 'Pending' });
    const node = store.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1' },
      status: { capacity: { cpu: '4' } },
    });
    expect(node.status.capacity).toEqual({ cpu: '4' });
  });

  it('update keeps the live status and updateStatus takes only the status', () => {
    const store = new Store();
    const pod = store.create(podManifest('p', { nodeName: 'n1' }));
    const running = store.updateStatus({
      ...pod,
      metadata: { ...pod.metadata, labels: { ignored: 'yes' } },
      status: { phase: 'Running', podIP: '10.128.0.5' },
    });
    expect(running.status.phase).toBe('Running');
    expect(running.metadata.labels).toBeUndefined();
    const relabelled = store.update({
      ...running,
      metadata: { ...running.metadata, labels: { a: 'b' } },
      status: { phase: 'Failed' },
    });
    expect(relabelled.status.phase).toBe('Running');
    expect(relabelled.metadata.labels).toEqual({ a: 'b' });
  });

  it('an update that changes nothing writes nothing', () => {
    const store = new Store();
    const pod = store.create(podManifest('p'));
    const events: string[] = [];
    store.watch((ev) => events.push(ev.type));
    expect(store.update(pod)).toBe(pod);
    expect(events).toEqual([]);
  });

  it('stored objects are deeply frozen and writes never mutate the input', () => {
    const store = new Store();
    const input = podManifest('p', { labels: { a: 'b' } });
    const pod = store.create(input);
    expect(Object.isFrozen(pod)).toBe(true);
    expect(Object.isFrozen(pod.spec.containers[0])).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
    expect(input.metadata?.uid).toBeUndefined();
  });

  it('apply creates, then merges keeping status and the allocated ClusterIP', () => {
    const store = new Store();
    const first = store.apply(serviceManifest('web', { app: 'web' }, { type: 'NodePort' }));
    expect(first.created).toBe(true);
    const ip = first.object.spec.clusterIP;
    const nodePort = first.object.spec.ports[0]?.nodePort;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    const manifest = serviceManifest('web', { app: 'web', tier: 'front' }, { type: 'NodePort' });
    const second = store.apply({ ...manifest, metadata: { name: 'web', labels: { team: 'a' } } });
    expect(second.created).toBe(false);
    expect(second.object.spec.clusterIP).toBe(ip);
    expect(second.object.spec.ports[0]?.nodePort).toBe(nodePort);
    expect(second.object.spec.selector).toEqual({ app: 'web', tier: 'front' });
    expect(second.object.metadata.labels).toEqual({ team: 'a' });
    expect(second.object.metadata.generation).toBe(2);
  });

  it('apply keeps fields the manifest does not know', () => {
    const store = new Store();
    const { object } = store.apply({
      ...podManifest('p'),
      spec: { containers: [{ name: 'app', image: 'nginx' }], futureField: { x: 1 } },
    } as unknown as Pod);
    expect((object.spec as unknown as Record<string, unknown>)['futureField']).toEqual({ x: 1 });
  });

  it('inert kinds are stored as written with allocated metadata', () => {
    const store = new Store();
    const cm = store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
      data: { a: '1' },
    });
    expect(cm.metadata.uid).toBeDefined();
    expect(store.getInert('ConfigMap', 'cfg')?.['data']).toEqual({ a: '1' });
    expect(store.listInert('ConfigMap').map((o) => o.metadata.name)).toEqual(['cfg']);
  });
});

describe('re-applying an unchanged manifest', () => {
  for (const type of ['ClusterIP', 'NodePort', 'LoadBalancer']) {
    it(`is a no-op for a ${type} Service (allocated ports are restored before comparing)`, () => {
      const store = new Store();
      const manifest = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: {
          type,
          selector: { app: 'web' },
          ports: [{ port: 80 }],
          externalTrafficPolicy: type === 'ClusterIP' ? undefined : 'Local',
        },
      };
      const first = store.apply(manifest).object;
      const events: string[] = [];
      store.watch((ev) => events.push(ev.type));
      const second = store.apply(manifest).object;
      expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
      expect(second.metadata.generation).toBe(1);
      expect(events).toEqual([]);
    });
  }
});
