/**
 * The built-in node-failure demo (`kubesim demo`, `npm run demo`).
 * @packageDocumentation
 */
import type { Scenario } from './types.js';

/** The node that loses power in {@link demoScenario}. */
export const DEMO_CRASHED_NODE = 'node-1';

/** The Service the demo watches. */
export const DEMO_SERVICE = 'default/web';

/** The load-balancer preset of the demo's cloud (GCE/GKE health checks). */
const DEMO_LB_PRESET = 'gce';

/**
 * A node failure under load: six nodes in three zones, a 3-replica `web` Deployment behind a
 * Service of type LoadBalancer (a GCE-style cloud load balancer, `externalTrafficPolicy: Cluster`),
 * a client on node-0 and a client outside the cluster each connecting every 100 ms, and node-1
 * (which runs a `web` replica) losing power at 1 min. Over the 8-minute horizon the node goes
 * NotReady after the node-monitor grace period, its endpoint turns not ready, the `unreachable`
 * NoExecute taint is added, the pod is evicted after the default 300 s toleration and its
 * replacement becomes Ready elsewhere; requests routed to the dead backend time out until the
 * client's kube-proxy drops it. Outside, the load balancer keeps sending new connections to the
 * dead node until its health checks of kube-proxy's healthz have failed three times.
 *
 * @example
 * ```ts
 * const r = runScenario(demoScenario());
 * r.sim.metrics.blackHoleWindows('default/web');
 * ```
 */
export function demoScenario(): Scenario {
  return {
    version: 1,
    name: 'node failure under load',
    seed: 1,
    external: { loadBalancers: { preset: DEMO_LB_PRESET } },
    nodes: [{ count: 6, zones: ['zone-a', 'zone-b', 'zone-c'] }],
    manifests: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: {
              containers: [
                {
                  name: 'web',
                  image: 'nginx:1.27',
                  ports: [{ name: 'http', containerPort: 8080 }],
                  readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
                },
              ],
            },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: {
          type: 'LoadBalancer',
          selector: { app: 'web' },
          ports: [{ name: 'http', port: 80, targetPort: 'http' }],
        },
      },
    ],
    traffic: [
      { from: { node: 'node-0' }, to: 'web', every: '100ms', start: '10s' },
      {
        from: { external: true },
        to: { loadBalancer: DEMO_SERVICE },
        every: '100ms',
        start: '10s',
      },
    ],
    faults: [{ at: '1m', type: 'crashNode', target: DEMO_CRASHED_NODE }],
    horizon: '8m',
  };
}
