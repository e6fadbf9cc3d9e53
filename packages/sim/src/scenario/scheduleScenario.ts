/**
 * Puts a scenario's actions, faults and traffic on a simulation's timeline.
 * @packageDocumentation
 */
import { parseDuration } from '@kubesim/core';
import type { Simulation } from '../simulation/types.js';
import type { TrafficHandle } from '../traffic/traffic.js';
import { atRecording, performAction, performFault, type ActionError } from './performAction.js';
import type { Scenario } from './types.js';

/** What {@link scheduleScenario} set up. */
export interface ScheduledScenario {
  /** Actions and faults refused when they came due (filled as the run goes). */
  readonly actionErrors: ActionError[];
  /** Stops every load started so far. */
  stopTraffic(): void;
}

/**
 * Schedules every action (`actions[i]`), fault (`faults[i]`, with its end after `duration`) and
 * traffic load (from `start`, until `until` or the horizon) with `sim.at`. An action or fault the
 * cluster refuses (a KubesimError such as an eviction under a PodDisruptionBudget, or a target that
 * does not exist) is recorded and the run goes on.
 */
export function scheduleScenario(sim: Simulation, s: Scenario): ScheduledScenario {
  const actionErrors: ActionError[] = [];
  (s.actions ?? []).forEach((action, i) => {
    const what = { source: `actions[${i}]`, type: action.type };
    atRecording(sim, parseDuration(action.at), what, actionErrors, (now) => {
      performAction(now, action);
    });
  });
  (s.faults ?? []).forEach((fault, i) => {
    const source = `faults[${i}]`;
    atRecording(sim, parseDuration(fault.at), { source, type: fault.type }, actionErrors, (now) => {
      performFault(now, fault, (at, fn) => {
        atRecording(sim, at, { source, type: `${fault.type} end` }, actionErrors, fn);
      });
    });
  });
  const horizon = parseDuration(s.horizon);
  const loads: TrafficHandle[] = [];
  (s.traffic ?? []).forEach((t, i) => {
    const what = { source: `traffic[${i}]`, type: 'traffic' };
    atRecording(sim, parseDuration(t.start ?? 0), what, actionErrors, (now) => {
      loads.push(
        now.traffic({ from: t.from, to: t.to, every: t.every, until: t.until ?? horizon }),
      );
    });
  });
  return {
    actionErrors,
    stopTraffic() {
      for (const load of loads) load.stop();
    },
  };
}
