/**
 * Black-hole windows: a backend that lost power keeps receiving connections until every live
 * node's kube-proxy stops routing to it. The metrics close a window at the first instant no live
 * view routes to its backend.
 * @packageDocumentation
 */
import {
  isUsableEndpoint,
  resolveEndpointConditions,
  type ProxyState,
  type StoreEvent,
  type Store,
} from '@kubesim/core';
import { MetricsRecorder } from './metrics.js';

/**
 * True when `view` still has `ip` as a usable endpoint of `serviceKey`, by kube-proxy's own rule
 * (ready, or serving and terminating; nil conditions resolved as the API says).
 */
function routesTo(view: ProxyState, serviceKey: string, ip: string): boolean {
  for (const slice of view.slicesOf(serviceKey)) {
    for (const e of slice.endpoints) {
      if (e.addresses.includes(ip) && isUsableEndpoint(resolveEndpointConditions(e.conditions))) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Closes, at `now`, the black-hole windows whose backend no live node's kube-proxy routes to any
 * more. Called after every kube-proxy sync and after faults that change which nodes are live.
 */
export function checkBlackHoles(
  metrics: MetricsRecorder,
  liveViews: () => Iterable<ProxyState>,
  now: number,
): void {
  const open = [...metrics.openWindows()];
  if (open.length === 0) return; // the common case: nothing to check on a proxy sync
  const views = [...liveViews()];
  for (const [svc, w] of open) {
    if (!views.some((view) => routesTo(view, svc, w.ip))) w.end = now;
  }
}

/** Records a Service's ready endpoints after each EndpointSlice event (the ready-endpoints series). */
export function recordSliceEvent(
  metrics: MetricsRecorder,
  store: Pick<Store, 'slicesOfService'>,
  ev: StoreEvent,
  now: number,
): void {
  if (ev.kind !== 'EndpointSlice') return;
  const svc = MetricsRecorder.serviceOfSlice(ev);
  if (svc === undefined) return;
  const [ns = 'default', name = ''] = svc.split('/');
  metrics.recordReady(svc, now, store.slicesOfService(ns, name));
}
