/**
 * A rolling update, a PodDisruptionBudget and a `kubectl drain` at the same time, and who waits
 * for whom.
 *
 * - The rollout (replicas 4, maxSurge 1, maxUnavailable 1) keeps at least 4 − 1 = 3 pods
 *   available by its own arithmetic (k8s-semantics §7.10): it never consults a PDB. Scaling an
 *   old ReplicaSet down is a plain DELETE, not an eviction, and PDBs only gate the Eviction API
 *   (§8.7).
 * - The drain evicts through the Eviction API, so the PDB (minAvailable 3) refuses it with 429
 *   whenever only 3 pods are healthy, which is most of the rollout; kubectl retries every 5 s.
 *
 * So the budget slows the drain, never the rollout. {@link runRollout} runs the same rollout
 * alone, with the PDB, and with the PDB and a drain, and measures each. A drain can still slow a
 * rollout, by evicting a new pod that is not Ready yet: {@link nodeToDrain} says when.
 * @packageDocumentation
 */
import type { Deployment, KubeObjectInput, Pod } from '@kubesim/core';
import { createSimulation, type DrainHandle, type Simulation } from '@kubesim/sim';

/** Replicas of the Deployment. */
export const REPLICAS = 4;
/** The PDB's minAvailable, equal to what the rollout keeps: replicas − maxUnavailable. */
export const MIN_AVAILABLE = 3;
/** When the drain starts, after the rollout was triggered. */
export const DRAIN_AFTER_MS = 1_000;

/** The app at a given image version: a Deployment and its Service. */
export function webApp(version: string): KubeObjectInput[] {
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: REPLICAS,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: {
            labels: { app: 'web' },
            // The application needs 10 s to warm up: its readiness probe fails until then, so a
            // new pod is Running but not Ready (not available) for its first ~10 s.
            annotations: { 'kubesim.io/behavior': '{ readyAfter: 10s }' },
          },
          spec: {
            containers: [
              {
                name: 'web',
                image: `example/web:${version}`,
                ports: [{ containerPort: 8080, name: 'http' }],
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
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    },
  ];
}

/** The budget: keep 3 of the 4 pods up during voluntary disruptions. */
export const budget: KubeObjectInput = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'web' },
  spec: { minAvailable: MIN_AVAILABLE, selector: { matchLabels: { app: 'web' } } },
};

/** Which node the drain picks. */
export type DrainTarget = 'old-pod-node' | 'new-pod-node';

/** How a run is set up. */
export interface RolloutOptions {
  /** Create the PodDisruptionBudget. */
  readonly pdb: boolean;
  /**
   * Drain a node {@link DRAIN_AFTER_MS} after the rollout starts, and which one (see
   * {@link nodeToDrain}): `'old-pod-node'` runs only an old, serving pod; `'new-pod-node'` runs a
   * new pod that is not Ready yet.
   */
  readonly drain: false | DrainTarget;
  /** @defaultValue `7` */
  readonly seed?: number;
}

/** One visible step of the rollout: (new, old) ReplicaSet replicas, as in k8s-semantics §11b C. */
export interface RolloutStep {
  /** ms since the rollout was triggered. */
  readonly t: number;
  readonly newReplicas: number;
  readonly oldReplicas: number;
  /** Ready endpoints of the Service. */
  readonly ready: number;
  /** PDB status, when there is one: healthy pods and the evictions it allows now. */
  readonly pdb?: { readonly healthy: number; readonly allowed: number };
  /** 429s the drain has received so far. */
  readonly refusals?: number;
}

/** What the drain did. */
export interface DrainOutcome {
  readonly node: string;
  /** The app's pods that ran there when the drain started, with their image version. */
  readonly pods: readonly string[];
  readonly refusals: number;
  /** Pods the Eviction API admitted (empty: the rollout removed the pod first). */
  readonly evicted: readonly string[];
  /** When the node was empty, ms since the rollout was triggered. */
  readonly doneAfterMs: number;
}

/** What one run measured. */
export interface RolloutRun {
  /** When the rollout completed, ms after it was triggered. */
  readonly completedAfterMs: number;
  /** The fewest ready endpoints of the Service at any instant of the rollout. */
  readonly minReady: number;
  readonly steps: readonly RolloutStep[];
  readonly drain?: DrainOutcome;
  readonly traceHash: string;
}

/** The Deployment has rolled out: every pod is of the new template and available. */
export function rolloutComplete(sim: Simulation): boolean {
  const d: Deployment | undefined = sim.get('Deployment', 'web');
  if (d === undefined) return false;
  const s = d.status;
  return (
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
    s.updatedReplicas === REPLICAS &&
    s.availableReplicas === REPLICAS &&
    s.replicas === REPLICAS
  );
}

function replicasOf(sim: Simulation, version: string): number {
  return sim
    .list('ReplicaSet')
    .filter((rs) => rs.spec.template.spec.containers[0]?.image === `example/web:${version}`)
    .reduce((n, rs) => n + rs.spec.replicas, 0);
}

