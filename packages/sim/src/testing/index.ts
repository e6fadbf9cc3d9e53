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
export { endpointSliceArb, conditionsArb } from './endpointSliceArb.js';
export type { DrawnConditions, EndpointSliceConstraints } from './endpointSliceArb.js';
export { endpointsArb } from './endpointsArb.js';
export type { EndpointsConstraints } from './endpointsArb.js';
export { simConfigArb } from './simConfigArb.js';
export type { SimConfigConstraints } from './simConfigArb.js';
export { scenarioArb } from './scenarioArb.js';
export { scenarioSize } from './scenarioSize.js';
export type { ScenarioSize } from './scenarioSize.js';
export { printScenario } from './printScenario.js';
export { ScenarioPropertyError, checkScenarios, scenarioTest } from './scenarioProperty.js';
export type { ScenarioPropertyOptions, TestFunction } from './scenarioProperty.js';
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
export type { Check, CheckContext, CheckFunction } from '../invariants/check.js';
export {
  AGREES_WITH_DNS,
  AGREES_WITH_KUBE_PROXY,
  NEVER_ROUTES_TO_DEAD_POD,
  agreesWithDns,
  agreesWithKubeProxy,
  kubeProxyBackends,
  neverRoutesToDeadPod,
} from './checks/index.js';
export type { AgreementConstraints, DeadPodConstraints } from './checks/index.js';
export { runScenario } from '../scenario/index.js';
export type {
  RunScenarioOptions,
  Scenario,
  ScenarioAction,
  ScenarioNodes,
  ScenarioResult,
  ScenarioTraffic,
} from '../scenario/index.js';
