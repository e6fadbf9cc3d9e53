/**
 * Defaults of a pod spec, shared by Pods and the pod templates of workloads
 * (pkg/apis/core/v1/defaults.go `SetDefaults_PodSpec`, `SetDefaults_Probe`, and the `TCP`
 * defaults of container ports).
 * @packageDocumentation
 */
import type { Draft } from 'immer';
import type { ContainerInput, PodSpecInput, ProbeInput } from '../objects/pod.js';

/** `DefaultTerminationGracePeriodSeconds` (core/v1 types.go, §5.9). */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

/** Probe timing defaults (§5.5): delay 0, period 10, timeout 1, success 1, failure 3. */
export const DEFAULT_PROBE_TIMINGS = Object.freeze({
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
});

/** `SetDefaults_Probe`: a 0 or absent timing takes its default; `httpGet` path `/`, scheme `HTTP`. */
function defaultProbe(probe: Draft<ProbeInput>): void {
  // Upstream tests `== 0` on non-pointer fields, so an explicit 0 is defaulted too (except the
  // initial delay, whose default is 0).
  probe.initialDelaySeconds ??= DEFAULT_PROBE_TIMINGS.initialDelaySeconds;
  if (!probe.periodSeconds) probe.periodSeconds = DEFAULT_PROBE_TIMINGS.periodSeconds;
  if (!probe.timeoutSeconds) probe.timeoutSeconds = DEFAULT_PROBE_TIMINGS.timeoutSeconds;
  if (!probe.successThreshold) probe.successThreshold = DEFAULT_PROBE_TIMINGS.successThreshold;
  if (!probe.failureThreshold) probe.failureThreshold = DEFAULT_PROBE_TIMINGS.failureThreshold;
  if (probe.httpGet !== undefined) {
    if (!probe.httpGet.path) probe.httpGet.path = '/';
    if (!probe.httpGet.scheme) probe.httpGet.scheme = 'HTTP';
  }
}

/** True for an object (a list item validation let through is one; defaulting checks anyway). */
const isRecord = (v: unknown): boolean => v !== null && typeof v === 'object';

/** Container port protocols (`TCP`) and probe timings of one container. */
export function defaultContainer(container: Draft<ContainerInput>): void {
  // Validation refuses null items before defaulting; defaulting still never trips on one.
  for (const port of container.ports ?? []) {
    if (isRecord(port) && !port.protocol) port.protocol = 'TCP';
  }
  if (container.readinessProbe) defaultProbe(container.readinessProbe);
  if (container.livenessProbe) defaultProbe(container.livenessProbe);
  if (container.startupProbe) defaultProbe(container.startupProbe);
}

/**
 * Defaults a pod spec in place: `restartPolicy: Always`, `terminationGracePeriodSeconds: 30`,
 * `dnsPolicy: ClusterFirst`, `schedulerName: default-scheduler`, container port protocol `TCP`,
 * probe timings, and `containers`/`tolerations` present (`[]`) as the stored type wants them.
 */
export function defaultPodSpec(spec: Draft<PodSpecInput>): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  spec.containers ??= [];
  spec.tolerations ??= [];
  for (const c of spec.containers) if (isRecord(c)) defaultContainer(c);
  for (const c of spec.initContainers ?? []) if (isRecord(c)) defaultContainer(c);
}
