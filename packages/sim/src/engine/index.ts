/**
 * The discrete-event engine's foundations: the event queue, seeded random streams, ids, work
 * queues, delays, periodic phases, budgets, the virtual clock and the simulation config.
 * Internal to `@kubesim/sim`; the package's public surface re-exports what users need.
 * @packageDocumentation
 */
export { EventQueue } from './eventQueue.js';
export { InvalidArgumentError, TimeTravelError } from './engineErrors.js';
export { hash128 } from './hashSeed.js';
export { RandomStream } from './randomStream.js';
export { RandomStreams } from './randomStreams.js';
export { NAME_SUFFIX_STREAM, UID_STREAM, createIdSource } from './idSource.js';
