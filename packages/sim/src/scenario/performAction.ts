/**
 * What a scenario's actions and faults do to a running simulation, with failures recorded rather
 * than aborting the run.
 * @packageDocumentation
 */
import { KubesimError, parseDuration } from '@kubesim/core';
import type { FaultSpec } from '../simulation/faults.js';
import type { Simulation } from '../simulation/types.js';
import type { ScenarioAction } from './types.js';

/** An action or fault that the cluster refused when it came due (e.g. an eviction under a PDB). */
export interface ActionError {
  /** Where it came from: `actions[i]` or `faults[i]`. */
  readonly source: string;
  /** Virtual ms when it was attempted. */
  readonly t: number;
  /** The action or fault type. */
  readonly type: string;
  /** The error's stable code (`TooManyRequests`, `NotFound`, …). */
  readonly code: string;
  readonly message: string;
}

/** The template annotation bumped by a `rollout` without an image. */
export const ROLLOUT_ANNOTATION = 'kubesim.io/rollout';

/** Performs one action now. Throws what the Simulation throws. */
export function performAction(sim: Simulation, action: ScenarioAction): void {
  switch (action.type) {
    case 'apply':
      sim.apply(action.manifests);
      return;
    case 'delete':
      sim.delete(
        action.kind,
        action.key,
        action.gracePeriodSeconds === undefined
          ? {}
          : { gracePeriodSeconds: action.gracePeriodSeconds },
      );
      return;
    case 'scale':
      if (action.kind === 'Deployment') {
        sim.update('Deployment', action.key, (d) => {
          d.spec.replicas = action.replicas;
        });
      } else {
        sim.update('StatefulSet', action.key, (d) => {
          d.spec.replicas = action.replicas;
        });
      }
      return;
    case 'rollout':
      sim.update('Deployment', action.key, (d) => {
        const first = d.spec.template.spec.containers[0];
        if (action.image !== undefined && first !== undefined) {
          first.image = action.image;
          return;
        }
        // No image: a template annotation change, as `kubectl rollout restart` does with
        // kubectl.kubernetes.io/restartedAt, but with a counter so the run stays a pure function.
        const meta = d.spec.template.metadata ?? {};
        const annotations = { ...meta.annotations };
        annotations[ROLLOUT_ANNOTATION] = String(Number(annotations[ROLLOUT_ANNOTATION] ?? 0) + 1);
        d.spec.template.metadata = { ...meta, annotations };
      });
      return;
    case 'drain': {
      const handle = sim.drain(action.node);
      if (handle.error !== undefined) throw new DrainRefusedError(handle.error);
      return;
    }
    case 'uncordon':
      sim.update('Node', action.node, (d) => {
        // kubectl uncordon sends unschedulable: false, which the API omits.
        delete d.spec.unschedulable;
      });
      return;
    case 'evict':
      sim.evict(action.pod);
      return;
  }
}

/** kubectl refused to drain the node (e.g. a pod without a controller). */
export class DrainRefusedError extends KubesimError {
  constructor(message: string) {
    super('DrainRefused', message);
  }
}

/** Injects one fault now and schedules its end after `duration`, as `sim.faults.schedule` does. */
export function performFault(
  sim: Simulation,
  fault: FaultSpec,
  later: (at: number, fn: () => void) => void,
): void {
  const duration = fault.duration === undefined ? undefined : parseDuration(fault.duration);
  const end = (fn: () => void): void => {
    if (duration !== undefined) later(sim.now + duration, fn);
  };
  const { faults } = sim;
  switch (fault.type) {
    case 'crashNode':
      faults.crashNode(fault.target);
      end(() => {
        faults.recoverNode(fault.target);
      });
      return;
    case 'partitionNode':
      faults.partitionNode(fault.target);
      end(() => {
        faults.healNode(fault.target);
      });
      return;
    case 'killPod':
      faults.killPod(fault.target);
      return;
    case 'failReadiness':
      faults.failReadiness(fault.target, duration);
      return;
    case 'zoneOutage':
      faults.zoneOutage(fault.target, duration);
      return;
  }
}

/**
 * Runs `fn` at `at` through `sim.at`; a KubesimError it throws is recorded in `errors` instead of
 * stopping the run (any other error is a bug and propagates).
 */
export function atRecording(
  sim: Simulation,
  at: number,
  what: { source: string; type: string },
  errors: ActionError[],
  fn: (sim: Simulation) => void,
): void {
  sim.at(at, (s) => {
    try {
      fn(s);
    } catch (err) {
      if (!(err instanceof KubesimError)) throw err;
      errors.push({ ...what, t: s.now, code: err.code, message: err.message });
    }
  });
}
