/**
 * The taint eviction controller: deletes pods that do not tolerate a node's NoExecute taints, at
 * the instant their toleration runs out (pkg/controller/tainteviction, §6.7).
 * @packageDocumentation
 */
export { TAINT_EVICTION_CONTROLLER, taintEvictionController } from './taintEvictionController.js';
export { matchTolerations, minTolerationMs, toleratesTaint } from './tolerations.js';
export type { TolerationMatch } from './tolerations.js';
