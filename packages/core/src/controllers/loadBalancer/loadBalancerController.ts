/**
 * A cloud-controller-manager's service controller for a simulated cloud: gives LoadBalancer
 * Services an address after a provisioning delay and releases it on deletion
 * (kubernetes/kubernetes staging/src/k8s.io/cloud-provider/controllers/service/controller.go).
 * @packageDocumentation
 */
import type { Action, Controller, Plan } from '../plan.js';
import { emptyPlan } from '../plan.js';
import type { Service } from '../../objects/service.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import { formatTimestamp, parseTimestamp } from '../../time.js';
import type { AddressPool } from './addressPool.js';
import { firstFreeAddress, parseAddressPool, poolContains } from './addressPool.js';

/** The finalizer the service controller puts on a Service before it creates a load balancer. */
export const LB_CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
/**
 * Annotation kubesim writes with the finalizer: when provisioning began (RFC 3339 of virtual
 * time). Upstream the cloud call blocks for the provisioning time; a plan-returning controller
 * keeps that instant on the object instead of in memory.
 */
export const LB_REQUESTED_AT_ANNOTATION = 'loadbalancer.kubesim.io/requested-at';

/** Options of {@link createLoadBalancerController}. */
export interface LoadBalancerControllerOptions {
  /**
   * Time from the request to `status.loadBalancer.ingress`. Clouds document no fixed number
   * (creation commonly takes tens of seconds to minutes); kubesim's default is immediate.
   * @defaultValue `0`
   */
  readonly provisioningDelayMs?: number;
  /**
   * Addresses to hand out, a CIDR or `first-last` range; the lowest free one is taken.
   * @defaultValue `'198.51.100.0/24'` (TEST-NET-2, RFC 5737)
   */
  readonly addressPool?: string;
  /**
   * The `spec.loadBalancerClass` this controller implements. Unset: the cloud's own controller,
   * which serves only Services without a class (`wantsLoadBalancer`).
   */
  readonly loadBalancerClass?: string;
  /**
   * The load balancer targets node ports (AWS NLB instance targets, Azure): a Service with
   * `allocateLoadBalancerNodePorts: false` and no nodePort gets no address and a Warning event.
   * @defaultValue `false`
   */
  readonly requireNodePorts?: boolean;
  /** Epoch ms of virtual time 0, to write and read the requested-at timestamp. @defaultValue the view's `config.startTime` */
  readonly startTime?: number;
}

/** Default pool: TEST-NET-2 (RFC 5737), apart from the outside client address 203.0.113.10. */
export const DEFAULT_LB_ADDRESS_POOL = '198.51.100.0/24';

function wants(svc: Service, cls: string | undefined): boolean {
  return svc.spec.type === 'LoadBalancer' && svc.spec.loadBalancerClass === cls;
}

function hasFinalizer(svc: Service): boolean {
  return svc.metadata.finalizers?.includes(LB_CLEANUP_FINALIZER) ?? false;
}

function lbIPs(svc: Service): string[] {
  return (svc.status.loadBalancer?.ingress ?? []).flatMap((i) =>
    i.ip === undefined ? [] : [i.ip],
  );
}

function event(svc: Service, type: 'Normal' | 'Warning', reason: string, message: string): Action {
  return {
    verb: 'event',
    regarding: {
      kind: 'Service',
      key: `${svc.metadata.namespace}/${svc.metadata.name}`,
      uid: svc.metadata.uid,
    },
    type,
    reason,
    message,
  };
}

