/**
 * Whole scenarios: a cluster, workloads, actions, faults and traffic.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { KubeObjectInput } from '@kubesim/core';
import type { Scenario, ScenarioAction, ScenarioTraffic } from '../scenario/types.js';
import { APP_NAMES } from './_internals/pools.js';
import { clusterArb, nodeNames } from './clusterArb.js';
import { deploymentArb } from './deploymentArb.js';
import { faultScheduleArb } from './faultScheduleArb.js';
import { podArb } from './podArb.js';
import { serviceArb } from './serviceArb.js';
import { trafficArb } from './trafficArb.js';

/** Options of {@link scenarioArb}. The defaults make the SMALL size. */
export interface ScenarioConstraints {
  /** Most nodes. @defaultValue `10` */
  readonly maxNodes?: number;
  /** Most Deployments (named web, api, db). @defaultValue `3` */
  readonly maxDeployments?: number;
  /** Most replicas per Deployment, also for scale actions. @defaultValue `5` */
  readonly maxReplicas?: number;
  /** Most bare pods (pod-0, …; fault targets). @defaultValue `3` */
  readonly maxBarePods?: number;
  /** Longest horizon in whole minutes. @defaultValue `15` */
  readonly maxHorizonMinutes?: number;
  /** Most user actions. @defaultValue `4` */
  readonly maxActions?: number;
  /** Most faults. @defaultValue `4` */
  readonly maxFaults?: number;
  /** Most nodes down or cut off at once. @defaultValue `1` */
  readonly maxNodesDown?: number;
  /** Most client loads. @defaultValue `2` */
  readonly maxTraffic?: number;
  /**
   * Follow each drain with an uncordon before the horizon.
   * @defaultValue `true`
   */
  readonly uncordonAfterDrain?: boolean;
  /**
   * Let behaviours crash containers (crashAfter), making crash loops.
   * @defaultValue `true`
   */
  readonly crashLoops?: boolean;
}

interface Shape {
  readonly seed: number;
  readonly nodes: ReturnType<typeof clusterArb> extends fc.Arbitrary<infer N> ? N : never;
  readonly horizon: number;
  readonly apps: readonly string[];
  readonly barePods: number;
}

function pdb(app: string): KubeObjectInput {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: app },
    spec: { maxUnavailable: 1, selector: { matchLabels: { app } } },
  };
}

function actionArb(
  shape: Shape,
  c: ScenarioConstraints,
  pods: readonly string[],
): fc.Arbitrary<ScenarioAction[]> {
  const nodes = nodeNames(shape.nodes.count);
  const at = fc.integer({ min: 0, max: shape.horizon - 1_000 });
  const kinds: fc.Arbitrary<ScenarioAction[]>[] = [];
  if (shape.apps.length > 0) {
    const app = fc.constantFrom(...shape.apps);
    kinds.push(
      fc
        .record({ at, key: app, replicas: fc.integer({ min: 0, max: c.maxReplicas ?? 5 }) })
        .map(({ at: t, key, replicas }) => [
          { at: t, type: 'scale', kind: 'Deployment', key, replicas },
        ]),
      fc
        .record({ at, key: app, image: fc.constantFrom('app:2', 'app:3') })
        .map(({ at: t, key, image }) => [{ at: t, type: 'rollout', key, image }]),
    );
  }
  // A drain may end with an uncordon before the horizon. A drain blocked by a budget retries
  // forever (kubectl without --timeout); its refused retries are periodic, so settle returns.
  if (nodes.length > 0)
    kinds.push(
      fc
        .record({
          at,
          node: fc.constantFrom(...nodes),
          hold: fc.integer({ min: 1_000, max: shape.horizon }),
        })
        .map(({ at: t, node, hold }): ScenarioAction[] => [
          { at: t, type: 'drain', node },
          ...(c.uncordonAfterDrain !== false
            ? [{ at: Math.min(shape.horizon - 1, t + hold), type: 'uncordon' as const, node }]
            : []),
        ]),
    );
  if (pods.length > 0) {
    kinds.push(
      fc
        .record({ at, pod: fc.constantFrom(...pods) })
        .map(({ at: t, pod }) => [{ at: t, type: 'evict', pod }]),
    );
  }
  if (kinds.length === 0) return fc.constant([]);
  return fc
    .array(fc.oneof(...kinds), { maxLength: c.maxActions ?? 4 })
    .map((groups) => groups.flat().sort((a, b) => Number(a.at) - Number(b.at)));
}

