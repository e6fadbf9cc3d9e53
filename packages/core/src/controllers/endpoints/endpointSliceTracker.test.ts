import { describe, it, expect } from 'vitest';
import type { EndpointSlice } from '../../objects/discovery.js';
import { EndpointSliceTracker } from './endpointSliceTracker.js';
import {
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
} from './wellKnown.js';

// The rules of k8s.io/endpointslice util/endpointslice_tracker.go, one per test.
function slice(uid: string, generation: number, service = 'web'): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${service}-${uid}`,
      namespace: 'default',
      uid,
      generation,
      labels: { [LABEL_SERVICE_NAME]: service, [LABEL_MANAGED_BY]: ENDPOINTSLICE_CONTROLLER_NAME },
    },
    addressType: 'IPv4',
    endpoints: [],
    ports: [],
  } as unknown as EndpointSlice;
}

describe('EndpointSliceTracker', () => {
  it('syncs on an unknown slice, not on the generation it kept, and again on a newer one', () => {
    const t = new EndpointSliceTracker();
    expect(t.shouldSync(slice('a', 1))).toBe(true);
    t.update(slice('a', 2));
    expect(t.has(slice('a', 2))).toBe(true);
    expect(t.shouldSync(slice('a', 2))).toBe(false);
    expect(t.shouldSync(slice('a', 1))).toBe(false);
    expect(t.shouldSync(slice('a', 3))).toBe(true);
    // Another uid of the same Service is unknown.
    expect(t.shouldSync(slice('b', 1))).toBe(true);
  });

  it('an expected deletion is quiet, an unexpected one of a tracked slice is not', () => {
    const t = new EndpointSliceTracker();
    t.update(slice('a', 1));
    t.update(slice('b', 1));
    t.expectDeletion(slice('a', 1));
    expect(t.handleDeletion(slice('a', 1))).toBe(true);
    expect(t.has(slice('a', 1))).toBe(false);
    expect(t.handleDeletion(slice('b', 1))).toBe(false);
    expect(t.has(slice('b', 1))).toBe(false);
  });

  it('calls slices stale when older, expected to go, or missing', () => {
    const t = new EndpointSliceTracker();
    expect(t.staleSlices('default/web', [slice('a', 1)])).toBe(false);
    t.update(slice('a', 2));
    expect(t.staleSlices('default/web', [slice('a', 2)])).toBe(false);
    expect(t.staleSlices('default/web', [slice('a', 3)])).toBe(false);
    expect(t.staleSlices('default/web', [slice('a', 1)])).toBe(true);
    expect(t.staleSlices('default/web', [])).toBe(true);
    t.expectDeletion(slice('a', 2));
    expect(t.staleSlices('default/web', [slice('a', 2)])).toBe(true);
    expect(t.staleSlices('default/web', [])).toBe(false);
    t.deleteService('default/web');
    expect(t.staleSlices('default/web', [slice('a', 2)])).toBe(false);
  });

  it('a fork continues from the same state and never shares a change afterwards', () => {
    const t = new EndpointSliceTracker();
    t.update(slice('a', 1));
    const f = t.fork();
    f.update(slice('a', 2));
    t.update(slice('b', 1, 'api'));
    expect(t.shouldSync(slice('a', 2))).toBe(true);
    expect(f.shouldSync(slice('a', 2))).toBe(false);
    expect(f.has(slice('b', 1, 'api'))).toBe(false);
  });
});
