/**
 * Pod defaulting: `SetDefaults_Pod`, the pod spec defaults, the Priority and
 * DefaultTolerationSeconds admission plugins, and the create-time status.
 * @packageDocumentation
 */
import type { Draft } from 'immer';
import type { ClusterConfig } from '../config.js';
import type { ContainerInput, PodInput, PodSpecInput, Toleration } from '../objects/pod.js';
import { defaultPodSpec } from './defaultPodSpec.js';
import { withDefaultTolerationSeconds } from './defaultTolerationSeconds.js';

/** Priorities of the built-in PriorityClasses (pkg/apis/scheduling/types.go). */
const SYSTEM_PRIORITIES: Readonly<Record<string, number>> = {
  'system-cluster-critical': 2_000_000_000,
  'system-node-critical': 2_000_001_000,
};

/** `SetDefaults_Pod`: a resource with a limit but no request gets the limit as its request. */
function defaultRequestsFromLimits(containers: Draft<ContainerInput>[] | undefined): void {
  for (const c of containers ?? []) {
    const limits = c.resources?.limits;
    if (c.resources === undefined || limits === undefined) continue;
    const requests = (c.resources.requests ??= {});
    for (const [name, value] of Object.entries(limits)) requests[name] ??= value;
  }
}

/** `SetDefaults_Pod` → `defaultHostNetworkPorts`: with host networking, hostPort = containerPort. */
function defaultHostNetworkPorts(containers: Draft<ContainerInput>[] | undefined): void {
  for (const c of containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort && p.containerPort !== undefined) p.hostPort = p.containerPort;
    }
  }
}

/**
 * Defaults a Pod draft in place. Besides the pod spec defaults: `enableServiceLinks: true`,
 * requests from limits, host ports under `hostNetwork`, `priority` from the Priority plugin (0
 * without a class; the two `system-*` classes get theirs) with `preemptionPolicy:
 * PreemptLowerPriority`, the DefaultTolerationSeconds tolerations, and `status.phase: Pending`.
 */
export function defaultPod(pod: Draft<PodInput>, config: Readonly<ClusterConfig>): void {
  const spec: Draft<PodSpecInput> = (pod.spec ??= {});
  defaultPodSpec(spec);
  const loose = spec as Record<string, unknown>;
  loose['enableServiceLinks'] ??= true;
  defaultRequestsFromLimits(spec.containers);
  defaultRequestsFromLimits(spec.initContainers);
  if (spec.hostNetwork === true) {
    defaultHostNetworkPorts(spec.containers);
    defaultHostNetworkPorts(spec.initContainers);
  }
  // plugin/pkg/admission/priority: no class (and no global default class) means priority 0.
  spec.priority ??= SYSTEM_PRIORITIES[spec.priorityClassName ?? ''] ?? 0;
  loose['preemptionPolicy'] ??= 'PreemptLowerPriority';
  const tolerations = spec.tolerations ?? [];
  const withDefaults = withDefaultTolerationSeconds(
    tolerations,
    config.defaultNotReadyTolerationSeconds,
    config.defaultUnreachableTolerationSeconds,
  );
  // Possibly a shared frozen array (the plugin's pair): stored pods are frozen anyway.
  if (withDefaults !== tolerations) spec.tolerations = withDefaults as Toleration[];
  // pkg/registry/core/pod/strategy.go PrepareForCreate: a new pod starts Pending.
  const status = (
    pod.status !== null && typeof pod.status === 'object' ? pod.status : {}
  ) as Record<string, unknown>;
  status['phase'] ??= 'Pending';
  pod.status = status;
}
