/**
 * Settling a store's endpoints in one call.
 * @packageDocumentation
 */
import { endpointSliceController } from '../controllers/endpoints/endpointSliceController.js';
import { endpointSliceMirroringController } from '../controllers/endpoints/endpointSliceMirroringController.js';
import { endpointsController } from '../controllers/endpoints/endpointsController.js';
import { createSyncDriver, type SyncDriverStore } from './syncDriver.js';

/**
 * Runs the EndpointSlice, Endpoints and mirroring controllers over every Service and Endpoints of
 * `store` until nothing changes, at virtual time `now` (default 0). Returns the number of
 * reconciles performed.
 * @example
 * const store = new Store(); store.create(service); store.create(pod);
 * reconcileToFixedPoint(store); store.slicesOfService('default', 'web');
 */
export function reconcileToFixedPoint(store: SyncDriverStore, now = 0): number {
  const driver = createSyncDriver(
    store,
    [endpointSliceController, endpointsController, endpointSliceMirroringController],
    { initialKinds: ['Service', 'Endpoints'] },
  );
  try {
    return driver.run(now);
  } finally {
    driver.dispose();
  }
}
