/**
 * The FailedScheduling message, in upstream's words (pkg/scheduler/framework/types.go
 * `FitError.Error`, framework/preemption `Evaluator.Preempt`), as of 1.33.
 * @packageDocumentation
 */
import type { FilterFailure } from './filterStatus.js';

/** Per-node reason for the preemption sentence; `undefined` omits the sentence. */
export type PreemptionVerdict = 'not-helpful' | 'no-victims';

/** Reason of a node where removing pods could not help (an unresolvable filter failed). */
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
/** Reason of a node where evicting lower-priority pods might help but there are none. */
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';

/**
 * `0/N nodes are available: <count> <reason>, ….` with one entry per distinct reason, each
 * `"<count> <reason>"` and the entries sorted as strings (so `"1 node(s)…"` before `"2 Insufficient cpu"`).
 * @example
 * nodesAvailableMessage(3, ['Insufficient cpu', 'Insufficient cpu', 'node(s) were unschedulable'])
 * // '0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.'
 */
export function nodesAvailableMessage(totalNodes: number, reasons: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${n} ${reason}`);
  // Go's sort.Strings orders bytes; the reason strings are ASCII, so code-unit order agrees.
  parts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let msg = `0/${totalNodes} nodes are available:`;
  if (parts.length > 0) msg += ` ${parts.join(', ')}.`;
  return msg;
}

/**
 * The full message for a pod no node fits: the filter histogram over every node, then, when
 * `preemption` verdicts are given, the PostFilter sentence
 * ` preemption: 0/N nodes are available: … .` that upstream's DefaultPreemption writes when it
 * finds nothing to evict.
 * @example
 * // '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: },
 * //  2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for
 * //  scheduling, 2 No preemption victims found for incoming pod.'
 */
export function failedSchedulingMessage(
  totalNodes: number,
  failures: readonly FilterFailure[],
  preemption: readonly PreemptionVerdict[] | undefined,
): string {
  let msg = nodesAvailableMessage(
    totalNodes,
    failures.flatMap((f) => f.reasons),
  );
  if (preemption !== undefined) {
    const sentence = nodesAvailableMessage(
      totalNodes,
      preemption.map((v) => (v === 'not-helpful' ? PREEMPTION_NOT_HELPFUL : NO_PREEMPTION_VICTIMS)),
    );
    msg += ` preemption: ${sentence}`;
  }
  return msg;
}
