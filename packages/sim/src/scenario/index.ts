export type { Scenario, ScenarioAction, ScenarioNodes, ScenarioTraffic } from './types.js';
