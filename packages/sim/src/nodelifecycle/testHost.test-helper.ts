/**
 * Test helpers (not exported): a tiny AgentHost over a core Store and the engine's EventQueue, a
 * timed runner for core controllers (watch delay 0, requeueAfter honoured), and fixtures.
 * @packageDocumentation
 */
import { Store, applyAction, formatTimestamp } from '@kubesim/core';
import type { Controller, Node, NodeInput, Pod, StoreEvent, Toleration } from '@kubesim/core';
import { EventQueue, RandomStreams, defaultSimConfig } from '../engine/index.js';
import type { RandomStream, SimConfig } from '../engine/index.js';
import type { Scheduled, ScheduledId } from '../world/agentHost.js';
import type { NodeLifecycleHost } from './nodeLifecycleController.js';

/**
 * An AgentHost with a manual clock: `runUntil(t)` runs every event due up to `t`. Its store is
 * paranoid, so the plans the controllers under test apply as trusted writes are still validated.
 */
export class TestHost implements NodeLifecycleHost {
  now = 0;
  readonly config: Readonly<SimConfig>;
  readonly store: Store;
  readonly #queue = new EventQueue<() => void>();
  readonly #streams = new RandomStreams('test');
  /** Labels of the events run, with their times (for "nothing scheduled" checks). */
  readonly ran: { at: number; label: string }[] = [];
  readonly #labels = new Map<number, string>();
  /** Activity entries the code under test traced (`ActionRefused`, …). */
  readonly activities: { cause: string; type: string; detail?: Record<string, unknown> }[] = [];
  readonly evictHandler = undefined;

  constructor(config: Partial<SimConfig> = {}) {
    this.config = { ...defaultSimConfig, ...config };
    this.store = new Store({ config: { paranoid: true }, clock: () => this.now });
  }

  withCause<T>(_cause: string, fn: () => T): T {
    return fn();
  }

  traceActivity(cause: string, type: string, detail?: Record<string, unknown>): void {
    this.activities.push({ cause, type, ...(detail === undefined ? {} : { detail }) });
  }

  schedule<O extends object>(at: number, label: string, owner: O, fn: Scheduled<O>): ScheduledId {
    if (at < this.now) throw new Error(`scheduled in the past: ${at} < ${this.now} (${label})`);
    const id = this.#queue.push(at, () => {
      fn(owner);
    });
    this.#labels.set(id, label);
    return id;
  }

  cancel(id: ScheduledId): boolean {
    return this.#queue.cancel(id);
  }

  random(stream: string): RandomStream {
    return this.#streams.stream(stream);
  }

  /** Pending events. */
  get pending(): number {
    return this.#queue.size;
  }

  /** Runs events up to and including `t`, then sets the clock to `t`. */
  runUntil(t: number): void {
    for (
      let at = this.#queue.peekTime();
      at !== undefined && at <= t;
      at = this.#queue.peekTime()
    ) {
      const seq = this.#queue.peekSeq() ?? -1;
      const fn = this.#queue.pop();
      this.now = at;
      this.ran.push({ at, label: this.#labels.get(seq) ?? '' });
      fn?.();
    }
    this.now = t;
  }
}

/**
 * Runs `controller` on `host` in virtual time: keys from every store event are reconciled at the
 * same instant; `requeueAfter` schedules a reconcile later (the earliest pending one wins).
 */
export function runController(host: TestHost, controller: Controller): void {
  const requeues = new Map<string, { at: number; id: ScheduledId }>();
  const reconcile = (key: string): void => {
    const plan = controller.reconcile(host.store, key, host.now);
    for (const action of plan.actions) applyAction(host.store, action);
    if (plan.requeueAfter === undefined) return;
    const at = host.now + plan.requeueAfter;
    const existing = requeues.get(key);
    if (existing !== undefined && existing.at <= at && existing.at > host.now) return;
    if (existing !== undefined) host.cancel(existing.id);
    const id = host.schedule(at, `${controller.name} requeue ${key}`, host, () => {
      requeues.delete(key);
      reconcile(key);
    });
    requeues.set(key, { at, id });
  };
  host.store.watch((ev: StoreEvent) => {
    for (const key of controller.keysFor(ev, host.store)) {
      host.schedule(host.now, `${controller.name} sync ${key}`, host, () => {
        reconcile(key);
      });
    }
  });
}

/** A Ready node manifest (as the simulation registers nodes), optionally in a zone. */
export function nodeManifest(
  name: string,
  zone?: string,
  opts: { ready?: boolean; labels?: Record<string, string> } = {},
): NodeInput {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name, ...opts.labels };
  if (zone !== undefined) labels['topology.kubernetes.io/zone'] = zone;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: {},
    status: {
      conditions:
        opts.ready === false
          ? []
          : [
              { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
              { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure' },
              { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID' },
              { type: 'Ready', status: 'True', reason: 'KubeletReady' },
            ],
    },
  };
}

/** Creates a node. */
export function addNode(
  host: TestHost,
  name: string,
  zone?: string,
  labels?: Record<string, string>,
): Node {
  return host.store.create(
    nodeManifest(name, zone, labels === undefined ? {} : { labels }),
  ) as Node;
}

/** Creates a Running, Ready pod bound to `nodeName` (default tolerations from admission). */
export function runPodOn(
  host: TestHost,
  name: string,
  nodeName: string,
  opts: { tolerations?: Toleration[]; namespace?: string } = {},
): Pod {
  const created = host.store.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default' },
    spec: {
      nodeName,
      containers: [{ name: 'c', image: 'nginx' }],
      ...(opts.tolerations === undefined ? {} : { tolerations: opts.tolerations }),
    },
  });
  return host.store.updateStatus({
    ...created,
    status: {
      ...created.status,
      phase: 'Running',
      conditions: [
        { type: 'PodScheduled', status: 'True' },
        { type: 'ContainersReady', status: 'True' },
        { type: 'Ready', status: 'True' },
      ],
    },
  });
}

/** The status of a pod's or node's condition. */
export function conditionStatus(obj: Pod | Node | undefined, type: string): string | undefined {
  return obj?.status.conditions?.find((c) => c.type === type)?.status;
}

/** The virtual instant of a stamp written by the code under test. */
export function stampAt(host: TestHost, t: number): string {
  return formatTimestamp(host.config.startTime + t);
}
