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
import type { World } from '../world/world.js';

/** Builds the controller set of a World. */
export function defaultControllers(_world: World): readonly Controller[] {
  return [endpointSliceController, endpointsController, endpointSliceMirroringController];
}
