/**
 * Example: one settled cluster, two futures. The cluster is built and settled once, then forked
 * twice: one fork loses a node's power, the other drains the same node. Both run the same 5
 * minutes; the Service's client counts what it saw in each.
 */
import type { KubeObjectInput } from '@kubesim/core';
import type { Simulation } from '@kubesim/sim';
import { createSimulation } from '@kubesim/sim';

export const SERVICE = 'default/web';
export const HORIZON = '5m';

const webApp: KubeObjectInput[] = [
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
              image: 'nginx',
              ports: [{ containerPort: 8080, name: 'http' }],
              readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
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
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  },
];

/** What the Service's client saw in one future, from the fork point on. */
export interface Future {
  readonly name: string;
  readonly sim: Simulation;
  readonly ok: number;
  readonly failed: number;
  /** Ready web pods at the end. */
  readonly ready: number;
}

export interface WhatIfRun {
  readonly parent: Simulation;
  /** The node both futures act on (it runs a web pod; the client is elsewhere). */
  readonly node: string;
  readonly forkedAt: number;
  readonly crash: Future;
  readonly drain: Future;
}

function seen(name: string, sim: Simulation, from: number): Future {
  let ok = 0;
  let failed = 0;
  for (const b of sim.metrics.outcomes(SERVICE).buckets) {
    if (b.t < from) continue;
    ok += b.ok;
    failed += b.refused + b.timeout + b.nxdomain;
  }
  const ready = sim
    .list('Pod', { labelSelector: 'app=web' })
    .filter((p) =>
      p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
    ).length;
  return { name, sim, ok, failed, ready };
}

/**
 * The settled cluster under traffic, and the node the futures act on (it runs a web pod; the
 * client is elsewhere).
 */
export function settledCluster(seed = 7): { readonly sim: Simulation; readonly node: string } {
  const parent = createSimulation({ seed });
  parent.addNodes(4, { zones: ['a', 'b', 'c'] });
  parent.apply(webApp);
  parent.settle();
  const client = 'node-3';
  parent.traffic({ from: { node: client }, to: 'web', every: '100ms' });
  parent.runFor('10s');
  const pods = parent.list('Pod', { labelSelector: 'app=web' });
  const node =
    pods.map((p) => p.spec.nodeName).find((n) => n !== undefined && n !== client) ?? 'node-0';
  return { sim: parent, node };
}

/** Builds and settles the cluster once, then runs a crash and a drain of one node from forks. */
export function runWhatIf(seed = 7): WhatIfRun {
  const { sim: parent, node } = settledCluster(seed);
  const forkedAt = parent.now;

  const crashed = parent.fork();
  crashed.faults.crashNode(node);
  crashed.runFor(HORIZON);

  const drained = parent.fork();
  drained.drain(node);
  drained.runFor(HORIZON);

  return {
    parent,
    node,
    forkedAt,
    crash: seen('crash', crashed, forkedAt),
    drain: seen('drain', drained, forkedAt),
  };
}
