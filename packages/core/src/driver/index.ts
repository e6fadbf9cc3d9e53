/**
 * The synchronous controller driver.
 * @packageDocumentation
 */
export { createSyncDriver } from './syncDriver.js';
export type { SyncDriver, SyncDriverConstraints, SyncDriverStore } from './syncDriver.js';
export { reconcileToFixedPoint } from './reconcileToFixedPoint.js';
