/**
 * Every timing and default of a simulation, by name (DESIGN.md "Defaults", docs/k8s-semantics.md
 * §0). Values are resolved: durations in whole milliseconds. {@link resolveSimConfig} reads user
 * input (Go duration strings allowed) into this shape.
 * @packageDocumentation
 */
import {
  defaultClusterConfig,
  defaultNodeLifecycleConfig,
  defaultPodGcConfig,
} from '@kubesim/core';
import type { ClusterConfig, NodeLifecycleConfig, PodGcConfig } from '@kubesim/core';
import type { DelayModel } from './delayModel.js';

/**
 * The resolved configuration of a simulation: core's {@link ClusterConfig} (CIDRs, cluster domain,
 * start time, slice sizes, default toleration seconds) plus every engine timing. Durations are
 * whole milliseconds; Kubernetes 1.32+ defaults throughout.
 */
export interface SimConfig extends ClusterConfig, NodeLifecycleConfig, PodGcConfig {
  // ── kubelet (§5, §6.1) ──
  /**
   * Node Lease duration.
   * @defaultValue `40_000` (40 s)
   */
  leaseDuration: number;
  /**
   * Lease renewal interval; each kubelet renews at its start + k × interval.
   * @defaultValue `10_000` (leaseDuration × 0.25)
   */
  leaseRenewInterval: number;
  /**
   * How often the kubelet computes node status.
   * @defaultValue `10_000` (`nodeStatusUpdateFrequency`)
   */
  nodeStatusUpdateFrequency: number;
  /**
   * How often the kubelet posts an unchanged node status.
   * @defaultValue `300_000` (`nodeStatusReportFrequency`, 5 min)
   */
  nodeStatusReportFrequency: number;
  /**
   * Time from binding to a ready pod sandbox with its IP (sandbox + CNI). kubesim's choice; a
   * jitter range models a noisy runtime.
   * @defaultValue `500`
   */
  podSandboxDelay: DelayModel;
  /**
   * Time to pull an image (0: images are present, as with a warm `IfNotPresent` cache). kubesim's choice.
   * @defaultValue `0`
   */
  imagePullDelay: DelayModel;
  /**
   * Time from sandbox (and image) ready to the container running. kubesim's choice.
   * @defaultValue `500`
   */
  containerStartDelay: DelayModel;
  /**
   * First container restart back-off after the immediate first restart (0, 10, 20, 40 … s).
   * @defaultValue `10_000` (§5.8)
   */
  containerBackoffInitial: number;
  /**
   * Container restart back-off cap.
   * @defaultValue `300_000` (5 min)
   */
  containerBackoffMax: number;
  /**
   * Running time after which a container's back-off is reset.
   * @defaultValue `600_000` (10 min)
   */
  containerBackoffReset: number;
  /**
   * One-off extension of the termination grace period when a preStop hook overruns it (§5.11).
   * @defaultValue `2000`
   */
  preStopGraceExtension: number;

  // ── scheduler (§9) ──
  /** @defaultValue `1000` (podInitialBackoffSeconds 1) */
  schedulerInitialBackoff: number;
  /** @defaultValue `10_000` (podMaxBackoffSeconds 10) */
  schedulerMaxBackoff: number;
  /**
   * Longest stay in the unschedulable queue before a retry.
   * @defaultValue `300_000` (5 min)
   */
  schedulerUnschedulableFlush: number;

  // ── EndpointSlice controller (§3.5, §3.13) ──
  /** Retry back-off base. @defaultValue `1000` */
  endpointSliceBackoffBase: number;
  /** Retry back-off cap. @defaultValue `1_000_000` (1000 s) */
  endpointSliceBackoffMax: number;
  /** Retries before a Service's sync is dropped. @defaultValue `15` */
  endpointSliceMaxRetries: number;
  /**
   * Delay added to pod-triggered syncs (`--endpointslice-updates-batch-period`).
   * @defaultValue `0`
   */
  endpointSliceUpdatesBatchPeriod: number;

  // ── kube-proxy (§4.11) ──
  /**
   * Minimum spacing of a proxy's rule syncs: the first change after a quiet period applies at
   * once, later ones are batched to the next allowed sync.
   * @defaultValue `1000`
   */
  proxyMinSyncPeriod: number;
  /**
   * Full resync period (no observable effect in the model beyond re-applying the same rules).
   * @defaultValue `30_000`
   */
  proxySyncPeriod: number;

  // ── watch delays (DESIGN.md point 5) ──
  /** How late controllers see API changes. @defaultValue `0` */
  controllerWatchDelay: DelayModel;
  /** How late kubelets see API changes (e.g. a deletionTimestamp). @defaultValue `0` */
  kubeletWatchDelay: DelayModel;
  /** How late each kube-proxy sees slice changes, before min-sync batching. @defaultValue `0` */
  proxyWatchDelay: DelayModel;
  /** Default delay of `sim.watch` handlers. @defaultValue `0` */
  userWatchDelay: DelayModel;

  // ── eviction and drain (§8) ──
  /** `kubectl drain` retry interval after a 429. @defaultValue `5000` */
  drainRetryInterval: number;
  /** How long a pod stays in a PDB's `disruptedPods`. @defaultValue `120_000` (2 min) */
  pdbDeletionTimeout: number;

  // ── running and settling ──
  /** Events allowed at one instant before the run stops. @defaultValue `10_000_000` */
  maxEventsPerInstant: number;
  /** Reconciles of one (controller, key) at one instant with unchanged input. @defaultValue `100` */
  maxReconcilesPerKeyPerInstant: number;
  /**
   * Virtual time `settle()` may run before it throws, naming what is pending. Long enough for the
   * whole node-failure timeline (≈ 6 min) several times over.
   * @defaultValue `3_600_000` (1 h)
   */
  settleTimeout: number;
}

/** The engine's own fields (everything in {@link SimConfig} that core's ClusterConfig lacks). */
export type SimTimingField = Exclude<keyof SimConfig, keyof ClusterConfig>;

/** Kubernetes 1.32+ defaults, frozen. */
export const defaultSimConfig: Readonly<SimConfig> = Object.freeze({
  ...defaultClusterConfig,
  ...defaultNodeLifecycleConfig,
  leaseDuration: 40_000,
  leaseRenewInterval: 10_000,
  nodeStatusUpdateFrequency: 10_000,
  nodeStatusReportFrequency: 300_000,
  podSandboxDelay: 500,
  imagePullDelay: 0,
  containerStartDelay: 500,
  containerBackoffInitial: 10_000,
  containerBackoffMax: 300_000,
  containerBackoffReset: 600_000,
  preStopGraceExtension: 2000,
  ...defaultPodGcConfig,
  schedulerInitialBackoff: 1000,
  schedulerMaxBackoff: 10_000,
  schedulerUnschedulableFlush: 300_000,
  endpointSliceBackoffBase: 1000,
  endpointSliceBackoffMax: 1_000_000,
  endpointSliceMaxRetries: 15,
  endpointSliceUpdatesBatchPeriod: 0,
  proxyMinSyncPeriod: 1000,
  proxySyncPeriod: 30_000,
  controllerWatchDelay: 0,
  kubeletWatchDelay: 0,
  proxyWatchDelay: 0,
  userWatchDelay: 0,
  drainRetryInterval: 5000,
  pdbDeletionTimeout: 120_000,
  maxEventsPerInstant: 10_000_000,
  maxReconcilesPerKeyPerInstant: 100,
  settleTimeout: 3_600_000,
});
