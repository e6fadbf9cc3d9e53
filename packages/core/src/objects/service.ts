/**
 * Service (core/v1).
 * @packageDocumentation
 */
import type { IntOrString, KubeObjectInputBase, NamespacedObjectMeta, Protocol } from './meta.js';

/** Service type (§2.1). */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** A Service port as written. */
export interface ServicePortInput {
  name?: string;
  protocol?: string;
  port?: number;
  targetPort?: IntOrString;
  nodePort?: number;
  appProtocol?: string;
}

/** A Service port after admission: protocol and targetPort defaulted (§2.2). */
export interface ServicePort {
  name?: string;
  protocol: Protocol;
  port: number;
  /** A number is used verbatim; a name resolves per pod to a container port (§2.4). */
  targetPort: IntOrString;
  nodePort?: number;
  appProtocol?: string;
}

/** `spec.sessionAffinityConfig`. */
export interface SessionAffinityConfig {
  clientIP?: { timeoutSeconds?: number };
}

/** The Service spec as written. */
export interface ServiceSpecInput {
  type?: string;
  selector?: Readonly<Record<string, string>>;
  ports?: readonly ServicePortInput[];
  clusterIP?: string;
  clusterIPs?: readonly string[];
  ipFamilies?: readonly string[];
  ipFamilyPolicy?: string;
  externalIPs?: readonly string[];
  externalName?: string;
  sessionAffinity?: string;
  sessionAffinityConfig?: SessionAffinityConfig;
  externalTrafficPolicy?: string;
  internalTrafficPolicy?: string;
  publishNotReadyAddresses?: boolean;
  trafficDistribution?: string;
  healthCheckNodePort?: number;
  allocateLoadBalancerNodePorts?: boolean;
  loadBalancerIP?: string;
  loadBalancerClass?: string;
  loadBalancerSourceRanges?: readonly string[];
}

/** The Service spec after admission. */
export interface ServiceSpec {
  type: ServiceType;
  /** Equality-only selector; absent or empty means no controller-managed endpoints (§1.20). */
  selector?: Record<string, string>;
  ports: ServicePort[];
  /** An IPv4 address, `None` for headless, absent for ExternalName. */
  clusterIP?: string;
  clusterIPs?: string[];
  ipFamilies?: ('IPv4' | 'IPv6')[];
  ipFamilyPolicy?: 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';
  externalIPs?: string[];
  externalName?: string;
  sessionAffinity: 'None' | 'ClientIP';
  sessionAffinityConfig?: SessionAffinityConfig;
  externalTrafficPolicy?: 'Cluster' | 'Local';
  internalTrafficPolicy?: 'Cluster' | 'Local';
  publishNotReadyAddresses?: boolean;
  trafficDistribution?: string;
  healthCheckNodePort?: number;
  allocateLoadBalancerNodePorts?: boolean;
  loadBalancerIP?: string;
  loadBalancerClass?: string;
  loadBalancerSourceRanges?: string[];
}

/** Service status: a LoadBalancer's ingress stays empty (no cloud controller is simulated). */
export interface ServiceStatus {
  loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] };
}

/** A Service manifest as written. */
export interface ServiceInput extends KubeObjectInputBase {
  spec?: ServiceSpecInput;
  status?: unknown;
}

/** A stored Service. */
export interface Service {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: NamespacedObjectMeta;
  spec: ServiceSpec;
  status: ServiceStatus;
}
