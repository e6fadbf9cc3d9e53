/**
 * `@kubesim/core`: the pure Kubernetes model. No clock, no randomness of its own, no I/O.
 * @packageDocumentation
 */
export * from './objects/index.js';
export {
  AlreadyExistsError,
  BudgetExceededError,
  ConfigError,
  ConflictError,
  EvictionRefusedError,
  KubesimError,
  ManifestParseError,
  NotFoundError,
  ScenarioError,
  SelectorParseError,
  ValidationError,
  formatFieldIssue,
} from './errors.js';
export type { FieldIssue, FieldIssueType } from './errors.js';
export { defaultClusterConfig } from './config.js';
export type { ClusterConfig } from './config.js';
export {
  DEFAULT_START_TIME_MS,
  DurationParseError,
  formatDuration,
  formatMicroTimestamp,
  formatTimestamp,
  parseDuration,
  parseTimestamp,
} from './time.js';
export type { Duration } from './time.js';
export {
  NAME_SUFFIX_ALPHABET,
  NAME_SUFFIX_LENGTH,
  counterIdSource,
  seededRandomSource,
} from './sources.js';
export type { IdSource, RandomSource } from './sources.js';
export type { Requirement, Selector, SelectorOperator } from './selector/types.js';
export type { ClusterView, StoreEvent } from './store/view.js';
export type { Action, Controller, Plan } from './controllers/plan.js';
export { emptyPlan } from './controllers/plan.js';
export * from './selector/index.js';
export * from './validation/index.js';
export * from './quantity/index.js';
export * from './store/index.js';
export * from './admission/index.js';
export * from './endpoints/index.js';
export * from './proxy/index.js';
export * from './dns/index.js';
export * from './manifest/index.js';
export * from './driver/index.js';
