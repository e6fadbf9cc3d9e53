/**
 * The {@link ExternalHost} of a World.
 * @packageDocumentation
 */
import type { World } from '../world/world.js';
import type { ExternalHost } from './externalHost.js';

/** Builds the handle the outside-traffic model uses, over a World. */
export function worldExternalHost(world: World): ExternalHost {
  return {
    get now() {
      return world.now;
    },
    config: world.config,
    store: world.store,
    schedule: (at, label, fn, opts) => world.schedule(at, label, fn, opts),
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
        world.metrics.openViaWindow(via, serviceKey, ip, podKey, world.now);
      },
      close: (via, serviceKey, ip) => {
        world.metrics.closeViaWindow(via, serviceKey, ip, world.now);
      },
    },
    traceActivity: (cause, type, detail) => {
      world.traceActivity(cause, type, detail);
    },
  };
}
