/**
 * Whole scenarios: a cluster, workloads, Services and their endpoints, actions, faults, traffic.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { KubeObjectInput } from '@kubesim/core';
import type { Scenario, ScenarioTraffic } from '../scenario/types.js';
import { APP_NAMES, ZONES } from './_internals/pools.js';
import { concreteActions, rawActionArb, type ServiceSlot } from './_internals/scenarioActions.js';
import { concreteFaults, rawFaultArb } from './_internals/scenarioFaults.js';
import { clusterArb, nodeNames } from './clusterArb.js';
import { deploymentArb } from './deploymentArb.js';
import { conditionsArb, sliceManifest } from './endpointSliceArb.js';
import { endpointsManifest } from './endpointsArb.js';
import { podArb } from './podArb.js';
import { serviceManifest } from './serviceArb.js';
import { simConfigArb } from './simConfigArb.js';

/**
 * Options of {@link scenarioArb}. The defaults make the SMALL size with every edge switched on;
 * switch an edge off with `false`.
 */
export interface ScenarioConstraints {
  /** Most nodes. @defaultValue `10` */
  readonly maxNodes?: number;
  /** Most Deployments (named web, api, db). @defaultValue `3` */
  readonly maxDeployments?: number;
  /** Most Services (named web, api, db). @defaultValue `3` */
  readonly maxServices?: number;
  /** Most replicas per Deployment, also for scale actions. @defaultValue `5` */
  readonly maxReplicas?: number;
  /** Most bare pods (pod-0, …; pod fault targets). @defaultValue `3` */
  readonly maxBarePods?: number;
  /** Longest horizon in whole minutes (the shortest is 5 s). @defaultValue `15` */
  readonly maxHorizonMinutes?: number;
  /** Most user actions (a drain with its uncordon, a Service deletion with its re-creation, count once). @defaultValue `5` */
  readonly maxActions?: number;
  /** Most faults. @defaultValue `4` */
  readonly maxFaults?: number;
  /** Most nodes down or cut off at once (a zone outage is alone). @defaultValue `1` */
  readonly maxNodesDown?: number;
  /** Most client loads. @defaultValue `2` */
  readonly maxTraffic?: number;
  /** Follow each drain with an uncordon before the horizon. @defaultValue `true` */
  readonly uncordonAfterDrain?: boolean;
  /** Let behaviours crash containers (crashAfter), making crash loops. @defaultValue `true` */
  readonly crashLoops?: boolean;
  /**
   * Small `maxEndpointsPerSlice` and `mirroringMaxEndpointsPerSubset` (1–3) drawn into the
   * config, so a Service of a few pods spans several EndpointSlices.
   * @defaultValue `true`
   */
  readonly smallSlices?: boolean;
  /** Watch delays drawn per watcher (controllers, kubelets, kube-proxies, `sim.watch`). @defaultValue `true` */
  readonly watchDelays?: boolean;
  /** Actions that re-apply a Service with another selector. @defaultValue `true` */
  readonly selectorChanges?: boolean;
  /** Actions that delete a Service and create it again (same name, new ClusterIP). @defaultValue `true` */
  readonly serviceRecreation?: boolean;
  /**
   * Deployments whose container port `http` has different numbers (8080, 9090) behind one
   * Service with `targetPort: http`, and Deployments sharing an `app` label.
   * @defaultValue `true`
   */
  readonly namedPorts?: boolean;
  /**
   * Services without selector with user-written EndpointSlices (conditions absent, partial or
   * explicit), and actions that rewrite or delete those slices.
   * @defaultValue `true`
   */
  readonly selectorlessServices?: boolean;
  /** Services without selector with user-written legacy Endpoints, mirrored into slices. @defaultValue `true` */
  readonly legacyEndpoints?: boolean;
  /** Headless Services (`clusterIP: None`). @defaultValue `true` */
  readonly headlessServices?: boolean;
  /** Actions that take every pod of a Deployment down at once: scale to 0, delete it. @defaultValue `true` */
  readonly allPodsTerminating?: boolean;
  /** Readiness failure windows in pod behaviours, probed every second. @defaultValue `true` */
  readonly readinessFlapping?: boolean;
  /** Node crashes and control-plane partitions. @defaultValue `true` */
  readonly nodeFaults?: boolean;
  /** Zone outages (every node of a zone loses power). @defaultValue `true` */
  readonly zoneOutages?: boolean;
  /** maxSurge / maxUnavailable at their edges (0, 1, 100 %). @defaultValue `true` */
  readonly rolloutEdges?: boolean;
  /**
   * Slow shutdowns: terminationDelay, preStop hooks, short grace periods, so terminating endpoints
   * stay serving for a while.
   * @defaultValue `true`
   */
  readonly slowShutdown?: boolean;
}

type ServiceMode = 'selector' | 'slices' | 'endpoints';

