/**
 * The simulated kubelet of one node (§5, §6.1).
 * @packageDocumentation
 */
import type { WorldForkContext } from '../world/forkContext.js';
import { AlreadyExistsError, formatMicroTimestamp } from '@kubesim/core';
import type { Lease, Pod, StoreEvent } from '@kubesim/core';
import { sampleDelay } from '../engine/index.js';
import type { DelayModel } from '../engine/index.js';
import type { AgentHost, NodeAgent } from '../world/agentHost.js';
import { readBehaviorFields } from './behavior.js';
import type { PodBehavior, PodBehaviorInput } from './behavior.js';
import { LeaseClock } from './leaseClock.js';
import { PodIpPool } from './podIpPool.js';
import { PodWorker } from './podWorker.js';
import type { PodWorkerHost } from './podWorker.js';

/** Options of a {@link Kubelet}. */
export interface KubeletOptions {
  /** The node's pod CIDR (e.g. `'10.128.3.0/24'`); without one pods wait in Pending. */
  readonly podCIDR?: string;
  /** Behaviour of pods without (or under) a `kubesim.io/behavior` annotation. */
  readonly defaultBehavior?: PodBehaviorInput;
}

function podKey(key: string): string {
  return key.includes('/') ? key : `default/${key}`;
}

/**
 * A node's kubelet. It receives the Pod events of its node (already delayed by the runtime),
 * starts pods (sandbox, IP from the node's CIDR, init containers, containers), evaluates probes
 * lazily from each pod's `kubesim.io/behavior`, restarts containers with CrashLoopBackOff, shuts
 * deleted pods down gracefully and confirms their removal. Every status write goes through
 * `host.store.updateStatus`, once per observable change; a Ready pod that stays Ready costs no
 * event. Lease renewals are computed ({@link Kubelet.lastLeaseRenewal}), never ticked.
 *
 * @example
 * ```ts
 * const kubelet = new Kubelet(host, 'node-1', { podCIDR: '10.128.1.0/24' });
 * // the runtime calls kubelet.onPodEvent(ev) for pods bound to node-1
 * kubelet.podIP('default/web-0'); // '10.128.1.2' once the sandbox is up
 * ```
 */
export class Kubelet implements NodeAgent {
  readonly nodeName: string;
  readonly #host: AgentHost;
  readonly #workers = new Map<string, PodWorker>();
  readonly #lease: LeaseClock;
  readonly #defaultBehavior: Partial<PodBehavior>;
  readonly #ctx: PodWorkerHost;
  #pool: PodIpPool | undefined;

