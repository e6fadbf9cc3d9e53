/**
 * Scenarios as data: parse, validate, run, record failures and replay them.
 * @packageDocumentation
 */
export type { Scenario, ScenarioAction, ScenarioNodes, ScenarioTraffic } from './types.js';
export { parseScenario } from './parseScenario.js';
export { validateScenario } from './validateScenario.js';
export { runScenario } from './runScenario.js';
export type { RunScenarioOptions, ScenarioResult } from './runScenario.js';
export { ROLLOUT_ANNOTATION, DrainRefusedError } from './performAction.js';
export type { ActionError } from './performAction.js';
export { NondeterminismError } from './scenarioErrors.js';
export { failureRecord, readFailureRecord, replayFailure } from './failureRecord.js';
export type { FailureRecord, ReplayResult } from './failureRecord.js';
export { DEMO_CRASHED_NODE, DEMO_SERVICE, demoScenario } from './demoScenario.js';
export { KUBESIM_VERSION } from './version.js';
