/**
 * Liveness: at quiescence every Deployment that surely fits has all its replicas available (§7).
 * @packageDocumentation
 */
import { bytes, cpuMillis, type Deployment, type Node, type PodSpec } from '@kubesim/core';
import type { InvariantView } from '../world/index.js';
import { TraceMirror } from './_internals/traceMirror.js';
import { worldOf } from './_internals/worldOf.js';
import { DEPLOYMENTS_REACH_REPLICAS } from './names.js';
import type { Invariant, Violation } from './types.js';

const BEHAVIOR = 'kubesim.io/behavior';
/** Behaviour fields that can keep a pod from ever being available. */
const UNHEALTHY_BEHAVIOR = /crashAfter|readinessFailing|livenessFailing/;

interface Request {
  readonly cpu: number;
  readonly mem: number;
}

function quantity(q: string | number | undefined, f: (q: string | number) => number): number {
  return q === undefined ? 0 : f(q);
}

/** The pod's effective request: max(sum of containers, largest init container). */
function requestOf(spec: PodSpec): Request {
  const of = (c: PodSpec['containers'][number]): Request => ({
    cpu: quantity(c.resources?.requests?.['cpu'], cpuMillis),
    mem: quantity(c.resources?.requests?.['memory'], bytes),
  });
  let cpu = 0;
  let mem = 0;
  for (const c of spec.containers) {
    const r = of(c);
    cpu += r.cpu;
    mem += r.mem;
  }
  for (const c of spec.initContainers ?? []) {
    const r = of(c);
    cpu = Math.max(cpu, r.cpu);
    mem = Math.max(mem, r.mem);
  }
  return { cpu, mem };
}

/** Placement rules that could keep a fitting pod off every node: we do not reason about them. */
function hasPlacementRules(spec: PodSpec): boolean {
  return (
    Object.keys(spec.nodeSelector ?? {}).length > 0 ||
    spec.affinity !== undefined ||
    (spec.topologySpreadConstraints ?? []).length > 0 ||
    spec.hostNetwork === true ||
    [...spec.containers, ...(spec.initContainers ?? [])].some((c) =>
      (c.ports ?? []).some((p) => p.hostPort !== undefined),
    )
  );
}

function surgeOf(d: Deployment): number {
  if (d.spec.strategy.type !== 'RollingUpdate') return 0;
  const s = d.spec.strategy.rollingUpdate.maxSurge;
  if (typeof s === 'number') return s;
  const pct = Number.parseInt(s, 10);
  return Number.isFinite(pct) ? Math.ceil((pct * d.spec.replicas) / 100) : d.spec.replicas;
}

