/**
 * The EndpointSlice controller over a {@link ClusterView} (kubernetes/kubernetes
 * pkg/controller/endpointslice/endpointslice_controller.go `syncService`).
 * @packageDocumentation
 */
import type { Action, Controller, Plan } from '../plan.js';
import { emptyPlan } from '../plan.js';
import type { EndpointSlice } from '../../objects/discovery.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import type { Service } from '../../objects/service.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import { serviceKeysForNodeEvent, serviceKeysForPodEvent, splitKey } from './controllerKeys.js';
import { hasManagedEndpoints, reconcileEndpointSlices } from './reconcileEndpointSlices.js';
import {
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
} from './wellKnown.js';
import { KeptPerService } from './endpointIdentity.js';

function managedSliceKey(obj: unknown): string | undefined {
  const slice = obj as EndpointSlice | undefined;
  if (slice?.kind !== 'EndpointSlice') return undefined;
  const labels = slice.metadata.labels ?? {};
  const service = labels[LABEL_SERVICE_NAME];
  if (labels[LABEL_MANAGED_BY] !== ENDPOINTSLICE_CONTROLLER_NAME || service === undefined) {
    return undefined;
  }
  return `${slice.metadata.namespace}/${service}`;
}

// The distinct node names of a Service's pods, in pod order (most syncs see the very same pods).
const nodeNamesKept = new KeptPerService<readonly string[]>();

function nodeNamesOf(service: Service, pods: readonly Pod[]): readonly string[] {
  return nodeNamesKept.get(service, pods, () => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (const pod of pods) {
      const nodeName = pod.spec.nodeName;
      if (nodeName === undefined || seen.has(nodeName)) continue;
      seen.add(nodeName);
      names.push(nodeName);
    }
    return names;
  });
}

/** The delete action of a slice, with a uid precondition. */
export function deleteSliceAction(slice: EndpointSlice): Action {
  return {
    verb: 'delete',
    kind: 'EndpointSlice',
    key: `${slice.metadata.namespace}/${slice.metadata.name}`,
    uid: slice.metadata.uid,
  };
}

/**
 * The EndpointSlice controller: keys are Service keys (`namespace/name`).
 * - keysFor: a pod change → the Services selecting its old and new labels (only when the change
 *   can alter endpoints); a Service change → itself; a change to a slice this controller manages →
 *   its `kubernetes.io/service-name`; a node added, removed or re-zoned → the Services of its pods.
 * - reconcile: {@link reconcileEndpointSlices} over the Service's selected pods (indexed
 *   `podsMatching`), its slices (`slicesOfService`) and the nodes of those pods; creates, then
 *   updates (carrying the resourceVersion they were computed from), then deletes. A missing
 *   Service plans nothing (its slices are garbage-collected through their ownerReference); a
 *   Service without selector, or ExternalName, plans nothing.
 */
export const endpointSliceController: Controller = {
  name: 'endpointslice-controller',
  kinds: ['Pod', 'Service', 'EndpointSlice', 'Node'],

  keysFor(event: StoreEvent, view: ClusterView): readonly string[] {
    switch (event.kind) {
      case 'Pod':
        return serviceKeysForPodEvent(event, view);
      case 'Service':
        return [event.key];
      case 'EndpointSlice': {
        const keys = new Set<string>();
        for (const o of [event.oldObject, event.object]) {
          const k = managedSliceKey(o);
          if (k !== undefined) keys.add(k);
        }
        return [...keys];
      }
      case 'Node':
        return serviceKeysForNodeEvent(event, view);
      default:
        return [];
    }
  },
  reconcile(view: ClusterView, key: string, now: number): Plan {
    const service = view.get('Service', key);
    if (service === undefined || !hasManagedEndpoints(service)) return emptyPlan;
    const { namespace, name } = splitKey(key);
    const pods = view.podsMatching(namespace, service.spec.selector ?? {});
    const nodes: Node[] = [];
    for (const nodeName of nodeNamesOf(service, pods)) {
      const node = view.get('Node', nodeName);
      if (node !== undefined) nodes.push(node);
    }
    const changes = reconcileEndpointSlices({
      service,
      pods,
      existingSlices: view.slicesOfService(namespace, name),
      nodes,
      config: view.config,
      now,
    });
    const actions: Action[] = [
      ...changes.toCreate.map((object): Action => ({ verb: 'create', object })),
      ...changes.toUpdate.map((object): Action => ({ verb: 'update', object })),
      ...changes.toDelete.map(deleteSliceAction),
    ];
    return actions.length === 0 ? emptyPlan : { actions };
  },
};
