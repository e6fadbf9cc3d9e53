import { describe, it, expect } from 'vitest';
import type { StoreEvent } from '../../store/view.js';
import { createService, runPod, storeWithNodes } from '../../driver/storeFixtures.test-helper.js';
import { reconcileToFixedPoint } from '../../driver/reconcileToFixedPoint.js';
import {
  createEndpointSliceController,
  endpointSliceController,
} from './endpointSliceController.js';
import { endpointsController } from './endpointsController.js';
import { endpointSliceMirroringController } from './endpointSliceMirroringController.js';

function captureEvents(store: ReturnType<typeof storeWithNodes>, fn: () => void): StoreEvent[] {
  const events: StoreEvent[] = [];
  const stop = store.watch((ev) => events.push(ev));
  fn();
  stop();
  return events;
}

describe('keysFor of the EndpointSlice controller', () => {
  it('enqueues the Services selecting a pod’s old and new labels when it is relabelled', () => {
    const store = storeWithNodes();
    createService(store, 'a', { app: 'a' });
    createService(store, 'b', { app: 'b' });
    const pod = runPod(store, 'p', { app: 'a' }, '10.128.0.5', true);
    const [ev] = captureEvents(store, () => {
      store.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'b' } } });
    });
    expect(ev && endpointSliceController.keysFor(ev, store)).toEqual(['default/a', 'default/b']);
  });

  it('ignores pod changes that cannot change endpoints', () => {
    const store = storeWithNodes();
    createService(store, 'a', { app: 'a' });
    const pod = runPod(store, 'p', { app: 'a' }, '10.128.0.5', true);
    const [ev] = captureEvents(store, () => {
      store.update({ ...pod, metadata: { ...pod.metadata, annotations: { note: 'x' } } });
    });
    expect(ev && endpointSliceController.keysFor(ev, store)).toEqual([]);
  });

  it('enqueues the Service of a managed slice, and the Services of pods on a re-zoned node', () => {
    const store = storeWithNodes();
    createService(store, 'a', { app: 'a' });
    runPod(store, 'p', { app: 'a' }, '10.128.0.5', true, 'n2');
    const created = captureEvents(store, () => reconcileToFixedPoint(store));
    const sliceEvent = created.find((e) => e.kind === 'EndpointSlice');
    expect(sliceEvent && endpointSliceController.keysFor(sliceEvent, store)).toEqual(['default/a']);
    const node = store.get('Node', 'n2');
    if (node === undefined) throw new Error('node n2 missing');
    const [nodeEvent] = captureEvents(store, () => {
      store.update({
        ...node,
        metadata: { ...node.metadata, labels: { 'topology.kubernetes.io/zone': 'zone-c' } },
      });
    });
    expect(nodeEvent && endpointSliceController.keysFor(nodeEvent, store)).toEqual(['default/a']);
  });
});

describe('keysFor of the EndpointSlice controller with its tracker', () => {
  // endpointslice_controller.go onEndpointSliceAdd/Update/Delete over endpointslice_tracker.go.
  function setUp() {
    const store = storeWithNodes();
    createService(store, 'a', { app: 'a' });
    createService(store, 'b', { app: 'b' });
    runPod(store, 'p', { app: 'a' }, '10.128.0.5', true, 'n2');
    const controller = createEndpointSliceController();
    // The controller's own write, as the simulation's runtime reports it.
    const own = captureEvents(store, () => {
      store.trusted(() => {
        for (const a of controller.reconcile(store, 'default/a', 0).actions) {
          if (a.verb === 'create') store.create(a.object);
        }
      });
    }).filter((e) => e.kind === 'EndpointSlice');
    for (const ev of own) controller.ownWrite?.(ev);
    const slice = store.slicesOfService('default', 'a')[0];
    if (slice === undefined) throw new Error('no slice');
    return { store, controller, own, slice };
  }

  it('its own write syncs nothing; a newer generation from someone else does', () => {
    const { store, controller, own, slice } = setUp();
    expect(own.map((e) => controller.keysFor(e, store))).toEqual([[]]);
    const [edit] = captureEvents(store, () => store.update({ ...slice, endpoints: [] }));
    expect(edit && controller.keysFor(edit, store)).toEqual(['default/a']);
  });

  it('an unexpected deletion of a tracked slice syncs; an untracked one does not', () => {
    const { store, controller, slice } = setUp();
    const [gone] = captureEvents(store, () => {
      store.delete('EndpointSlice', `default/${slice.metadata.name}`);
    });
    expect(gone && controller.keysFor(gone, store)).toEqual(['default/a']);
    const fresh = createEndpointSliceController();
    expect(gone && fresh.keysFor(gone, store)).toEqual([]);
  });

  it('a service-name relabel syncs the old and the new Service', () => {
    const { store, controller, slice } = setUp();
    const [moved] = captureEvents(store, () =>
      store.update({
        ...slice,
        metadata: {
          ...slice.metadata,
          labels: { ...slice.metadata.labels, 'kubernetes.io/service-name': 'b' },
        },
      }),
    );
    expect(moved && controller.keysFor(moved, store)).toEqual(['default/b', 'default/a']);
  });
});

describe('plans', () => {
  it('updates carry the resourceVersion of the slice they were computed from', () => {
    const store = storeWithNodes();
    createService(store, 'a', { app: 'a' });
    const pod = runPod(store, 'p', { app: 'a' }, '10.128.0.5', true);
    reconcileToFixedPoint(store);
    const slice = store.slicesOfService('default', 'a')[0];
    store.updateStatus({
      ...pod,
      status: { ...pod.status, conditions: [{ type: 'Ready', status: 'False' }] },
    });
    const plan = endpointSliceController.reconcile(store, 'default/a', 1000);
    expect(plan.actions).toHaveLength(1);
    const action = plan.actions[0];
    expect(action?.verb).toBe('update');
    if (action?.verb !== 'update') return;
    expect(action.object.metadata.name).toBe(slice?.metadata.name);
    expect(action.object.metadata.resourceVersion).toBe(slice?.metadata.resourceVersion);
  });

  it('the Endpoints controller deletes the Endpoints of a Service that is gone', () => {
    const store = storeWithNodes();
    createService(store, 'a', { app: 'a' });
    reconcileToFixedPoint(store);
    expect(store.get('Endpoints', 'default/a')).toBeDefined();
    store.delete('Service', 'default/a');
    expect(store.get('Endpoints', 'default/a')).toBeDefined();
    expect(endpointsController.reconcile(store, 'default/a', 0).actions).toEqual([
      {
        verb: 'delete',
        kind: 'Endpoints',
        key: 'default/a',
        uid: store.get('Endpoints', 'default/a')?.metadata.uid,
      },
    ]);
  });

  it('the mirroring controller warns when addresses exceed the per-subset cap', () => {
    const store = storeWithNodes();
    createService(store, 'ext', undefined);
    store.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'ext', namespace: 'default' },
      subsets: [
        {
          addresses: [{ ip: '192.168.0.10' }, { ip: '192.168.0.11' }],
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ],
    });
    const view = Object.create(store, {
      config: { value: { ...store.config, mirroringMaxEndpointsPerSubset: 1 } },
    }) as typeof store;
    const plan = endpointSliceMirroringController.reconcile(view, 'default/ext', 0);
    expect(plan.actions.map((a) => (a.verb === 'event' ? a.reason : a.verb))).toEqual([
      'create',
      'TooManyAddressesToMirror',
    ]);
  });
});
