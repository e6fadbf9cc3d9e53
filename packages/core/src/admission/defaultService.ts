/**
 * Service defaulting (§2.2, pkg/apis/core/v1/defaults.go `SetDefaults_Service`).
 * @packageDocumentation
 */
import type { Draft } from 'immer';
import type { ServiceInput, ServiceSpecInput } from '../objects/service.js';

/** `DefaultClientIPServiceAffinitySeconds` (core/v1 types.go): 3 hours. */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10_800;

/** upstream `ExternallyAccessible`: NodePort, LoadBalancer, or ClusterIP with external IPs. */
function externallyAccessible(spec: Draft<ServiceSpecInput>): boolean {
  return (
    spec.type === 'NodePort' ||
    spec.type === 'LoadBalancer' ||
    (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0)
  );
}

/**
 * Defaults a Service draft in place: `type: ClusterIP`; `sessionAffinity: None` (its config
 * removed); `ClientIP` without a timeout gets 10800 s; each port `protocol: TCP` and a
 * `targetPort` unset, 0 or `""` equal to `port`; `externalTrafficPolicy: Cluster` for
 * externally accessible Services; `internalTrafficPolicy: Cluster` for the ClusterIP types;
 * `allocateLoadBalancerNodePorts: true` for LoadBalancers; `ports: []` and `status: {}` present.
 */
export function defaultService(svc: Draft<ServiceInput>): void {
  const spec: Draft<ServiceSpecInput> = (svc.spec ??= {});
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (
    spec.sessionAffinity === 'ClientIP' &&
    spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined
  ) {
    spec.sessionAffinityConfig = {
      clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS },
    };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  spec.ports ??= [];
  for (const port of spec.ports) {
    if (!port.protocol) port.protocol = 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') {
      if (port.port !== undefined) port.targetPort = port.port;
    }
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) {
    spec.externalTrafficPolicy = 'Cluster';
  }
  if (
    spec.internalTrafficPolicy === undefined &&
    (spec.type === 'ClusterIP' || spec.type === 'NodePort' || spec.type === 'LoadBalancer')
  ) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  const status = (svc.status !== null && typeof svc.status === 'object' ? svc.status : {}) as {
    loadBalancer?: { ingress?: Record<string, unknown>[] };
  };
  if (spec.type === 'LoadBalancer') {
    // Ingress points with an IP default to ipMode VIP.
    for (const ingress of status.loadBalancer?.ingress ?? []) {
      if (ingress['ip'] !== undefined && ingress['ip'] !== '') ingress['ipMode'] ??= 'VIP';
    }
  }
  svc.status = status;
}
