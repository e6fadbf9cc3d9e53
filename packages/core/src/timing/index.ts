/**
 * Time arithmetic shared by controllers and the engine: fixed-phase periods (computed, not
 * ticked) and client-go's per-item exponential back-off.
 * @packageDocumentation
 */
export { nextPhase, nextPhaseAfter, probeDetectionTime } from './periodicPhase.js';
export type { ProbeDetectionInput } from './periodicPhase.js';
export {
  DEFAULT_BACKOFF,
  ENDPOINTSLICE_BACKOFF,
  backoffDelay,
  validateBackoffPolicy,
} from './exponentialBackoff.js';
export type { BackoffPolicy } from './exponentialBackoff.js';
