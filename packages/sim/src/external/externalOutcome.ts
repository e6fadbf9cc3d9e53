/**
 * What an outside client sees, and the pieces shared by the load-balancer and ingress paths.
 * @packageDocumentation
 */
import type { Node } from '@kubesim/core';
import type { ExternalHost } from './externalHost.js';

/** How the connection entered the cluster. */
export type EntryPath = 'cluster' | 'loadBalancer' | 'ingress';

/** Outcomes an outside client can see: TCP-level ones and the ingress controller's HTTP errors. */
export type ExternalOutcome =
  'ok' | 'refused' | 'timeout' | 'nxdomain' | 'http_404' | 'http_502' | 'http_503' | 'http_504';

/** The address the outside client connects from (TEST-NET-3, RFC 5737). */
export const EXTERNAL_CLIENT_IP = '203.0.113.10';

/** The node's InternalIP, or its name. */
export function nodeAddress(node: Node | undefined, name: string): string {
  return node?.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? name;
}

/** What a connection to one backend pod gets: its node down, the app not listening, or ok. */
export function backendAnswer(
  host: ExternalHost,
  podKey: string | undefined,
): {
  readonly outcome: 'ok' | 'refused' | 'timeout';
  readonly nodeName?: string;
  readonly reason: string;
} {
  if (podKey === undefined) return { outcome: 'timeout', reason: 'the backend pod is gone' };
  const pod = host.store.get('Pod', podKey);
  const nodeName = pod?.spec.nodeName;
  if (pod === undefined || nodeName === undefined) {
    return { outcome: 'timeout', reason: 'the backend pod is gone' };
  }
  if (!host.isNodePowered(nodeName)) {
    return { outcome: 'timeout', nodeName, reason: `backend node ${nodeName} is down` };
  }
  if (!host.isListening(podKey)) {
    return { outcome: 'refused', nodeName, reason: 'the backend is not listening' };
  }
  return { outcome: 'ok', nodeName, reason: 'connected' };
}
