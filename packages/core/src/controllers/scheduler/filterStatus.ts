/**
 * Why a filter rejected a node, in upstream's words.
 * @packageDocumentation
 */

/** A filter plugin's name, as upstream registers it. */
export type FilterPlugin =
  | 'NodeUnschedulable'
  | 'NodeName'
  | 'TaintToleration'
  | 'NodeAffinity'
  | 'NodePorts'
  | 'NodeResourcesFit'
  | 'PodTopologySpread'
  | 'InterPodAffinity';

/**
 * A rejection: the plugin, its reasons (each counted separately in the FailedScheduling message)
 * and whether preemption could help (`unresolvable` is upstream's
 * `UnschedulableAndUnresolvable`).
 */
export interface FilterFailure {
  readonly plugin: FilterPlugin;
  readonly reasons: readonly string[];
  readonly unresolvable: boolean;
}

/** Upstream reason strings (pkg/scheduler/framework/plugins/…). */
export const REASONS = {
  nodeName: "node(s) didn't match the requested node name",
  unschedulable: 'node(s) were unschedulable',
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  nodePorts: "node(s) didn't have free ports for the requested pod ports",
  tooManyPods: 'Too many pods',
  insufficientCpu: 'Insufficient cpu',
  insufficientMemory: 'Insufficient memory',
  spreadMismatch: "node(s) didn't match pod topology spread constraints",
  spreadMissingLabel:
    "node(s) didn't match pod topology spread constraints (missing required label)",
  nodeNotFound: 'node(s) not found',
  // pkg/scheduler/framework/plugins/interpodaffinity/filtering.go
  podAffinity: "node(s) didn't match pod affinity rules",
  podAntiAffinity: "node(s) didn't match pod anti-affinity rules",
  existingAntiAffinity: "node(s) didn't satisfy existing pods anti-affinity rules",
} as const;

/** `node(s) had untolerated taint {key: value}` (TaintToleration's reason). */
export function untoleratedTaintReason(key: string, value: string | undefined): string {
  return `node(s) had untolerated taint {${key}: ${value ?? ''}}`;
}

/** Builds a failure. */
export function fail(
  plugin: FilterPlugin,
  reasons: readonly string[],
  unresolvable: boolean,
): FilterFailure {
  return { plugin, reasons, unresolvable };
}
