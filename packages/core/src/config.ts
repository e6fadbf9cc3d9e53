/**
 * Cluster-wide settings of the model (the API server's flags and the controllers' options that
 * `@kubesim/core` needs). Every default follows upstream (docs/k8s-semantics.md §0, DESIGN.md).
 * @packageDocumentation
 */
import { DEFAULT_START_TIME_MS } from './time.js';

/** Settings of the model. Every field has an upstream default; see {@link defaultClusterConfig}. */
export interface ClusterConfig {
  /**
   * Service ClusterIP range (kube-apiserver `--service-cluster-ip-range`).
   * @defaultValue `'10.96.0.0/12'` (kubeadm's default)
   */
  serviceCIDR: string;
  /**
   * NodePort range (`--service-node-port-range`), `'base-last'` inclusive.
   * @defaultValue `'30000-32767'`
   */
  nodePortRange: string;
  /**
   * Pod network (`--cluster-cidr` of the controller manager); must not overlap `serviceCIDR`.
   * @defaultValue `'10.128.0.0/11'` (8,192 nodes of /24)
   */
  clusterCIDR: string;
  /** @defaultValue `24` (`--node-cidr-mask-size`) */
  nodeCIDRMaskSize: number;
  /** @defaultValue `'cluster.local'` */
  clusterDomain: string;
  /** Epoch milliseconds of virtual time 0. @defaultValue 2025-01-01T00:00:00Z */
  startTime: number;
  /** @defaultValue `100` (`--max-endpoints-per-slice`, 1–1000) */
  maxEndpointsPerSlice: number;
  /** Legacy Endpoints capacity before truncation (§3.24). @defaultValue `1000` */
  maxEndpointsPerEndpoints: number;
  /** Addresses mirrored per Endpoints subset (§3.26). @defaultValue `1000` */
  mirroringMaxEndpointsPerSubset: number;
  /** @defaultValue `300` (`--default-not-ready-toleration-seconds`) */
  defaultNotReadyTolerationSeconds: number;
  /** @defaultValue `300` (`--default-unreachable-toleration-seconds`) */
  defaultUnreachableTolerationSeconds: number;
  /**
   * Address of the simulated kube-apiserver behind the `kubernetes` Service.
   * @defaultValue `'192.168.0.2'`
   */
  apiServerAddress: string;
  /** @defaultValue `6443` */
  apiServerPort: number;
  /**
   * What DNS answers for a headless Service with no ready endpoint: CoreDNS answers an empty
   * NOERROR (`'NODATA'`) by default; `'NXDOMAIN'` is its `ignore emptyservice` behaviour (§10.4).
   * @defaultValue `'NODATA'`
   */
  headlessEmptyAnswer: 'NODATA' | 'NXDOMAIN';
  /**
   * Validate every write, kubesim's own too. By default a user's writes (apply, create, update,
   * updateStatus, delete) are always validated, while the writes of kubesim's own controllers
   * and kubelets are trusted (they skip validation; DESIGN.md "Where immer fits"). Turn this on
   * to check that no trusted write is invalid; the project's own test suite runs with it on
   * ({@link setParanoidByDefault}).
   * @defaultValue `false`
   */
  paranoid: boolean;
  /**
   * How `apply` treats fields a kind does not have, as the API server's `fieldValidation`
   * (kubectl's default `--validate=strict`): `'Strict'` refuses the write, `'Warn'` drops them
   * and returns a warning, `'Ignore'` drops them silently. `apply(input, { fieldValidation })`
   * overrides it per call.
   * @defaultValue `'Strict'`
   */
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  /**
   * kubesim's limit on the number of Nodes (a larger `addNodes` is refused with a typed error
   * rather than running out of memory).
   * @defaultValue `20_000`
   */
  maxNodes: number;
  /**
   * kubesim's limit on `spec.replicas` of a workload (upstream's own limit is int32; this one keeps
   * a typo such as `replicas: 1e6` from running for minutes).
   * @defaultValue `200_000`
   */
  maxReplicas: number;
  /**
   * Deepest nesting of objects and lists a manifest may have (deeper input is refused before it
   * is read further).
   * @defaultValue `200`
   */
  maxNestingDepth: number;
  /**
   * Largest manifest text `apply` reads, in UTF-16 code units (the API server's request limit is
   * 3 MiB; several documents may come at once here).
   * @defaultValue `67_108_864` (64 Mi)
   */
  maxManifestLength: number;
}

/** Upstream defaults. */
export const defaultClusterConfig: Readonly<ClusterConfig> = Object.freeze({
  serviceCIDR: '10.96.0.0/12',
  nodePortRange: '30000-32767',
  clusterCIDR: '10.128.0.0/11',
  nodeCIDRMaskSize: 24,
  clusterDomain: 'cluster.local',
  startTime: DEFAULT_START_TIME_MS,
  maxEndpointsPerSlice: 100,
  maxEndpointsPerEndpoints: 1000,
  mirroringMaxEndpointsPerSubset: 1000,
  defaultNotReadyTolerationSeconds: 300,
  defaultUnreachableTolerationSeconds: 300,
  apiServerAddress: '192.168.0.2',
  apiServerPort: 6443,
  headlessEmptyAnswer: 'NODATA',
  paranoid: false,
  fieldValidation: 'Strict',
  maxNodes: 20_000,
  maxReplicas: 200_000,
  maxNestingDepth: 200,
  maxManifestLength: 67_108_864,
});

const PARANOID_KEY = Symbol.for('kubesim.paranoidByDefault');

/**
 * Makes every store created from now on validate every write, as `config.paranoid: true` does,
 * whatever its config says. For test suites (the project's own runs with it on); the switch is
 * process-wide, shared by every copy of the package loaded in the process.
 *
 * @example
 * ```ts
 * // vitest setup file
 * setParanoidByDefault(true);
 * ```
 */
export function setParanoidByDefault(on: boolean): void {
  (globalThis as Record<symbol, unknown>)[PARANOID_KEY] = on;
}

/** True when {@link setParanoidByDefault} turned paranoid validation on for the process. */
export function paranoidByDefault(): boolean {
  return (globalThis as Record<symbol, unknown>)[PARANOID_KEY] === true;
}