  /**
   * @throws BehaviorInvalidError when `opts.defaultBehavior` is invalid;
   *   ConfigError when `opts.podCIDR` is not an IPv4 CIDR.
   */
  constructor(
    host: AgentHost,
    nodeName: string,
    opts: KubeletOptions = {},
    from?: { readonly kubelet: Kubelet; readonly fork: WorldForkContext },
  ) {
    from?.fork.remember(from.kubelet, this);
    this.#host = host;
    this.nodeName = nodeName;
    this.#defaultBehavior =
      from !== undefined
        ? from.kubelet.#defaultBehavior
        : opts.defaultBehavior === undefined
          ? {}
          : readBehaviorFields(opts.defaultBehavior);
    if (opts.podCIDR !== undefined) this.#pool = new PodIpPool(opts.podCIDR);
    this.#lease = new LeaseClock(host.config.leaseRenewInterval, host.now);
    const stream = host.random(`kubelet/${nodeName}`);
    this.#ctx = {
      host,
      nodeName,
      defaultBehavior: this.#defaultBehavior,
      delay: (model: DelayModel) => sampleDelay(model, stream),
      allocateIp: () => this.#allocateIp(),
      releaseIp: (ip) => {
        if (this.#pool?.release(ip) === true) this.#unblockAll();
      },
      hostIP: () => this.#hostIP(),
      done: (w) => {
        if (this.#workers.get(w.key) === w) this.#workers.delete(w.key);
      },
      forkInto: (fork) => fork.copyOf(this).#ctx,
    };
    if (from !== undefined) {
      // A fork's copy: the lease write and every pending task are the parent's, mapped to copies.
      const parent = from.kubelet;
      from.fork.remember(parent.#ctx, this.#ctx);
      this.#lease = parent.#lease.fork();
      this.#pool = parent.#pool?.fork();
      for (const [key, w] of parent.#workers) this.#workers.set(key, from.fork.copyOf(w));
      return;
    }
    // Written from an event, not from inside the store watch that created this kubelet.
    host.schedule(host.now, `kubelet/${nodeName} lease`, this, (k) => {
      k.#writeLease();
    });
  }

  /** This kubelet's copy in a fork, on the fork's copy of its node host. */
  forkInto(fork: WorldForkContext): Kubelet {
    return new Kubelet(fork.copyOf(this.#host), this.nodeName, {}, { kubelet: this, fork });
  }

  /** The node's pod CIDR, once known. */
  get podCIDR(): string | undefined {
    return this.#pool?.cidr.text;
  }

  /** Whether the kubelet runs (false after {@link Kubelet.stop}). */
  get alive(): boolean {
    return this.#lease.alive;
  }

  /** Keys of the pods this kubelet is working on, sorted. */
  podKeys(): string[] {
    return [...this.#workers.keys()].sort();
  }

  /** Node IPAM assigned the node's CIDR: pods waiting for an address get their sandbox. */
  setPodCIDR(cidr: string): void {
    if (this.#pool?.cidr.text === cidr) return;
    this.#pool = new PodIpPool(cidr);
    this.#unblockAll();
  }

  #unblockAll(): void {
    for (const w of this.#workers.values()) w.unblock();
  }

  #allocateIp(): { readonly ip: string } | { readonly error: string } {
    if (this.#pool === undefined) {
      return {
        error: `failed to set up the pod network: node ${this.nodeName} has no podCIDR assigned yet`,
      };
    }
    const ip = this.#pool.allocate();
    if (ip === undefined) {
      return {
        error: `failed to allocate an IP address: no IP addresses available in range ${this.#pool.cidr.text}`,
      };
    }
    return { ip };
  }

  #hostIP(): string | undefined {
    const node = this.#host.store.get('Node', this.nodeName);
    // Asked at every status render; stored objects are immutable, so read each version once.
    if (node !== this.#hostIPOf.node) {
      const address = node?.status.addresses?.find((a) => a.type === 'InternalIP')?.address;
      this.#hostIPOf = { node, address };
    }
    return this.#hostIPOf.address;
  }

  /** The node version {@link Kubelet.#hostIP} last read, and its InternalIP. */
  #hostIPOf: { node: unknown; address: string | undefined } = {
    node: undefined,
    address: undefined,
  };

  /** Receives a Pod event for a pod bound to (or once bound to) this node. */
  onPodEvent(ev: StoreEvent): void {
    if (!this.alive || ev.kind !== 'Pod') return;
    const pod = ev.object as Pod;
    const key = podKey(ev.key);
    let worker = this.#workers.get(key);
    if (worker !== undefined && worker.uid !== pod.metadata.uid) {
      worker.dispose();
      worker = undefined;
    }
    if (ev.type === 'DELETED') {
      worker?.dispose();
      return;
    }
    if (pod.spec.nodeName !== this.nodeName) return;
    if (worker !== undefined) {
      worker.observe(pod);
      return;
    }
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return;
    this.#startWorker(pod);
  }

  #startWorker(pod: Pod): void {
    const worker = new PodWorker(this.#ctx, pod);
    this.#workers.set(worker.key, worker);
    worker.begin();
    worker.flush();
  }

  #writeLease(): void {
    const store = this.#host.store;
    const node = store.get('Node', this.nodeName);
    if (node === undefined || !this.alive) return;
    const renewTime = formatMicroTimestamp(this.#host.config.startTime + this.#host.now);
    const spec = {
      holderIdentity: this.nodeName,
      leaseDurationSeconds: Math.round(this.#host.config.leaseDuration / 1000),
      renewTime,
    };
    const existing = store.get('Lease', `kube-node-lease/${this.nodeName}`);
    if (existing !== undefined) {
      store.update({ ...existing, spec: { ...existing.spec, ...spec } } satisfies Lease);
      return;
    }
    try {
      store.create({
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name: this.nodeName,
          namespace: 'kube-node-lease',
          ownerReferences: [
            { apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid },
          ],
        },
        spec,
      });
    } catch (e) {
      if (!(e instanceof AlreadyExistsError)) throw e;
    }
  }

  /**
   * The last Lease renewal at or before `now`: renewals happen at the kubelet's start +
   * k × `leaseRenewInterval` while it is alive (a restart starts a new series). `undefined`
   * before the first. Nothing is scheduled for them (DESIGN.md point 6).
   */
  lastLeaseRenewal(now: number): number | undefined {
    return this.#lease.lastRenewal(now);
  }

  /**
   * Power loss at `now`: no more renewals, every container is gone (`isContainerRunning` false),
   * nothing else is written. The pod objects stay as they were in the API.
   */
  stop(now: number): void {
    if (!this.alive) return;
    this.#lease.stop(now);
    for (const w of this.#workers.values()) w.powerLoss();
  }

  /**
   * The node is back (at `host.now`): renewals restart from now, the Lease is renewed, pods
   * deleted meanwhile are finished and removed, the others get a new sandbox (same address) and
   * their containers start again (restartCount + 1); pods bound while it was down start.
   */
  restart(): void {
    if (this.alive) return;
    const host = this.#host;
    this.#lease.restart(host.now);
    this.#writeLease();
    for (const w of [...this.#workers.values()]) {
      const pod = host.store.get('Pod', w.key);
      if (pod?.metadata.uid !== w.uid) w.dispose();
      else w.reboot(pod);
    }
    for (const pod of host.store.podsOnNode(this.nodeName)) {
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      if (
        this.#workers.has(key) ||
        pod.status.phase === 'Succeeded' ||
        pod.status.phase === 'Failed'
      )
        continue;
      this.#startWorker(pod);
    }
  }

  /**
   * Whether a container of the pod runs on this live node: `container` by name, default the main
   * container (`spec.containers[0]`). False in back-off, after exit, before start, after stop.
   */
  isContainerRunning(key: string, container?: string): boolean {
    if (!this.alive) return false;
    const w = this.#workers.get(podKey(key));
    if (w === undefined) return false;
    const c =
      container === undefined ? w.containers[0] : w.containers.find((x) => x.name === container);
    return c?.state === 'running';
  }

  /**
   * True when the pod's main container runs and its application accepts connections: running for
   * at least the behaviour's `listenAfter` since its last start.
   */
  isListening(key: string): boolean {
    if (!this.alive) return false;
    const c = this.#workers.get(podKey(key))?.containers[0];
    if (c?.state !== 'running') return false;
    return this.#host.now >= c.startedAt + c.behavior.listenAfter;
  }

  /** The pod's address on this node, once its sandbox is up; undefined otherwise. */
  podIP(key: string): string | undefined {
    return this.#workers.get(podKey(key))?.ip;
  }

  /**
   * Fault: the pod's readiness probes fail from now, for `durationMs` (default: until
   * {@link Kubelet.healReadiness}). Detection follows the probe's period and failureThreshold.
   * Containers without a readiness probe are unaffected (they are ready once started).
   */
  failReadiness(key: string, durationMs?: number): void {
    const w = this.#workers.get(podKey(key));
    if (w === undefined) return;
    const now = this.#host.now;
    w.injectedReadiness.push({
      from: now,
      until: durationMs === undefined ? Infinity : now + durationMs,
    });
    this.#replan(w);
  }

  /** Ends every injected readiness failure of the pod now. */
  healReadiness(key: string): void {
    const w = this.#workers.get(podKey(key));
    if (w === undefined) return;
    const now = this.#host.now;
    w.injectedReadiness = w.injectedReadiness.map((x) =>
      x.until > now ? { from: x.from, until: now } : x,
    );
    this.#replan(w);
  }

  #replan(w: PodWorker): void {
    for (const c of w.containers) c.replanReadiness();
    w.flush();
  }

  /**
   * Fault: the pod's main container crashes now with `exitCode` (default 137); restartPolicy
   * and CrashLoopBackOff apply as for any exit.
   */
  killContainer(key: string, exitCode = 137): void {
    const w = this.#workers.get(podKey(key));
    const main = w?.containers[0];
    if (w === undefined || main?.state !== 'running') return;
    main.exit(exitCode, 'Error');
    w.flush();
  }
}
