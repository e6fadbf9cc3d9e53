/**
 * Picking the winner among scored nodes (pkg/scheduler/schedule_one.go `selectHost`).
 * @packageDocumentation
 */
import type { RandomSource } from '../../sources.js';

/** A node and its total weighted score. */
export interface NodeScore {
  readonly name: string;
  readonly score: number;
}

/**
 * The highest-scoring node; ties are broken uniformly by reservoir sampling: the k-th node seen
 * with the current best score replaces the choice when `random.nextInt(k) === 0`. One draw per
 * tie, none without ties. Undefined for an empty list.
 * @example
 * selectHost([{ name: 'a', score: 5 }, { name: 'b', score: 5 }], random) // 'a' or 'b'
 */
export function selectHost(scores: readonly NodeScore[], random: RandomSource): string | undefined {
  return scores[
    selectBest(
      scores.map((s) => s.score),
      random,
    )
  ]?.name;
}

/**
 * The index {@link selectHost} picks among `totals` (the same draws), −1 for an empty list: the
 * scheduler's own loop, which keeps its totals as plain numbers.
 */
export function selectBest(totals: ArrayLike<number>, random: RandomSource): number {
  if (totals.length === 0) return -1;
  let best = totals[0] ?? 0;
  let selected = 0;
  let ties = 1;
  for (let i = 1; i < totals.length; i++) {
    const score = totals[i] ?? 0;
    if (score > best) {
      best = score;
      selected = i;
      ties = 1;
    } else if (score === best) {
      ties += 1;
      if (random.nextInt(ties) === 0) selected = i;
    }
  }
  return selected;
}
