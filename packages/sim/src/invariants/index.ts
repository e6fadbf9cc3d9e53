export type { Invariant, InvariantFactory, Violation } from './types.js';