/** The Services' user-written endpoints use TEST-NET-1 (RFC 5737): slot i owns 192.0.2.(10+20i)…(29+20i). */
function addressOf(slot: number, slice: number, k: number): string {
  const base = 10 + 20 * slot + (slice < 0 ? 10 : 5 * slice);
  return `192.0.2.${base + (k % 5)}`;
}

function pdb(app: string): KubeObjectInput {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: app },
    spec: { maxUnavailable: 1, selector: { matchLabels: { app } } },
  };
}

/**
 * Valid scenarios of the SMALL size by default: 1–10 nodes over 1–3 zones; up to 3 Deployments
 * (0–5 replicas, maybe sharing an `app` label, with different numbers for the named port, slow
 * shutdowns, readiness flapping, rollout edges, maybe a budget); up to 3 Services (with a
 * selector, ClusterIP / NodePort / headless, or without one and with user-written EndpointSlices
 * or legacy Endpoints); up to 3 bare pods; a config with maybe small slices and watch delays; user
 * actions (scale, rollout, delete a Deployment, drain, evict, change a selector, delete and
 * re-create a Service, rewrite or delete a user slice, rewrite Endpoints); faults (node crashes,
 * partitions, zone outages, pod kills, readiness failures); client loads; a horizon of 5 s to
 * 15 min. At most 30 pods even with scale-ups.
 *
 * Built from independent parts (no `chain`), so fast-check shrinks each on its own: toward fewer
 * nodes, no object in a slot (Deployments, Services, slices, pods), fewer actions and faults
 * removed one by one, earlier times, a shorter horizon and upstream's config.
 * @example fc.assert(fc.property(scenarioArb(), (s) => runScenario(s).violations.length === 0))
 */
