/**
 * The legacy Endpoints controller over a {@link ClusterView} (kubernetes/kubernetes
 * pkg/controller/endpoint/endpoints_controller.go).
 * @packageDocumentation
 */
import type { Action, Controller, Plan } from '../plan.js';
import { emptyPlan } from '../plan.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import { serviceKeysForPodEvent, splitKey } from './controllerKeys.js';
import { reconcileEndpoints } from './reconcileEndpoints.js';

/**
 * The Endpoints controller: keys are Service keys.
 * - keysFor: a pod change → the Services selecting its old and new labels; a Service change →
 *   itself; an Endpoints object deleted → its key (so it is recreated).
 * - reconcile: a Service that no longer exists has its Endpoints deleted (as upstream does);
 *   otherwise {@link reconcileEndpoints} decides a create or an update (or nothing).
 */
export const endpointsController: Controller = {
  name: 'endpoint-controller',
  kinds: ['Pod', 'Service', 'Endpoints'],

  keysFor(event: StoreEvent, view: ClusterView): readonly string[] {
    switch (event.kind) {
      case 'Pod':
        return serviceKeysForPodEvent(event, view);
      case 'Service':
        return [event.key];
      case 'Endpoints':
        return event.type === 'DELETED' ? [event.key] : [];
      default:
        return [];
    }
  },
  reconcile(view: ClusterView, key: string, now: number): Plan {
    const service = view.get('Service', key);
    const existing = view.get('Endpoints', key);
    if (service === undefined) {
      if (existing === undefined) return emptyPlan;
      return {
        actions: [{ verb: 'delete', kind: 'Endpoints', key, uid: existing.metadata.uid }],
      };
    }
    const { namespace } = splitKey(key);
    const change = reconcileEndpoints({
      service,
      pods: view.podsMatching(namespace, service.spec.selector ?? {}),
      existing,
      config: view.config,
      now,
    });
    if (change === undefined) return emptyPlan;
    const action: Action = { verb: change.verb, object: change.object };
    return { actions: [action] };
  },
};
