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
  createEndpointSliceController,
  endpointSliceMirroringController,
  replicaSetController,
  SchedulerCache,
  schedulerController,
  statefulSetController,
  taintEvictionController,
} from '@kubesim/core';
import type { ControllerDeps } from '../world/index.js';

/** Builds the controller set of a World. */
export function defaultControllers(world: ControllerDeps): readonly Controller[] {
  // The scheduler's cache is the runtime's: kept from store events, handed to the scheduler to read.
  const schedulerCache = new SchedulerCache();
  world.observeStore(schedulerCache);
  return [
    schedulerController({
      random: world.random('scheduler'),
      config: world.config,
      cache: schedulerCache,
    }),
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
    // Stateful (its EndpointSlice tracker): one per World, copied by fork.
    createEndpointSliceController(),
    endpointsController,
    endpointSliceMirroringController,
  ];
}