function withoutBookkeeping(svc: Service): Service {
  const { finalizers: _f, annotations: _a, ...rest } = svc.metadata;
  const finalizers = (svc.metadata.finalizers ?? []).filter((f) => f !== LB_CLEANUP_FINALIZER);
  const annotations = Object.fromEntries(
    Object.entries(svc.metadata.annotations ?? {}).filter(
      ([k]) => k !== LB_REQUESTED_AT_ANNOTATION,
    ),
  );
  return {
    ...svc,
    metadata: {
      ...rest,
      ...(finalizers.length > 0 ? { finalizers } : {}),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
  };
}

/**
 * The load-balancer controller: keys are Service keys.
 *
 * - keysFor: a Service event → itself when it wants a load balancer of this class or carries the
 *   cleanup finalizer; when a Service gives an address back (deleted, or no longer a
 *   LoadBalancer of this class), every other Service of this class still without an address too
 *   (the freed address may be theirs).
 * - reconcile, as upstream's `syncLoadBalancerIfNeeded`:
 *   1. Cleanup (`needsCleanup`: being deleted, or no longer wanting a load balancer) with the
 *      finalizer: clear `status.loadBalancer` (unless being deleted) and drop the finalizer;
 *      events `DeletingLoadBalancer`, `DeletedLoadBalancer`. The address returns to the pool.
 *   2. A new request: add the finalizer (and the requested-at annotation); event
 *      `EnsuringLoadBalancer`; requeue after the provisioning delay.
 *   3. Due: `status.loadBalancer.ingress: [{ ip }]` (admission defaults `ipMode: VIP`) with `spec.loadBalancerIP` when
 *      it is free and in the pool, else the lowest free address; event `EnsuredLoadBalancer`.
 *      No free address, or node ports required but missing: a Warning `SyncLoadBalancerFailed`.
 *
 * @example
 * ```ts
 * const lb = createLoadBalancerController({ provisioningDelayMs: 30_000 });
 * lb.reconcile(view, 'default/web', now); // → add finalizer, requeue after 30 s
 * ```
 */
export function createLoadBalancerController(opts: LoadBalancerControllerOptions = {}): Controller {
  const delay = opts.provisioningDelayMs ?? 0;
  const cls = opts.loadBalancerClass;
  let pool: AddressPool | undefined;
  const getPool = (): AddressPool =>
    (pool ??= parseAddressPool(opts.addressPool ?? DEFAULT_LB_ADDRESS_POOL));
  getPool(); // a bad pool is a configuration error at construction, not at the first reconcile

  return {
    name: cls === undefined ? 'service-lb-controller' : `service-lb-controller/${cls}`,

    keysFor(ev: StoreEvent, view: ClusterView): readonly string[] {
      if (ev.kind !== 'Service') return [];
      const svc = ev.object as Service;
      const old = ev.oldObject as Service | undefined;
      const relevant =
        wants(svc, cls) ||
        (hasFinalizer(svc) && svc.spec.loadBalancerClass === cls) ||
        (old !== undefined && wants(old, cls));
      if (!relevant) return [];
      const released =
        lbIPs(old ?? svc).length > 0 &&
        (ev.type === 'DELETED' || !wants(svc, cls) || svc.metadata.deletionTimestamp !== undefined);
      if (!released) return [ev.key];
      const keys = [ev.key];
      for (const other of view.list('Service')) {
        const k = `${other.metadata.namespace}/${other.metadata.name}`;
        if (k !== ev.key && wants(other, cls) && lbIPs(other).length === 0) keys.push(k);
      }
      return keys;
    },

    reconcile(view: ClusterView, key: string, now: number): Plan {
      const svc = view.get('Service', key);
      if (svc === undefined) return emptyPlan;
      // Another implementation's Service (a different loadBalancerClass) is none of ours, its
      // finalizer included.
      if (svc.spec.loadBalancerClass !== cls) return emptyPlan;
      const deleting = svc.metadata.deletionTimestamp !== undefined;
      if (deleting || !wants(svc, cls)) {
        if (!hasFinalizer(svc)) return emptyPlan;
        const actions: Action[] = [
          event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer'),
        ];
        const cleaned = withoutBookkeeping(svc);
        if (!deleting && lbIPs(svc).length > 0) {
          actions.push({
            verb: 'updateStatus',
            object: { ...svc, status: { ...svc.status, loadBalancer: {} } },
          });
          // The status write bumps the resourceVersion; the finalizer goes on the next pass.
          return { actions };
        }
        actions.push({ verb: 'update', object: cleaned });
        actions.push(event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer'));
        return { actions };
      }
      const start = opts.startTime ?? view.config.startTime;
      if (!hasFinalizer(svc)) {
        const requested: Service = {
          ...svc,
          metadata: {
            ...svc.metadata,
            finalizers: [...(svc.metadata.finalizers ?? []), LB_CLEANUP_FINALIZER],
            annotations: {
              ...svc.metadata.annotations,
              [LB_REQUESTED_AT_ANNOTATION]: formatTimestamp(start + now),
            },
          },
        };
        return {
          actions: [
            { verb: 'update', object: requested },
            event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer'),
          ],
          ...(delay > 0 ? { requeueAfter: delay } : {}),
        };
      }
      if (lbIPs(svc).length > 0) return emptyPlan;
      const stamp = svc.metadata.annotations?.[LB_REQUESTED_AT_ANNOTATION];
      const requestedAt = stamp === undefined ? undefined : parseTimestamp(stamp);
      const due = (requestedAt === undefined ? now : requestedAt - start) + delay;
      if (now < due) return { actions: [], requeueAfter: due - now };
      if (opts.requireNodePorts === true && svc.spec.ports.some((p) => p.nodePort === undefined)) {
        return {
          actions: [
            event(
              svc,
              'Warning',
              'SyncLoadBalancerFailed',
              'Error syncing load balancer: this load balancer targets node ports; set allocateLoadBalancerNodePorts: true or give every port a nodePort',
            ),
          ],
        };
      }
      const used = new Set<string>();
      for (const other of view.list('Service')) for (const ip of lbIPs(other)) used.add(ip);
      const wanted = svc.spec.loadBalancerIP;
      let ip: string | undefined;
      if (wanted !== undefined && wanted !== '') {
        if (!poolContains(getPool(), wanted) || used.has(wanted)) {
          return {
            actions: [
              event(
                svc,
                'Warning',
                'SyncLoadBalancerFailed',
                `Error syncing load balancer: requested loadBalancerIP ${wanted} is ${used.has(wanted) ? 'in use' : `not in the address pool ${getPool().text}`}`,
              ),
            ],
          };
        }
        ip = wanted;
      } else {
        ip = firstFreeAddress(getPool(), used);
      }
      if (ip === undefined) {
        return {
          actions: [
            event(
              svc,
              'Warning',
              'SyncLoadBalancerFailed',
              `Error syncing load balancer: no free address in ${getPool().text}; it is retried when a load balancer is released`,
            ),
          ],
        };
      }
      return {
        actions: [
          {
            verb: 'updateStatus',
            object: {
              ...svc,
              status: { ...svc.status, loadBalancer: { ingress: [{ ip }] } },
            },
          },
          event(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer'),
        ],
      };
    },
  };
}
