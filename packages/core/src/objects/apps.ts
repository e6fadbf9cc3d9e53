/**
 * Deployment, ReplicaSet and StatefulSet (apps/v1) and PodDisruptionBudget (policy/v1).
 * @packageDocumentation
 */
import type {
  Condition,
  IntOrString,
  KubeObjectInputBase,
  LabelSelector,
  NamespacedObjectMeta,
} from './meta.js';
import type { PodTemplateSpec, PodTemplateSpecInput } from './pod.js';

/** A Deployment strategy as written. */
export interface DeploymentStrategyInput {
  type?: string;
  rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString };
}

/** The Deployment spec as written. */
export interface DeploymentSpecInput {
  replicas?: number;
  selector?: LabelSelector | null;
  template?: PodTemplateSpecInput;
  strategy?: DeploymentStrategyInput;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  paused?: boolean;
}

/** The Deployment spec after admission (§7.6 defaults). */
export interface DeploymentSpec {
  replicas: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  strategy:
    | {
        type: 'RollingUpdate';
        rollingUpdate: { maxSurge: IntOrString; maxUnavailable: IntOrString };
      }
    | { type: 'Recreate' };
  minReadySeconds: number;
  revisionHistoryLimit: number;
  progressDeadlineSeconds: number;
  paused?: boolean;
}

/** Deployment status. */
export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  terminatingReplicas?: number;
  conditions?: Condition[];
  collisionCount?: number;
}

/** A Deployment manifest as written. */
export interface DeploymentInput extends KubeObjectInputBase {
  spec?: DeploymentSpecInput;
  status?: unknown;
}

/** A stored Deployment. */
export interface Deployment {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: NamespacedObjectMeta;
  spec: DeploymentSpec;
  status: DeploymentStatus;
}

/** The ReplicaSet spec as written. */
export interface ReplicaSetSpecInput {
  replicas?: number;
  selector?: LabelSelector | null;
  template?: PodTemplateSpecInput;
  minReadySeconds?: number;
}

/** The ReplicaSet spec after admission. */
export interface ReplicaSetSpec {
  replicas: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  minReadySeconds: number;
}

/** ReplicaSet status. */
export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  terminatingReplicas?: number;
  observedGeneration?: number;
  conditions?: Condition[];
}

/** A ReplicaSet manifest as written. */
export interface ReplicaSetInput extends KubeObjectInputBase {
  spec?: ReplicaSetSpecInput;
  status?: unknown;
}

/** A stored ReplicaSet. */
export interface ReplicaSet {
  apiVersion: 'apps/v1';
  kind: 'ReplicaSet';
  metadata: NamespacedObjectMeta;
  spec: ReplicaSetSpec;
  status: ReplicaSetStatus;
}

/** The StatefulSet spec as written. */
export interface StatefulSetSpecInput {
  replicas?: number;
  selector?: LabelSelector | null;
  template?: PodTemplateSpecInput;
  serviceName?: string;
  podManagementPolicy?: string;
  updateStrategy?: {
    type?: string;
    rollingUpdate?: { partition?: number; maxUnavailable?: IntOrString };
  };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  ordinals?: { start?: number };
  volumeClaimTemplates?: readonly unknown[];
  persistentVolumeClaimRetentionPolicy?: unknown;
}

/** The StatefulSet spec after admission. */
export interface StatefulSetSpec {
  replicas: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  serviceName?: string;
  podManagementPolicy: 'OrderedReady' | 'Parallel';
  updateStrategy:
    | { type: 'RollingUpdate'; rollingUpdate: { partition: number; maxUnavailable?: IntOrString } }
    | { type: 'OnDelete' };
  minReadySeconds: number;
  revisionHistoryLimit: number;
  ordinals?: { start?: number };
  volumeClaimTemplates?: unknown[];
}

/** StatefulSet status. */
export interface StatefulSetStatus {
  replicas: number;
  readyReplicas?: number;
  currentReplicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  currentRevision?: string;
  updateRevision?: string;
  observedGeneration?: number;
  conditions?: Condition[];
}

/** A StatefulSet manifest as written. */
export interface StatefulSetInput extends KubeObjectInputBase {
  spec?: StatefulSetSpecInput;
  status?: unknown;
}

/** A stored StatefulSet. */
export interface StatefulSet {
  apiVersion: 'apps/v1';
  kind: 'StatefulSet';
  metadata: NamespacedObjectMeta;
  spec: StatefulSetSpec;
  status: StatefulSetStatus;
}

/** The PodDisruptionBudget spec as written: at most one of minAvailable and maxUnavailable (§8.1). */
export interface PodDisruptionBudgetSpecInput {
  minAvailable?: IntOrString;
  maxUnavailable?: IntOrString;
  selector?: LabelSelector | null;
  unhealthyPodEvictionPolicy?: string;
}

/** The PodDisruptionBudget spec after admission. `selector` absent selects no pods; `{}` selects all. */
export interface PodDisruptionBudgetSpec {
  minAvailable?: IntOrString;
  maxUnavailable?: IntOrString;
  selector?: LabelSelector;
  unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow';
}

/** PodDisruptionBudget status, as the disruption controller computes it (§8.2). */
export interface PodDisruptionBudgetStatus {
  observedGeneration?: number;
  /** Pods the Eviction API has admitted but that are not gone yet: pod name → RFC 3339 time. */
  disruptedPods?: Record<string, string>;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  conditions?: Condition[];
}

/** A PodDisruptionBudget manifest as written. */
export interface PodDisruptionBudgetInput extends KubeObjectInputBase {
  spec?: PodDisruptionBudgetSpecInput;
  status?: unknown;
}

/** A stored PodDisruptionBudget. */
export interface PodDisruptionBudget {
  apiVersion: 'policy/v1';
  kind: 'PodDisruptionBudget';
  metadata: NamespacedObjectMeta;
  spec: PodDisruptionBudgetSpec;
  status: PodDisruptionBudgetStatus;
}
