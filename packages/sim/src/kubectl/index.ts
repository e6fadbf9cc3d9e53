/**
 * What `kubectl get` and `kubectl describe` print, from a simulation's objects on its virtual clock.
 * @packageDocumentation
 */
export { table } from './table.js';
export type { TableOptions } from './table.js';
export { describe } from './describe.js';
export type { KubectlClockOptions, KubectlSource } from './source.js';
export { KubectlUnsupportedError } from './errors.js';
export { humanDuration } from './humanDuration.js';
export { podColumns } from './podStatus.js';
export type { PodColumns } from './podStatus.js';
export { tabwrite } from './tabwriter.js';
export type { TabwriterConstraints } from './tabwriter.js';
