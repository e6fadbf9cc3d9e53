/**
 * A node loses power under traffic: the default Kubernetes failover timeline, measured.
 *
 * Three zones, a 3-replica Deployment behind a Service, a client on a fourth node opening a
 * connection every 100 ms. At 1 min the node of one replica loses power. What upstream does
 * (k8s-semantics §6.10, §11b B), and what this module records as it happens:
 *
 * 1. nothing visible at first: the endpoint still says ready and kube-proxy keeps sending a third
 *    of the connections to the dead pod, which time out (the black-hole window);
 * 2. 45–60 s later the node monitor sees no lease renewal for the grace period (50 s): the Node
 *    goes Ready=Unknown, its pods Ready=False, their endpoints `ready: false`; at the next proxy
 *    sync the window closes;
 * 3. the node gets the `node.kubernetes.io/unreachable:NoExecute` taint; pods tolerate it for
 *    300 s (the default toleration), then are deleted, and the ReplicaSet replaces them at once;
 * 4. the old pod stays Terminating: no kubelet is left to confirm its end.
 * @packageDocumentation
 */
import type { KubeObjectInput, Node, Pod } from '@kubesim/core';
import type { OutcomeSeries, Simulation, Window } from '@kubesim/sim';
import { createSimulation } from '@kubesim/sim';

/** When the node loses power (virtual time from the start). */
export const CRASH_AT_MS = 60_000;
/** How long the program follows the failure. */
export const HORIZON_MS = 8 * 60_000;
/** The Service the traffic targets, as `namespace/name`. */
export const SERVICE = 'default/web';

const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** A 3-replica Deployment and its Service. */
export const webApp: KubeObjectInput[] = [
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
            { name: 'web', image: 'nginx', ports: [{ containerPort: 8080, name: 'http' }] },
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

/** One line of the timeline. */
export interface Milestone {
  /** Virtual ms from the start. */
  readonly t: number;
  readonly what: string;
}

/** Everything the run measured. */
export interface NodeFailureRun {
  readonly sim: Simulation;
  /** The node that lost power, and the replica it ran. */
  readonly crashedNode: string;
  readonly victim: string;
  /** The node the client connects from. */
  readonly clientNode: string;
  /** The pod that replaced the victim. */
  readonly replacement: string | undefined;
  /** Milestones in time order. */
  readonly timeline: readonly Milestone[];
  /** Times of the key milestones (virtual ms from the start), undefined if not reached. */
  readonly times: {
    readonly nodeUnknown?: number;
    readonly endpointNotReady?: number;
    readonly noExecuteTaint?: number;
    readonly podDeleted?: number;
    readonly replacementReady?: number;
  };
  /** The black-hole window of the victim's IP, from the engine's metrics. */
  readonly window: Window;
  /** Connection outcomes per 1 s bucket. */
  readonly outcomes: OutcomeSeries;
}

const readyOf = (o: Pod | Node): string | undefined =>
  o.status.conditions?.find((c) => c.type === 'Ready')?.status;

/**
 * Builds the cluster, starts the client, crashes the node at {@link CRASH_AT_MS} and runs to
 * {@link HORIZON_MS}, recording the timeline with watches — the way an outside observer (a test,
 * an operator) would see it.
 */
export function runNodeFailure(seed = 11): NodeFailureRun {
  const sim = createSimulation({ seed });
  sim.addNodes(4, { zones: ['zone-a', 'zone-b', 'zone-c'] });
  sim.apply(webApp);
  sim.settle();

  const pods = sim.list('Pod', { labelSelector: 'app=web' });
  const victimPod = pods[0];
  const crashedNode = victimPod?.spec.nodeName;
  const clientNode = sim
    .list('Node')
    .map((n) => n.metadata.name)
    .find((n) => !pods.some((p) => p.spec.nodeName === n));
  if (victimPod === undefined || crashedNode === undefined || clientNode === undefined) {
    throw new Error('expected 3 replicas on 3 of the 4 nodes');
  }
  const victim = `default/${victimPod.metadata.name}`;
  const victimIp = victimPod.status.podIP;
  const others = new Set(pods.map((p) => p.metadata.name));

  const timeline: Milestone[] = [];
  const times: { -readonly [K in keyof NodeFailureRun['times']]: number } = {};
  let replacement: string | undefined;
  const mark = (key: keyof typeof times, what: string): void => {
    if (times[key] !== undefined) return;
    times[key] = sim.now;
    timeline.push({ t: sim.now, what });
  };

  sim.watch('Node', (ev) => {
    const node = ev.object;
    if (node.metadata.name !== crashedNode) return;
    if (readyOf(node) === 'Unknown') {
      mark('nodeUnknown', `${crashedNode} Ready=Unknown: no lease renewal for the grace period`);
    }
    if (node.spec.taints?.some((t) => t.key === UNREACHABLE && t.effect === 'NoExecute')) {
      mark('noExecuteTaint', `${crashedNode} tainted ${UNREACHABLE}:NoExecute`);
    }
  });
  sim.watch(
    'EndpointSlice',
    (ev) => {
      if (ev.type === 'DELETED') return;
      for (const e of ev.object.endpoints) {
        if (e.addresses.includes(victimIp ?? '') && e.conditions.ready === false) {
          mark('endpointNotReady', `endpoint ${String(victimIp)} ready=false (pod Ready=False)`);
        }
      }
    },
    { labelSelector: 'kubernetes.io/service-name=web' },
  );
  sim.watch(
    'Pod',
    (ev) => {
      const pod = ev.object;
      const name = pod.metadata.name;
      if (name === victimPod.metadata.name && pod.metadata.deletionTimestamp !== undefined) {
        const afterTaint = (sim.now - (times.noExecuteTaint ?? sim.now)) / 1000;
        mark(
          'podDeleted',
          `${victim} deleted by the taint manager, ${afterTaint} s after the taint (Terminating from now on)`,
        );
      }
      if (!others.has(name) && ev.type !== 'DELETED' && readyOf(pod) === 'True') {
        replacement = `default/${name}`;
        mark(
          'replacementReady',
          `replacement ${replacement} Ready on ${String(pod.spec.nodeName)}`,
        );
      }
    },
    { labelSelector: 'app=web' },
  );

  // The client: one new connection every 100 ms; outcomes go to sim.metrics.
  sim.traffic({ from: { node: clientNode }, to: 'web', every: '100ms' });
  sim.at(CRASH_AT_MS, (s) => {
    timeline.push({ t: s.now, what: `${crashedNode} loses power (it runs ${victim})` });
    s.faults.crashNode(crashedNode);
  });
  sim.runFor(HORIZON_MS - sim.now);

  const window = sim.metrics.blackHoleWindows(SERVICE).find((w) => w.ip === victimIp);
  if (window === undefined) throw new Error('no black-hole window was recorded');
  if (window.end !== undefined) {
    timeline.push({
      t: window.end,
      what: `no kube-proxy routes to ${String(victimIp)} any more: the black-hole window closes`,
    });
  }
  timeline.sort((a, b) => a.t - b.t);
  return {
    sim,
    crashedNode,
    victim,
    clientNode,
    replacement,
    timeline,
    times,
    window,
    outcomes: sim.metrics.outcomes(SERVICE),
  };
}

/** `+1m55s` style offsets from the crash. */
export function sinceCrash(t: number): string {
  const d = Math.round((t - CRASH_AT_MS) / 1000);
  const m = Math.floor(Math.abs(d) / 60);
  const s = Math.abs(d) % 60;
  return `${d < 0 ? '-' : '+'}${m > 0 ? `${m}m` : ''}${s}s`;
}
