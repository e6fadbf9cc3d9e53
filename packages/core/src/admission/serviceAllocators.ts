/**
 * ClusterIP and NodePort allocation for Services on create and update, with an undo journal.
 * @packageDocumentation
 */
import { produce } from 'immer';
import type { Draft } from 'immer';
import type { AllocatorOps } from './allocatorOps.js';
import type { ClusterConfig } from '../config.js';
import type { FieldIssue } from '../errors.js';
import type { Service, ServiceSpec } from '../objects/service.js';
import type { RandomSource } from '../sources.js';
import { AllocationJournal } from './allocationJournal.js';
import { ClusterIPAllocator } from './clusterIPAllocator.js';
import { NodePortAllocator } from './nodePortAllocator.js';
import { admitClusterIPs } from './serviceClusterIPs.js';
import { admitHealthCheckNodePort, admitNodePorts } from './serviceNodePorts.js';

/** What {@link ServiceAllocators.admitService} returns. */
export interface ServiceAdmission {
  /** The Service with its allocations written in; the input unchanged when `issues` is not empty. */
  readonly service: Service;
  /** Why the allocation was refused, in kubectl's words; empty on success. */
  readonly issues: FieldIssue[];
}

/**
 * The API server's Service allocators: one {@link ClusterIPAllocator} over `config.serviceCIDR`
 * and one {@link NodePortAllocator} over `config.nodePortRange`, driven by Service writes
 * (pkg/registry/core/service/storage/alloc.go).
 *
 * Every allocate and release is journaled: `begin()` opens a transaction, `rollback()` undoes
 * everything since, `commit()` keeps it. A nested `begin()` joins the enclosing transaction: its
 * `commit()` hands its work to the outer one, which can still roll it back. A call to
 * `admitService` that returns issues leaves nothing allocated or released.
 *
 * @example
 * ```ts
 * const alloc = new ServiceAllocators(defaultClusterConfig, seededRandomSource(7));
 * alloc.reserveClusterIP('10.96.0.10');                 // cluster DNS
 * const { service, issues } = alloc.admitService(defaulted, undefined);
 * // service.spec.clusterIP === '10.96.x.y' (upper band), ipFamilies ['IPv4'], SingleStack
 * ```
 */
export class ServiceAllocators {
  /** The ClusterIP range (read it freely; allocate through this object to stay journaled). */
  readonly clusterIPs: ClusterIPAllocator;
  /** The NodePort range (read it freely; allocate through this object to stay journaled). */
  readonly nodePorts: NodePortAllocator;
  private readonly journal = new AllocationJournal();

  /**
   * @param config - `serviceCIDR` and `nodePortRange` are used
   * @param random - one chance stream for both ranges (the engine's allocator stream)
   * @throws {@link ConfigError} when the CIDR or the port range is invalid
   */
  constructor(config: Readonly<ClusterConfig>, random: RandomSource) {
    this.clusterIPs = new ClusterIPAllocator(config.serviceCIDR, random);
    this.nodePorts = new NodePortAllocator(config.nodePortRange, random);
  }

  /**
   * Takes the allocations of `other` (same config), for a fork of the store; outside any
   * transaction only.
   */
  copyFrom(other: ServiceAllocators): void {
    this.clusterIPs.copyFrom(other.clusterIPs);
    this.nodePorts.copyFrom(other.nodePorts);
  }

