/**
 * How many feasible nodes a scheduling cycle looks for (pkg/scheduler/schedule_one.go
 * `numFeasibleNodesToFind`, percentageOfNodesToScore 0 = adaptive).
 * @packageDocumentation
 */

/** Below this many nodes every node is checked; it is also the least number looked for. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** The least adaptive percentage. */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * The number of feasible nodes after which the search stops: every node when there are fewer
 * than 100, else `max(100, n × max(5, 50 − n/125) / 100)` with integer division, as upstream.
 * @example
 * numFeasibleNodesToFind(99) === 99
 * numFeasibleNodesToFind(1000) === 420   // 50 − 8 = 42 %
 * numFeasibleNodesToFind(5000) === 500   // 50 − 40 = 10 %
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = 50 - Math.trunc(numAllNodes / 125);
  if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) {
    percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const num = Math.trunc((numAllNodes * percentage) / 100);
  return num < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : num;
}
