/**
 * `@kubesim/sim`: a deterministic Kubernetes cluster in virtual time.
 * @packageDocumentation
 */
export { createSimulation } from './simulation/createSimulation.js';
export type {
  EndpointView,
  ListOptions,
  NodeTemplate,
  Simulation,
  SimulationOptions,
  SimulationStats,
  WatchEvent,
  WatchOptions,
} from './simulation/types.js';
export type { Trace, TraceEntry } from './world/trace.js';
export type { ConnectRequest, ConnectResult, ConnectSource } from './traffic/connect.js';
export type { Metrics, OutcomeBucket, OutcomeSeries, Series, Window } from './traffic/metrics.js';
export type { TrafficHandle, TrafficSpec } from './traffic/traffic.js';
export { defaultSimConfig, resolveSimConfig } from './engine/index.js';
export type { SimConfig, SimConfigInput, DelayModel, DelayModelInput } from './engine/index.js';
export {
  BudgetExceededError,
  ConfigError,
  ConflictError,
  EvictionRefusedError,
  KubesimError,
  ManifestParseError,
  NotFoundError,
  ScenarioError,
  ValidationError,
} from '@kubesim/core';
