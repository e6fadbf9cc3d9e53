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
  const first = scores[0];
  if (first === undefined) return undefined;
  let best = first.score;
  let selected = first.name;
  let ties = 1;
  for (let i = 1; i < scores.length; i++) {
    const s = scores[i];
    if (s === undefined) continue;
    if (s.score > best) {
      best = s.score;
      selected = s.name;
      ties = 1;
    } else if (s.score === best) {
      ties += 1;
      if (random.nextInt(ties) === 0) selected = s.name;
    }
  }
  return selected;
}