  /**
   * Allocates what a defaulted Service needs on create (`old` undefined) or update:
   * - `ExternalName`: no ClusterIP; an update to ExternalName releases the old one;
   * - `clusterIP: None`: headless, `clusterIPs: ['None']`;
   * - a requested `clusterIP`/`clusterIPs[0]` must be free and in range, else an issue on
   *   `spec.clusterIPs` (`failed to allocate IP 10.96.0.5: provided IP is already allocated`);
   * - none requested: a dynamic address (§2.12); sets `clusterIP`, `clusterIPs`,
   *   `ipFamilies: ['IPv4']`, `ipFamilyPolicy: 'SingleStack'`;
   * - `NodePort`/`LoadBalancer`: a node port per port (requested ones honoured if free, else an
   *   issue on `spec.ports[i].nodePort`); leaving these types releases them;
   * - `LoadBalancer` + `externalTrafficPolicy: Local`: a `healthCheckNodePort`;
   * - on update, allocations the new spec omits are kept (node ports matched by port name), and
   *   changing an allocated ClusterIP is an issue (`may not change once set`).
   *
   * When issues are returned nothing stays allocated and nothing was released.
   */
  admitService(svc: Service, old: Service | undefined): ServiceAdmission {
    const mark = this.journal.mark();
    const releases: (() => void)[] = [];
    const ops = this.ops(releases);
    const issues: FieldIssue[] = [];
    const service = produce(svc, (draft) => {
      const spec: Draft<ServiceSpec> = draft.spec;
      issues.push(...admitClusterIPs(spec, old, ops));
      if (issues.length > 0) return;
      issues.push(...admitNodePorts(spec, old, ops));
      if (issues.length > 0) return;
      issues.push(...admitHealthCheckNodePort(spec, old, ops));
    });
    if (issues.length > 0) {
      this.journal.undoTo(mark);
      this.journal.settle();
      return { service: svc, issues };
    }
    for (const release of releases) release();
    this.journal.settle();
    return { service, issues };
  }

  /** Releases everything `svc` holds: its ClusterIP, node ports and health-check node port. */
  releaseService(svc: Service): void {
    const spec = svc.spec;
    if (spec.type !== 'ExternalName' && spec.clusterIP !== undefined)
      this.releaseIP(spec.clusterIP);
    for (const port of spec.ports) {
      if (port.nodePort !== undefined) this.releasePort(port.nodePort);
    }
    if (spec.healthCheckNodePort !== undefined) this.releasePort(spec.healthCheckNodePort);
    this.journal.settle();
  }

  /**
   * Marks `ip` as used without a Service, e.g. the cluster DNS address `10.96.0.10`.
   * @throws {@link AllocationError} `NotInRange` or `AlreadyAllocated`
   */
  reserveClusterIP(ip: string): void {
    this.allocateIP(ip);
    this.journal.settle();
  }

  /** Opens a transaction (or joins the open one as a nested savepoint). */
  begin(): void {
    this.journal.begin();
  }

  /**
   * Keeps the work since the matching `begin()`.
   * @throws {@link AllocationError} `NoTransaction` without a matching `begin()`
   */
  commit(): void {
    this.journal.commit();
  }

  /**
   * Undoes every allocate and release since the matching `begin()`.
   * @throws {@link AllocationError} `NoTransaction` without a matching `begin()`
   */
  rollback(): void {
    this.journal.rollback();
  }

  private allocateIP(ip: string): void {
    this.clusterIPs.allocate(ip);
    this.journal.record(() => {
      this.clusterIPs.release(ip);
    });
  }

  private releaseIP(ip: string): void {
    if (this.clusterIPs.release(ip)) {
      this.journal.record(() => {
        this.clusterIPs.allocate(ip);
      });
    }
  }

  private allocatePort(port: number): void {
    this.nodePorts.allocate(port);
    this.journal.record(() => {
      this.nodePorts.release(port);
    });
  }

  private releasePort(port: number): void {
    if (this.nodePorts.release(port)) {
      this.journal.record(() => {
        this.nodePorts.allocate(port);
      });
    }
  }

  private ops(releases: (() => void)[]): AllocatorOps {
    return {
      clusterIPs: this.clusterIPs,
      nodePorts: this.nodePorts,
      allocateIP: (ip) => {
        this.allocateIP(ip);
      },
      allocateNextIP: () => {
        const ip = this.clusterIPs.allocateNext();
        this.journal.record(() => {
          this.clusterIPs.release(ip);
        });
        return ip;
      },
      allocatePort: (port) => {
        this.allocatePort(port);
      },
      allocateNextPort: () => {
        const port = this.nodePorts.allocateNext();
        this.journal.record(() => {
          this.nodePorts.release(port);
        });
        return port;
      },
      deferReleaseIP: (ip) =>
        releases.push(() => {
          this.releaseIP(ip);
        }),
      deferReleasePort: (port) =>
        releases.push(() => {
          this.releasePort(port);
        }),
    };
  }
}
