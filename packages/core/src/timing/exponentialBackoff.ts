/**
 * Per-item exponential back-off, as client-go's `ItemExponentialFailureRateLimiter` computes it.
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../errors.js';

/**
 * How retries of one item back off: the n-th retry (n = 0, 1, 2, …) waits
 * `min(baseMs × 2^n, maxMs)`; after `maxRetries` retries the item is dropped.
 */
export interface BackoffPolicy {
  /**
   * Wait before the first retry, in ms.
   * @defaultValue `5` (client-go's default controller rate limiter)
   */
  readonly baseMs: number;
  /**
   * Longest wait, in ms.
   * @defaultValue `1_000_000` (1000 s)
   */
  readonly maxMs: number;
  /**
   * Retries allowed before the item is dropped; `Infinity` never drops.
   * @defaultValue `Infinity`
   */
  readonly maxRetries: number;
}

/** client-go's default controller back-off: 5 ms doubling to 1000 s, never dropped. */
export const DEFAULT_BACKOFF: Readonly<BackoffPolicy> = Object.freeze({
  baseMs: 5,
  maxMs: 1_000_000,
  maxRetries: Number.POSITIVE_INFINITY,
});

/**
 * The EndpointSlice controller's retries: 1 s doubling to 1000 s, dropped after 15 retries
 * (pkg/controller/endpointslice/endpointslice_controller.go `maxRetries`, `defaultSyncBackOff`,
 * `maxSyncBackOff`).
 */
export const ENDPOINTSLICE_BACKOFF: Readonly<BackoffPolicy> = Object.freeze({
  baseMs: 1000,
  maxMs: 1_000_000,
  maxRetries: 15,
});

/**
 * The wait before retry number `failures` (0 for the first retry): `min(baseMs × 2^failures, maxMs)`.
 * @example backoffDelay(ENDPOINTSLICE_BACKOFF, 3) === 8000
 */
export function backoffDelay(policy: BackoffPolicy, failures: number): number {
  if (policy.baseMs <= 0) return 0;
  // base >= 1 ms and maxMs < 2^53, so past 53 doublings the cap always wins (and 0 × 2^1024,
  // which is NaN, is never computed).
  if (failures >= 53) return policy.maxMs;
  return Math.min(policy.baseMs * 2 ** failures, policy.maxMs);
}

/**
 * Checks a policy: finite non-negative integers with `baseMs <= maxMs`, and a non-negative
 * integer (or `Infinity`) retry limit.
 * @throws InvalidArgumentError naming the field.
 */
export function validateBackoffPolicy(policy: BackoffPolicy): BackoffPolicy {
  for (const field of ['baseMs', 'maxMs'] as const) {
    const v = policy[field];
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new InvalidArgumentError(field, `must be a whole number of ms, at least 0, got ${v}`);
    }
  }
  if (policy.baseMs > policy.maxMs) {
    throw new InvalidArgumentError(
      'baseMs',
      `must not exceed maxMs (${policy.maxMs}), got ${policy.baseMs}`,
    );
  }
  const r = policy.maxRetries;
  if (!(r === Number.POSITIVE_INFINITY || (Number.isSafeInteger(r) && r >= 0))) {
    throw new InvalidArgumentError('maxRetries', `must be an integer >= 0 or Infinity, got ${r}`);
  }
  return policy;
}
