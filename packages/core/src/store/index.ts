/**
 * The store: the simulated API server and its frozen snapshots.
 * @packageDocumentation
 */
export { Store } from './store.js';
export { ClusterSnapshot } from './snapshot.js';
export { ClusterReadModel } from './readModel.js';
export type { ListOptions } from './readModel.js';
export { ForbiddenError } from './forbiddenError.js';
export { resolveClusterConfig } from './validateConfig.js';
export { podGracePeriod } from './gracePeriod.js';
export { BOOTSTRAP_NAMESPACES } from './bootstrap.js';
export { EVENT_SOURCE_COMPONENT } from './recordEvent.js';
export type {
  ApplyResult,
  DeleteOptions,
  EventRegarding,
  PropagationPolicy,
  RemoveOptions,
  StoreConstraints,
  StoredObject,
} from './types.js';
