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
import { EndpointSliceTracker } from './endpointSliceTracker.js';

function asSlice(obj: unknown): EndpointSlice | undefined {
  const slice = obj as EndpointSlice | undefined;
  return slice?.kind === 'EndpointSlice' ? slice : undefined;
}

const managedByController = (slice: EndpointSlice | undefined): boolean =>
  slice?.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME;

/** The key of the Service a slice names in `kubernetes.io/service-name`, if it names one. */
function serviceKeyOfSlice(slice: EndpointSlice | undefined): string | undefined {
  const service = slice?.metadata.labels?.[LABEL_SERVICE_NAME];
  return service === undefined ? undefined : `${slice?.metadata.namespace}/${service}`;
}

function managedSliceKey(obj: unknown): string | undefined {
  const slice = asSlice(obj);
  return managedByController(slice) ? serviceKeyOfSlice(slice) : undefined;
}

/** Without a tracker: every change of a slice this controller manages resyncs its Service. */
function untrackedSliceKeys(event: StoreEvent): string[] {
  const keys = new Set<string>();
  for (const o of [event.oldObject, event.object]) {
    const k = managedSliceKey(o);
    if (k !== undefined) keys.add(k);
  }
  return [...keys];
}

/**
 * With the tracker, after pkg/controller/endpointslice/endpointslice_controller.go
 * `onEndpointSliceAdd`, `onEndpointSliceUpdate` and `onEndpointSliceDelete`: a slice of this
 * controller whose generation the tracker already kept (its own write) syncs nothing; a newer
 * one (someone else's write) or an unexpected deletion of a tracked slice syncs its Service.
 */
function trackedSliceKeys(event: StoreEvent, tracker: EndpointSliceTracker): string[] {
  const slice = asSlice(event.object);
  if (slice === undefined) return [];
  const key = serviceKeyOfSlice(slice);
  if (event.type === 'ADDED') {
    return key !== undefined && managedByController(slice) && tracker.shouldSync(slice)
      ? [key]
      : [];
  }
  if (event.type === 'DELETED') {
    // An untracked slice going (never written by this controller) syncs nothing, as upstream.
    return key !== undefined &&
      managedByController(slice) &&
      tracker.has(slice) &&
      !tracker.handleDeletion(slice)
      ? [key]
      : [];
  }
  const old = asSlice(event.oldObject);
  const oldKey = serviceKeyOfSlice(old);
  const managedByChanged = managedByController(old) !== managedByController(slice);
  if (old !== undefined && (oldKey !== key || managedByChanged) && tracker.has(old)) {
    // kubesim, not upstream: a tracked slice relabelled away from its Service or from this
    // manager is forgotten, or upstream's StaleSlices would find it missing on every later sync.
    tracker.handleDeletion(old);
  }
  if (
    old !== undefined &&
    (oldKey !== key || managedByChanged) &&
    key !== undefined &&
    managedByController(slice) &&
    !tracker.has(slice)
  ) {
    // The same slice relabelled back under a Service and this manager is tracked again at its
    // current generation: upstream never forgot it, so its later deletion still syncs the
    // Service (onEndpointSliceDelete finds it, HandleDeletion answers false).
    tracker.update(slice);
  }
  if (oldKey !== key) {
    // A service-name relabel: both Services sync, whatever the manager (upstream queues both).
    return [...new Set([key, oldKey].filter((k): k is string => k !== undefined))];
  }
  if (key === undefined) return [];
  const sync = managedByChanged || (managedByController(slice) && tracker.shouldSync(slice));
  if (
    slice.metadata.deletionTimestamp !== undefined &&
    old?.metadata.deletionTimestamp === undefined &&
    tracker.has(slice)
  ) {
    // kubesim, not upstream: a tracked slice someone else marked for deletion (it has a
    // finalizer) is left out of `syncService`'s list; kept as expected to go, StaleSlices does
    // not find it missing and its final removal syncs nothing more.
    tracker.expectDeletion(slice);
  }
  return sync ? [key] : [];
}

/**
 * Records a store change of the controller's own plan in the tracker, as upstream's reconciler
 * does with the API server's answer (k8s.io/endpointslice reconciler.go: `Update` after a create
 * or update, `ExpectDeletion` after a delete; a delete that only marks the slice, for a
 * finalizer, is an expected deletion too).
 */
