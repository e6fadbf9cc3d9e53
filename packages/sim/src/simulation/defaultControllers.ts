/**
 * The controllers every simulation runs, in registration order.
 * @packageDocumentation
 */
import {
  type Controller,
  createDisruptionController,
  createPodGcController,
  deploymentController,
  endpointsController,
  endpointSliceController,
  endpointSliceMirroringController,
  replicaSetController,
  schedulerController,
  statefulSetController,
  taintEvictionController,
} from '@kubesim/core';
import type { ControllerDeps } from '../world/index.js';

/** Builds the controller set of a World. */
export function defaultControllers(world: ControllerDeps): readonly Controller[] {
  return [
    schedulerController({ random: world.random('scheduler'), config: world.config }),
    deploymentController,
    replicaSetController,
    statefulSetController,
    createDisruptionController({ deletionTimeoutMs: world.config.pdbDeletionTimeout }),
    taintEvictionController,
    createPodGcController({
      podGCPeriod: world.config.podGCPeriod,
      podGCQuarantine: world.config.podGCQuarantine,
      terminatedPodGCThreshold: world.config.terminatedPodGCThreshold,
    }),
    endpointSliceController,
    endpointsController,
    endpointSliceMirroringController,
  ];
}
