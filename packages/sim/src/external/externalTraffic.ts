/**
 * Traffic from outside the cluster: the cloud's load balancers (installed by
 * `sim.addCloudLoadBalancers`) and the ingress controller (`sim.addIngressController`), fed by
 * the simulation's store events, node power changes and kube-proxy syncs.
 * @packageDocumentation
 */
import {
  HEALTH_CHECK_PRESETS,
  createLoadBalancerController,
  parseDuration,
  type AffinityTable,
  type Controller,
  type Duration,
  type HealthCheckPreset,
  type StoreEvent,
} from '@kubesim/core';
import { InvalidArgumentError } from '../engine/index.js';
import { connectViaLoadBalancer, type LbConnectResult } from './connectViaLoadBalancer.js';
import type { ExternalHost } from './externalHost.js';
import type { EntryPath, ExternalOutcome } from './externalOutcome.js';
import { IngressNginx, type IngressControllerOptions } from './ingressNginx.js';
import { LoadBalancerFleet } from './loadBalancerFleet.js';

/** Options of `sim.addCloudLoadBalancers`. */
export interface CloudLoadBalancerOptions {
  /**
   * Whose load balancers: what they probe and how often (see the presets' documentation).
   * @defaultValue `'default'` (GCE/GKE timings)
   */
  readonly preset?: 'gce' | 'aws' | 'azure' | 'default';
  /** Time from a LoadBalancer Service to its address. @defaultValue `0` */
  readonly provisioningDelay?: Duration;
  /** Addresses handed out (CIDR or `first-last`). @defaultValue `'198.51.100.0/24'` */
  readonly addressPool?: string;
}

/** What an outside client sees (connect and traffic results from outside). */
export interface ExternalResult {
  readonly outcome: ExternalOutcome;
  readonly via: EntryPath;
  readonly podKey?: string;
  readonly nodeName?: string;
  readonly ip?: string;
  readonly port?: number;
  readonly service?: string;
  readonly lbNode?: string;
  readonly sourceIP?: string;
  readonly reason: string;
}

/** The outside-traffic model of one simulation. */
export class ExternalTraffic {
  readonly #host: ExternalHost;
  readonly #addController: (c: Controller) => void;
  lb: LoadBalancerFleet | undefined;
  ingress: IngressNginx | undefined;

  constructor(host: ExternalHost, addController: (c: Controller) => void) {
    this.#host = host;
    this.#addController = addController;
  }

  /** Installs the cloud's load-balancer controller and data path (once). */
  addCloudLoadBalancers(opts: CloudLoadBalancerOptions = {}): LoadBalancerFleet {
    if (this.lb !== undefined) return this.lb;
    const name = opts.preset ?? 'default';
    const preset: HealthCheckPreset | undefined = (
      HEALTH_CHECK_PRESETS as Record<string, HealthCheckPreset | undefined>
    )[name];
    if (preset === undefined) {
      throw new InvalidArgumentError(
        'preset',
        `unknown load-balancer preset ${JSON.stringify(name)}; use one of gce, aws, azure, default`,
      );
    }
    const delay = opts.provisioningDelay === undefined ? 0 : parseDuration(opts.provisioningDelay);
    const controller = createLoadBalancerController({
      provisioningDelayMs: delay,
      ...(opts.addressPool !== undefined ? { addressPool: opts.addressPool } : {}),
      requireNodePorts: preset.targetsNodePorts,
    });
    this.lb = new LoadBalancerFleet(this.#host, preset);
    this.#addController(controller);
    return this.lb;
  }

  /** Installs the ingress controller's data path (its objects are applied by the caller). */
  addIngress(opts: IngressControllerOptions = {}): IngressNginx {
    if (this.ingress !== undefined) return this.ingress;
    this.ingress = new IngressNginx(this.#host, opts);
    return this.ingress;
  }

  /** A store event. */
  observe(ev: StoreEvent): void {
    this.lb?.observe(ev);
    this.ingress?.observe(ev);
  }

  /** A node lost or regained power. */
  powerChanged(node: string): void {
    this.lb?.powerChanged(node);
    this.ingress?.powerChanged(node);
  }

  /** kube-proxy applied changes. */
  proxiesSynced(): void {
    this.lb?.proxiesSynced();
  }

  /** Whether `ip` is a load balancer address. */
  serviceAtAddress(ip: string): string | undefined {
    return this.lb?.serviceAt(ip);
  }

  /** One connection from outside to the load balancer of `serviceKey`. */
  connectLoadBalancer(
    serviceKey: string,
    port: number | undefined,
    affinity: (node: string) => AffinityTable,
  ): LbConnectResult {
    if (this.lb === undefined) {
      return {
        outcome: 'timeout',
        via: 'loadBalancer',
        service: serviceKey,
        reason: 'no cloud load balancers in this simulation (sim.addCloudLoadBalancers())',
      };
    }
    return connectViaLoadBalancer(this.#host, this.lb, serviceKey, port, affinity);
  }

  /** One HTTP request from outside to `url` through the ingress controller. */
  request(url: string, affinity: (node: string) => AffinityTable): ExternalResult {
    const parsed = parseHttpUrl(url);
    const ingress = this.ingress;
    if (ingress === undefined || !ingress.hasHost(parsed.host)) {
      return {
        outcome: 'nxdomain',
        via: 'ingress',
        reason: `${parsed.host}: no DNS name (no Ingress rule names it)`,
      };
    }
    const front = this.connectLoadBalancer(ingress.serviceKey, parsed.port, affinity);
    if (front.outcome !== 'ok') {
      return { ...front, via: 'ingress', reason: `to the ingress controller: ${front.reason}` };
    }
    const answer = ingress.handle(parsed.host, parsed.path);
    return {
      outcome: answer.outcome,
      via: 'ingress',
      ...(answer.service !== undefined ? { service: answer.service } : {}),
      ...(answer.podKey !== undefined ? { podKey: answer.podKey } : {}),
      ...(answer.ip !== undefined ? { ip: answer.ip } : {}),
      ...(answer.port !== undefined ? { port: answer.port } : {}),
      ...(front.lbNode !== undefined ? { lbNode: front.lbNode } : {}),
      reason: answer.reason,
    };
  }
}

/** `http://host[:port]/path` → parts; the path defaults to `/`, the port to 80 (443 for https). */
export function parseHttpUrl(url: string): { host: string; port: number; path: string } {
  const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)/i.exec(url);
  if (m === null) {
    throw new InvalidArgumentError(
      'to',
      `${JSON.stringify(url)} is not an http:// or https:// URL`,
    );
  }
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] === undefined ? (scheme === 'https' ? 443 : 80) : Number(m[3]);
  const path = m[4] === undefined || m[4] === '' ? '/' : m[4];
  return { host: (m[2] ?? '').toLowerCase(), port, path };
}