function recordOwnWrite(event: StoreEvent, tracker: EndpointSliceTracker): void {
  const slice = asSlice(event.object);
  if (slice === undefined || !managedByController(slice)) return;
  if (event.type === 'DELETED' || slice.metadata.deletionTimestamp !== undefined) {
    tracker.expectDeletion(slice);
  } else {
    tracker.update(slice);
  }
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

function buildController(tracker: EndpointSliceTracker | undefined): Controller {
  const controller: Controller = {
    name: 'endpointslice-controller',
    kinds: ['Pod', 'Service', 'EndpointSlice', 'Node'],

    keysFor(event: StoreEvent, view: ClusterView): readonly string[] {
      switch (event.kind) {
        case 'Pod':
          return serviceKeysForPodEvent(event, view);
        case 'Service':
          return [event.key];
        case 'EndpointSlice':
          return tracker === undefined
            ? untrackedSliceKeys(event)
            : trackedSliceKeys(event, tracker);
        case 'Node':
          return serviceKeysForNodeEvent(event, view);
        default:
          return [];
      }
    },
    reconcile(view: ClusterView, key: string, now: number): Plan {
      const service = view.get('Service', key);
      if (service === undefined) {
        // endpointslice_controller.go `syncService`: a Service gone drops its tracked slices.
        tracker?.deleteService(key);
        return emptyPlan;
      }
      if (!hasManagedEndpoints(service)) return emptyPlan;
      const { namespace, name } = splitKey(key);
      const existingSlices = view.slicesOfService(namespace, name);
      if (tracker !== undefined && isStale(tracker, key, existingSlices)) {
        // `syncService` returns a stale-informer-cache error and the key is retried after the
        // backoff (1 s first). kubesim reconciles over the live store and records its own writes
        // from the store's changes, so this cannot happen in a simulation; kept as upstream has it.
        return { actions: [], requeueAfter: STALE_RETRY_MS };
      }
      const pods = view.podsMatching(namespace, service.spec.selector ?? {});
      const nodes: Node[] = [];
      for (const nodeName of nodeNamesOf(service, pods)) {
        const node = view.get('Node', nodeName);
        if (node !== undefined) nodes.push(node);
      }
      const changes = reconcileEndpointSlices({
        service,
        pods,
        existingSlices,
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
  if (tracker === undefined) return controller;
  return {
    ...controller,
    ownWrite(event: StoreEvent): void {
      if (event.kind === 'EndpointSlice') recordOwnWrite(event, tracker);
    },
    fork(): Controller {
      return buildController(tracker.fork());
    },
  };
}

/** endpointslice_controller.go `defaultSyncBackOff`: the first retry of a failed sync. */
const STALE_RETRY_MS = 1000;

/** `StaleSlices` over the slices `syncService` lists: this manager's, not being deleted. */
function isStale(
  tracker: EndpointSliceTracker,
  key: string,
  slices: readonly EndpointSlice[],
): boolean {
  return tracker.staleSlices(
    key,
    slices.filter((s) => managedByController(s) && s.metadata.deletionTimestamp === undefined),
  );
}

/**
 * The EndpointSlice controller without a tracker (for the synchronous driver and unit tests):
 * keys are Service keys (`namespace/name`).
 * - keysFor: a pod change → the Services selecting its old and new labels (only when the change
 *   can alter endpoints); a Service change → itself; any change to a slice this controller manages
 *   (its own writes included) → its `kubernetes.io/service-name`; a node added, removed or
 *   re-zoned → the Services of its pods.
 * - reconcile: {@link reconcileEndpointSlices} over the Service's selected pods (indexed
 *   `podsMatching`), its slices (`slicesOfService`) and the nodes of those pods; creates, then
 *   updates (carrying the resourceVersion they were computed from), then deletes. A missing
 *   Service plans nothing (its slices are garbage-collected through their ownerReference); a
 *   Service without selector, or ExternalName, plans nothing.
 * A simulation runs {@link createEndpointSliceController} instead.
 */
export const endpointSliceController: Controller = buildController(undefined);

/**
 * The EndpointSlice controller with upstream's EndpointSlice tracker (k8s.io/endpointslice
 * util/endpointslice_tracker.go), as a simulation runs it: it keeps the generation of every slice
 * it writes (told through {@link Controller.ownWrite}), so its own writes coming back do not
 * resync the Service, while a slice created, changed (a newer generation: endpoints, ports or
 * labels) or deleted by someone else does. Its state is its own: `fork` copies it.
 * @example
 * const controllers = [createEndpointSliceController(), endpointsController];
 */
export function createEndpointSliceController(): Controller {
  return buildController(new EndpointSliceTracker());
}
