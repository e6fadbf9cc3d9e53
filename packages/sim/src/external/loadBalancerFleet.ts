/**
 * The cloud load balancers in front of LoadBalancer Services: their backend nodes, their health
 * checks of those nodes (computed when an answer changes, never polled: DESIGN.md point 6), and
 * the node each new connection is sent to.
 * @packageDocumentation
 */
import {
  isLoadBalancerBackend,
  nodeUpdateResyncsLoadBalancers,
  probeAnswer,
  viewFlip,
  type HealthCheckPreset,
  type HealthCheckTiming,
  type Node,
  type ProbeAnswer,
  type ProbeTarget,
  type Service,
  type StoreEvent,
  type ViewFlip,
} from '@kubesim/core';
import type { ScheduledId } from '../world/agentHost.js';
import type { ExternalHost } from './externalHost.js';
import { nodeAddress } from './externalOutcome.js';

interface Backend {
  healthy: boolean;
  everHealthy: boolean;
  answer: ProbeAnswer;
  answerSince: number;
  flip: (ViewFlip & { readonly id: ScheduledId }) | undefined;
}

interface Balancer {
  readonly key: string;
  service: Service;
  readonly ip: string;
  /** Probes of every node run at phase + k × interval: the instant the balancer came up. */
  readonly phase: number;
  readonly backends: Map<string, Backend>;
}

/** Where a new outside connection goes. */
export type LbPick =
  | { readonly outcome: 'node'; readonly node: string; readonly service: Service }
  | { readonly outcome: 'timeout'; readonly reason: string };

/** A load balancer's health view of its backends, for tests and reports. */
export interface LbBackendState {
  readonly node: string;
  readonly healthy: boolean;
  readonly answer: ProbeAnswer;
}

