/**
 * The discrete-event engine's foundations: the event queue, seeded random streams, ids,
 * delays, min-sync batching, the virtual clock and the simulation config.
 * Internal to `@kubesim/sim`; the package's public surface re-exports what users need.
 * @packageDocumentation
 */
export { EventQueue } from './eventQueue.js';
export { InvalidArgumentError, TimeTravelError } from './engineErrors.js';
export { hash128 } from './hashSeed.js';
export { RandomStream } from './randomStream.js';
export { RandomStreams } from './randomStreams.js';
export { NAME_SUFFIX_STREAM, UID_STREAM, createIdSource } from './idSource.js';
export {
  backoffDelay,
  DEFAULT_BACKOFF,
  ENDPOINTSLICE_BACKOFF,
  nextPhase,
  nextPhaseAfter,
  probeDetectionTime,
  validateBackoffPolicy,
} from '@kubesim/core';
export type { BackoffPolicy, ProbeDetectionInput } from '@kubesim/core';
export { delaySampler, isFixedDelay, sampleDelay, validateDelayModel } from './delayModel.js';
export type { DelayModel, DelayRange } from './delayModel.js';
export { MinSyncBatcher, nextSyncTime } from './minSyncBatcher.js';
export type { SyncRequest } from './minSyncBatcher.js';
export { Clock } from './clock.js';
export { defaultSimConfig } from './config.js';
export type { SimConfig, SimTimingField } from './config.js';
export { resolveSimConfig } from './resolveSimConfig.js';
export type { DelayModelInput, SimConfigInput } from './resolveSimConfig.js';
