/**
 * What the outside-traffic model (cloud load balancers, the ingress controller) may ask of the
 * simulation: the agent handle plus each node's kube-proxy view and power state.
 * @packageDocumentation
 */
import type { ProxyState } from '@kubesim/core';
import type { AgentHost } from '../world/agentHost.js';

/** The simulation as the load balancers and the ingress controller see it. */
export interface ExternalHost extends AgentHost {
  /** The kube-proxy view `nodeName` routes from at this instant (frozen while partitioned). */
  proxyStateFor(nodeName: string): ProxyState;
  /** The machine is on (crashNode and zone outages turn it off). */
  isNodePowered(nodeName: string): boolean;
  /** True when the pod's main container runs and accepts connections. */
  isListening(podKey: string): boolean;
  /** The pod key at a pod IP. */
  podAtIP(ip: string): string | undefined;
  /** Black-hole windows of the outside entry paths. */
  readonly windows: {
    open(via: 'loadBalancer' | 'ingress', serviceKey: string, ip: string, podKey?: string): void;
    close(via: 'loadBalancer' | 'ingress', serviceKey: string, ip: string): void;
  };
  /** Appends an activity entry to the trace. */
  traceActivity(cause: string, type: string, detail?: Record<string, unknown>): void;
}
