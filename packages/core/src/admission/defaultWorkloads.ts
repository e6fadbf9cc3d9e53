/**
 * Deployment, ReplicaSet and StatefulSet defaulting (§7.6, pkg/apis/apps/v1/defaults.go), with
 * the pod spec defaults on their templates. The DefaultTolerationSeconds plugin does not apply
 * to templates: it admits pods only.
 * @packageDocumentation
 */
import type { Draft } from 'immer';
import type {
  DeploymentInput,
  DeploymentSpecInput,
  ReplicaSetInput,
  ReplicaSetSpecInput,
  StatefulSetInput,
  StatefulSetSpecInput,
} from '../objects/apps.js';
import type { PodTemplateSpecInput } from '../objects/pod.js';
import { defaultPodSpec } from './defaultPodSpec.js';
import { ensureStatus } from './ensureStatus.js';

/** Deployment rolling-update defaults: `maxSurge` and `maxUnavailable` 25 % each. */
export const DEFAULT_MAX_SURGE = '25%';
/** See {@link DEFAULT_MAX_SURGE}. */
export const DEFAULT_MAX_UNAVAILABLE = '25%';
/** Old ReplicaSets / revisions kept by default. */
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
/** Deployment `progressDeadlineSeconds` default. */
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

/** The template is a struct upstream, so it is always there to default. */
function defaultTemplate(spec: { template?: Draft<PodTemplateSpecInput> }): void {
  const template = (spec.template ??= {});
  defaultPodSpec((template.spec ??= {}));
}

/**
 * `SetDefaults_Deployment`: `replicas: 1`; strategy `RollingUpdate` with `maxSurge` and
 * `maxUnavailable` `'25%'` (whichever is missing); `revisionHistoryLimit: 10`;
 * `progressDeadlineSeconds: 600`; `minReadySeconds: 0`; template defaults.
 */
export function defaultDeployment(d: Draft<DeploymentInput>): void {
  const spec: Draft<DeploymentSpecInput> = (d.spec ??= {});
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = (strategy.rollingUpdate ??= {});
    rolling.maxUnavailable ??= DEFAULT_MAX_UNAVAILABLE;
    rolling.maxSurge ??= DEFAULT_MAX_SURGE;
  }
  spec.revisionHistoryLimit ??= DEFAULT_REVISION_HISTORY_LIMIT;
  spec.progressDeadlineSeconds ??= DEFAULT_PROGRESS_DEADLINE_SECONDS;
  spec.minReadySeconds ??= 0;
  defaultTemplate(spec);
  ensureStatus(d);
}

/** `SetDefaults_ReplicaSet`: `replicas: 1`; `minReadySeconds: 0`; template defaults. */
export function defaultReplicaSet(rs: Draft<ReplicaSetInput>): void {
  const spec: Draft<ReplicaSetSpecInput> = (rs.spec ??= {});
  spec.replicas ??= 1;
  spec.minReadySeconds ??= 0;
  defaultTemplate(spec);
  ensureStatus(rs, { replicas: 0 });
}

/**
 * `SetDefaults_StatefulSet`: `replicas: 1`; `podManagementPolicy: OrderedReady`; update strategy
 * `RollingUpdate` with `partition: 0`; `revisionHistoryLimit: 10`; `minReadySeconds: 0`;
 * `persistentVolumeClaimRetentionPolicy` `Retain`/`Retain`; template defaults.
 */
export function defaultStatefulSet(sts: Draft<StatefulSetInput>): void {
  const spec: Draft<StatefulSetSpecInput> = (sts.spec ??= {});
  spec.replicas ??= 1;
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const strategy = (spec.updateStrategy ??= {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    // Upstream leaves rollingUpdate nil when the type was given without it; a nil partition
    // means 0, and the stored type always carries it.
    const rolling = (strategy.rollingUpdate ??= {});
    rolling.partition ??= 0;
  }
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {}) as Record<string, unknown>;
  if (!retention['whenDeleted']) retention['whenDeleted'] = 'Retain';
  if (!retention['whenScaled']) retention['whenScaled'] = 'Retain';
  spec.revisionHistoryLimit ??= DEFAULT_REVISION_HISTORY_LIMIT;
  spec.minReadySeconds ??= 0;
  defaultTemplate(spec);
  ensureStatus(sts, { replicas: 0 });
}