/**
 * The node to drain, picked when the drain starts.
 *
 * - `'old-pod-node'`: a node running one old pod that is still serving, and nothing else of the
 *   app. The PDB refuses its eviction (429) while only 3 pods are healthy; the rollout then
 *   scales that old pod away itself — a plain delete — and the drain finds the node empty.
 * - `'new-pod-node'`: the node of a NEW pod that is not Ready yet. The Eviction API lets an
 *   unhealthy pod go without using the budget as long as the budget is met
 *   (unhealthyPodEvictionPolicy IfHealthyBudget, k8s-semantics §8.5): it is evicted at once, and
 *   the rollout has to start its replacement from scratch. That slow-down comes from the drain
 *   evicting a pod the rollout was waiting for — not from the PDB holding the rollout back.
 */
export function nodeToDrain(sim: Simulation, which: DrainTarget): { node: string; pods: string[] } {
  const pods: Pod[] = sim
    .list('Pod', { labelSelector: 'app=web' })
    .filter((p) => p.metadata.deletionTimestamp === undefined);
  const image = (p: Pod): string => p.spec.containers[0]?.image ?? '';
  const onNode = (node: string | undefined): Pod[] => pods.filter((p) => p.spec.nodeName === node);
  const candidate = pods.find((p) =>
    which === 'old-pod-node'
      ? image(p) === 'example/web:1.0' && onNode(p.spec.nodeName).length === 1
      : image(p) === 'example/web:2.0' &&
        p.status.conditions?.find((c) => c.type === 'Ready')?.status !== 'True',
  );
  const node = candidate?.spec.nodeName;
  if (node === undefined) throw new Error(`no node fits the drain target ${which}`);
  return {
    node,
    pods: onNode(node).map((p) => `default/${p.metadata.name} (${image(p).split(':')[1] ?? ''})`),
  };
}

/**
 * Deploys web:1.0 on 5 nodes in 3 zones, waits until it is settled, then sets the image to
 * web:2.0 and runs until the rollout is complete (and the drain, if any, is done).
 */
export function runRollout(opts: RolloutOptions): RolloutRun {
  const sim = createSimulation({ seed: opts.seed ?? 7 });
  sim.addNodes(5, { zones: ['zone-a', 'zone-b', 'zone-c'] });
  sim.apply(webApp('1.0'));
  if (opts.pdb) sim.apply(budget);
  sim.settle();

  const t0 = sim.now;
  sim.apply(webApp('2.0'));

  let drain: { handle: DrainHandle; node: string; pods: string[]; doneAt?: number } | undefined;
  if (opts.drain !== false) {
    sim.at(t0 + DRAIN_AFTER_MS, (s) => {
      const target = nodeToDrain(s, opts.drain || 'old-pod-node');
      drain = { ...target, handle: s.drain(target.node) };
    });
  }

  const steps: RolloutStep[] = [];
  let completedAt: number | undefined;
  const observe = (s: Simulation): boolean => {
    const status = s.get('PodDisruptionBudget', 'web')?.status;
    const step: RolloutStep = {
      t: s.now - t0,
      newReplicas: replicasOf(s, '2.0'),
      oldReplicas: replicasOf(s, '1.0'),
      ready: s.endpointsOf('web').filter((e) => e.ready).length,
      ...(status
        ? { pdb: { healthy: status.currentHealthy, allowed: status.disruptionsAllowed } }
        : {}),
      ...(drain ? { refusals: drain.handle.refusals } : {}),
    };
    const last = steps[steps.length - 1];
    if (
      last === undefined ||
      JSON.stringify({ ...last, t: 0 }) !== JSON.stringify({ ...step, t: 0 })
    )
      steps.push(step);
    if (completedAt === undefined && rolloutComplete(s)) completedAt = s.now;
    if (drain && drain.doneAt === undefined && drain.handle.done) drain.doneAt = s.now;
    return completedAt !== undefined && (opts.drain === false || drain?.doneAt !== undefined);
  };
  if (!sim.runUntil(observe, { timeout: '10m' }) || completedAt === undefined) {
    throw new Error('the rollout did not complete within 10 minutes');
  }

  // The engine records the ready endpoint count at every EndpointSlice change.
  const series = sim.metrics.readyEndpoints('default/web');
  const before = series.filter((p) => p.t <= t0).pop();
  const during = series.filter((p) => p.t > t0 && p.t <= (completedAt ?? 0));
  const minReady = Math.min(...[before, ...during].map((p) => p?.value ?? 0));

  return {
    completedAfterMs: completedAt - t0,
    minReady,
    steps,
    ...(drain
      ? {
          drain: {
            node: drain.node,
            pods: drain.pods,
            refusals: drain.handle.refusals,
            evicted: [...drain.handle.evicted],
            doneAfterMs: (drain.doneAt ?? sim.now) - t0,
          },
        }
      : {}),
    traceHash: sim.trace.hash(),
  };
}
