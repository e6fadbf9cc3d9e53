/**
 * Which Services a store change concerns, shared by the endpoint controllers (after the event
 * handlers of kubernetes/kubernetes pkg/controller/endpointslice/endpointslice_controller.go and
 * k8s.io/endpointslice util/controller_utils.go `podEndpointsChanged`).
 * @packageDocumentation
 */
import type { KubeObject, InertObject } from '../../objects/kinds.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import { isPodReady } from './podEndpoint.js';
import { sameRecord } from './records.js';
import { LABEL_TOPOLOGY_ZONE } from './wellKnown.js';

/** `namespace/name` split in two. */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0
    ? { namespace: 'default', name: key }
    : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

function asPod(obj: KubeObject | InertObject | undefined): Pod | undefined {
  return obj?.kind === 'Pod' ? (obj as Pod) : undefined;
}

/** The pod's IPs (podIP and every podIPs entry) are the same in `a` and `b`. */
function sameIPs(a: Pod, b: Pod): boolean {
  if ((a.status.podIP ?? '') !== (b.status.podIP ?? '')) return false;
  const x = a.status.podIPs ?? [];
  const y = b.status.podIPs ?? [];
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i]?.ip !== y[i]?.ip) return false;
  return true;
}

/**
 * True when a pod change can change its endpoints: labels, hostname, subdomain, deletion, Ready,
 * IPs or phase. Other changes (container statuses, annotations) need no sync. A change of only
 * `spec.nodeName` is none: upstream leaves it out because nodeName is set once, before the pod has
 * an IP (util/controller_utils.go `podEndpointsChanged`).
 */
export function podEndpointsChanged(oldPod: Pod, newPod: Pod): boolean {
  return (
    !sameRecord(oldPod.metadata.labels, newPod.metadata.labels) ||
    oldPod.spec.hostname !== newPod.spec.hostname ||
    oldPod.spec.subdomain !== newPod.spec.subdomain ||
    oldPod.metadata.deletionTimestamp !== newPod.metadata.deletionTimestamp ||
    isPodReady(oldPod) !== isPodReady(newPod) ||
    !sameIPs(oldPod, newPod) ||
    oldPod.status.phase !== newPod.status.phase
  );
}

/**
 * Keys of the Services selecting the pod of a Pod event, by its old and its new labels, in the
 * view's order without repeats. A modification that cannot change endpoints yields none.
 */
export function serviceKeysForPodEvent(event: StoreEvent, view: ClusterView): string[] {
  const pod = asPod(event.object);
  if (pod === undefined) return [];
  const old = asPod(event.oldObject);
  if (event.type === 'MODIFIED' && old !== undefined && !podEndpointsChanged(old, pod)) return [];
  const keys = new Set<string>();
  // A status write keeps the labels (the same frozen record): one lookup serves both.
  const both =
    old === undefined || old.metadata.labels === pod.metadata.labels ? [pod] : [old, pod];
  for (const p of both) {
    for (const svc of view.servicesSelecting(p.metadata.namespace, p.metadata.labels)) {
      keys.add(`${svc.metadata.namespace}/${svc.metadata.name}`);
    }
  }
  return [...keys];
}

/**
 * Keys of the Services of the pods on a node, for a Node event that can change endpoints: the node
 * appearing or going (pods are skipped while their node is missing) or its zone label changing.
 */
export function serviceKeysForNodeEvent(event: StoreEvent, view: ClusterView): string[] {
  if (event.object.kind !== 'Node') return [];
  const node = event.object as Node;
  if (event.type === 'MODIFIED') {
    const old = event.oldObject as Node | undefined;
    const zone = (n: Node | undefined): string | undefined =>
      n?.metadata.labels?.[LABEL_TOPOLOGY_ZONE];
    if (zone(old) === zone(node)) return [];
  }
  const keys = new Set<string>();
  for (const pod of view.podsOnNode(node.metadata.name)) {
    for (const svc of view.servicesSelecting(pod.metadata.namespace, pod.metadata.labels)) {
      keys.add(`${svc.metadata.namespace}/${svc.metadata.name}`);
    }
  }
  return [...keys];
}
