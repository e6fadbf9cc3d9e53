/**
 * The synchronous controller driver.
 * @packageDocumentation
 */
export { createSyncDriver } from './syncDriver.js';
export type { SyncDriver, SyncDriverConstraints, SyncDriverStore } from './syncDriver.js';
export { reconcileToFixedPoint } from './reconcileToFixedPoint.js';
export { applyAction } from './applyAction.js';
export { WorkQueue } from './workQueue.js';
export type { ActionOutcome, ActionStore, EvictHandler } from './applyAction.js';
