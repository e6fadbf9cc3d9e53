export type * from './meta.js';
export type * from './pod.js';
export type * from './service.js';
export type * from './discovery.js';
export type * from './node.js';
export type * from './apps.js';
export type { InertObject, Kind, KindInfo, KindMap, KubeObject, KubeObjectInput } from './kinds.js';
export {
  isSimulatedKind,
  kindInfo,
  knownKinds,
  normalizeKey,
  objectKey,
  servesApiVersion,
  simulatedKinds,
} from './kinds.js';
