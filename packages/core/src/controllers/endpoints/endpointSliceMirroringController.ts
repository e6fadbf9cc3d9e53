/**
 * The EndpointSlice mirroring controller over a {@link ClusterView} (kubernetes/kubernetes
 * pkg/controller/endpointslicemirroring/endpointslicemirroring_controller.go `syncEndpoints`).
 * @packageDocumentation
 */
import type { Action, Controller, Plan } from '../plan.js';
import { emptyPlan } from '../plan.js';
import type { EndpointSlice } from '../../objects/discovery.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import { splitKey } from './controllerKeys.js';
import { deleteSliceAction } from './endpointSliceController.js';
import { reconcileMirroredSlices } from './reconcileMirroredSlices.js';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME, MIRRORING_CONTROLLER_NAME } from './wellKnown.js';

function mirroredSliceKey(obj: unknown): string | undefined {
  const slice = obj as EndpointSlice | undefined;
  if (slice?.kind !== 'EndpointSlice') return undefined;
  const labels = slice.metadata.labels ?? {};
  const name = labels[LABEL_SERVICE_NAME];
  if (labels[LABEL_MANAGED_BY] !== MIRRORING_CONTROLLER_NAME || name === undefined)
    return undefined;
  return `${slice.metadata.namespace}/${name}`;
}

/**
 * The mirroring controller: keys are Endpoints (= Service) keys.
 * - keysFor: an Endpoints change → itself; a Service change → its key (a selector added or
 *   removed flips mirroring); a change to a slice it mirrors → its service-name label.
 * - reconcile: {@link reconcileMirroredSlices}; a warning Event `TooManyAddressesToMirror` on the
 *   Endpoints when addresses were over the per-subset cap.
 */
export const endpointSliceMirroringController: Controller = {
  name: 'endpointslicemirroring-controller',
  kinds: ['Endpoints', 'Service', 'EndpointSlice'],

  keysFor(event: StoreEvent): readonly string[] {
    switch (event.kind) {
      case 'Endpoints':
      case 'Service':
        return [event.key];
      case 'EndpointSlice': {
        const keys = new Set<string>();
        for (const o of [event.oldObject, event.object]) {
          const k = mirroredSliceKey(o);
          if (k !== undefined) keys.add(k);
        }
        return [...keys];
      }
      default:
        return [];
    }
  },
  reconcile(view: ClusterView, key: string): Plan {
    const { namespace, name } = splitKey(key);
    const endpoints = view.get('Endpoints', key);
    const changes = reconcileMirroredSlices({
      endpoints,
      service: view.get('Service', key),
      existingSlices: view.slicesOfService(namespace, name),
      config: view.config,
    });
    const actions: Action[] = [
      ...changes.toCreate.map((object): Action => ({ verb: 'create', object })),
      ...changes.toUpdate.map((object): Action => ({ verb: 'update', object })),
      ...changes.toDelete.map(deleteSliceAction),
    ];
    if (changes.skippedOverCap > 0 && endpoints !== undefined) {
      actions.push({
        verb: 'event',
        regarding: { kind: 'Endpoints', key, uid: endpoints.metadata.uid },
        type: 'Warning',
        reason: 'TooManyAddressesToMirror',
        message: `A max of ${view.config.mirroringMaxEndpointsPerSubset} addresses can be mirrored to EndpointSlices per Endpoints subset. ${changes.skippedOverCap} addresses were skipped`,
      });
    }
    return actions.length === 0 ? emptyPlan : { actions };
  },
};
