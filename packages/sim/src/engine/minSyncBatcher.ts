/**
 * kube-proxy's rate limit on rule syncs (its `BoundedFrequencyRunner` with `minSyncPeriod`).
 * @packageDocumentation
 */
import { InvalidArgumentError } from './engineErrors.js';

/**
 * When the sync covering a change made at `now` runs, given the last sync: at once when the last
 * sync is at least `minSyncPeriodMs` ago (or there was none), else at `lastSync + minSyncPeriodMs`.
 * @example nextSyncTime(10_000, 10_400, 1000) === 11_000
 * @example nextSyncTime(10_000, 12_000, 1000) === 12_000
 */
export function nextSyncTime(
  lastSync: number | undefined,
  now: number,
  minSyncPeriodMs: number,
): number {
  return lastSync === undefined ? now : Math.max(now, lastSync + minSyncPeriodMs);
}

/** What {@link MinSyncBatcher.request} decided. */
export interface SyncRequest {
  /** When the sync that will include the change runs. */
  readonly at: number;
  /** True when this request scheduled a new sync the engine must run at `at`; false when it joined one already due. */
  readonly isNew: boolean;
}

/**
 * Batches one node's kube-proxy syncs: changes apply at most once per `minSyncPeriodMs`
 * (default 1 s, §4.11). The first change after a quiet period applies at once; later ones join
 * the next allowed sync, so a burst of slice updates costs at most one sync per period, and a
 * proxy lags a change by at most `minSyncPeriodMs` (plus its watch delay).
 *
 * The batcher schedules nothing: the engine schedules a sync event when `request` says `isNew`,
 * and calls {@link MinSyncBatcher.synced} when that event runs.
 *
 * @example
 * ```ts
 * const b = new MinSyncBatcher(1000);
 * b.request(5000);   // { at: 5000, isNew: true }   → run the sync now
 * b.synced(5000);
 * b.request(5200);   // { at: 6000, isNew: true }   → schedule a sync at 6000
 * b.request(5900);   // { at: 6000, isNew: false }  → already covered
 * ```
 */
export class MinSyncBatcher {
  /** The minimum spacing of syncs, ms. */
  readonly minSyncPeriodMs: number;
  #lastSync: number | undefined;
  #pendingAt: number | undefined;

  /** @throws InvalidArgumentError when the period is not a whole number of ms >= 0. */
  constructor(minSyncPeriodMs = 1000) {
    if (!Number.isSafeInteger(minSyncPeriodMs) || minSyncPeriodMs < 0) {
      throw new InvalidArgumentError(
        'minSyncPeriodMs',
        `must be a whole number of ms, at least 0, got ${minSyncPeriodMs}`,
      );
    }
    this.minSyncPeriodMs = minSyncPeriodMs;
  }

  /** An independent copy (same period, last sync and pending sync), for a fork. */
  clone(): MinSyncBatcher {
    const out = new MinSyncBatcher(this.minSyncPeriodMs);
    out.#lastSync = this.#lastSync;
    out.#pendingAt = this.#pendingAt;
    return out;
  }

  /** Time of the last sync, if any. */
  get lastSync(): number | undefined {
    return this.#lastSync;
  }

  /** Time of the sync already scheduled and not yet run, if any. */
  get pendingAt(): number | undefined {
    return this.#pendingAt;
  }

  /** A change arrived at `now`: when will a sync apply it? */
  request(now: number): SyncRequest {
    if (this.#pendingAt !== undefined && this.#pendingAt >= now) {
      return { at: this.#pendingAt, isNew: false };
    }
    const at = nextSyncTime(this.#lastSync, now, this.minSyncPeriodMs);
    this.#pendingAt = at;
    return { at, isNew: true };
  }

  /** The sync ran at `now`: it applied every change requested so far. */
  synced(now: number): void {
    this.#lastSync = now;
    this.#pendingAt = undefined;
  }
}
