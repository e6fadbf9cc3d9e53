/**
 * `@kubesim/sim/testing`: fast-check arbitraries of scenarios and their parts, the built-in
 * invariants, and model-based commands over a Simulation. fast-check is a peer dependency.
 * @packageDocumentation
 */
export { labelsArb } from './labelsArb.js';
export type { LabelsConstraints } from './labelsArb.js';
export { selectorArb } from './selectorArb.js';
export type { SelectorConstraints } from './selectorArb.js';
export { podArb } from './podArb.js';
export type { PodConstraints } from './podArb.js';
export { serviceArb } from './serviceArb.js';
export type { ServiceConstraints } from './serviceArb.js';
export { deploymentArb } from './deploymentArb.js';
export type { DeploymentConstraints } from './deploymentArb.js';
export { clusterArb } from './clusterArb.js';
export type { ClusterConstraints } from './clusterArb.js';
export { faultScheduleArb } from './faultScheduleArb.js';
export type { FaultScheduleConstraints } from './faultScheduleArb.js';
export { trafficArb } from './trafficArb.js';
export type { TrafficConstraints } from './trafficArb.js';
export { scenarioArb } from './scenarioArb.js';
export type { ScenarioConstraints } from './scenarioArb.js';
export {
  AdvanceTimeCommand,
  CrashNodeCommand,
  DrainCommand,
  InvariantViolationError,
  RecoverNodeCommand,
  RolloutCommand,
  ScaleCommand,
  commands,
  modelRunChecked,
  modelRunSetup,
} from './commands.js';
export type { CommandsConstraints, SimCommand, SimModel, SimReal } from './commands.js';
export {
  BUILTIN_INVARIANT_FACTORIES as invariants,
  BUILTIN_INVARIANT_NAMES,
  builtinInvariants,
  invariantsByName,
} from '../invariants/index.js';
export type { Invariant, InvariantFactory, Violation } from '../invariants/index.js';
export { runScenario } from '../scenario/index.js';
export type {
  RunScenarioOptions,
  Scenario,
  ScenarioAction,
  ScenarioNodes,
  ScenarioResult,
  ScenarioTraffic,
} from '../scenario/index.js';
