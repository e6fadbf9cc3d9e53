/**
 * The pod garbage collector's settings (§6.11–6.12), with the upstream defaults. Durations are
 * whole milliseconds.
 * @packageDocumentation
 */

/** Timings of the pod GC; see {@link defaultPodGcConfig}. */
export interface PodGcConfig {
  /**
   * PodGC pass period; passes run at k × period from 0.
   * @defaultValue `20_000`
   */
  podGCPeriod: number;
  /**
   * Quarantine before pods of a deleted node are force-deleted.
   * @defaultValue `40_000`
   */
  podGCQuarantine: number;
  /**
   * Terminated pods kept before PodGC deletes the excess (0 deletes all terminated pods).
   * @defaultValue `12_500` (`--terminated-pod-gc-threshold`)
   */
  terminatedPodGCThreshold: number;
}

/** Upstream defaults of {@link PodGcConfig}, frozen. */
export const defaultPodGcConfig: Readonly<PodGcConfig> = Object.freeze({
  podGCPeriod: 20_000,
  podGCQuarantine: 40_000,
  terminatedPodGCThreshold: 12_500,
});