/**
 * Valid scenarios of the SMALL size by default: 1–10 nodes over 1–3 zones, up to 3 Deployments
 * (0–5 replicas) each maybe with a Service (some selecting nothing) and a budget
 * (maxUnavailable 1), up to 3 bare pods, user actions (scale, rollout, drain, evict),
 * a fault schedule with at most one node down at once, and client loads; horizon 1–15 min.
 * At most 30 pods even with scale-ups. Shrinks toward fewer objects, fewer and later faults and a
 * shorter horizon.
 * @example fc.assert(fc.property(scenarioArb(), (s) => runScenario(s).violations.length === 0))
 */
export function scenarioArb(constraints: ScenarioConstraints = {}): fc.Arbitrary<Scenario> {
  const maxDeployments = Math.min(constraints.maxDeployments ?? 3, APP_NAMES.length);
  const shape: fc.Arbitrary<Shape> = fc.record({
    seed: fc.nat({ max: 1_000_000 }),
    nodes: clusterArb({ maxNodes: constraints.maxNodes ?? 10 }),
    horizon: fc
      .integer({ min: 1, max: constraints.maxHorizonMinutes ?? 15 })
      .map((m) => m * 60_000),
    apps: fc.integer({ min: 0, max: maxDeployments }).map((n) => APP_NAMES.slice(0, n)),
    barePods: fc.integer({ min: 0, max: constraints.maxBarePods ?? 3 }),
  });
  return shape.chain((s) => {
    const podNames = Array.from({ length: s.barePods }, (_, i) => `pod-${i}`);
    const podKeys = podNames.map((n) => `default/${n}`);
    const maxReplicas = constraints.maxReplicas ?? 5;
    const workloads = s.apps.map((app) =>
      fc.record({
        app: fc.constant(app),
        deployment: deploymentArb({
          name: app,
          maxReplicas,
          withCrash: constraints.crashLoops ?? true,
        }),
        service: fc.option(serviceArb({ name: app }), { nil: undefined }),
        pdb: fc.boolean(),
      }),
    );
    const nodes = nodeNames(s.nodes.count);
    const trafficLoads: fc.Arbitrary<ScenarioTraffic[]> =
      s.apps.length === 0
        ? fc.constant([])
        : fc.array(trafficArb({ services: s.apps, nodes, horizon: s.horizon }), {
            maxLength: constraints.maxTraffic ?? 2,
          });
    return fc
      .record({
        workloads: fc.tuple(...workloads),
        pods: fc.tuple(
          ...podNames.map((name) => podArb({ name, withCrash: constraints.crashLoops ?? true })),
        ),
        actions: actionArb(s, constraints, podKeys),
        faults: faultScheduleArb({
          nodes,
          pods: podKeys,
          horizon: s.horizon,
          maxFaults: constraints.maxFaults ?? 4,
          maxNodesDown: constraints.maxNodesDown ?? 1,
        }),
        traffic: trafficLoads,
      })
      .map(({ workloads: ws, pods, actions, faults, traffic }) => {
        const manifests: KubeObjectInput[] = [];
        const services = new Set<string>();
        for (const w of ws) {
          manifests.push(w.deployment);
          if (w.service !== undefined) {
            manifests.push(w.service);
            services.add(w.app);
          }
          if (w.pdb) manifests.push(pdb(w.app));
        }
        manifests.push(...pods);
        return {
          seed: s.seed,
          nodes: [s.nodes],
          manifests,
          actions,
          faults,
          // Traffic only to Services that exist.
          traffic: traffic.filter((t) => services.has(t.to)),
          horizon: s.horizon,
        } satisfies Scenario;
      });
  });
}