export function scenarioArb(constraints: ScenarioConstraints = {}): fc.Arbitrary<Scenario> {
  const on = (k: keyof ScenarioConstraints): boolean => constraints[k] !== false;
  const maxDeployments = Math.min(constraints.maxDeployments ?? 3, APP_NAMES.length);
  const maxServices = Math.min(constraints.maxServices ?? 3, APP_NAMES.length);
  const maxReplicas = constraints.maxReplicas ?? 5;
  const maxHorizon = (constraints.maxHorizonMinutes ?? 15) * 60_000;
  const apps = APP_NAMES.slice(0, Math.max(1, maxDeployments));
  const crash = constraints.crashLoops ?? true;
  const rotated = (i: number): string[] => [...apps.slice(i), ...apps.slice(0, i)];

  const deployments = Array.from({ length: maxDeployments }, (_, i) =>
    fc.option(
      fc.record({
        manifest: deploymentArb({
          name: APP_NAMES[i] ?? 'web',
          apps: on('namedPorts') ? rotated(i) : [APP_NAMES[i] ?? 'web'],
          maxReplicas,
          withCrash: crash,
          portNumbers: on('namedPorts') ? [8080, 9090] : [8080],
          slowShutdown: on('slowShutdown'),
          readinessFlapping: on('readinessFlapping'),
          rolloutEdges: on('rolloutEdges'),
        }),
        pdb: fc.boolean(),
      }),
      { nil: undefined },
    ),
  );
  const modes: ServiceMode[] = [
    'selector',
    ...(on('selectorlessServices') ? (['slices'] as const) : []),
    ...(on('legacyEndpoints') ? (['endpoints'] as const) : []),
  ];
  const endpointDraw = fc.record({ ip: fc.nat({ max: 4 }), conditions: conditionsArb() });
  const services = Array.from({ length: maxServices }, (_, i) =>
    fc.option(
      fc.record({
        mode: fc.constantFrom(...modes),
        app: fc.constantFrom(...rotated(i % apps.length), 'nobody'),
        type: fc.constantFrom(
          'ClusterIP',
          ...(on('headlessServices') ? ['Headless'] : []),
          'NodePort',
        ),
        targetPort: fc.constantFrom<string | number>('http', 8080, 9090),
        publishNotReady: fc.boolean(),
        slices: fc.array(fc.uniqueArray(endpointDraw, { selector: (e) => e.ip, maxLength: 3 }), {
          minLength: 1,
          maxLength: 2,
        }),
        legacy: fc.uniqueArray(fc.record({ ip: fc.nat({ max: 4 }), notReady: fc.boolean() }), {
          selector: (a) => a.ip,
          maxLength: 4,
        }),
      }),
      { nil: undefined },
    ),
  );
  const maxBarePods = constraints.maxBarePods ?? 3;
  const pods = Array.from({ length: maxBarePods }, (_, i) =>
    fc.option(
      podArb({
        name: `pod-${i}`,
        withCrash: crash,
        slowShutdown: on('slowShutdown'),
        readinessFlapping: on('readinessFlapping'),
      }),
      { nil: undefined },
    ),
  );
  const action = rawActionArb({
    maxReplicas,
    maxAt: maxHorizon - 1_000,
    allPodsTerminating: on('allPodsTerminating'),
    selectorChanges: on('selectorChanges'),
    serviceRecreation: on('serviceRecreation'),
    userEndpoints: on('selectorlessServices') || on('legacyEndpoints'),
  });
  const fault = rawFaultArb({
    maxAt: maxHorizon - 1_000,
    nodeFaults: on('nodeFaults'),
    zoneOutages: on('zoneOutages'),
    podFaults: true,
  });
  const traffic = fc.record({
    service: fc.nat({ max: 9 }),
    node: fc.option(fc.nat({ max: 9 }), { nil: undefined }),
    every: fc.integer({ min: 1, max: 10 }).map((s) => 11_000 - s * 1_000),
    start: fc.integer({ min: 0, max: maxHorizon - 1_000 }),
    length: fc.integer({ min: 1_000, max: maxHorizon }),
  });

  return fc
    .record({
      seed: fc.nat({ max: 1_000_000 }),
      config: simConfigArb({ smallSlices: on('smallSlices'), watchDelays: on('watchDelays') }),
      nodes: clusterArb({ maxNodes: constraints.maxNodes ?? 10 }),
      horizon: fc.integer({ min: 5, max: maxHorizon / 1_000 }).map((s) => s * 1_000),
      deployments: fc.tuple(...deployments),
      services: fc.tuple(...services),
      pods: fc.tuple(...pods),
      actions: fc.array(action, { maxLength: constraints.maxActions ?? 5 }),
      faults:
        fault === undefined
          ? fc.constant([])
          : fc.array(fault, { maxLength: constraints.maxFaults ?? 4 }),
      traffic: fc.array(traffic, { maxLength: constraints.maxTraffic ?? 2 }),
    })
    .map((d): Scenario => {
      const manifests: KubeObjectInput[] = [];
      const deploymentKeys: string[] = [];
      d.deployments.forEach((w, i) => {
        if (w === undefined) return;
        const name = APP_NAMES[i] ?? 'web';
        manifests.push(w.manifest);
        deploymentKeys.push(`default/${name}`);
        if (w.pdb) manifests.push(pdb(name));
      });
      const slots: ServiceSlot[] = [];
      d.services.forEach((s, i) => {
        if (s === undefined) return;
        const name = APP_NAMES[i] ?? 'web';
        const selector = s.mode === 'selector';
        const manifest = serviceManifest(name, { ...s, app: selector ? s.app : null });
        const port = typeof s.targetPort === 'number' && !selector ? s.targetPort : 8080;
        manifests.push(manifest);
        const sliceNames = s.mode === 'slices' ? s.slices.map((_, j) => `${name}-manual-${j}`) : [];
        s.slices.forEach((eps, j) => {
          if (s.mode !== 'slices') return;
          const endpoints = eps.map((e) => ({
            ip: addressOf(i, j, e.ip),
            conditions: e.conditions,
          }));
          manifests.push(sliceManifest(`${name}-manual-${j}`, name, port, endpoints));
        });
        if (s.mode === 'endpoints') {
          const list = s.legacy.map((a) => ({ ip: addressOf(i, -1, a.ip), notReady: a.notReady }));
          manifests.push(endpointsManifest(name, port, list));
        }
        slots.push({
          name,
          manifest,
          selector,
          slices: sliceNames,
          legacyEndpoints: s.mode === 'endpoints',
          address: (j, k) => addressOf(i, j, k),
          port,
        });
      });
      const podKeys: string[] = [];
      for (const p of d.pods) {
        if (p === undefined) continue;
        manifests.push(p);
        podKeys.push(`default/${(p.metadata as { name: string }).name}`);
      }
      const nodes = nodeNames(d.nodes.count);
      const zones = d.nodes.zones ?? ZONES.slice(0, 1);
      const actions = concreteActions(d.actions, {
        horizon: d.horizon,
        deployments: deploymentKeys,
        services: slots,
        nodes,
        pods: podKeys,
        apps: [...apps, 'nobody'],
        uncordonAfterDrain: constraints.uncordonAfterDrain ?? true,
      });
      const faults = concreteFaults(d.faults, {
        horizon: d.horizon,
        nodes: nodes.map((name, i) => ({ name, zone: zones[i % zones.length] ?? 'zone-a' })),
        pods: podKeys,
        maxNodesDown: constraints.maxNodesDown ?? 1,
      });
      const loads: ScenarioTraffic[] = [];
      for (const t of d.traffic) {
        const svc = slots.length === 0 ? undefined : slots[t.service % slots.length];
        if (svc === undefined || t.start > d.horizon - 1_000) continue;
        const node = t.node === undefined ? undefined : nodes[t.node % nodes.length];
        loads.push({
          from: node === undefined ? { external: true } : { node },
          to: svc.name,
          every: t.every,
          start: t.start,
          until: Math.max(t.start + 1_000, Math.min(d.horizon, t.start + t.length)),
        });
      }
      return {
        seed: d.seed,
        ...(Object.keys(d.config).length > 0 ? { config: d.config } : {}),
        nodes: [d.nodes],
        manifests,
        actions,
        faults,
        traffic: loads,
        horizon: d.horizon,
      };
    });
}
