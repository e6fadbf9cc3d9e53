/**
 * The {@link ExternalHost} the outside-traffic model gets: built over the World's handle and the
 * simulation's metrics, so the model never sees the World itself.
 * @packageDocumentation
 */
import type { ExternalHost } from '../external/externalHost.js';
import type { MetricsRecorder } from '../traffic/metrics.js';
import type { WorldHandle } from '../world/index.js';

/** Builds the handle the load balancers and the ingress controller use. */
export function externalHostOf(world: WorldHandle, metrics: MetricsRecorder): ExternalHost {
  return {
    get now() {
      return world.now;
    },
    config: world.config,
    store: world.store,
    schedule: (at, label, owner, fn, opts) => world.schedule(at, label, owner, fn, opts),
    cancel: (id) => world.cancel(id),
    random: (stream) => world.random(stream),
    proxyStateFor: (node) => world.proxies.stateFor(node),
    isNodePowered: (node) => !world.nodesDown.has(node) && world.kubelets.has(node),
    isListening: (podKey) => {
      const node = world.store.get('Pod', podKey)?.spec.nodeName;
      if (node === undefined) return false;
      const kubelet = world.kubelets.get(node);
      if (kubelet === undefined) return false;
      return kubelet.isListening?.(podKey) ?? kubelet.isContainerRunning?.(podKey) ?? false;
    },
    podAtIP: (ip) => world.podsByIP.get(ip),
    windows: {
      open: (via, serviceKey, ip, podKey) => {
        metrics.openViaWindow(via, serviceKey, ip, podKey, world.now);
      },
      close: (via, serviceKey, ip) => {
        metrics.closeViaWindow(via, serviceKey, ip, world.now);
      },
    },
    traceActivity: (cause, type, detail) => {
      world.traceActivity(cause, type, detail);
    },
  };
}
