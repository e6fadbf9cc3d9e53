/**
 * One new connection from outside through a cloud load balancer: the balancer picks a backend
 * node by its health checks, the node's kube-proxy routes the load-balancer address with the
 * Service's externalTrafficPolicy, and the backend answers.
 * @packageDocumentation
 */
import { routeConnection, type AffinityTable, type Node, type ProxyNode } from '@kubesim/core';
import type { ExternalHost } from './externalHost.js';
import {
  EXTERNAL_CLIENT_IP,
  backendAnswer,
  nodeAddress,
  type ExternalOutcome,
} from './externalOutcome.js';
import type { LoadBalancerFleet } from './loadBalancerFleet.js';

/** What an outside client sees through a load balancer. */
export interface LbConnectResult {
  readonly outcome: ExternalOutcome;
  readonly via: 'loadBalancer';
  readonly podKey?: string;
  readonly nodeName?: string;
  readonly ip?: string;
  readonly port?: number;
  readonly service?: string;
  /** The node the load balancer sent the connection to. */
  readonly lbNode?: string;
  /**
   * The client address the backend sees: the client's own with `externalTrafficPolicy: Local`;
   * the node's address with Cluster (kube-proxy masquerades traffic it may forward to another node).
   */
  readonly sourceIP?: string;
  readonly reason: string;
}

const ZONE = 'topology.kubernetes.io/zone';

function proxyNode(node: Node | undefined, name: string): ProxyNode {
  const zone = node?.metadata.labels?.[ZONE];
  return { name, ...(zone !== undefined && zone !== '' ? { zone } : {}) };
}

/**
 * Opens one connection from outside to the load balancer of `serviceKey` on `port` (default: the
 * Service's first port).
 */
export function connectViaLoadBalancer(
  host: ExternalHost,
  fleet: LoadBalancerFleet,
  serviceKey: string,
  port: number | undefined,
  affinity: (node: string) => AffinityTable,
): LbConnectResult {
  const lbIP = fleet.addressOf(serviceKey);
  if (lbIP === undefined) {
    return {
      outcome: 'timeout',
      via: 'loadBalancer',
      service: serviceKey,
      reason: `${serviceKey} has no load balancer address yet`,
    };
  }
  const pick = fleet.pick(serviceKey);
  if (pick.outcome === 'timeout') {
    return { outcome: 'timeout', via: 'loadBalancer', service: serviceKey, reason: pick.reason };
  }
  const svc = pick.service;
  const toPort = port ?? svc.spec.ports[0]?.port;
  if (toPort === undefined || !svc.spec.ports.some((p) => p.port === toPort)) {
    return {
      outcome: 'timeout',
      via: 'loadBalancer',
      service: serviceKey,
      reason: `the load balancer of ${serviceKey} has no listener on port ${String(toPort)}`,
    };
  }
  const base = { via: 'loadBalancer' as const, service: serviceKey, lbNode: pick.node };
  if (!host.isNodePowered(pick.node)) {
    return {
      outcome: 'timeout',
      ...base,
      reason: `the load balancer sent it to ${pick.node}, which is down`,
    };
  }
  const node = host.store.get('Node', pick.node);
  // The node's kube-proxy picks an endpoint at random. Outside connections draw from their own
  // stream per node (not the in-cluster clients' `traffic/lb/<node>`), so adding an outside client
  // to a run leaves every in-cluster client's picks, and so its numbers, as they were.
  const result = routeConnection(
    host.proxyStateFor(pick.node),
    {
      from: { kind: 'external', ip: EXTERNAL_CLIENT_IP },
      to: { host: lbIP, port: toPort },
      via: proxyNode(node, pick.node),
    },
    host.random(`traffic/external/${pick.node}`),
    affinity(pick.node),
    host.now,
  );
  switch (result.outcome) {
    case 'no-rule':
      return {
        outcome: 'timeout',
        ...base,
        reason: `kube-proxy on ${pick.node} has no rule for ${lbIP}:${toPort} yet`,
      };
    case 'refused':
      return { outcome: 'refused', ...base, reason: 'no usable endpoints: REJECT' };
    case 'dropped':
      return {
        outcome: 'timeout',
        ...base,
        reason: `Local traffic policy and no local endpoint on ${pick.node}: DROP`,
      };
    case 'ok': {
      const podKey = host.podAtIP(result.ip);
      const answer = backendAnswer(host, podKey);
      const local = svc.spec.externalTrafficPolicy === 'Local';
      return {
        ...base,
        outcome: answer.outcome,
        ...(podKey !== undefined ? { podKey } : {}),
        ...(answer.nodeName !== undefined ? { nodeName: answer.nodeName } : {}),
        ip: result.ip,
        port: result.port,
        sourceIP: local ? EXTERNAL_CLIENT_IP : nodeAddress(node, pick.node),
        reason: answer.reason,
      };
    }
  }
}
