/**
 * Converts a controller's `now` (virtual milliseconds since the simulation start) to epoch
 * milliseconds and RFC 3339 timestamps, the way the store stamps objects.
 * @packageDocumentation
 */
import { formatTimestamp } from '../../time.js';
import type { ClusterConfig } from '../../config.js';

/**
 * Epoch milliseconds of virtual time `now` (`config.startTime + now`).
 * @example epochMsAt({ startTime: 1_735_689_600_000 }, 5000) === 1_735_689_605_000
 */
export function epochMsAt(config: Pick<Readonly<ClusterConfig>, 'startTime'>, now: number): number {
  return config.startTime + now;
}

/**
 * RFC 3339 timestamp of virtual time `now`, e.g. `2025-01-01T00:00:05Z` for `now` 5000 with the
 * default start time.
 */
export function timestampAt(
  config: Pick<Readonly<ClusterConfig>, 'startTime'>,
  now: number,
): string {
  return formatTimestamp(epochMsAt(config, now));
}