function keyOf(svc: Service): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}`;
}

function lbIP(svc: Service): string | undefined {
  if (svc.spec.type !== 'LoadBalancer') return undefined;
  return svc.status.loadBalancer?.ingress?.find((i) => i.ip !== undefined)?.ip;
}

/** The cloud's load balancers of one simulation (one health-check preset). */
export class LoadBalancerFleet {
  readonly #host: ExternalHost;
  readonly preset: HealthCheckPreset;
  readonly #balancers = new Map<string, Balancer>();
  readonly #byIP = new Map<string, string>();
  /** Backend-eligible nodes by name, as the service controller last synced them. */
  readonly #nodes = new Set<string>();

  constructor(host: ExternalHost, preset: HealthCheckPreset) {
    this.#host = host;
    this.preset = preset;
    for (const node of host.store.list('Node')) {
      if (isLoadBalancerBackend(node)) this.#nodes.add(node.metadata.name);
    }
    for (const svc of host.store.list('Service')) this.#serviceChanged(svc);
  }

  /** The Service key whose load balancer answers at `ip`. */
  serviceAt(ip: string): string | undefined {
    return this.#byIP.get(ip);
  }

  /** The load balancer address of a Service, once provisioned. */
  addressOf(serviceKey: string): string | undefined {
    return this.#balancers.get(serviceKey)?.ip;
  }

  /** Each backend node's state in the balancer of `serviceKey`, by node name. */
  backendsOf(serviceKey: string): LbBackendState[] {
    const lb = this.#balancers.get(serviceKey);
    if (lb === undefined) return [];
    return [...lb.backends.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([node, b]) => ({ node, healthy: b.healthy, answer: b.answer }));
  }

  /** Feeds a store event (Services and Nodes matter). */
  observe(ev: StoreEvent): void {
    if (ev.kind === 'Service') {
      if (ev.type === 'DELETED') this.#remove(ev.key);
      else this.#serviceChanged(ev.object as Service);
    } else if (ev.kind === 'Node') {
      this.#nodeChanged(ev);
    }
  }

  /**
   * A node lost or regained power: its answers to every probe change. A load balancer that still
   * counts a dead node healthy opens a black-hole window for it (`via: 'loadBalancer'`), closed
   * when its health checks take the node out or the node is back.
   */
  powerChanged(nodeName: string): void {
    const powered = this.#host.isNodePowered(nodeName);
    const address = nodeAddress(this.#host.store.get('Node', nodeName), nodeName);
    for (const lb of this.#balancers.values()) {
      const b = lb.backends.get(nodeName);
      if (b === undefined) continue;
      if (!powered && (b.healthy || this.#allUnhealthyFailOpen(lb))) {
        this.#host.windows.open('loadBalancer', lb.key, address);
      } else if (powered) {
        this.#host.windows.close('loadBalancer', lb.key, address);
      }
      this.#reprobe(lb, nodeName);
    }
  }

  /** When the balancer of `serviceKey` came up: its health checks run at that instant + k × interval. */
  upAt(serviceKey: string): number | undefined {
    return this.#balancers.get(serviceKey)?.phase;
  }

  /** kube-proxy views changed: answers that depend on endpoints may have changed. */
  proxiesSynced(): void {
    for (const lb of this.#balancers.values()) {
      if (this.#target(lb.service) === 'kubeProxyHealthz') continue;
      for (const node of lb.backends.keys()) this.#reprobe(lb, node);
    }
  }

  /**
   * Picks the node a new connection to `serviceKey`'s load balancer is sent to: uniformly among
   * the backends its health checks consider healthy; when none is, among all backends if the
   * cloud fails open, else nowhere (timeout).
   */
  pick(serviceKey: string): LbPick {
    const lb = this.#balancers.get(serviceKey);
    if (lb === undefined)
      return { outcome: 'timeout', reason: `no load balancer for ${serviceKey}` };
    const all = [...lb.backends.keys()].sort();
    const healthy = all.filter((n) => lb.backends.get(n)?.healthy === true);
    const pool = healthy.length > 0 ? healthy : this.preset.failOpen ? all : [];
    if (pool.length === 0) {
      return {
        outcome: 'timeout',
        reason:
          all.length === 0
            ? 'the load balancer has no backend nodes'
            : 'no backend node passes the load balancer health check',
      };
    }
    const node = pool.length === 1 ? pool[0] : this.#host.random(`lb/${serviceKey}`).pick(pool);
    if (node === undefined) return { outcome: 'timeout', reason: 'no backend node' };
    return { outcome: 'node', node, service: lb.service };
  }

  #timing(svc: Service): HealthCheckTiming {
    return svc.spec.externalTrafficPolicy === 'Local' ? this.preset.local : this.preset.cluster;
  }

  #target(svc: Service): ProbeTarget {
    return svc.spec.externalTrafficPolicy === 'Local'
      ? this.preset.local.target
      : this.preset.cluster.target;
  }

  #serviceChanged(svc: Service): void {
    const key = keyOf(svc);
    const ip = lbIP(svc);
    const lb = this.#balancers.get(key);
    if (ip === undefined || (lb !== undefined && lb.ip !== ip)) this.#remove(key);
    if (ip === undefined) return;
    const current = this.#balancers.get(key);
    if (current !== undefined) {
      const policyChanged =
        current.service.spec.externalTrafficPolicy !== svc.spec.externalTrafficPolicy;
      current.service = svc;
      if (policyChanged)
        for (const node of current.backends.keys()) this.#reprobe(current, node, true);
      return;
    }
    const created: Balancer = {
      key,
      service: svc,
      ip,
      phase: this.#host.now,
      backends: new Map(),
    };
    this.#balancers.set(key, created);
    this.#byIP.set(ip, key);
    this.#host.traceActivity('cloud-lb', 'LoadBalancerUp', { service: key, ip });
    for (const node of [...this.#nodes].sort()) this.#addBackend(created, node);
  }

  #remove(key: string): void {
    const lb = this.#balancers.get(key);
    if (lb === undefined) return;
    for (const b of lb.backends.values()) if (b.flip !== undefined) this.#host.cancel(b.flip.id);
    this.#balancers.delete(key);
    if (this.#byIP.get(lb.ip) === key) this.#byIP.delete(lb.ip);
    this.#host.traceActivity('cloud-lb', 'LoadBalancerDown', { service: key, ip: lb.ip });
  }

  #nodeChanged(ev: StoreEvent): void {
    const node = ev.object as Node;
    const name = node.metadata.name;
    const old = ev.oldObject as Node | undefined;
    // The service controller syncs host lists when a node is added or removed, or its exclude
    // label or providerID changes (shouldSyncUpdatedNode); a sync applies every predicate.
    const resync =
      ev.type !== 'MODIFIED' || old === undefined || nodeUpdateResyncsLoadBalancers(old, node);
    if (resync) {
      const eligible = new Set<string>();
      for (const n of this.#host.store.list('Node')) {
        if (isLoadBalancerBackend(n)) eligible.add(n.metadata.name);
      }
      for (const n of [...this.#nodes]) {
        if (!eligible.has(n)) {
          this.#nodes.delete(n);
          for (const lb of this.#balancers.values()) this.#removeBackend(lb, n);
        }
      }
      for (const n of [...eligible].sort()) {
        if (this.#nodes.has(n)) continue;
        this.#nodes.add(n);
        for (const lb of this.#balancers.values()) this.#addBackend(lb, n);
      }
    }
    // kube-proxy's healthz reads the Node (deletionTimestamp, the autoscaler taint).
    for (const lb of this.#balancers.values()) this.#reprobe(lb, name);
  }

  #addBackend(lb: Balancer, node: string): void {
    if (lb.backends.has(node)) return;
    const answer = this.#answer(lb, node);
    const b: Backend = {
      healthy: false,
      everHealthy: false,
      answer,
      answerSince: this.#host.now,
      flip: undefined,
    };
    lb.backends.set(node, b);
    this.#plan(lb, node, b, this.#host.now);
  }

  #removeBackend(lb: Balancer, node: string): void {
    const b = lb.backends.get(node);
    if (b === undefined) return;
    if (b.flip !== undefined) this.#host.cancel(b.flip.id);
    lb.backends.delete(node);
    this.#host.windows.close(
      'loadBalancer',
      lb.key,
      nodeAddress(this.#host.store.get('Node', node), node),
    );
  }

  /** Every backend is unhealthy and the cloud fails open: dead nodes still get connections. */
  #allUnhealthyFailOpen(lb: Balancer): boolean {
    if (!this.preset.failOpen) return false;
    for (const b of lb.backends.values()) if (b.healthy) return false;
    return true;
  }

  #answer(lb: Balancer, nodeName: string): ProbeAnswer {
    const host = this.#host;
    const svc = lb.service;
    const target = this.#target(svc);
    const powered = host.isNodePowered(nodeName);
    const node = host.store.get('Node', nodeName);
    if (!powered || target === 'kubeProxyHealthz') {
      return probeAnswer(target, { powered, node });
    }
    const view = host.proxyStateFor(nodeName);
    if (target === 'healthCheckNodePort') {
      // Ready endpoints on this node, by IP (EndpointsMap.LocalReadyEndpoints).
      const ips = new Set<string>();
      for (const port of svc.spec.ports) {
        for (const ep of view.endpointsOf(lb.key, port.name, port.protocol)) {
          if (ep.ready && ep.nodeName === nodeName) ips.add(ep.ip);
        }
      }
      return probeAnswer(target, { powered, node, localReadyEndpoints: ips.size });
    }
    const fe = svc.spec.ports[0];
    const frontend =
      fe?.nodePort === undefined ? undefined : view.frontendAtNodePort(fe.nodePort, fe.protocol);
    const usable =
      frontend !== undefined && view.categorize(frontend, { name: nodeName }).cluster.length > 0;
    return probeAnswer(target, { powered, node, hasUsableEndpoints: usable });
  }

  /** Re-reads a node's answer; when it changed, recomputes the flip of the balancer's view. */
  #reprobe(lb: Balancer, node: string, force = false): void {
    const b = lb.backends.get(node);
    if (b === undefined) return;
    const answer = this.#answer(lb, node);
    if (answer === b.answer && !force) return;
    const now = this.#host.now;
    const bothFailing = answer !== 'ok' && b.answer !== 'ok';
    b.answer = answer;
    if (!bothFailing) b.answerSince = now;
    // A flip whose last probe was already sent happens whatever the node answers now.
    if (b.flip !== undefined && b.flip.decidedAt < now) return;
    if (b.flip !== undefined) {
      this.#host.cancel(b.flip.id);
      b.flip = undefined;
    }
    this.#plan(lb, node, b, b.answerSince);
  }

  #plan(lb: Balancer, node: string, b: Backend, since: number): void {
    const flip = viewFlip(this.#timing(lb.service), lb.phase, b.healthy, b.answer, since, {
      initial: !b.everHealthy,
    });
    if (flip === undefined) return;
    const key = lb.key;
    // Removing a balancer or a backend, or a newer flip, cancels this one: at run time the
    // fleet that runs it holds the same balancer and backend (its own copies in a fork).
    const id = this.#host.schedule(flip.at, `cloud-lb ${key} probe ${node}`, this, (fleet) => {
      const own = fleet.#balancers.get(key);
      const backend = own?.backends.get(node);
      if (own !== undefined && backend !== undefined) fleet.#flipped(own, node, backend, flip);
    });
    b.flip = { ...flip, id };
  }

  /** A planned flip of `node`'s health in `lb`'s view happens now. */
  #flipped(lb: Balancer, node: string, b: Backend, flip: ViewFlip): void {
    b.flip = undefined;
    b.healthy = flip.healthy;
    if (flip.healthy) b.everHealthy = true;
    else if (!this.#allUnhealthyFailOpen(lb)) {
      this.#host.windows.close(
        'loadBalancer',
        lb.key,
        nodeAddress(this.#host.store.get('Node', node), node),
      );
    }
    this.#host.traceActivity(
      'cloud-lb',
      flip.healthy ? 'LoadBalancerBackendHealthy' : 'LoadBalancerBackendUnhealthy',
      { service: lb.key, node },
    );
    // The answer may have changed after the flip's last probe: plan from then on.
    const current = this.#answer(lb, node);
    if (current !== b.answer) {
      b.answer = current;
      b.answerSince = this.#host.now;
    }
    this.#plan(lb, node, b, Math.max(b.answerSince, this.#host.now));
  }
}
