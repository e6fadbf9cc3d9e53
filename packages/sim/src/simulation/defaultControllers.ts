/**
 * The controllers every simulation runs, in registration order.
 * @packageDocumentation
 */
import {
  endpointSliceController,
  endpointSliceMirroringController,
  endpointsController,
  type Controller,
} from '@kubesim/core';
import { createDisruptionController } from '../disruption/index.js';
import { deploymentController } from '../controllers/deployment/index.js';
import { replicaSetController } from '../controllers/replicaSet/index.js';
import { statefulSetController } from '../controllers/statefulSet/index.js';
import { schedulerController } from '../scheduler/index.js';
import { createPodGcController, taintEvictionController } from '../nodelifecycle/index.js';
import type { World } from '../world/world.js';

/** Builds the controller set of a World. */
export function defaultControllers(world: World): readonly Controller[] {
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