function schedulable(n: Node): boolean {
  const ready = (n.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  const tainted = (n.spec.taints ?? []).some(
    (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute',
  );
  return ready && n.spec.unschedulable !== true && !tainted;
}

/**
 * How many pods of at most `r` fit on the node for sure: a node holding fewer pods than this can
 * take any such pod whatever the others requested, so if the cluster-wide sum covers every pod,
 * no pod can be left unscheduled for lack of room.
 */
function surePods(n: Node, r: Request): number {
  const alloc = n.status.allocatable ?? {};
  const slots = quantity(alloc['pods'], (q) => Number(q));
  const cpu = r.cpu === 0 ? Infinity : Math.floor(quantity(alloc['cpu'], cpuMillis) / r.cpu);
  const mem = r.mem === 0 ? Infinity : Math.floor(quantity(alloc['memory'], bytes) / r.mem);
  return Math.min(slots, cpu, mem);
}

/** The cluster's conditions for asserting anything: every node up, connected, uncordoned. */
function clusterQuiet(world: InvariantView): boolean {
  if (world.nodesDown.size > 0 || world.nodesPartitioned.size > 0) return false;
  return world.store.list('Node').every((n) => n.spec.unschedulable !== true);
}

/**
 * Liveness invariant `deployments-reach-replicas`: at quiescence, when no node is down,
 * partitioned or cordoned, every Deployment that surely fits has `status.availableReplicas ==
 * spec.replicas`. "Surely fits": the schedulable untainted Ready nodes can hold every live pod
 * not owned by a Deployment plus `replicas + maxSurge` pods of every Deployment, counted with
 * the largest request among them; the template has no placement rule (nodeSelector, affinity,
 * spread constraints, host ports), no behaviour that crashes or fails probes, and none of its
 * current pods had its readiness failed by a fault. Paused or deleting Deployments are skipped.
 * @example sim.settle(); deploymentsReachReplicas().check(sim, 'end')
 */
export function deploymentsReachReplicas(): Invariant {
  const mirror = new TraceMirror([]);
  const readinessFailed = new Set<string>();
  return {
    name: DEPLOYMENTS_REACH_REPLICAS,
    kind: 'liveness',
    description:
      'At quiescence, in a quiet cluster with room for them, every Deployment has availableReplicas == replicas.',
    check(sim) {
      const world = worldOf(sim);
      mirror.advance(
        sim,
        () => undefined,
        (e) => {
          const pod = e.detail?.['pod'];
          if (e.type === 'FailReadiness' && typeof pod === 'string') readinessFailed.add(pod);
        },
      );
      if (!clusterQuiet(world)) return [];
      const deployments = world.store.list('Deployment');
      const rsOwner = new Map<string, string>();
      for (const rs of world.store.list('ReplicaSet')) {
        const owner = rs.metadata.ownerReferences?.find(
          (o) => o.controller === true && o.kind === 'Deployment',
        );
        if (owner !== undefined)
          rsOwner.set(rs.metadata.uid, `${rs.metadata.namespace}/${owner.name}`);
      }
      const podsOf = new Map<string, string[]>();
      const requests: Request[] = [];
      let needed = 0;
      for (const pod of world.store.list('Pod')) {
        const phase = pod.status.phase;
        if (phase === 'Succeeded' || phase === 'Failed') continue;
        const rs = pod.metadata.ownerReferences?.find(
          (o) => o.controller === true && o.kind === 'ReplicaSet',
        );
        const dep = rs === undefined ? undefined : rsOwner.get(rs.uid);
        const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
        if (dep !== undefined) {
          podsOf.set(dep, [...(podsOf.get(dep) ?? []), key]);
          continue;
        }
        requests.push(requestOf(pod.spec));
        needed += 1;
      }
      for (const d of deployments) {
        requests.push(requestOf(d.spec.template.spec));
        needed += d.spec.replicas + surgeOf(d);
      }
      const largest = requests.reduce(
        (a, b) => ({ cpu: Math.max(a.cpu, b.cpu), mem: Math.max(a.mem, b.mem) }),
        { cpu: 0, mem: 0 },
      );
      const room = world.store
        .list('Node')
        .filter(schedulable)
        .reduce((sum, n) => sum + surePods(n, largest), 0);
      if (room < needed) return [];
      const out: Violation[] = [];
      for (const d of deployments) {
        const key = `${d.metadata.namespace}/${d.metadata.name}`;
        const tpl = d.spec.template;
        if (d.spec.paused === true || d.metadata.deletionTimestamp !== undefined) continue;
        if (hasPlacementRules(tpl.spec)) continue;
        if (UNHEALTHY_BEHAVIOR.test(tpl.metadata?.annotations?.[BEHAVIOR] ?? '')) continue;
        if ((podsOf.get(key) ?? []).some((p) => readinessFailed.has(p))) continue;
        const available = d.status.availableReplicas ?? 0;
        if (available === d.spec.replicas) continue;
        out.push({
          invariant: DEPLOYMENTS_REACH_REPLICAS,
          t: sim.now,
          message: `Deployment ${key} has ${available} available replicas of ${d.spec.replicas} although the cluster has room for them`,
          subjects: [key],
        });
      }
      return out;
    },
  };
}
